/**
 * Paging for lists: pages cut here from a list the core returns whole (a dossier's history, its
 * access log, a search's results), or pages the core cuts itself (the team, the audit log).
 * Either way the footer is the same: the total, and the page picker once there is a second page.
 */
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

/** The page asked of the core. A changed filter goes back to the first page: `resetting(set)`. */
export function useServerPage() {
  const [page, setPage] = useState(1);
  function resetting<T>(set: (value: T) => void): (value: T) => void {
    return (value) => {
      set(value);
      setPage(1);
    };
  }
  return { page, setPage, resetting };
}

/** How many pages the core's total makes; one while it has not answered. */
export function pageCount(total: number | undefined, pageSize: number): number {
  return total === undefined ? 1 : Math.max(1, Math.ceil(total / pageSize));
}

export function PageFooter({
  total,
  page,
  pages,
  setPage,
  summary,
  size,
}: {
  total: number;
  page: number;
  pages: number;
  setPage: (page: number) => void;
  /** Replaces the total, when there is more to say about it. */
  summary?: string;
  size?: 'sm';
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {summary ?? t('app.totalCount', { count: total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={setPage}
          size={size}
          aria-label={t('app.pagination')}
        />
      )}
    </Group>
  );
}

/** The footer of a panel paged with `usePaged`: smaller, as the panel sits inside a page. */
export function PagedFooter({
  paged,
}: {
  paged: { page: number; pages: number; total: number; setPage: (page: number) => void };
}) {
  return <PageFooter {...paged} size="sm" />;
}
