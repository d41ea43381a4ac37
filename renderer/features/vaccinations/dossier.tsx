/** What the vaccinations feature adds to a dossier: the vaccines tab and the doses of the timeline. */
import { Loader } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { known } from '../persons/dossier/timeline-text';
import { VaccinationsPanel } from './VaccinationsPanel';

function VaccinationsTab(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab('vaccinations.forPerson', 'vaccines', props);
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  return (
    <VaccinationsPanel
      personId={personId}
      courses={query.data?.items ?? []}
      alerts={props.dossier.alerts}
      canWrite={canWrite}
      showCertificate={query.data?.view.status === 'shown'}
    />
  );
}

export const vaccinationsTab: DossierTabDef = {
  key: 'vaccines',
  labelKey: 'vaccinations.tab.title',
  section: 'vaccines',
  order: 80,
  Component: VaccinationsTab,
};

export const vaccinationsTimeline: TimelineKindDef[] = [
  {
    kind: 'vaccine_dose',
    color: 'cyan',
    describe: (t, item) => ({
      title: t('vaccinations.timeline.dose', {
        vaccine: known(`vaccinations.vaccines.${item.label}`, item.label),
        n: item.detail ?? '',
      }),
      detail: null,
    }),
  },
];
