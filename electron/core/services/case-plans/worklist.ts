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
import { allSites, siteTimeZones } from '../centre/repository';
import { staffNames } from '../users/staff-names';
import { worklistSites } from '../users/worklist-sites';
import { actionsCount, actionsPage, type ActionsScope, type DueBounds } from './repository';

type Cursor = { dueOn: string; id: string };

/** Today at each site (the week a worklist speaks of is each action's site's). */
async function siteTodays(
  em: EntityManager,
  siteIds: readonly string[],
  now: Date,
): Promise<Map<string, string>> {
  const zones = await siteTimeZones(em, siteIds);
  return new Map(siteIds.map((id) => [id, siteToday(now, zones.get(id) ?? 'Europe/Paris')]));
}

/** Each site's bound (`bound` of its today), sites with the same bound in one group. */
function dueBounds(todays: ReadonlyMap<string, string>, bound: (today: string) => string): DueBounds {
  const groups = new Map<string, string[]>();
  for (const [siteId, today] of todays) {
    const dueBy = bound(today);
    groups.set(dueBy, [...(groups.get(dueBy) ?? []), siteId]);
  }
  return [...groups].map(([dueBy, siteIds]) => ({ dueBy, siteIds }));
}

const weekEnd = (today: string) => addCalendar(today, { days: DUE_THIS_WEEK_DAYS - 1 });
const dayBefore = (today: string) => addCalendar(today, { days: -1 });

/**
 * The sites a list reads and the sites whose "today" it needs: the team's are the reader's sites
 * (or those the filter names); an owner's actions are at any site unless the filter names some.
 * A plan followed at two sites lists its actions at both, whichever site an action was written
 * at, so each action's week is read from its own site's today: every site's is needed.
 */
async function listSites(
  em: EntityManager,
  actor: Actor,
  asked: readonly string[] | undefined,
  mine: boolean,
): Promise<{ scoped: string[] | null; todaySites: string[] } | null> {
  const sites = await worklistSites(em, actor, asked);
  if (sites.length === 0) return null;
  const todaySites = (await allSites(em)).map((s) => s.id);
  return { scoped: mine && !asked?.length ? null : sites, todaySites };
}

async function page(
  ctx: CoreContext,
  actor: Actor,
  input: In<'casePlans.myActions'>,
  mine: boolean,
): Promise<WorklistPage<ActionLine, Cursor>> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const sites = await listSites(em, actor, input.siteIds, mine);
    if (!sites) return { rows: [], nextCursor: null };
    const todays = await siteTodays(em, sites.todaySites, ctx.clock());
    const scope: ActionsScope = mine
      ? { ownerId: actor.userId, siteIds: sites.scoped }
      : { siteIds: sites.scoped ?? sites.todaySites };
    const lines = await actionsPage(
      em,
      scope,
      actor.userId,
      input.list === 'week' ? dueBounds(todays, weekEnd) : null,
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
      overdue: l.dueOn < (todays.get(l.siteId) ?? ''),
    }));
    return toWorklistPage(rows, input.limit, (last) => ({ dueOn: last.dueOn, id: last.actionId }));
  });
}

/** The owner's own actions, at any site unless the filter names some: the owner was chosen because they read the plan. */
export const myActions = (ctx: CoreContext, actor: Actor, input: In<'casePlans.myActions'>) =>
  page(ctx, actor, input, true);

export const teamActions = (ctx: CoreContext, actor: Actor, input: In<'casePlans.teamActions'>) =>
  page(ctx, actor, input, false);

export async function worklistCounts(
  ctx: CoreContext,
  actor: Actor,
  input: In<'casePlans.actionsCounts'>,
): Promise<{ mineThisWeek: number; teamOverdue: number }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const mine = await listSites(em, actor, input.siteIds, true);
    const team = await listSites(em, actor, input.siteIds, false);
    if (!mine || !team) return { mineThisWeek: 0, teamOverdue: 0 };
    const now = ctx.clock();
    const mineTodays = await siteTodays(em, mine.todaySites, now);
    const teamTodays = await siteTodays(em, team.todaySites, now);
    return {
      mineThisWeek: await actionsCount(
        em,
        { ownerId: actor.userId, siteIds: mine.scoped },
        actor.userId,
        dueBounds(mineTodays, weekEnd),
      ),
      teamOverdue: await actionsCount(
        em,
        { siteIds: team.scoped ?? team.todaySites },
        actor.userId,
        dueBounds(teamTodays, dayBefore),
      ),
    };
  });
}
