/**
 * Orientations: where the person was referred and what came of it. Creating a referral belongs to
 * the directory screens; this lists them.
 */
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../../shared/contract/directory';
import { formatDateTime } from '../../../i18n/dates';
import { currentLanguage } from '../../../i18n/setup';
import { PagedFooter, usePaged } from '../paging';

export function ReferralsPanel({ referrals }: { referrals: Referral[] }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const paged = usePaged(referrals, 10);
  if (referrals.length === 0) return <Text c="dimmed">{t('dossier.referrals.none')}</Text>;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dossier.referrals.date')}</Table.Th>
              <Table.Th>{t('dossier.referrals.entry')}</Table.Th>
              <Table.Th>{t('dossier.referrals.reason')}</Table.Th>
              <Table.Th>{t('dossier.referrals.status')}</Table.Th>
              <Table.Th>{t('dossier.referrals.feedback')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paged.shown.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateTime(r.referredAt, lng)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {r.entryName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`catalogue.directoryCategories.${r.entryCategory}`)}
                  </Text>
                </Table.Td>
                <Table.Td>{r.reason}</Table.Td>
                <Table.Td>
                  {t(`catalogue.referralStatuses.${r.status}`)}
                  {r.appointmentAt && (
                    <Text size="xs" c="dimmed">
                      {formatDateTime(r.appointmentAt, lng)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.feedback ?? t('app.none')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PagedFooter paged={paged} />
    </Stack>
  );
}
