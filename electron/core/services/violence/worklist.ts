/**
 * "Protocoles 72 h en cours" on "À faire": the open protocols of the reader's sites whose deadline
 * is still ahead, soonest first, with the hours left. A line is shown only when the person shares
 * with the social and legal team (or the reader recorded the incident), and the count applies the
 * same filter, so the badge never counts what the reader may not see.
 */
import type { ParsedInput as In } from '../../../../shared/contract';
import type { OpenProtocolRow } from '../../../../shared/contract/violence';
import { toWorklistPage } from '../../../../shared/contract/worklist';
import { hoursLeft } from '../../../../shared/domain/violence';
import type { Actor } from '../../access/gate';
import type { CoreContext } from '../../context';
import { worklistSites } from '../users/worklist-sites';
import { openProtocolsCount, openProtocolsPage } from './repository';

export async function openProtocols(
  ctx: CoreContext,
  actor: Actor,
  input: In<'violence.openProtocols'>,
): Promise<{ rows: OpenProtocolRow[]; nextCursor: { protocolDeadline: string; id: string } | null }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const now = ctx.clock();
    const sites = await worklistSites(em, actor, input.siteIds);
    if (sites.length === 0) return { rows: [], nextCursor: null };
    const lines = await openProtocolsPage(em, sites, now, actor.userId, {
      limit: input.limit + 1,
      after: input.cursor,
    });
    const rows = lines.map((l) => ({
      ...l,
      timeKnown: l.occurredAt !== null,
      hoursLeft: hoursLeft(l.protocolDeadline, now) ?? 0,
    }));
    return toWorklistPage(rows, input.limit, (last) => ({
      protocolDeadline: last.protocolDeadline,
      id: last.incidentId,
    }));
  });
}

export async function openProtocolsCounts(
  ctx: CoreContext,
  actor: Actor,
  input: In<'violence.openProtocolsCounts'>,
): Promise<{ open: number }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const sites = await worklistSites(em, actor, input.siteIds);
    return { open: sites.length ? await openProtocolsCount(em, sites, ctx.clock(), actor.userId) : 0 };
  });
}
