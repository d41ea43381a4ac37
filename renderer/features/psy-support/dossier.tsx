/** What the psy-support feature adds to a dossier: the "Soutien psychologique" tab (docs/violence-care.md, section 7: order 94). */
import { Loader } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { known } from '../persons/dossier/timeline-text';
import { OPENING_WEIGHT } from '../persons/dossier/opening-tab';
import { PsySupportPanel } from './PsySupportPanel';

function PsySupportTab(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab('psySupport.forPerson', 'psy', props);
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  return <PsySupportPanel personId={personId} records={query.data?.items ?? []} canWrite={canWrite} />;
}

export const psySupportTab: DossierTabDef = {
  key: 'psy',
  labelKey: 'psySupport.tab.title',
  section: 'psy',
  order: 94,
  Component: PsySupportTab,
  // A psychologist's own work is the sessions: above the pathway a carer receiving the person
  // today falls back to (she cannot read the interview), below a running 72-hour protocol.
  opensFor: (reader) =>
    reader.roles.includes('psychologist') ? OPENING_WEIGHT.receivingTodayFallback + 10 : null,
};

/** A session (individual or group) and a psychiatric referral (its status): label keys only, never a note. */
export const psySupportTimeline: TimelineKindDef[] = [
  {
    kind: 'psy_session',
    color: 'grape',
    describe: (_t, item) => ({ title: known(`psySupport.kinds.${item.label}`, item.label), detail: null }),
  },
  {
    kind: 'psy_referral',
    color: 'grape',
    describe: (t, item) => ({
      title: t('psySupport.timeline.referral'),
      detail: known(`catalogue.referralStatuses.${item.label}`, item.label),
    }),
  },
];
