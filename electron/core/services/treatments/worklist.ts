/**
 * The Test and Treat worklists: positives to treat, partners to notify, tests of cure due (within
 * the week or overdue) and hospital referrals not attended. Each page is one statement on its
 * leading-state index; a line is shown only when the person shares with the care team (or the
 * reader wrote the item), and the counts apply the same filter.
 */
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { ToTreatWorklistRow } from '../../../../shared/contract/treatments';
import { addCalendar } from '../../../../shared/domain/schedules';
import { toWorklistPage } from '../../../../shared/contract/worklist';
import { TREATMENT_WORKLISTS, type TreatmentWorklist } from '../../../../shared/domain/treatments';
import type { Actor } from '../../access/gate';
import type { CoreContext } from '../../context';
import { sitesByLocalDate } from '../centre/repository';
import { worklistSites } from '../users/worklist-sites';
import { CURE_DUE_SOON_DAYS } from './dossier-section';
import { worklistCount, worklistPage, type SiteDay } from './repository';

/** The sites grouped by their date today (sites in other time zones may be a day apart). */
export async function siteDays(em: EntityManager, now: Date, siteIds: readonly string[]): Promise<SiteDay[]> {
  return (await sitesByLocalDate(em, now, siteIds)).map(({ today, siteIds: ids }) => ({
    siteIds: ids,
    today,
    dueUntil: addCalendar(today, { days: CURE_DUE_SOON_DAYS - 1 }),
  }));
}

export async function treatmentsWorklist(
  ctx: CoreContext,
  actor: Actor,
  input: In<'treatments.worklist'>,
): Promise<{ rows: ToTreatWorklistRow[]; nextCursor: { on: string; id: string } | null }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const days = await siteDays(em, ctx.clock(), await worklistSites(em, actor, input.siteIds));
    if (days.length === 0) return { rows: [], nextCursor: null };
    const lines = await worklistPage(em, input.list, days, actor.userId, {
      limit: input.limit + 1,
      after: input.cursor,
    });
    return toWorklistPage(lines, input.limit, (last) => ({ on: last.on, id: last.id }));
  });
}

export async function treatmentsWorklistCounts(
  ctx: CoreContext,
  actor: Actor,
  input: In<'treatments.worklistCounts'>,
): Promise<Record<TreatmentWorklist, number>> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const days = await siteDays(em, ctx.clock(), await worklistSites(em, actor, input.siteIds));
    const counts = Object.fromEntries(TREATMENT_WORKLISTS.map((l) => [l, 0])) as Record<
      TreatmentWorklist,
      number
    >;
    if (days.length === 0) return counts;
    for (const list of TREATMENT_WORKLISTS) counts[list] = await worklistCount(em, list, days, actor.userId);
    return counts;
  });
}
