/** What the interviews feature adds to a dossier: the interviews tab and the interviews of the timeline. */
import { Loader } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { OPENING_WEIGHT, receivesToday } from '../persons/dossier/opening-tab';
import { InterviewsPanel } from './InterviewsPanel';
import { interviewStepOpen } from './start-interview';
import { TodayPanel } from './TodayPanel';

function InterviewsTab(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab('interviews.forPerson', 'interview', props);
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  return (
    <InterviewsPanel
      interviews={query.data?.items ?? []}
      canWrite={canWrite}
      canStartNew={canWrite && !interviewStepOpen(props.dossier)}
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

function TodayTab(props: DossierTabProps) {
  const { canWrite, drawn, query } = useSectionTab('interviews.forPerson', 'interview', props);
  if (!drawn) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loader />;
  return (
    <TodayPanel
      interviews={query.data.items}
      visit={props.dossier.openVisit}
      pep={props.dossier.alerts.find((a) => a.kind === 'pep_72h')}
      canWrite={canWrite}
    />
  );
}

/**
 * Today's interview and what is due: the tab a carer receiving the person today opens on (the
 * interview summary first, as the guide says).
 */
export const todayTab: DossierTabDef = {
  key: 'today',
  labelKey: 'dossier.tabs.today',
  section: 'interview',
  order: 15,
  opensFor: (reader) => (receivesToday(reader) ? OPENING_WEIGHT.receivingToday : null),
  Component: TodayTab,
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
