/**
 * Keyset paging of a worklist: the core returns a page and the cursor of the next one; the stack
 * of cursors already followed lets "Précédents" go back one page.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { WorklistPage } from '../../../shared/contract/worklist';

export interface KeysetPages<Row> {
  rows: Row[] | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => void;
  hasNext: boolean;
  hasPrevious: boolean;
  next: () => void;
  previous: () => void;
}

export function useKeysetPages<Row, Cursor>(
  key: readonly unknown[],
  fetchPage: (cursor: Cursor | undefined) => Promise<WorklistPage<Row, Cursor>>,
): KeysetPages<Row> {
  const [cursors, setCursors] = useState<Cursor[]>([]);
  const cursor = cursors[cursors.length - 1];
  const page = useQuery({
    queryKey: ['worklists', 'page', ...key, cursor ?? null],
    queryFn: () => fetchPage(cursor),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const nextCursor = page.data?.nextCursor ?? null;
  return {
    rows: page.data?.rows,
    isPending: page.isPending,
    isError: page.isError,
    error: page.error,
    refetch: () => void page.refetch(),
    hasNext: nextCursor !== null,
    hasPrevious: cursors.length > 0,
    next: () => {
      if (nextCursor !== null) setCursors([...cursors, nextCursor]);
    },
    previous: () => setCursors(cursors.slice(0, -1)),
  };
}
