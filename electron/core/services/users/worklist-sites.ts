/**
 * The sites a worklist (a page or its counts) reads: the reader's own sites, or those of them the
 * filter names. A site the reader does not work at is refused on `siteIds` (`site_not_yours`)
 * rather than quietly dropped: the screen that asked for it is wrong, and silently answering with
 * fewer sites would make its lines and counts lie. So no list, count or navigation badge ever
 * shows a person of a site the reader is not assigned to.
 */
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../access/gate';
import { invalid } from '../../errors';
import { rolesAndSitesOf } from './repository';

/**
 * The one site a site-wide view (the reception board, its counts) reads: one of the reader's own,
 * else refused on `siteId`, for the same reason as above: a board of a clinic the reader does not
 * work at would list who is in its waiting room.
 */
export async function requireOwnSite(em: EntityManager, actor: Actor, siteId: string): Promise<string> {
  const { sites } = await rolesAndSitesOf(em, [actor.userId]);
  if (!sites.some((s) => s.siteId === siteId)) throw invalid('siteId', 'site_not_yours');
  return siteId;
}

export async function worklistSites(
  em: EntityManager,
  actor: Actor,
  asked: readonly string[] | undefined,
): Promise<string[]> {
  const { sites } = await rolesAndSitesOf(em, [actor.userId]);
  const own = new Set(sites.map((s) => s.siteId));
  if (!asked?.length) return [...own];
  if (asked.some((id) => !own.has(id))) throw invalid('siteIds', 'site_not_yours');
  return [...new Set(asked)];
}
