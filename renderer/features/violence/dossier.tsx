/**
 * What the violence feature adds to a dossier: the "Violences" tab (incidents, the 72-hour protocol,
 * narratives), opened first for a writer of violence while a protocol runs, and its items on the
 * timeline (label keys only: the item and its outcome, never a type of violence).
 */
import { Loader } from '@mantine/core';
import { sectionAccess } from '../../../shared/domain/access-policy';
import { QueryError } from '../../app/QueryError';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { OPENING_WEIGHT } from '../persons/dossier/opening-tab';
import { known } from '../persons/dossier/timeline-text';
import { ViolencePanel } from './ViolencePanel';

function ViolenceTab(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab('violence.forPerson', 'violence', props);
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  return (
    <ViolencePanel
      personId={personId}
      incidents={query.data?.items ?? []}
      alerts={props.dossier.alerts}
      canWrite={canWrite}
    />
  );
}

export const violenceTab: DossierTabDef = {
  key: 'violence',
  labelKey: 'violence.tab.title',
  section: 'violence',
  order: 90,
  Component: ViolenceTab,
  // The alert reaches only readers of the incident; the writers act on it first.
  opensFor: (reader) =>
    sectionAccess(reader.roles, 'violence') === 'write' &&
    reader.dossier.alerts.some((a) => a.kind === 'violence_72h')
      ? OPENING_WEIGHT.protocol72h
      : null,
};

export const violenceTimeline: TimelineKindDef[] = [
  {
    kind: 'violence_incident',
    color: 'grape',
    describe: (t, item) => ({
      title: t('violence.timeline.incident'),
      detail: known(`violence.protocolStatuses.${item.label}`, item.label),
    }),
  },
  {
    kind: 'protocol_step',
    color: 'grape',
    describe: (t, item) => ({
      title: t('violence.timeline.step', {
        item: known(`violence.items.${item.label}`, item.label),
        outcome: known(`violence.outcomes.${item.detail ?? ''}`, item.detail ?? ''),
      }),
      detail: null,
    }),
  },
  {
    kind: 'injury_certificate',
    color: 'grape',
    describe: (t, item) => ({
      title: t(
        item.label === 'correction'
          ? 'violence.timeline.certificateCorrection'
          : 'violence.timeline.certificate',
      ),
      detail: null,
    }),
  },
];
