/** What the interviews feature adds to a dossier: the interviews tab and the interviews of the timeline. */
import { Loader } from '@mantine/core';
import { sectionAccess } from '../../../shared/domain/access-policy';
import { QueryError } from '../../app/QueryError';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { isDrawn, useDossierSection } from '../persons/dossier/dossier-tab';
import { useSignedIn } from '../persons/use-signed-in';
import { InterviewsPanel } from './InterviewsPanel';

function InterviewsTab({ dossier, view, readOnly }: DossierTabProps) {
  const { user } = useSignedIn().state;
  const personId = dossier.person.id;
  const canWrite = !readOnly && sectionAccess(user.roles, 'interview') === 'write';
  const drawn = isDrawn(view);
  const interviews = useDossierSection('interviews.forPerson', personId, drawn);
  if (!drawn && !canWrite) return null;
  if (interviews.isError)
    return <QueryError error={interviews.error} onRetry={() => void interviews.refetch()} />;
  if (drawn && !interviews.data) return <Loader />;
  return (
    <InterviewsPanel
      interviews={interviews.data?.items ?? []}
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
