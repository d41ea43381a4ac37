/**
 * How many people wait for each professional, always in sight: a bar that stays at the top of the
 * window while the board scrolls (on a busy evening the lists are longer than the screen).
 */
import { Badge, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../shared/contract';
import { BOARD_COLUMNS, isPriority, waitingIn } from './board-layout';

export function BoardCounts({ rows }: { rows: BoardRow[] }) {
  const { t } = useTranslation();
  const priorities = rows.filter(isPriority).length;
  return (
    <Paper
      withBorder
      px="sm"
      py={4}
      radius="md"
      role="group"
      aria-label={t('board.countsLabel')}
      data-board-counts
      style={{ position: 'sticky', top: 'var(--app-shell-header-offset, 0px)', zIndex: 5 }}
    >
      <Group gap="lg">
        {BOARD_COLUMNS.map((column) => (
          <Group key={column.key} gap={6} data-count-column={column.key}>
            <Text size="sm" fw={600}>
              {t(`board.columns.${column.key}`)}
            </Text>
            <Text size="sm" data-testid={`waiting-${column.key}`}>
              {t('board.waitingCount', { count: waitingIn(rows, column) })}
            </Text>
          </Group>
        ))}
        {priorities > 0 && (
          <Badge color="red" variant="filled" tt="none" data-testid="priorities-count">
            {t('board.prioritiesCount', { count: priorities })}
          </Badge>
        )}
      </Group>
    </Paper>
  );
}
