/**
 * One person on the board, as a card (the cards layout). Everything is reachable with the
 * keyboard: the card is focusable and answers to single keys (A call, R back to the queue, S next
 * step, P priority, D file, arrows to move between cards); the same actions are buttons for the
 * mouse. A priority card rises to the band at the top of the board and says its step.
 */
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
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

export type { CardActions };

export function VisitCard({
  row,
  waitingMinutes,
  busy,
  actions,
  now,
  showStep = false,
}: {
  row: BoardRow;
  waitingMinutes: number;
  busy: boolean;
  /** Null: a reader who may not change the pathway (read only). */
  actions: CardActions | null;
  now: number;
  /** Outside its column (the priorities band), the card says where the person is. */
  showStep?: boolean;
}) {
  const { t } = useTranslation();
  const { menu, setMenu, onKeyDown, canCall } = useCardKeys(row, busy, actions);
  const priorityColor = PRIORITY_COLOR[row.priority];
  const dossierLink = personLinks.dossier(row.personId);
  const stepLabel = t(`catalogue.visitSteps.${row.step}`);

  return (
    <Paper
      component="article"
      withBorder
      shadow="xs"
      p="sm"
      radius="md"
      tabIndex={0}
      className="board-focusable"
      data-board-card
      data-visit-id={row.id}
      data-step={row.step}
      aria-label={t('board.cardLabel', { name: row.nameUsed, step: stepLabel })}
      onKeyDown={onKeyDown}
      style={{
        borderLeft: priorityColor ? `4px solid var(--mantine-color-${priorityColor}-6)` : undefined,
      }}
    >
      <Stack gap={6}>
        <PriorityBadge row={row} now={now} />
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
          {showStep && (
            <Text size="sm" fw={600}>
              {stepLabel}
            </Text>
          )}
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
        {actions && (
          <CallOrAbsentButton row={row} actions={actions} canCall={canCall} busy={busy} layout="card" />
        )}
        {actions &&
          BOARD_CARD_ACTIONS.map(({ key, Component }) => (
            <Component key={key} row={row} busy={busy} layout="card" />
          ))}
        {actions && (
          <NextStepMenu
            row={row}
            opened={menu === 'next'}
            onChange={(open) => setMenu(open ? 'next' : null)}
            actions={actions}
          >
            <Button size="compact-sm" variant="default" disabled={busy} fullWidth>
              {t('board.nextStep')}
            </Button>
          </NextStepMenu>
        )}
        <Group gap={4} wrap="nowrap" justify="space-between">
          {actions ? (
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
          ) : (
            <span />
          )}
          <Anchor renderRoot={(props) => <Link {...props} {...dossierLink} />} size="xs" fw={600} pr={4}>
            {t('board.openDossier')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
