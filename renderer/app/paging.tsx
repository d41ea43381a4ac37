/** Client-side pages for lists the core returns whole (a dossier's history, its access log). */
import { Group, Pagination, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function usePaged<T>(items: readonly T[], pageSize: number) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  // A list that shrank (a filter, a reload) must not leave the user on an empty page.
  const current = Math.min(page, pages);
  return {
    page: current,
    pages,
    setPage,
    total: items.length,
    shown: items.slice((current - 1) * pageSize, current * pageSize),
  };
}

export function PagedFooter({
  paged,
}: {
  paged: { page: number; pages: number; total: number; setPage: (page: number) => void };
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {t('app.totalCount', { count: paged.total })}
      </Text>
      {paged.pages > 1 && (
        <Pagination
          total={paged.pages}
          value={paged.page}
          onChange={paged.setPage}
          size="sm"
          aria-label={t('app.pagination')}
        />
      )}
    </Group>
  );
}
