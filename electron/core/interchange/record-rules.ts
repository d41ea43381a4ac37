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

/** The earliest time zone in use (UTC+14, Kiribati): no place on Earth has reached a later day. */
const EARLIEST_ZONE_MS = 14 * 3600_000;

/** An instant later than the import's now (give or take the clocks' difference). */
export function instantInFuture(at: string, now: Date): boolean {
  return Date.parse(at) > now.getTime() + FUTURE_TOLERANCE_MS;
}

/**
 * A calendar date (or the date of an instant) that no site has reached yet at the import's now:
 * later than today in the earliest time zone. A file may hold records of sites in any zone (and a
 * record's site may itself be in the file), so "today" is the latest today anywhere.
 */
export function dayInFuture(date: string, now: Date): boolean {
  return date.slice(0, 10) > new Date(now.getTime() + EARLIEST_ZONE_MS).toISOString().slice(0, 10);
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
