/**
 * What the record adapters of the clinical capabilities share when they check a file's lines
 * (docs/import-format.md): "in the future" as the screens judge it, the author of a record, the
 * merged-file refusal, and running one check per line.
 */
import type { EntityManager } from 'typeorm';
import type { FileRecords, RuleError } from './adapter';
import { personOf } from './person-of';

/** Clocks of two machines differ a little: as the screens, a few minutes ahead is not "in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** An instant later than now (give or take the clocks' difference). */
export function instantInFuture(at: string): boolean {
  return Date.parse(at) > Date.now() + FUTURE_TOLERANCE_MS;
}

/**
 * A calendar date (or the date of an instant): later than tomorrow (UTC) is in the future wherever
 * the site is, so a day ahead is not yet refused.
 */
export function dayInFuture(date: string): boolean {
  return date.slice(0, 10) > new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
}

/** The record's `authorId` is the row's `createdBy` (as the adapter's `rowNames` says back). */
export const AUTHOR_COLUMN = { authorId: 'createdBy' } as const;

export function withAuthor<R extends { createdBy: string | null }>(
  rows: R[],
): Array<R & { authorId: string | null }> {
  return rows.map((r) => ({ ...r, authorId: r.createdBy }));
}

/** Every record of a merged file is refused on `personId`: its records live in the file it was merged into. */
export async function personMerged(em: EntityManager, file: FileRecords, personId: string): Promise<boolean> {
  return Boolean((await personOf(em, file, personId))?.mergedInto);
}

/** Runs `check` on each line in order; each `refuse` names that line. */
export async function lineRefusals<R>(
  lines: ReadonlyArray<{ line: number; record: R }>,
  check: (record: R, refuse: (field: string, reason: string) => void) => unknown,
): Promise<RuleError[]> {
  const errors: RuleError[] = [];
  for (const { line, record } of lines)
    await check(record, (field, reason) => errors.push({ line, field, reason }));
  return errors;
}
