/** What the directory feature adds to a dossier: the referrals tab and the referrals of the timeline. */
import { Loader } from '@mantine/core';
import { QueryError } from '../../app/QueryError';
import { invalidateKeys } from '../../api/mutation';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { useSectionTab } from '../persons/dossier/dossier-tab';
import { OPENING_WEIGHT } from '../persons/dossier/opening-tab';
import { known } from '../persons/dossier/timeline-text';
import { personChanged } from '../persons/query-keys';
import { DossierReferrals } from './DossierReferrals';

function ReferralsTab(props: DossierTabProps) {
  const { canWrite, drawn, query, personId } = useSectionTab(
    'directory.referralsForPerson',
    'referrals',
    props,
  );
  if (!drawn && !canWrite) return null;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (drawn && !query.data) return <Loader />;
  return (
    <DossierReferrals
      personId={personId}
      referrals={query.data?.items ?? []}
      canWrite={canWrite}
      onChanged={() => void invalidateKeys(personChanged(personId))}
    />
  );
}

export const referralsTab: DossierTabDef = {
  key: 'referrals',
  labelKey: 'dossier.tabs.referrals',
  section: 'referrals',
  order: 50,
  // The social and legal roles' own work in the dossier so far: orienting the person to partners.
  opensFor: (reader) =>
    reader.roles.some((r) => r === 'social_worker' || r === 'legal') ? OPENING_WEIGHT.roleWork : null,
  Component: ReferralsTab,
};

export const referralsTimeline: TimelineKindDef[] = [
  {
    kind: 'referral',
    color: 'violet',
    describe: (t, item) => ({
      title: t('dossier.timeline.referral', { entry: item.detail ?? '' }),
      detail: known(`catalogue.referralStatuses.${item.label}`, item.label),
    }),
  },
];
