/** What the interviews feature adds to a dossier: the interviews tab and the interviews of the timeline. */
import { Loader } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { InterviewsPanel } from './InterviewsPanel';

function InterviewsTab(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab('interviews.forPerson', 'interview', props);
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  return (
    <InterviewsPanel
      interviews={query.data?.items ?? []}
      canWrite={canWrite}
      personId={personId}
      showEmpty={drawn}
    />
  );
}

export const interviewsTab: DossierTabDef = {
  key: 'interviews',
  labelKey: 'dossier.tabs.interviews',
  section: 'interview',
  order: 40,
  Component: InterviewsTab,
};

export const interviewsTimeline: TimelineKindDef[] = [
  {
    kind: 'interview',
    color: 'teal',
    describe: (t, item) => ({
      title:
        item.label === 'pep_alert' ? t('dossier.timeline.interviewPep') : t('dossier.timeline.interview'),
      detail: item.detail ? t('dossier.timeline.by', { name: item.detail }) : null,
    }),
  },
];
