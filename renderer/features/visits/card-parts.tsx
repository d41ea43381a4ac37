/**
 * What a person's card (cards layout) and row (compact layout) share: the single keys, the
 * waiting time, the priority with its time left, and the two menus (next step, priority).
 */
import { Badge, Button, Menu, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../shared/contract';
import type { VisitPriority, VisitStep } from '../../../shared/domain/catalogues';
import { isTextField } from '../../app/shortcuts';
import { personLinks } from '../persons/links';
import {
  calledStepOf,
  isWaiting,
  NEXT_STEPS,
  PRIORITIES,
  PRIORITY_COLOR,
  timeLeft,
  waitingColor,
} from './board-layout';

export interface CardActions {
  call: (row: BoardRow) => void;
  requeue: (row: BoardRow) => void;
  move: (row: BoardRow, step: VisitStep) => void;
  setPriority: (row: BoardRow, priority: VisitPriority) => void;
}

export type CardMenu = 'next' | 'priority' | null;

/** Focus the previous or next person of the whole board, in reading order. */
function focusSibling(from: HTMLElement, delta: 1 | -1): void {
  const cards = [...document.querySelectorAll<HTMLElement>('[data-board-card]')];
  const next = cards[cards.indexOf(from) + delta];
  next?.focus();
}

/**
 * The keys of a focused card or row: A call, R back to the queue, S next step, P priority,
 * D file, arrows to the previous or next person. `actions` null: a reader who may not change the
 * pathway (the keys that would change it do nothing).
 */
export function useCardKeys(row: BoardRow, busy: boolean, actions: CardActions | null) {
  const [menu, setMenu] = useState<CardMenu>(null);
  const navigate = useNavigate();
  const waiting = isWaiting(row.step);
  const canCall = waiting && calledStepOf(row.step) !== null;

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey || busy) return;
    // Keys typed inside an open menu, or in a field of the card, belong to them.
    if (menu !== null || isTextField(e.target)) return;
    const key = e.key.toLowerCase();
    const handled = (() => {
      if (key === 'arrowdown') focusSibling(e.currentTarget, 1);
      else if (key === 'arrowup') focusSibling(e.currentTarget, -1);
      else if (key === 'd') void navigate(personLinks.dossier(row.personId));
      else if (!actions) return false;
      else if (key === 'a' && canCall) actions.call(row);
      else if (key === 'r' && !waiting) actions.requeue(row);
      else if (key === 's') setMenu('next');
      else if (key === 'p') setMenu('priority');
      else return false;
      return true;
    })();
    if (handled) {
      e.preventDefault();
      // The board's own keys (N) must not act on a key the card answered.
      e.stopPropagation();
    }
  }

  return { menu, setMenu, onKeyDown, waiting, canCall };
}

export function WaitingTime({ minutes, size = 'sm' }: { minutes: number; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const text =
    minutes >= 60
      ? t('board.waitingHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
      : t('board.waitingMinutes', { minutes });
  return (
    <Text
      size={size}
      c={waitingColor(minutes)}
      fw={minutes >= 30 ? 700 : 400}
      data-testid="waiting-time"
      style={{ whiteSpace: 'nowrap' }}
    >
      {text}
    </Text>
  );
}

/** "TPE < 72 h · 41 h restantes": the priority, and the time left where the reader may know it. */
export function priorityText(t: TFunction, row: BoardRow, now: number): string {
  const label = t(`catalogue.priorities.${row.priority}`);
  if (!row.priorityDeadline) return label;
  const left = timeLeft(row.priorityDeadline, now);
  const when = !left
    ? t('board.deadlinePassed')
    : left.hours > 0
      ? t('board.hoursLeft', { count: left.hours })
      : t('board.minutesLeft', { count: left.minutes });
  return `${label} · ${when}`;
}

export function PriorityBadge({ row, now, size = 'sm' }: { row: BoardRow; now: number; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const color = PRIORITY_COLOR[row.priority];
  if (!color) return null;
  return (
    <Badge color={color} variant="filled" tt="none" size={size} w="fit-content" data-testid="priority">
      {priorityText(t, row, now)}
    </Badge>
  );
}

interface RowMenuProps {
  row: BoardRow;
  opened: boolean;
  onChange: (open: boolean) => void;
  actions: CardActions;
  children: ReactNode;
}

/** A menu opened from a card or a row: one item per choice, the current one ticked and disabled. */
function ChoiceMenu<T extends string>({
  opened,
  onChange,
  children,
  choices,
  current,
  label,
  onPick,
}: Pick<RowMenuProps, 'opened' | 'onChange' | 'children'> & {
  choices: readonly T[];
  /** The value now (a masked "priority" matches no choice). */
  current?: string;
  label: (choice: T) => string;
  onPick: (choice: T) => void;
}) {
  return (
    <Menu opened={opened} onChange={onChange} position="bottom-start" withinPortal>
      <Menu.Target>{children}</Menu.Target>
      <Menu.Dropdown>
        {choices.map((choice) => (
          <Menu.Item
            key={choice}
            onClick={() => onPick(choice)}
            disabled={choice === current}
            leftSection={choice === current ? '✓' : undefined}
          >
            {label(choice)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

export function NextStepMenu({ row, actions, ...menu }: RowMenuProps) {
  const { t } = useTranslation();
  return (
    <ChoiceMenu
      {...menu}
      choices={NEXT_STEPS.filter((s) => s !== row.step)}
      label={(step) => t(`catalogue.visitSteps.${step}`)}
      onPick={(step) => actions.move(row, step)}
    />
  );
}

export function PriorityMenu({ row, actions, ...menu }: RowMenuProps) {
  const { t } = useTranslation();
  return (
    <ChoiceMenu
      {...menu}
      choices={PRIORITIES}
      current={row.priority}
      label={(p) => t(`catalogue.priorities.${p}`)}
      onPick={(p) => actions.setPriority(row, p)}
    />
  );
}

/**
 * The card's or row's first action: "Appeler" while the person waits for a step someone can call
 * them to, otherwise "Absent·e" (back in the queue at their place). The card shows it full width
 * with the whole label; the compact row shows the short label, named in full for assistive tech.
 */
export function CallOrAbsentButton({
  row,
  actions,
  canCall,
  busy,
  layout,
}: {
  row: BoardRow;
  actions: CardActions;
  canCall: boolean;
  busy: boolean;
  layout: 'card' | 'row';
}) {
  const { t } = useTranslation();
  const card = layout === 'card';
  const size = card ? 'compact-sm' : 'compact-xs';
  if (canCall)
    return (
      <Button size={size} onClick={() => actions.call(row)} disabled={busy} fullWidth={card}>
        {t('board.call')}
      </Button>
    );
  return (
    <Button
      size={size}
      variant="light"
      color="orange"
      onClick={() => actions.requeue(row)}
      disabled={busy}
      {...(card
        ? // A long label on a narrow card wraps rather than being cut.
          {
            fullWidth: true,
            h: 'auto',
            py: 4,
            styles: { label: { whiteSpace: 'normal' as const, textAlign: 'center' as const } },
          }
        : { 'aria-label': t('board.absent') })}
    >
      {card ? t('board.absent') : t('board.absentShort')}
    </Button>
  );
}
