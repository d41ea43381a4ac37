/**
 * The centre's tables (`centre`, `site`): every query on them. Other capabilities ask here
 * (a site exists, its code, its time zone), never through the entities.
 */
import type { EntityManager } from 'typeorm';
import { siteToday } from '../../../../shared/domain/schedules';
import { findRows } from '../../db/fast-read';
import { CentreEntity, SiteEntity, type CentreRow, type SiteRow } from './entities';

export type { CentreRow, SiteRow };

/** There is one centre per store. */
export const CENTRE_ID = 'centre';

export function findCentre(em: EntityManager): Promise<CentreRow | null> {
  return em.getRepository(CentreEntity).findOneBy({ id: CENTRE_ID });
}

export async function insertCentre(em: EntityManager, row: CentreRow): Promise<void> {
  await em.getRepository(CentreEntity).insert(row);
}

export async function updateCentreRow(
  em: EntityManager,
  changes: Partial<Omit<CentreRow, 'id'>>,
): Promise<void> {
  await em.getRepository(CentreEntity).update({ id: CENTRE_ID }, changes);
}

export function allSites(em: EntityManager): Promise<SiteRow[]> {
  return em.getRepository(SiteEntity).find({ order: { code: 'ASC' } });
}

export function findSite(em: EntityManager, id: string): Promise<SiteRow | null> {
  return em.getRepository(SiteEntity).findOneBy({ id });
}

export function requireSite(em: EntityManager, id: string): Promise<SiteRow> {
  return em.getRepository(SiteEntity).findOneByOrFail({ id });
}

export function siteExists(em: EntityManager, id: string): Promise<boolean> {
  return em.getRepository(SiteEntity).existsBy({ id });
}

export function siteByCode(em: EntityManager, code: string): Promise<SiteRow | null> {
  return em.getRepository(SiteEntity).findOneBy({ code });
}

export function siteCodeTaken(em: EntityManager, code: string): Promise<boolean> {
  return em.getRepository(SiteEntity).existsBy({ code });
}

/** How many of these ids are sites (an id given twice counts once). */
export function countSites(em: EntityManager, ids: readonly string[]): Promise<number> {
  return em.getRepository(SiteEntity).countBy(ids.map((id) => ({ id })));
}

/** Plain rows, no entity hydration: read on every worklist call for the sites' time zones. */
export function sitesByIds(em: EntityManager, ids: readonly string[]): Promise<SiteRow[]> {
  return findRows(em, SiteEntity, { id: ids }, { column: 'id', direction: 'ASC' });
}

/**
 * The time zone of each site named. Every site has one (a required column) and a site is never
 * deleted (it is closed), so a record naming a site that is not there is a broken reference: it is
 * raised, not read in some default zone that would shift its dates.
 */
export async function siteTimeZones(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const zones = new Map((await sitesByIds(em, unique)).map((s) => [s.id, s.timezone]));
  const missing = unique.find((id) => !zones.has(id));
  if (missing !== undefined)
    throw new Error(`site ${missing} not found: a record names a site that does not exist`);
  return zones;
}

/**
 * The sites named, grouped by their local date at `now` (sites in other time zones may be a day
 * apart): what every worklist on due dates reads its ranges from. Unknown ids are left out.
 */
export async function sitesByLocalDate(
  em: EntityManager,
  now: Date,
  ids: readonly string[],
): Promise<Array<{ today: string; siteIds: string[] }>> {
  const byDay = new Map<string, string[]>();
  for (const site of await sitesByIds(em, [...new Set(ids)])) {
    const today = siteToday(now, site.timezone);
    byDay.set(today, [...(byDay.get(today) ?? []), site.id]);
  }
  // Ordered by date, then site id, so a caller's ranges (and their SQL) never depend on row order.
  return [...byDay]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([today, siteIds]) => ({ today, siteIds: siteIds.sort() }));
}

export async function insertSiteRow(em: EntityManager, row: SiteRow): Promise<void> {
  await em.getRepository(SiteEntity).insert(row);
}

export async function saveSiteRow(em: EntityManager, row: SiteRow): Promise<void> {
  await em.getRepository(SiteEntity).save(row);
}

/**
 * The site's code for the dossier's header. Declared hot path: one small look-up on every dossier
 * opening, so plain SQL (portable: no dialect-specific syntax).
 */
export async function siteCodeOf(em: EntityManager, id: string): Promise<string | null> {
  // Every dossier opening pays this look-up: through the prepared hot-path reader (fast-read.ts).
  const [site] = await findRows(em, SiteEntity, { id }, { column: 'id', direction: 'ASC' });
  return site?.code ?? null;
}
