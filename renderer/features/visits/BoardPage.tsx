/**
 * The reception board: who waits for whom on the current site, live on every workstation (a
 * passive poll every two seconds; the same revision re-renders nothing). Priorities rise to a band
 * at the top whatever their column, with the time left; the rest follow by arrival. Two layouts
 * (cards, or one line per person for a busy evening) remembered per workstation; "my queue" shows
 * the steps the user's roles call people in from. A stale version is answered by a refresh and a
 * calm message, never a lost click.
 */
import { Alert, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../shared/contract';
import type { VisitStep } from '../../../shared/domain/catalogues';
import { sectionAccess } from '../../../shared/domain/access-policy';
import { apiErrorOf } from '../../api/client';
import { QueryError } from '../../app/QueryError';
import { useSession } from '../../app/session';
import { useKeyShortcuts } from '../../app/shortcuts';
import { boardLayout, rememberBoardLayout, type BoardLayout } from '../../app/workstation';
import { errorText } from '../../i18n/error-text';
import { useBoard, useMoveVisit, useRequeueVisit, useSetPriority } from './api';
import { BoardCounts } from './BoardCounts';
import { BoardSummaryPage } from './CoordinationSummary';
import { BoardView } from './BoardView';
import { calledStepOf, queueOf, startsOnQueue } from './board-layout';
import type { CardActions } from './card-parts';
import { CheckInModal } from './CheckInModal';
import { useCurrentSite } from './current-site';
import { LiveIndicator } from './LiveIndicator';
import { SiteSwitcher } from './SiteSwitcher';

export function BoardPage() {
  const session = useSession();
  const roles = session?.state.user.roles ?? [];
  // A reader without the pathway (coordination) sees the board as counts, no person.
  if (sectionAccess(roles, 'pathway') === 'none') return <BoardSummaryPage />;
  return <PathwayBoard />;
}

type QueueFilter = 'mine' | 'all';

function PathwayBoard() {
  const { t } = useTranslation();
  const session = useSession();
  const roles = session?.state.user.roles ?? [];
  const canWrite = sectionAccess(roles, 'pathway') === 'write';
  const queue = queueOf(roles);
  const { siteId, choices } = useCurrentSite();
  const board = useBoard(siteId);
  const [checkingIn, setCheckingIn] = useState(false);
  const [layout, setLayout] = useState<BoardLayout>(boardLayout);
  const [filter, setFilter] = useState<QueueFilter>(() => (startsOnQueue(roles) ? 'mine' : 'all'));
  // After a check-in, the keyboard lands on the person's new card or row.
  const [focusVisit, setFocusVisit] = useState<string | null>(null);
  useKeyShortcuts(canWrite ? { n: () => setCheckingIn(true) } : {});

  if (!siteId) {
    return (
      <Alert color="yellow" role="status" maw={640}>
        {t('board.noSite')}
      </Alert>
    );
  }

  function chooseLayout(next: string) {
    if (next !== 'cards' && next !== 'compact') return;
    setLayout(next);
    rememberBoardLayout(next);
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>{t('board.title')}</Title>
          {layout === 'cards' && <Text c="dimmed">{t('board.intro')}</Text>}
        </div>
        <Group align="flex-end" gap="sm">
          <SiteSwitcher choices={choices} value={siteId} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="board-layout-label">
              {t('board.layout.label')}
            </Text>
            <SegmentedControl
              aria-labelledby="board-layout-label"
              value={layout}
              onChange={chooseLayout}
              data={[
                { value: 'cards', label: t('board.layout.cards') },
                { value: 'compact', label: t('board.layout.compact') },
              ]}
            />
          </Stack>
          {queue.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="board-queue-label">
                {t('board.queue.label')}
              </Text>
              <SegmentedControl
                aria-labelledby="board-queue-label"
                value={filter}
                onChange={(value) => setFilter(value === 'mine' ? 'mine' : 'all')}
                data={[
                  { value: 'mine', label: t('board.queue.mine') },
                  { value: 'all', label: t('board.queue.all') },
                ]}
              />
            </Stack>
          )}
          {canWrite && <Button onClick={() => setCheckingIn(true)}>{t('board.checkIn')}</Button>}
        </Group>
      </Group>
      {/* One line, whatever the width: on a busy evening every pixel of height goes to people. */}
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="xs" c="dimmed" truncate title={canWrite ? t('board.shortcuts') : t('board.readOnly')}>
          {canWrite ? t('board.shortcuts') : t('board.readOnly')}
        </Text>
        <div style={{ flexShrink: 0 }}>
          <LiveIndicator siteId={siteId} />
        </div>
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
        <>
          <BoardCounts rows={board.data.rows} />
          <ActiveBoard
            rows={board.data.rows}
            fetchedAt={board.data.fetchedAt}
            me={session?.state.user.id ?? null}
            layout={layout}
            queue={filter === 'mine' ? queue : null}
            canWrite={canWrite}
            focusVisit={focusVisit}
            onFocused={() => setFocusVisit(null)}
          />
        </>
      )}
      {checkingIn && (
        <CheckInModal
          siteId={siteId}
          onCheckedIn={(visit) => setFocusVisit(visit.id)}
          onClose={() => setCheckingIn(false)}
        />
      )}
    </Stack>
  );
}

function ActiveBoard({
  rows,
  fetchedAt,
  me,
  layout,
  queue,
  canWrite,
  focusVisit,
  onFocused,
}: {
  rows: BoardRow[];
  fetchedAt: number;
  me: string | null;
  layout: BoardLayout;
  queue: readonly VisitStep[] | null;
  canWrite: boolean;
  focusVisit: string | null;
  onFocused: () => void;
}) {
  const { t } = useTranslation();
  const move = useMoveVisit();
  const requeue = useRequeueVisit();
  const setPriority = useSetPriority();
  const [busyId, setBusyId] = useState<string | null>(null);
  // After an action the card moves to another list: keep the keyboard focus on it.
  const refocus = useRef<string | null>(null);

  useEffect(() => {
    const id = focusVisit ?? refocus.current;
    if (!id) return;
    const card = document.querySelector<HTMLElement>(`[data-visit-id="${CSS.escape(id)}"]`);
    if (card) {
      card.focus();
      refocus.current = null;
      if (focusVisit) onFocused();
    }
  }, [rows, layout, focusVisit, onFocused]);

  function run(row: BoardRow, action: () => Promise<unknown>, done: string) {
    setBusyId(row.id);
    // Wherever the action came from (a key, a button, a menu), the person keeps the focus.
    refocus.current = row.id;
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
    <BoardView
      rows={rows}
      fetchedAt={fetchedAt}
      layout={layout}
      queue={queue}
      busyId={busyId}
      actions={canWrite ? actions : null}
    />
  );
}
