/**
 * What the economic-autonomy feature adds to a dossier: the "Autonomie économique" tab (section
 * `social`: trainings and micro-credit applications). Its own tab at 97 until the Social tab
 * (docs/violence-care.md, section 7) takes it as a panel.
 */
import { Loader } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { known } from '../persons/dossier/timeline-text';
import { EconomicAutonomyPanel } from './EconomicAutonomyPanel';

function EconomicAutonomyTab(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab('economicAutonomy.forPerson', 'social', props);
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  return <EconomicAutonomyPanel personId={personId} items={query.data?.items ?? []} canWrite={canWrite} />;
}

export const economicAutonomyTab: DossierTabDef = {
  key: 'economic-autonomy',
  labelKey: 'economicAutonomy.tab.title',
  section: 'social',
  order: 97,
  Component: EconomicAutonomyTab,
};

/** A training (its field and status) and an application (its status): label keys only, never a text. */
export const economicAutonomyTimeline: TimelineKindDef[] = [
  {
    kind: 'training',
    color: 'teal',
    describe: (t, item) => ({
      title: t('economicAutonomy.timeline.training', {
        field: known(`economicAutonomy.fields.${item.detail ?? ''}`, item.detail ?? ''),
        status: known(`economicAutonomy.trainingStatuses.${item.label}`, item.label),
      }),
      detail: null,
    }),
  },
  {
    kind: 'micro_credit',
    color: 'teal',
    describe: (t, item) => ({
      title: t('economicAutonomy.timeline.microCredit', {
        status: known(`economicAutonomy.microCreditStatuses.${item.label}`, item.label),
      }),
      detail: null,
    }),
  },
];
