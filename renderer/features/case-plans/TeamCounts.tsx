/**
 * The coordinator's team view (`casePlans.teamCounts`, `reports.read`): per site and per owner,
 * the open actions due this week and overdue, and the plans by status — numbers, never a person.
 */
import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CASE_PLAN_STATUSES } from '../../../shared/domain/case-plans';
import { callOrThrow } from '../../api/client';
import { QueryError } from '../../app/QueryError';
import { useSiteOptions } from '../centre/site-options';

export function TeamCounts({ input }: { input: { siteIds?: string[] } }) {
  const { t } = useTranslation();
  const sites = useSiteOptions();
  const counts = useQuery({
    queryKey: ['casePlans', 'teamCounts', input.siteIds ?? null],
    queryFn: () => callOrThrow('casePlans.teamCounts', input),
  });
  if (counts.isError) return <QueryError error={counts.error} onRetry={() => void counts.refetch()} />;
  if (!counts.data) return null;
  return (
    <Stack>
      <Text c="dimmed" size="sm">
        {t('casePlans.teamCounts.intro')}
      </Text>
      <Title order={2} size="h4">
        {t('casePlans.teamCounts.bySite')}
      </Title>
      <Table striped aria-label={t('casePlans.teamCounts.bySite')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('worklists.columns.site')}</Table.Th>
            <Table.Th>{t('casePlans.teamCounts.dueThisWeek')}</Table.Th>
            <Table.Th>{t('casePlans.teamCounts.overdue')}</Table.Th>
            {CASE_PLAN_STATUSES.map((s) => (
              <Table.Th key={s}>
                {t('casePlans.teamCounts.plans', { status: t(`casePlans.statuses.${s}`) })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {counts.data.sites.map((l) => (
            <Table.Tr key={l.siteId}>
              <Table.Td>{sites.codeOf(l.siteId)}</Table.Td>
              <Table.Td>{l.dueThisWeek}</Table.Td>
              <Table.Td>{l.overdue}</Table.Td>
              {CASE_PLAN_STATUSES.map((s) => (
                <Table.Td key={s}>{l.plans[s]}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2} size="h4">
        {t('casePlans.teamCounts.byOwner')}
      </Title>
      {counts.data.owners.length === 0 ? (
        <Text c="dimmed">{t('casePlans.teamCounts.noOwner')}</Text>
      ) : (
        <Table striped aria-label={t('casePlans.teamCounts.byOwner')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('casePlans.team.owner')}</Table.Th>
              <Table.Th>{t('casePlans.teamCounts.dueThisWeek')}</Table.Th>
              <Table.Th>{t('casePlans.teamCounts.overdue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {counts.data.owners.map((o) => (
              <Table.Tr key={o.ownerId}>
                <Table.Td>{o.ownerName ?? ''}</Table.Td>
                <Table.Td>{o.dueThisWeek}</Table.Td>
                <Table.Td>{o.overdue}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
