/**
 * The shape every "due" worklist query shares (PrEP follow-ups, vaccine doses, Test and Treat's
 * lists): rows in an open
 * state, whose due date falls in one range per group of sites (sites in different time zones may
 * not be on the same date), read in (due date, id) order with a keyset cursor. Each owner keeps its
 * table, its open state and its consent condition; this only writes the common conditions.
 */
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface DueRange {
  siteIds: readonly string[];
  /** Inclusive bounds. */
  from?: string;
  to?: string;
  /** Exclusive upper bound (overdue: before today). */
  before?: string;
  /** Exclusive lower bound (overdue: after the last lost date). */
  after?: string;
  /** A row without a due date is in the range too (a referral's appointment never given a date). */
  orUndated?: boolean;
}

const BOUNDS = [
  ['from', '>='],
  ['to', '<='],
  ['before', '<'],
  ['after', '>'],
] as const;

/** `(site IN group AND due within its range) OR …` over the ranges, on `alias.siteId` / `alias.due`. */
export function whereDueIn<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  due: string,
  ranges: readonly DueRange[],
): SelectQueryBuilder<T> {
  const groups = ranges.map((range, i) => {
    qb.setParameter(`sites${i}`, [...range.siteIds]);
    const bounds: string[] = [];
    for (const [key, op] of BOUNDS) {
      const value = range[key];
      if (value === undefined) continue;
      qb.setParameter(`${key}${i}`, value);
      bounds.push(`${alias}.${due} ${op} :${key}${i}`);
    }
    const parts = [`${alias}.siteId IN (:...sites${i})`];
    if (bounds.length && range.orUndated)
      parts.push(`(${alias}.${due} IS NULL OR (${bounds.join(' AND ')}))`);
    else parts.push(...bounds);
    return `(${parts.join(' AND ')})`;
  });
  return qb.andWhere(`(${groups.join(' OR ')})`);
}

/** The page after `after` in (due date, id) order, `limit` rows. */
export function duePage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  due: string,
  page: { limit: number; after?: { dueOn: string; id: string } },
): SelectQueryBuilder<T> {
  if (page.after)
    qb.andWhere(`(${alias}.${due} > :afterDue OR (${alias}.${due} = :afterDue AND ${alias}.id > :afterId))`, {
      afterDue: page.after.dueOn,
      afterId: page.after.id,
    });
  return qb.orderBy(`${alias}.${due}`, 'ASC').addOrderBy(`${alias}.id`, 'ASC').limit(page.limit);
}
