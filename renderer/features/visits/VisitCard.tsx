/**
 * One person on the board. Everything is reachable with the keyboard: the card is focusable and
 * answers to single keys (A call, R back to the queue, S next step, P priority, D file, arrows to
 * move between cards); the same actions are buttons for the mouse.
 */
import { Anchor, Badge, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../shared/contract';
import type { VisitPriority, VisitStep } from '../../../shared/domain/catalogues';
import { personLinks } from '../persons/links';
import {
  calledStepOf,
  isWaiting,
  NEXT_STEPS,
  PRIORITIES,
  PRIORITY_COLOR,
  waitingColor,
} from './board-layout';

export interface CardActions {
  call: (row: BoardRow) => void;
  requeue: (row: BoardRow) => void;
  move: (row: BoardRow, step: VisitStep) => void;
  setPriority: (row: BoardRow, priority: VisitPriority) => void;
}

function WaitingTime({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const text =
    minutes >= 60
      ? t('board.waitingHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
      : t('board.waitingMinutes', { minutes });
  return (
    <Text size="sm" c={waitingColor(minutes)} fw={minutes >= 30 ? 700 : 400} data-testid="waiting-time">
      {text}
    </Text>
  );
}

/** Focus the previous or next card of the whole board, in reading order. */
function focusSibling(from: HTMLElement, delta: 1 | -1): void {
  const cards = [...document.querySelectorAll<HTMLElement>('[data-board-card]')];
  const next = cards[cards.indexOf(from) + delta];
  next?.focus();
}

export function VisitCard({
  row,
  waitingMinutes,
  busy,
  actions,
}: {
  row: BoardRow;
  waitingMinutes: number;
  busy: boolean;
  actions: CardActions;
}) {
  const { t } = useTranslation();
  const [menu, setMenu] = useState<'next' | 'priority' | null>(null);
  const waiting = isWaiting(row.step);
  const canCall = waiting && calledStepOf(row.step) !== null;
  const priorityColor = PRIORITY_COLOR[row.priority];
  const navigate = useNavigate();
  const dossierLink = personLinks.dossier(row.personId);

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey || busy) return;
    // Keys typed inside an open menu belong to the menu.
    if (menu !== null) return;
    const key = e.key.toLowerCase();
    const handled = (() => {
      if (key === 'arrowdown') focusSibling(e.currentTarget, 1);
      else if (key === 'arrowup') focusSibling(e.currentTarget, -1);
      else if (key === 'a' && canCall) actions.call(row);
      else if (key === 'r' && !waiting) actions.requeue(row);
      else if (key === 's') setMenu('next');
      else if (key === 'p') setMenu('priority');
      else if (key === 'd') void navigate(dossierLink);
      else return false;
      return true;
    })();
    if (handled) e.preventDefault();
  }

  return (
    <Paper
      component="article"
      withBorder
      shadow="xs"
      p="sm"
      radius="md"
      tabIndex={0}
      data-board-card
      data-visit-id={row.id}
      data-step={row.step}
      aria-label={t('board.cardLabel', { name: row.nameUsed, step: t(`catalogue.visitSteps.${row.step}`) })}
      onKeyDown={onKeyDown}
      style={{
        borderLeft: priorityColor ? `4px solid var(--mantine-color-${priorityColor}-6)` : undefined,
        outlineOffset: 2,
      }}
    >
      <Stack gap={6}>
        {priorityColor && (
          <Badge color={priorityColor} variant="filled" tt="none" size="sm" w="fit-content">
            {t(`catalogue.priorities.${row.priority}`)}
          </Badge>
        )}
        <div>
          <Group gap={6} align="baseline" wrap="nowrap">
            <Title order={3} size="h5" lh={1.25}>
              {row.nameUsed}
            </Title>
            {row.pronouns && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                ({row.pronouns})
              </Text>
            )}
          </Group>
          <Text size="xs" ff="monospace" c="dimmed">
            {row.fileNumber}
          </Text>
        </div>
        <div>
          <WaitingTime minutes={waitingMinutes} />
          {row.withUserName && <Text size="sm">{t('board.withUser', { name: row.withUserName })}</Text>}
          {row.requeued > 0 && (
            <Text size="xs" c="dimmed">
              {t('board.requeued', { count: row.requeued })}
            </Text>
          )}
        </div>
        {row.nextSteps.length > 0 && (
          <Group gap={4} aria-label={t('board.nextSteps')}>
            {row.nextSteps.map((need) => (
              <Badge
                key={need}
                size="xs"
                variant={need === 'pep' ? 'filled' : 'light'}
                color={need === 'pep' ? 'red' : 'grape'}
                tt="none"
              >
                {t(`board.needs.${need}`)}
              </Badge>
            ))}
          </Group>
        )}
        {canCall ? (
          <Button size="compact-sm" onClick={() => actions.call(row)} disabled={busy} fullWidth>
            {t('board.call')}
          </Button>
        ) : (
          <Button
            size="compact-sm"
            variant="light"
            color="orange"
            onClick={() => actions.requeue(row)}
            disabled={busy}
            fullWidth
            h="auto"
            py={4}
            // A long label on a narrow card wraps rather than being cut.
            styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
          >
            {t('board.absent')}
          </Button>
        )}
        <Menu
          opened={menu === 'next'}
          onChange={(open) => setMenu(open ? 'next' : null)}
          position="bottom-start"
          withinPortal
        >
          <Menu.Target>
            <Button size="compact-sm" variant="default" disabled={busy} fullWidth>
              {t('board.nextStep')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {NEXT_STEPS.filter((s) => s !== row.step).map((step) => (
              <Menu.Item key={step} onClick={() => actions.move(row, step)}>
                {t(`catalogue.visitSteps.${step}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Group gap={4} wrap="nowrap" justify="space-between">
          <Menu
            opened={menu === 'priority'}
            onChange={(open) => setMenu(open ? 'priority' : null)}
            position="bottom-start"
            withinPortal
          >
            <Menu.Target>
              <Button size="compact-xs" variant="subtle" color="gray" disabled={busy}>
                {t('board.priority')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {PRIORITIES.map((p) => (
                <Menu.Item
                  key={p}
                  onClick={() => actions.setPriority(row, p)}
                  disabled={p === row.priority}
                  leftSection={p === row.priority ? '✓' : undefined}
                >
                  {t(`catalogue.priorities.${p}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Anchor renderRoot={(props) => <Link {...props} {...dossierLink} />} size="xs" fw={600} pr={4}>
            {t('board.openDossier')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
