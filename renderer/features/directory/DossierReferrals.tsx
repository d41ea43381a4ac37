/**
 * The Orientations tab: the person's referrals (status, appointment, feedback) and "Orienter…",
 * which refers from the dossier itself. Both come from the directory feature.
 */
import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../shared/contract/directory';
import { ReferralDialog } from './ReferralDialog';
import { ReferralList } from './ReferralList';

export function DossierReferrals({
  personId,
  referrals,
  canWrite,
  onChanged,
}: {
  personId: string;
  referrals: Referral[];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [referring, setReferring] = useState(false);
  return (
    <Stack>
      {canWrite && (
        <Group>
          <Button variant="light" onClick={() => setReferring(true)}>
            {t('dossier.referrals.refer')}
          </Button>
        </Group>
      )}
      <ReferralList referrals={referrals} onChanged={onChanged} readOnly={!canWrite} />
      {referring && (
        <ReferralDialog
          personId={personId}
          onDone={(referral) => {
            setReferring(false);
            if (referral) onChanged();
          }}
        />
      )}
    </Stack>
  );
}
