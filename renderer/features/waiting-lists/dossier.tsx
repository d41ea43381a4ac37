/**
 * What the waiting lists add to a dossier: a panel in the Referrals tab (the section they belong
 * to) and their items on the timeline.
 */
import { Loader } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import type { DossierPanelDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { known } from '../persons/dossier/timeline-text';
import { specialtyLabel } from '../clinical-catalogues/labels';
import { WaitingListsPanel } from './WaitingListsPanel';

function WaitingListsSection(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab('waitingLists.forPerson', 'referrals', props);
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  return <WaitingListsPanel personId={personId} entries={query.data?.items ?? []} canWrite={canWrite} />;
}

export const waitingListsPanel: DossierPanelDef = {
  key: 'waiting-lists',
  tab: 'referrals',
  section: 'referrals',
  order: 10,
  Component: WaitingListsSection,
};

export const waitingListsTimeline: TimelineKindDef[] = [
  {
    kind: 'waiting_list',
    color: 'grape',
    describe: (t, item) => ({
      title: t('waitingLists.timeline', { specialty: specialtyLabel(t, { code: item.detail ?? '' }) }),
      detail: known(`waitingLists.statuses.${item.label}`, item.label),
    }),
  },
];
