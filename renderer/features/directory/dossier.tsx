/** What the directory feature adds to a dossier: the referrals tab and the referrals of the timeline. */
import { Loader } from '@mantine/core';
import { sectionAccess } from '../../../shared/domain/access-policy';
import { QueryError } from '../../app/QueryError';
import { invalidateKeys } from '../../api/mutation';
import type { DossierTabDef, DossierTabProps, TimelineKindDef } from '../persons/dossier/dossier-tab';
import { isDrawn, useDossierSection } from '../persons/dossier/dossier-tab';
import { known } from '../persons/dossier/timeline-text';
import { personChanged } from '../persons/query-keys';
import { useSignedIn } from '../persons/use-signed-in';
import { DossierReferrals } from './DossierReferrals';

function ReferralsTab({ dossier, view, readOnly }: DossierTabProps) {
  const { user } = useSignedIn().state;
  const personId = dossier.person.id;
  const canWrite = !readOnly && sectionAccess(user.roles, 'referrals') === 'write';
  const drawn = isDrawn(view);
  const referrals = useDossierSection('directory.referralsForPerson', personId, drawn);
  if (!drawn && !canWrite) return null;
  if (referrals.isError)
    return <QueryError error={referrals.error} onRetry={() => void referrals.refetch()} />;
  if (drawn && !referrals.data) return <Loader />;
  return (
    <DossierReferrals
      personId={personId}
      referrals={referrals.data?.items ?? []}
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
