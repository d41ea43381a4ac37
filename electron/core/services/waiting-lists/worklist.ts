/**
 * Each specialty's waiting list for the worklists (a persons list: the dispatcher checks the
 * reader's role on the referrals section and audits the read): oldest request first, paged on
 * `(requestedOn, id)`, the reader's sites unless others are asked, and only persons who share
 * with the care team — or whom the reader referred.
 */
import type { ParsedInput as In } from '../../../../shared/contract';
import type { WaitingListLine } from '../../../../shared/contract/waiting-lists';
import { siteToday } from '../../../../shared/domain/schedules';
import { waitingDays } from '../../../../shared/domain/waiting-lists';
import type { Actor } from '../../access/gate';
import type { CoreContext } from '../../context';
import { sitesByIds } from '../centre/repository';
import { worklistSites } from '../users/worklist-sites';
import { worklistCounts as countRows, worklistPage } from './repository';
import { activeSpecialties } from './specialties';

export async function worklist(
  ctx: CoreContext,
  actor: Actor,
  input: In<'waitingLists.worklist'>,
): Promise<{ items: WaitingListLine[]; nextCursor: { requestedOn: string; id: string } | null }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const siteIds = await worklistSites(em, actor, input.siteIds);
    if (siteIds.length === 0) return { items: [], nextCursor: null };
    const rows = await worklistPage(em, {
      specialty: input.specialty,
      list: input.list,
      siteIds,
      readerId: actor.userId,
      after: input.cursor ?? null,
      limit: input.limit + 1,
    });
    const page = rows.slice(0, input.limit);
    const zones = new Map((await sitesByIds(em, siteIds)).map((s) => [s.id, s.timezone]));
    const now = ctx.clock();
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        personId: r.personId,
        nameUsed: r.personNameUsed,
        fileNumber: r.personFileNumber,
        siteId: r.siteId,
        specialty: r.specialty,
        requestedOn: r.requestedOn,
        waitingDays: waitingDays(r.requestedOn, siteToday(now, zones.get(r.siteId) ?? 'UTC')),
        origin: r.origin,
        note: r.note,
        status: r.status,
        version: Number(r.version),
      })),
      nextCursor: rows.length > input.limit && last ? { requestedOn: last.requestedOn, id: last.id } : null,
    };
  });
}

export async function worklistCounts(
  ctx: CoreContext,
  actor: Actor,
  input: In<'waitingLists.worklistCounts'>,
): Promise<{ items: Array<{ specialty: string; label: string | null; waiting: number; booked: number }> }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const specialties = await activeSpecialties(em);
    const siteIds = await worklistSites(em, actor, input.siteIds);
    const rows = await countRows(em, {
      specialties: specialties.map((s) => s.code),
      siteIds,
      readerId: actor.userId,
    });
    const count = (specialty: string, status: string) =>
      rows.find((r) => r.specialty === specialty && r.status === status)?.count ?? 0;
    return {
      items: specialties.map((s) => ({
        specialty: s.code,
        label: s.label ?? null,
        waiting: count(s.code, 'waiting'),
        booked: count(s.code, 'booked'),
      })),
    };
  });
}
