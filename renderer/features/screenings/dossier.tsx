/** What the screenings feature adds to a dossier: the Tests tab and the timeline's screenings and results. */
import { Loader } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { known } from '../persons/dossier/timeline-text';
import { OPENING_WEIGHT } from '../persons/dossier/opening-tab';
import { useSignedIn } from '../persons/use-signed-in';
import { ScreeningsPanel } from './ScreeningsPanel';

function ScreeningsTab(props: DossierTabProps) {
  const session = useSignedIn();
  const { canWrite, drawn, query, personId } = useSectionTab('screenings.forPerson', 'tests', props);
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  const visit = props.dossier.openVisit;
  return (
    <ScreeningsPanel
      personId={personId}
      samples={query.data?.items ?? []}
      canWrite={canWrite}
      // Samples are taken where the person is seen: the open visit's site, else the workstation's,
      // else the file's own site.
      siteId={visit?.siteId ?? session.currentSiteId ?? props.dossier.person.siteId}
      visitId={visit && !visit.closedAt ? visit.id : null}
      showEmpty={drawn}
    />
  );
}

export const screeningsTab: DossierTabDef = {
  key: 'tests',
  labelKey: 'screenings.tab.title',
  section: 'tests',
  order: 60,
  // A nurse or a doctor opening a file with a result still to give, or a positive still to treat
  // (the Test and Treat panel lives in this tab), lands on it.
  opensFor: (reader) =>
    reader.roles.some((r) => r === 'nurse' || r === 'doctor') &&
    reader.dossier.alerts.some((a) => a.kind === 'result_to_give' || a.kind === 'positive_to_treat')
      ? OPENING_WEIGHT.clinicalDue
      : null,
  Component: ScreeningsTab,
};

export const screeningsTimeline: TimelineKindDef[] = [
  {
    kind: 'screening',
    color: 'indigo',
    describe: (t, item) => ({
      title: t('screenings.timeline.screening', { count: Number(item.detail ?? 0) }),
      detail: null,
    }),
  },
  {
    kind: 'result',
    color: 'grape',
    describe: (t, item) => ({
      title: t('screenings.timeline.result', {
        test: known(`clinicalCatalogues.tests.${item.detail ?? ''}`, item.detail),
        interpretation: known(`screenings.interpretation.${item.label}`, item.label),
      }),
      detail: null,
    }),
  },
];
