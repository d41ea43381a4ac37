/**
 * The PrEP worklists: persons whose next follow-up is due this week, overdue, or lost to follow-up
 * (no visit 3 months after the due date), by due date. Each page is one statement on the
 * `(status, site_id, next_due_on)` index; a line is shown only when the person shares PrEP with
 * the care team (or the reader started the episode), and the counts apply the same filter.
 */
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { PrepWorklistRow } from '../../../../shared/contract/prep';
import type { PrepFollowUpRules } from '../../../../shared/domain/clinical-catalogues';
import type { PrepWorklist } from '../../../../shared/domain/prep';
import { followUpBounds } from '../../../../shared/domain/schedules';
import { toWorklistPage } from '../../../../shared/contract/worklist';
import type { Actor } from '../../access/gate';
import type { CoreContext } from '../../context';
import { sitesByLocalDate } from '../centre/repository';
import { currentCatalogue } from '../clinical-catalogues/repository';
import { worklistSites } from '../users/worklist-sites';
import { worklistCount, worklistPage, type DueRange } from './repository';

/** The due-date range of a list on a site's date. */
export function rangeOf(
  list: PrepWorklist,
  today: string,
  rules: PrepFollowUpRules,
): Omit<DueRange, 'siteIds'> {
  const { dueSoonUntil, lostUpTo } = followUpBounds(today, rules);
  if (list === 'due_this_week') return { from: today, to: dueSoonUntil };
  if (list === 'overdue') return { after: lostUpTo, before: today };
  return { to: lostUpTo };
}

/**
 * The ranges of any list for these sites now: one per group of sites on the same date (sites in
 * other time zones may be a day apart). The catalogue and the sites are read once, so the counts
 * of three lists cost the reads of one.
 */
async function rangesOfEachList(
  em: EntityManager,
  now: Date,
  siteIds: readonly string[],
): Promise<(list: PrepWorklist) => DueRange[]> {
  const rules = await currentCatalogue(em, 'prep');
  const days = await sitesByLocalDate(em, now, siteIds);
  return (list) => days.map(({ today, siteIds: ids }) => ({ siteIds: ids, ...rangeOf(list, today, rules) }));
}

export async function rangesFor(
  em: EntityManager,
  now: Date,
  siteIds: readonly string[],
  list: PrepWorklist,
): Promise<DueRange[]> {
  return (await rangesOfEachList(em, now, siteIds))(list);
}

export async function prepWorklist(
  ctx: CoreContext,
  actor: Actor,
  input: In<'prep.worklist'>,
): Promise<{ rows: PrepWorklistRow[]; nextCursor: { dueOn: string; id: string } | null }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const ranges = await rangesFor(
      em,
      ctx.clock(),
      await worklistSites(em, actor, input.siteIds),
      input.list,
    );
    if (ranges.length === 0) return { rows: [], nextCursor: null };
    const lines = await worklistPage(em, ranges, actor.userId, {
      limit: input.limit + 1,
      after: input.cursor,
    });
    return toWorklistPage(lines, input.limit, (last) => ({ dueOn: last.nextDueOn, id: last.episodeId }));
  });
}

export async function prepWorklistCounts(
  ctx: CoreContext,
  actor: Actor,
  input: In<'prep.worklistCounts'>,
): Promise<Record<PrepWorklist, number>> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const rangesOf = await rangesOfEachList(em, ctx.clock(), await worklistSites(em, actor, input.siteIds));
    const counts = { due_this_week: 0, overdue: 0, lost_to_follow_up: 0 };
    for (const list of Object.keys(counts) as PrepWorklist[]) {
      const ranges = rangesOf(list);
      counts[list] = ranges.length ? await worklistCount(em, ranges, actor.userId) : 0;
    }
    return counts;
  });
}
