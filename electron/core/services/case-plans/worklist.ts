/**
 * "Mes actions" and the team view (docs/violence-care.md, sections 6 and 7): open actions soonest
 * due first — the reader's own (`(owner_id, status, due_on)`) or those of the reader's sites
 * (`(status, site_id, due_on)`), this week (due by today + 6 days, overdue included) or all. A
 * line is shown only when the person shares with the social and legal team (or the reader wrote
 * or owns the action), and the counts apply the same filter.
 */
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { ActionLine } from '../../../../shared/contract/case-plans';
import { toWorklistPage, type WorklistPage } from '../../../../shared/contract/worklist';
import { DUE_THIS_WEEK_DAYS } from '../../../../shared/domain/case-plans';
import { addCalendar, siteToday } from '../../../../shared/domain/schedules';
import type { Actor } from '../../access/gate';
import type { CoreContext } from '../../context';
import { siteTimeZones } from '../centre/repository';
import { staffNames } from '../users/staff-names';
import { worklistSites } from '../users/worklist-sites';
import { actionsCount, actionsPage, type ActionsScope } from './repository';

type Cursor = { dueOn: string; id: string };

/** Today at the reader's first site (the week a worklist speaks of). */
async function readerToday(em: EntityManager, sites: readonly string[], now: Date): Promise<string> {
  const zone = sites[0] ? (await siteTimeZones(em, [sites[0]])).get(sites[0]) : undefined;
  return siteToday(now, zone ?? 'Europe/Paris');
}

const weekEnd = (today: string) => addCalendar(today, { days: DUE_THIS_WEEK_DAYS - 1 });

async function page(
  ctx: CoreContext,
  actor: Actor,
  input: In<'casePlans.myActions'>,
  scopeOf: (sites: string[]) => ActionsScope,
): Promise<WorklistPage<ActionLine, Cursor>> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const sites = await worklistSites(em, actor, input.siteIds);
    if (sites.length === 0) return { rows: [], nextCursor: null };
    const today = await readerToday(em, sites, ctx.clock());
    const lines = await actionsPage(
      em,
      scopeOf(sites),
      actor.userId,
      input.list === 'week' ? weekEnd(today) : null,
      {
        limit: input.limit + 1,
        after: input.cursor,
      },
    );
    const names = await staffNames(
      em,
      lines.map((l) => l.ownerId),
    );
    const rows = lines.map((l) => ({
      ...l,
      ownerName: names.get(l.ownerId) ?? null,
      overdue: l.dueOn < today,
    }));
    return toWorklistPage(rows, input.limit, (last) => ({ dueOn: last.dueOn, id: last.actionId }));
  });
}

export const myActions = (ctx: CoreContext, actor: Actor, input: In<'casePlans.myActions'>) =>
  // The owner's own actions at any site: the owner was chosen because they read the plan.
  page(ctx, actor, input, () => ({ ownerId: actor.userId }));

export const teamActions = (ctx: CoreContext, actor: Actor, input: In<'casePlans.teamActions'>) =>
  page(ctx, actor, input, (sites) => ({ siteIds: sites }));

export async function worklistCounts(
  ctx: CoreContext,
  actor: Actor,
  input: In<'casePlans.actionsCounts'>,
): Promise<{ mineThisWeek: number; teamOverdue: number }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const sites = await worklistSites(em, actor, input.siteIds);
    if (sites.length === 0) return { mineThisWeek: 0, teamOverdue: 0 };
    const today = await readerToday(em, sites, ctx.clock());
    const yesterday = addCalendar(today, { days: -1 });
    return {
      mineThisWeek: await actionsCount(em, { ownerId: actor.userId }, actor.userId, weekEnd(today)),
      teamOverdue: await actionsCount(em, { siteIds: sites }, actor.userId, yesterday),
    };
  });
}
