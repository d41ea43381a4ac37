/**
 * "Orienter vers un spécialiste" where the person is being seen (the interview form): opens the
 * referral form with the origin of that screen. Drawn only for a role that may write referrals.
 */
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sectionAccess } from '../../../shared/domain/access-policy';
import type { WaitingListOrigin } from '../../../shared/domain/waiting-lists';
import { useSignedIn } from '../persons/use-signed-in';
import { ReferDialog } from './ReferDialog';

export function ReferButton({ personId, origin }: { personId: string; origin: WaitingListOrigin }) {
  const { t } = useTranslation();
  const { user } = useSignedIn().state;
  const [open, setOpen] = useState(false);
  if (sectionAccess(user.roles, 'referrals') !== 'write') return null;
  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)}>
        {t('waitingLists.refer')}
      </Button>
      {open && <ReferDialog personId={personId} origin={origin} onDone={() => setOpen(false)} />}
    </>
  );
}
