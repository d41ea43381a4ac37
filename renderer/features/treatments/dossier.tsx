/**
 * What Test and Treat adds to a dossier: its panel in the Tests tab (the section it belongs to),
 * the red pinned banner of a positive to treat, and its items on the timeline.
 */
import { Alert, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Alert as DossierAlert } from '../../../shared/contract/dossier';
import { QueryError } from '../../app/QueryError';
import type { DossierPanelDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { known } from '../persons/dossier/timeline-text';
import { formatDay } from '../prep/dates';
import { TreatmentsPanel } from './TreatmentsPanel';

function TreatmentsSection(props: DossierTabProps) {
  const { canWrite, drawn, query } = useSectionTab('treatments.forPerson', 'tests', props);
  if (!drawn) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loader />;
  return <TreatmentsPanel items={query.data.items} alerts={props.dossier.alerts} canWrite={canWrite} />;
}

/** The key of the Tests tab (screenings) the panel sits in. */
export const TESTS_TAB_KEY = 'tests';

export const treatmentsPanel: DossierPanelDef = {
  key: 'test-and-treat',
  tab: TESTS_TAB_KEY,
  section: 'tests',
  order: 10,
  Component: TreatmentsSection,
};

/**
 * The top of the dossier while a positive is to treat: red, before everything else. The alert
 * only reaches readers of the tests section (the core computes it from readable rows).
 */
export function PositiveToTreatBanner({ alerts }: { alerts: readonly DossierAlert[] }) {
  const { t } = useTranslation();
  const alert = alerts.find((a) => a.kind === 'positive_to_treat');
  if (!alert) return null;
  return (
    <Alert color="red" variant="filled" role="alert" title={t('catalogue.priorities.positive_to_treat')}>
      {t('treatments.tab.alert', { date: formatDay(alert.dueOn ?? null) })}
    </Alert>
  );
}

const infection = (code: string | null) => known(`clinicalCatalogues.infections.${code ?? ''}`, code ?? '');

export const treatmentsTimeline: TimelineKindDef[] = [
  {
    kind: 'to_treat',
    color: 'red',
    describe: (t, item) => ({
      title: t('treatments.timeline.to_treat', { infection: infection(item.detail) }),
      detail: known(`treatments.status.${item.label}`, item.label),
    }),
  },
  {
    kind: 'treatment',
    color: 'teal',
    describe: (t, item) => ({
      title: t('treatments.timeline.treatment', {
        infection: infection(item.label),
        count: Number(item.detail ?? 0),
      }),
      detail: null,
    }),
  },
];
