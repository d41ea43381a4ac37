/**
 * The legal calendar and "Audiences (7 jours)" (docs/violence-care.md, sections 6 and 7): hearings
 * at the reader's sites, soonest first — in a span of days of the site's calendar, or scheduled
 * from today to today + 6 days. A line is shown only when the person shares with the social and
 * legal team (or the reader recorded the hearing), and the count applies the same filter.
 */
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { HearingLine } from '../../../../shared/contract/legal';
import { toWorklistPage, type WorklistPage } from '../../../../shared/contract/worklist';
import {
  HEARING_STATUSES,
  HEARINGS_DUE_DAYS,
  UPCOMING_HEARING_STATUSES,
} from '../../../../shared/domain/legal';
import { addCalendar, siteToday } from '../../../../shared/domain/schedules';
import { zonedToUtc } from '../../../../shared/domain/zoned-time';
import type { Actor } from '../../access/gate';
import type { CoreContext } from '../../context';
import { siteTimeZones } from '../centre/repository';
import { worklistSites } from '../users/worklist-sites';
import { hearingsCount, hearingsPage, type HearingsScope } from './repository';

type Cursor = { startsAt: string; id: string };

/** The sites grouped by zone: each site's week or span is read in its own calendar. */
async function sitesByZone(em: EntityManager, sites: readonly string[]): Promise<Map<string, string[]>> {
  const zones = await siteTimeZones(em, sites);
  const groups = new Map<string, string[]>();
  for (const id of sites) {
    const zone = zones.get(id) ?? 'Europe/Paris';
    groups.set(zone, [...(groups.get(zone) ?? []), id]);
  }
  return groups;
}

/** One scope per zone of the sites read. */
async function scopesOf(
  em: EntityManager,
  sites: readonly string[],
  scopeOf: (sites: string[], zone: string) => HearingsScope,
): Promise<HearingsScope[]> {
  return [...(await sitesByZone(em, sites))].map(([zone, ids]) => scopeOf(ids, zone));
}

/** [from, from + days) of the site's calendar as UTC instants. */
export function daySpan(from: string, days: number, zone: string): { from: string; to: string } {
  return {
    from: zonedToUtc(from, '00:00', zone).toISOString(),
    to: zonedToUtc(addCalendar(from, { days }), '00:00', zone).toISOString(),
  };
}

/** "Due this week": scheduled hearings from the start of today to the end of today + 6 days. */
export function dueThisWeekScope(siteIds: readonly string[], now: Date, zone: string): HearingsScope {
  return {
    siteIds,
    statuses: UPCOMING_HEARING_STATUSES,
    ...daySpan(siteToday(now, zone), HEARINGS_DUE_DAYS, zone),
  };
}

async function page(
  ctx: CoreContext,
  actor: Actor,
  siteIds: readonly string[] | undefined,
  scopeOf: (sites: string[], zone: string) => HearingsScope,
  paging: { limit: number; cursor?: Cursor },
): Promise<WorklistPage<HearingLine, Cursor>> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const sites = await worklistSites(em, actor, siteIds);
    if (sites.length === 0) return { rows: [], nextCursor: null };
    const lines = await hearingsPage(em, await scopesOf(em, sites, scopeOf), actor.userId, {
      limit: paging.limit + 1,
      after: paging.cursor,
    });
    return toWorklistPage(lines, paging.limit, (last) => ({ startsAt: last.startsAt, id: last.hearingId }));
  });
}

export const calendar = (ctx: CoreContext, actor: Actor, input: In<'legal.calendar'>) =>
  // Every hearing of the span but the cancelled ones: held and postponed stay in the week's record.
  page(
    ctx,
    actor,
    input.siteIds,
    (sites, zone) => ({
      siteIds: sites,
      statuses: HEARING_STATUSES.filter((s) => s !== 'cancelled'),
      ...daySpan(input.from, input.days, zone),
    }),
    input,
  );

export const dueThisWeek = (ctx: CoreContext, actor: Actor, input: In<'legal.dueThisWeek'>) =>
  page(ctx, actor, input.siteIds, (sites, zone) => dueThisWeekScope(sites, ctx.clock(), zone), input);

export async function hearingsCounts(
  ctx: CoreContext,
  actor: Actor,
  input: In<'legal.hearingsCounts'>,
): Promise<{ dueThisWeek: number }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const sites = await worklistSites(em, actor, input.siteIds);
    if (sites.length === 0) return { dueThisWeek: 0 };
    const scopes = await scopesOf(em, sites, (ids, zone) => dueThisWeekScope(ids, ctx.clock(), zone));
    return { dueThisWeek: await hearingsCount(em, scopes, actor.userId) };
  });
}
