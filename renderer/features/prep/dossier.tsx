/** What the PrEP feature adds to a dossier: the PrEP tab and the starts, follow-ups and stops of the timeline. */
import { Loader } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { OPENING_WEIGHT } from '../persons/dossier/opening-tab';
import { useSignedIn } from '../persons/use-signed-in';
import { PrepPanel } from './PrepPanel';

function PrepTab(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab('prep.forPerson', 'prep', props);
  const session = useSignedIn();
  if (!drawn) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loader />;
  return (
    <PrepPanel
      personId={personId}
      siteId={session.currentSiteId ?? session.state.user.sites[0]?.id ?? null}
      episodes={query.data.items}
      egfr={query.data.egfr}
      alerts={props.dossier.alerts}
      canWrite={canWrite}
      prescriptions={query.data.prescriptions}
      openVisitId={props.dossier.openVisit?.id ?? null}
    />
  );
}

const PREP_ALERT_KINDS: ReadonlySet<string> = new Set(['prep_overdue', 'prep_lost', 'egfr_low']);

export const prepTab: DossierTabDef = {
  key: 'prep',
  labelKey: 'prep.tab',
  section: 'prep',
  order: 70,
  // A nurse or a doctor opening the file of someone late or lost on PrEP, or with a low eGFR, lands on it.
  opensFor: (reader) =>
    reader.roles.some((r) => r === 'nurse' || r === 'doctor') &&
    reader.dossier.alerts.some((a) => PREP_ALERT_KINDS.has(a.kind))
      ? OPENING_WEIGHT.clinicalDue
      : null,
  Component: PrepTab,
};

export const prepTimeline: TimelineKindDef[] = [
  {
    kind: 'prep_start',
    color: 'grape',
    describe: (t, item) => ({
      title:
        item.label === 'restart'
          ? t('prep.timeline.restart')
          : t('prep.timeline.start', {
              regimen: item.label === 'on_demand' ? t('prep.regimens.on_demand') : t('prep.regimens.daily'),
            }),
      detail: null,
    }),
  },
  {
    kind: 'prep_follow_up',
    color: 'grape',
    describe: (t, item) => ({
      title: item.label === 'egfr_low' ? t('prep.timeline.followUpEgfrLow') : t('prep.timeline.followUp'),
      detail: null,
    }),
  },
  {
    kind: 'prep_stop',
    color: 'gray',
    describe: (t, item) => ({
      title: t('prep.timeline.stop', { reason: stopReasonText(t, item.label) }),
      detail: null,
    }),
  },
];

function stopReasonText(t: Parameters<TimelineKindDef['describe']>[0], reason: string): string {
  const key = `prep.stopReasons.${reason}`;
  return t(key, { defaultValue: t('prep.stopReasons.other') });
}
