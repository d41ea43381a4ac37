/**
 * The people on the board, in either layout. Priorities come first in a band of their own,
 * whatever their column; then each column (interview, doctor, nurse, specialist) with its waiting
 * and called lists, in the core's order (arrival). "My queue" keeps the columns of the user's
 * queue; priorities stay on top either way.
 */
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../shared/contract';
import type { VisitStep } from '../../../shared/domain/catalogues';
import type { BoardLayout } from '../../app/workstation';
import { BOARD_COLUMNS, isPriority, rowsAt } from './board-layout';
import type { CardActions } from './card-parts';
import { useNow } from './use-now';
import { VisitCard } from './VisitCard';
import { VisitRow } from './VisitRow';

interface PeopleProps {
  fetchedAt: number;
  layout: BoardLayout;
  busyId: string | null;
  actions: CardActions | null;
}

export function BoardView({
  rows,
  queue,
  ...people
}: PeopleProps & { rows: BoardRow[]; queue: readonly VisitStep[] | null }) {
  const { t } = useTranslation();
  const shown = queue ? rows.filter((r) => isPriority(r) || queue.includes(r.step)) : rows;
  const priorities = shown.filter(isPriority);
  const others = shown.filter((r) => !isPriority(r));
  const columns = queue ? BOARD_COLUMNS.filter((c) => c.steps.some((s) => queue.includes(s))) : BOARD_COLUMNS;
  const compact = people.layout === 'compact';

  return (
    <Stack gap={compact ? 'xs' : 'md'}>
      {rows.length === 0 && (
        <Text c="dimmed" role="status">
          {t('board.emptyBoard')}
        </Text>
      )}
      {priorities.length > 0 && (
        <Paper
          component="section"
          aria-labelledby="board-priorities"
          data-board-priorities
          withBorder
          p={compact ? 4 : 'sm'}
          radius="md"
          bg="red.0"
          style={{ borderColor: 'var(--mantine-color-red-4)' }}
        >
          <Group gap={6} mb={compact ? 2 : 'xs'} px={compact ? 'xs' : 0}>
            <Title order={2} size={compact ? 'h6' : 'h4'} id="board-priorities" c="red.9">
              {t('board.priorities')}
            </Title>
            <Badge
              size="sm"
              color="red"
              variant="filled"
              aria-label={t('board.count', { count: priorities.length })}
            >
              {priorities.length}
            </Badge>
          </Group>
          {compact ? (
            <People rows={priorities} {...people} />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
              <People rows={priorities} showStep {...people} />
            </SimpleGrid>
          )}
        </Paper>
      )}
      {compact ? (
        <Paper withBorder radius="md" p={4}>
          {columns.flatMap((column) =>
            column.steps.map((step) => (
              <CompactStep key={step} step={step} rows={others} all={shown} {...people} />
            )),
          )}
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: Math.min(2, columns.length), lg: columns.length }} spacing="md">
          {columns.map((column) => (
            <Paper
              key={column.key}
              component="section"
              aria-labelledby={`board-col-${column.key}`}
              withBorder
              p="sm"
              bg="gray.1"
              radius="md"
            >
              <Title order={2} size="h4" id={`board-col-${column.key}`} mb="xs">
                {t(`board.columns.${column.key}`)}
              </Title>
              <Stack gap="md">
                {column.steps.map((step) => (
                  <CardStep key={step} step={step} rows={others} all={shown} {...people} />
                ))}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** The people of a list, as cards or rows. */
function People({
  rows,
  showStep = false,
  ...people
}: PeopleProps & { rows: BoardRow[]; showStep?: boolean }) {
  const now = useNow(30_000);
  const elapsed = Math.max(0, Math.floor((now - people.fetchedAt) / 60_000));
  return rows.map((row) =>
    people.layout === 'compact' ? (
      <VisitRow
        key={row.id}
        row={row}
        waitingMinutes={row.waitingMinutes + elapsed}
        busy={people.busyId === row.id}
        actions={people.actions}
        now={now}
      />
    ) : (
      <VisitCard
        key={row.id}
        row={row}
        waitingMinutes={row.waitingMinutes + elapsed}
        busy={people.busyId === row.id}
        actions={people.actions}
        now={now}
        showStep={showStep}
      />
    ),
  );
}

interface StepProps extends PeopleProps {
  step: VisitStep;
  /** The step's people outside the priorities band. */
  rows: BoardRow[];
  /** Everyone shown, priorities included: the count of a step counts them all. */
  all: BoardRow[];
}

/** "3 more at the top": a step whose people are all in the priorities band is not empty. */
function RisenNote({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Text size="xs" c="red.8">
      {t('board.risen', { count })}
    </Text>
  );
}

function CardStep({ step, rows, all, ...people }: StepProps) {
  const { t } = useTranslation();
  const here = rowsAt(rows, step);
  const total = rowsAt(all, step).length;
  const label = t(`catalogue.visitSteps.${step}`);
  return (
    <section aria-label={label} data-step-list={step}>
      <Group gap={6} mb={6}>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {label}
        </Text>
        <Badge size="xs" variant="white" color="gray" aria-label={t('board.count', { count: total })}>
          {total}
        </Badge>
      </Group>
      <Stack gap="xs">
        {total === 0 && (
          <Text size="sm" c="dimmed" fs="italic">
            {t('board.nobody')}
          </Text>
        )}
        <RisenNote count={total - here.length} />
        <People rows={here} {...people} />
      </Stack>
    </section>
  );
}

/** A step in the compact layout: one header line, then one line per person; empty steps take no room. */
function CompactStep({ step, rows, all, ...people }: StepProps) {
  const { t } = useTranslation();
  const here = rowsAt(rows, step);
  const total = rowsAt(all, step).length;
  if (total === 0) return null;
  const label = t(`catalogue.visitSteps.${step}`);
  return (
    <section aria-label={label} data-step-list={step}>
      <Group gap={6} px="xs" pt={2} pb={0}>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {label}
        </Text>
        <Badge size="xs" variant="light" color="gray" aria-label={t('board.count', { count: total })}>
          {total}
        </Badge>
        <RisenNote count={total - here.length} />
      </Group>
      <People rows={here} {...people} />
    </section>
  );
}
