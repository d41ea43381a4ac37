/**
 * What coordination sees of the evening without reading any dossier: the board as counts (how
 * many wait for whom, the longest wait, how many priorities) and the day's agenda as counts. The
 * access table gives the coordinator no pathway: names, steps of a person and reasons never come.
 */
import { Anchor, Badge, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../../shared/contract';
import { QueryError } from '../../app/QueryError';
import { useSession } from '../../app/session';
import { useBreakGlassCount } from '../audit/break-glass-api';
import { addDays, siteInstant, todayAt } from '../appointments/site-time';
import { BOARD_COLUMNS } from './board-layout';
import { SitePageFrame } from './SitePageFrame';
import { useAgendaSummary, useBoardSummary } from './summary-api';

function minutesText(t: TFunction, minutes: number): string {
  return minutes >= 60
    ? t('board.waitingHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
    : t('board.waitingMinutes', { minutes });
}

export function BoardSummaryCard({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const summary = useBoardSummary(siteId);
  if (summary.isError) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  if (!summary.data) return <Loader aria-label={t('app.loading')} />;
  const byStep = new Map(summary.data.steps.map((s) => [s.step, s]));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="summary-board">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="summary-board">
          {t('board.overview.boardTitle')}
        </Title>
        {summary.data.priorities > 0 && (
          <Badge color="red" variant="filled" tt="none" data-testid="priorities-count">
            {t('board.prioritiesCount', { count: summary.data.priorities })}
          </Badge>
        )}
      </Group>
      <Table withTableBorder={false} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('board.overview.column')}</Table.Th>
            <Table.Th>{t('board.overview.waiting')}</Table.Th>
            <Table.Th>{t('board.overview.longestWait')}</Table.Th>
            <Table.Th>{t('board.overview.seen')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {BOARD_COLUMNS.map((column) => {
            const waiting = byStep.get(column.steps[0]);
            const seen = byStep.get(column.steps[1]);
            return (
              <Table.Tr key={column.key} data-summary-column={column.key}>
                <Table.Th scope="row">{t(`board.columns.${column.key}`)}</Table.Th>
                <Table.Td>{waiting?.count ?? 0}</Table.Td>
                <Table.Td>{waiting?.count ? minutesText(t, waiting.longestWaitMinutes) : '—'}</Table.Td>
                <Table.Td>{seen?.count ?? 0}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function AgendaSummaryCard({ siteId, timeZone }: { siteId: string; timeZone: string }) {
  const { t } = useTranslation();
  const today = todayAt(timeZone);
  const params = useMemo(
    () => ({
      siteId,
      from: siteInstant(today, '00:00', timeZone).toISOString(),
      to: siteInstant(addDays(today, 1), '00:00', timeZone).toISOString(),
    }),
    [siteId, today, timeZone],
  );
  const summary = useAgendaSummary(params);
  if (summary.isError) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  if (!summary.data) return <Loader aria-label={t('app.loading')} />;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="summary-agenda">
      <Title order={2} size="h4" id="summary-agenda" mb="xs">
        {t('board.overview.agendaTitle')}
      </Title>
      <Stack gap={4}>
        {summary.data.byStatus.map((s) => (
          <Group key={s.status} justify="space-between" data-summary-status={s.status}>
            <Text>{t(`appointments.statuses.${s.status}`)}</Text>
            <Text fw={600}>{s.count}</Text>
          </Group>
        ))}
        <Group justify="space-between" data-summary-status="walk_in_slots">
          <Text>{t('board.overview.walkInSlots')}</Text>
          <Text fw={600}>{summary.data.walkInSlots}</Text>
        </Group>
      </Stack>
    </Card>
  );
}

/** The frame of a coordination page: title, the read-only notice, the site switch. */
function SummaryFrame({ title, children }: { title: string; children: (site: Site) => React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <SitePageFrame title={title} intro={t('board.overview.countsOnly')} maw={1100}>
      {children}
    </SitePageFrame>
  );
}

/** #/board for coordination: the board as counts. */
export function BoardSummaryPage() {
  const { t } = useTranslation();
  return (
    <SummaryFrame title={t('board.title')}>{(site) => <BoardSummaryCard siteId={site.id} />}</SummaryFrame>
  );
}

/** #/agenda for coordination: today's agenda as counts. */
export function AgendaSummaryPage() {
  const { t } = useTranslation();
  return (
    <SummaryFrame title={t('appointments.title')}>
      {(site) => <AgendaSummaryCard siteId={site.id} timeZone={site.timezone} />}
    </SummaryFrame>
  );
}

/** Break-the-glass accesses waiting for coordination's review: a number and the way to the list. */
function BreakGlassCard() {
  const { t } = useTranslation();
  const count = useBreakGlassCount();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="summary-break-glass">
      <Title order={2} size="h4" id="summary-break-glass" mb="xs">
        {t('board.overview.breakGlassTitle')}
      </Title>
      {count.isError ? (
        <QueryError error={count.error} onRetry={() => void count.refetch()} />
      ) : (
        <Group justify="space-between">
          <Text data-testid="break-glass-count">
            {t('board.overview.breakGlassCount', { count: count.data?.unreviewed ?? 0 })}
          </Text>
          <Anchor renderRoot={(props) => <Link to="/break-glass" {...props} />}>
            {t('board.overview.breakGlassOpen')}
          </Anchor>
        </Group>
      )}
    </Card>
  );
}

/** The coordinator's landing: the day's overview of the current site. */
export function DayOverviewPage() {
  const { t } = useTranslation();
  const session = useSession();
  const mayReview = session?.state.user.permissions.includes('audit.read') ?? false;
  return (
    <SummaryFrame title={t('board.overview.title')}>
      {(site) => (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <BoardSummaryCard siteId={site.id} />
          <AgendaSummaryCard siteId={site.id} timeZone={site.timezone} />
          {mayReview && <BreakGlassCard />}
        </SimpleGrid>
      )}
    </SummaryFrame>
  );
}
