/**
 * What every capability's worklist channel repeats (docs/clinical-pathway.md, section 10): the
 * sites filter (default: the reader's sites), a page of at most 50 lines, keyset paging on the
 * last line's (sort date, id), and the `{ rows, nextCursor }` page. An owner declares its own
 * list names, line and cursor; these helpers keep the rest identical across owners.
 */
import { z } from 'zod';
import { idSchema } from './common';

/** The longest page a worklist returns. */
export const WORKLIST_PAGE_MAX = 50;
/** How many sites a filter may name (a centre has a handful). */
export const WORKLIST_SITES_MAX = 50;

/** Sites to list; left out: every site of the reader. */
export const worklistSitesSchema = z.array(idSchema).min(1).max(WORKLIST_SITES_MAX).optional();

export const worklistLimitSchema = z.number().int().min(1).max(WORKLIST_PAGE_MAX).default(WORKLIST_PAGE_MAX);

/** A worklist page's input: which list, the sites, where the previous page ended, how many lines. */
export function worklistInputSchema<L extends z.ZodType, C extends z.ZodType>(list: L, cursor: C) {
  return z
    .object({
      list,
      siteIds: worklistSitesSchema,
      cursor: cursor.optional(),
      limit: worklistLimitSchema,
    })
    .strict();
}

/** The counts' input: the same sites filter, nothing else (counts carry no personal data). */
export const worklistCountsInputSchema = z.object({ siteIds: worklistSitesSchema }).strict();

/** A page: its lines in order, and the cursor of the next page (null on the last one). */
export function worklistPageSchema<R extends z.ZodType, C extends z.ZodType>(row: R, cursor: C) {
  return z.object({ rows: z.array(row), nextCursor: cursor.nullable() });
}

export interface WorklistPage<Row, Cursor> {
  rows: Row[];
  nextCursor: Cursor | null;
}

/**
 * Cuts the `limit + 1` lines a query read into a page: the extra line only says that there is a
 * next page, whose cursor is the last line kept.
 */
export function toWorklistPage<Row, Cursor>(
  lines: readonly Row[],
  limit: number,
  cursorOf: (row: Row) => Cursor,
): WorklistPage<Row, Cursor> {
  const rows = lines.slice(0, limit);
  const last = rows[rows.length - 1];
  return { rows, nextCursor: lines.length > limit && last !== undefined ? cursorOf(last) : null };
}
