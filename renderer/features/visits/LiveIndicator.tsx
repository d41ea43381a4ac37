import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { boardQueryOptions } from './api';

/**
 * "Updated at…": the one part of the board that changes at every poll, in its own component so
 * that the board itself re-renders only when its revision changes. It watches the board's cache
 * entry without polling on its own.
 */
export function LiveIndicator({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const { dataUpdatedAt } = useQuery({
    ...boardQueryOptions(siteId),
    refetchOnMount: false,
    staleTime: Infinity,
  });
  if (!dataUpdatedAt) return null;
  return (
    <Text size="xs" c="dimmed" aria-live="off">
      {t('board.updatedAt', { time: format(dataUpdatedAt, 'HH:mm:ss') })}
    </Text>
  );
}
