/**
 * The vaccination worklists: courses whose next dose is due within the week, or overdue, by due
 * date. Each page is one statement on the `(status, site_id, next_due_on)` index; a line is shown
 * only when the person shares their vaccines with the care team (or the reader started the
 * course), and the counts apply the same filter, so a badge never counts what the reader may not see.
 */
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { VaccineWorklist, VaccineWorklistRow } from '../../../../shared/contract/vaccinations';
import { addCalendar } from '../../../../shared/domain/schedules';
import { toWorklistPage } from '../../../../shared/contract/worklist';
import type { Actor } from '../../access/gate';
import type { CoreContext } from '../../context';
import { sitesByLocalDate } from '../centre/repository';
import { worklistSites } from '../users/worklist-sites';
import { dueSoonUntil } from './dossier-section';
import { worklistCount, worklistPage, type DueRange } from './repository';

/** The due-date range of a list on a site's date: due = today to a week ahead; overdue = before today. */
export function rangeOf(list: VaccineWorklist, today: string): Omit<DueRange, 'siteIds'> {
  if (list === 'due') return { from: today, to: dueSoonUntil(today) };
  return { to: addCalendar(today, { days: -1 }) };
}

/**
 * The ranges of any list for these sites now: one per group of sites on the same date (sites in
 * other time zones may be a day apart); the sites are read once for both lists' counts.
 */
async function rangesOfEachList(
  em: EntityManager,
  now: Date,
  siteIds: readonly string[],
): Promise<(list: VaccineWorklist) => DueRange[]> {
  const days = await sitesByLocalDate(em, now, siteIds);
  return (list) => days.map(({ today, siteIds: ids }) => ({ siteIds: ids, ...rangeOf(list, today) }));
}

export async function rangesFor(
  em: EntityManager,
  now: Date,
  siteIds: readonly string[],
  list: VaccineWorklist,
): Promise<DueRange[]> {
  return (await rangesOfEachList(em, now, siteIds))(list);
}

export async function vaccinationsWorklist(
  ctx: CoreContext,
  actor: Actor,
  input: In<'vaccinations.worklist'>,
): Promise<{ rows: VaccineWorklistRow[]; nextCursor: { nextDueOn: string; id: string } | null }> {
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
    const rows = lines.map((l) => ({ ...l, booster: Number(l.booster) === 1 }));
    return toWorklistPage(rows, input.limit, (last) => ({ nextDueOn: last.nextDueOn, id: last.courseId }));
  });
}

export async function vaccinationsWorklistCounts(
  ctx: CoreContext,
  actor: Actor,
  input: In<'vaccinations.worklistCounts'>,
): Promise<Record<VaccineWorklist, number>> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const rangesOf = await rangesOfEachList(em, ctx.clock(), await worklistSites(em, actor, input.siteIds));
    const counts: Record<VaccineWorklist, number> = { due: 0, overdue: 0 };
    for (const list of Object.keys(counts) as VaccineWorklist[]) {
      const ranges = rangesOf(list);
      counts[list] = ranges.length ? await worklistCount(em, ranges, actor.userId) : 0;
    }
    return counts;
  });
}
