/**
 * The reception board: who waits for whom on the current site, live on every workstation (a
 * passive poll every two seconds; the same revision re-renders nothing). Priorities come first,
 * then arrival; a stale version is answered by a refresh and a calm message, never a lost click.
 */
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../shared/contract';
import type { VisitStep } from '../../../shared/domain/catalogues';
import { apiErrorOf } from '../../api/client';
import { QueryError } from '../../app/QueryError';
import { useSession } from '../../app/session';
import { errorText } from '../../i18n/error-text';
import { useBoard, useMoveVisit, useRequeueVisit, useSetPriority } from './api';
import { BOARD_COLUMNS, calledStepOf, rowsAt } from './board-layout';
import { CheckInModal } from './CheckInModal';
import { useCurrentSite } from './current-site';
import { LiveIndicator } from './LiveIndicator';
import { SiteSwitcher } from './SiteSwitcher';
import { useNow } from './use-now';
import { VisitCard, type CardActions } from './VisitCard';

export function BoardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { siteId, choices } = useCurrentSite();
  const board = useBoard(siteId);
  const [checkingIn, setCheckingIn] = useState(false);
  useHotkeys([['n', () => setCheckingIn(true)]]);

  if (!siteId) {
    return (
      <Alert color="yellow" role="status" maw={640}>
        {t('board.noSite')}
      </Alert>
    );
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('board.title')}</Title>
          <Text c="dimmed">{t('board.intro')}</Text>
        </div>
        <Group align="flex-end">
          <SiteSwitcher choices={choices} value={siteId} />
          <Button onClick={() => setCheckingIn(true)}>{t('board.checkIn')}</Button>
        </Group>
      </Group>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('board.shortcuts')}
        </Text>
        <LiveIndicator siteId={siteId} />
      </Group>
      {board.isError && !board.data && (
        <QueryError error={board.error} onRetry={() => void board.refetch()} />
      )}
      {board.isError && board.data && (
        <Alert color="orange" role="status">
          {errorText(t, apiErrorOf(board.error))}
        </Alert>
      )}
      {board.data && (
        <BoardColumns
          rows={board.data.rows}
          fetchedAt={board.data.fetchedAt}
          me={session?.state.user.id ?? null}
        />
      )}
      {checkingIn && <CheckInModal siteId={siteId} onClose={() => setCheckingIn(false)} />}
    </Stack>
  );
}

function BoardColumns({ rows, fetchedAt, me }: { rows: BoardRow[]; fetchedAt: number; me: string | null }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const move = useMoveVisit();
  const requeue = useRequeueVisit();
  const setPriority = useSetPriority();
  const [busyId, setBusyId] = useState<string | null>(null);
  // After an action the card moves to another list: keep the keyboard focus on it.
  const refocus = useRef<string | null>(null);
  const elapsed = Math.max(0, Math.floor((now - fetchedAt) / 60_000));

  useEffect(() => {
    const id = refocus.current;
    if (!id) return;
    const card = document.querySelector<HTMLElement>(`[data-visit-id="${CSS.escape(id)}"]`);
    if (card) {
      card.focus();
      refocus.current = null;
    }
  }, [rows]);

  function run(row: BoardRow, action: () => Promise<unknown>, done: string) {
    setBusyId(row.id);
    refocus.current = document.activeElement?.closest(`[data-visit-id]`) ? row.id : null;
    action()
      .then(() => notifications.show({ color: 'teal', message: done, autoClose: 3000 }))
      .catch((err: unknown) => {
        const error = apiErrorOf(err);
        notifications.show(
          error.code === 'conflict'
            ? { color: 'orange', message: t('board.conflict') }
            : { color: 'red', message: errorText(t, error) },
        );
      })
      .finally(() => setBusyId(null));
  }

  const actions: CardActions = {
    call: (row) => {
      const step = calledStepOf(row.step);
      if (!step) return;
      run(
        row,
        () => move.mutateAsync({ visitId: row.id, version: row.version, step, withUserId: me }),
        t('board.called', { name: row.nameUsed }),
      );
    },
    requeue: (row) =>
      run(
        row,
        () => requeue.mutateAsync({ visitId: row.id, version: row.version }),
        t('board.requeuedDone', { name: row.nameUsed }),
      ),
    move: (row, step: VisitStep) =>
      run(
        row,
        () => move.mutateAsync({ visitId: row.id, version: row.version, step }),
        t('board.moved', { name: row.nameUsed, step: t(`catalogue.visitSteps.${step}`) }),
      ),
    setPriority: (row, priority) =>
      run(
        row,
        () => setPriority.mutateAsync({ visitId: row.id, version: row.version, priority }),
        t('board.priorityChanged', { name: row.nameUsed, priority: t(`catalogue.priorities.${priority}`) }),
      ),
  };

  return (
    <>
      {rows.length === 0 && (
        <Text c="dimmed" role="status">
          {t('board.emptyBoard')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" verticalSpacing="md">
        {BOARD_COLUMNS.map((column) => (
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
              {column.steps.map((step) => {
                const here = rowsAt(rows, step);
                const label = t(`catalogue.visitSteps.${step}`);
                return (
                  <section key={step} aria-label={label} data-step-list={step}>
                    <Group gap={6} mb={6}>
                      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                        {label}
                      </Text>
                      <Badge size="xs" variant="white" color="gray">
                        {here.length}
                      </Badge>
                    </Group>
                    <Stack gap="xs">
                      {here.length === 0 && (
                        <Text size="sm" c="dimmed" fs="italic">
                          {t('board.nobody')}
                        </Text>
                      )}
                      {here.map((row) => (
                        <VisitCard
                          key={row.id}
                          row={row}
                          waitingMinutes={row.waitingMinutes + elapsed}
                          busy={busyId === row.id}
                          actions={actions}
                        />
                      ))}
                    </Stack>
                  </section>
                );
              })}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </>
  );
}
