/**
 * What the case-plan feature adds to a dossier: the "Plan d'accompagnement" tab and its items on
 * the timeline (label keys only: a status, an action done or cancelled and its axis, never a text).
 */
import { Loader } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { known } from '../persons/dossier/timeline-text';
import { CasePlanPanel } from './CasePlanPanel';

function CasePlanTab(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab('casePlans.forPerson', 'case_plan', props);
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  return <CasePlanPanel personId={personId} plan={query.data?.items[0] ?? null} canWrite={canWrite} />;
}

export const casePlanTab: DossierTabDef = {
  key: 'case-plan',
  labelKey: 'casePlans.tab.title',
  section: 'case_plan',
  order: 92,
  Component: CasePlanTab,
};

export const casePlanTimeline: TimelineKindDef[] = [
  {
    kind: 'case_plan_status',
    color: 'teal',
    describe: (t, item) => ({
      title: t('casePlans.timeline.status', {
        status: known(`casePlans.statuses.${item.label}`, item.label),
      }),
      detail: null,
    }),
  },
  {
    kind: 'plan_action',
    color: 'teal',
    describe: (t, item) => ({
      title: t('casePlans.timeline.action', {
        status: known(`casePlans.actionStatuses.${item.label}`, item.label),
        axis: known(`casePlans.axes.${item.detail ?? ''}`, item.detail ?? ''),
      }),
      detail: null,
    }),
  },
];
