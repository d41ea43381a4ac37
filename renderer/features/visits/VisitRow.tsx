/**
 * One person on one line (the compact layout, for a busy evening): name used, step, waiting time,
 * priority with its time left, who they are with, and the actions. The same keys as a card.
 */
import { Anchor, Box, Button, Group, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../shared/contract';
import { BOARD_CARD_ACTIONS } from '../../app/board-actions-registry';
import { personLinks } from '../persons/links';
import { PRIORITY_COLOR } from './board-layout';
import {
  CallOrAbsentButton,
  NextStepMenu,
  PriorityBadge,
  PriorityMenu,
  useCardKeys,
  WaitingTime,
  type CardActions,
} from './card-parts';

/** The row's columns: name, step, waiting, priority, with whom, actions. */
export const ROW_COLUMNS =
  'minmax(140px, 1.2fr) minmax(150px, 1.2fr) 110px minmax(180px, 1.3fr) minmax(90px, 0.8fr) auto';

export function VisitRow({
  row,
  waitingMinutes,
  busy,
  actions,
  now,
}: {
  row: BoardRow;
  waitingMinutes: number;
  busy: boolean;
  actions: CardActions | null;
  now: number;
}) {
  const { t } = useTranslation();
  const { menu, setMenu, onKeyDown, canCall } = useCardKeys(row, busy, actions);
  const priorityColor = PRIORITY_COLOR[row.priority];
  const stepLabel = t(`catalogue.visitSteps.${row.step}`);

  return (
    <Box
      component="article"
      tabIndex={0}
      className="board-focusable"
      data-board-card
      data-board-row
      data-visit-id={row.id}
      data-step={row.step}
      aria-label={t('board.cardLabel', { name: row.nameUsed, step: stepLabel })}
      onKeyDown={onKeyDown}
      px="xs"
      py={2}
      bg="white"
      style={{
        display: 'grid',
        gridTemplateColumns: ROW_COLUMNS,
        columnGap: 'var(--mantine-spacing-sm)',
        alignItems: 'center',
        borderBottom: '1px solid var(--mantine-color-gray-3)',
        borderLeft: `4px solid ${priorityColor ? `var(--mantine-color-${priorityColor}-6)` : 'transparent'}`,
        minHeight: 30,
      }}
    >
      <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
        <Title
          order={3}
          size="sm"
          fw={600}
          lh={1.2}
          style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {row.nameUsed}
        </Title>
        {row.pronouns && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            ({row.pronouns})
          </Text>
        )}
      </Group>
      <Text size="sm" truncate data-testid="row-step">
        {stepLabel}
      </Text>
      <WaitingTime minutes={waitingMinutes} />
      <div>
        <PriorityBadge row={row} now={now} size="xs" />
      </div>
      <Text size="sm" truncate>
        {row.withUserName ? t('board.withUser', { name: row.withUserName }) : ''}
      </Text>
      <Group gap={4} wrap="nowrap" justify="flex-end">
        {actions && (
          <CallOrAbsentButton row={row} actions={actions} canCall={canCall} busy={busy} layout="row" />
        )}
        {actions &&
          BOARD_CARD_ACTIONS.map(({ key, Component }) => (
            <Component key={key} row={row} busy={busy} layout="row" />
          ))}
        {actions && (
          <NextStepMenu
            row={row}
            opened={menu === 'next'}
            onChange={(open) => setMenu(open ? 'next' : null)}
            actions={actions}
          >
            <Button size="compact-xs" variant="default" disabled={busy}>
              {t('board.nextStep')}
            </Button>
          </NextStepMenu>
        )}
        {actions && (
          <PriorityMenu
            row={row}
            opened={menu === 'priority'}
            onChange={(open) => setMenu(open ? 'priority' : null)}
            actions={actions}
          >
            <Button size="compact-xs" variant="subtle" color="gray" disabled={busy}>
              {t('board.priority')}
            </Button>
          </PriorityMenu>
        )}
        <Anchor
          renderRoot={(props) => <Link {...props} {...personLinks.dossier(row.personId)} />}
          size="xs"
          fw={600}
        >
          {t('board.openDossier')}
        </Anchor>
      </Group>
    </Box>
  );
}
