/**
 * "Mes actions" and the team view (docs/violence-care.md, sections 6 and 7): open actions soonest
 * due first — the reader's own (`(owner_id, status, due_on)`) or those of the reader's sites
 * (`(status, site_id, due_on)`), this week (due by today + 6 days, overdue included) or all. A
 * line is shown only when the person shares with the social and legal team (or the reader wrote
 * or owns the action), and the counts apply the same filter.
 */
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { ActionLine, TeamCounts } from '../../../../shared/contract/case-plans';
import { toWorklistPage, type WorklistPage } from '../../../../shared/contract/worklist';
import { DUE_THIS_WEEK_DAYS } from '../../../../shared/domain/case-plans';
import { addCalendar, siteToday } from '../../../../shared/domain/schedules';
import type { Actor } from '../../access/gate';
import type { CoreContext } from '../../context';
import { allSites, siteTimeZones } from '../centre/repository';
import { staffNames } from '../users/staff-names';
import { worklistSites } from '../users/worklist-sites';
import {
  actionsCount,
  actionsPage,
  dueActionsAt,
  plansByStatusAt,
  type ActionsScope,
  type DueBounds,
} from './repository';

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

/**
 * The coordinator's team view: counts per site and per owner, no person (docs/violence-care.md,
 * "Slice 6 and sites, as built"). Every plan and action counts, whatever the person's consent:
 * the number is the team's workload, not a case shared with the reader. A plan followed at two
 * sites counts at each; an owner's action counts once. No small count is hidden: see the doc.
 */
export async function teamCounts(
  ctx: CoreContext,
  actor: Actor,
  input: In<'casePlans.teamCounts'>,
): Promise<TeamCounts> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const asked = new Set(await worklistSites(em, actor, input.siteIds));
    const centreSites = (await allSites(em)).map((s) => s.id);
    // One line per site, in the centre's order (by code), whatever order the reader's sites come in.
    const sites = centreSites.filter((id) => asked.has(id));
    if (sites.length === 0) return { sites: [], owners: [] };
    const todays = await siteTodays(em, centreSites, ctx.clock());
    const latestWeekEnd = [...todays.values()].map(weekEnd).sort().at(-1) ?? '';
    const due = await dueActionsAt(em, sites, latestWeekEnd);
    const bySite = new Map(sites.map((id) => [id, { dueThisWeek: 0, overdue: 0 }]));
    const byOwner = new Map<string, { dueThisWeek: number; overdue: number; seen: Set<string> }>();
    for (const row of due) {
      const today = todays.get(row.actionSiteId) ?? '';
      const kind = row.dueOn < today ? 'overdue' : row.dueOn <= weekEnd(today) ? 'dueThisWeek' : null;
      if (!kind) continue;
      const site = bySite.get(row.followedAt);
      if (site) site[kind] += 1;
      const owner = byOwner.get(row.ownerId) ?? { dueThisWeek: 0, overdue: 0, seen: new Set<string>() };
      byOwner.set(row.ownerId, owner);
      if (owner.seen.has(row.actionId)) continue;
      owner.seen.add(row.actionId);
      owner[kind] += 1;
    }
    const plans = new Map(sites.map((id) => [id, { open: 0, active: 0, on_hold: 0, closed: 0 }]));
    for (const row of await plansByStatusAt(em, sites)) {
      const site = plans.get(row.siteId);
      if (site) site[row.status] = Number(row.count);
    }
    const names = await staffNames(em, [...byOwner.keys()]);
    return {
      sites: sites.map((siteId) => ({
        siteId,
        ...(bySite.get(siteId) ?? { dueThisWeek: 0, overdue: 0 }),
        plans: plans.get(siteId) ?? { open: 0, active: 0, on_hold: 0, closed: 0 },
      })),
      owners: [...byOwner]
        .map(([ownerId, c]) => ({
          ownerId,
          ownerName: names.get(ownerId) ?? null,
          dueThisWeek: c.dueThisWeek,
          overdue: c.overdue,
        }))
        .sort(
          (a, b) =>
            (a.ownerName ?? '').localeCompare(b.ownerName ?? '') || a.ownerId.localeCompare(b.ownerId),
        ),
    };
  });
}
