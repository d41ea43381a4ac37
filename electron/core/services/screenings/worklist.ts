/**
 * The screenings' worklists: results not yet told to the person (`result.to_give`, on the
 * `(to_give, site_id, resulted_at)` index) and confirmations of a reactive rapid test not yet
 * resulted (samples `ordered` / `taken` that confirm a result, on the `(status, site_id, taken_at)`
 * index), oldest first. Each page is one statement on its leading-state index, joined to the
 * person for the name and file number; a line is shown only when the person shares with the care
 * team (or the reader wrote the item), and the counts apply the same filter, so a badge never
 * counts what the reader may not see. The screenings' own tables only.
 */
import type { ParsedInput as In } from '../../../../shared/contract';
import type {
  ScreeningWorklist,
  ScreeningWorklistCursor,
  ScreeningWorklistRow,
} from '../../../../shared/contract/screenings-worklist';
import { toWorklistPage, type WorklistPage } from '../../../../shared/contract/worklist';
import type { Actor } from '../../access/gate';
import type { CoreContext } from '../../context';
import { worklistSites } from '../users/worklist-sites';
import { screeningWorklistCount, screeningWorklistPage } from './repository';

export async function screeningsWorklist(
  ctx: CoreContext,
  actor: Actor,
  input: In<'screenings.worklist'>,
): Promise<WorklistPage<ScreeningWorklistRow, ScreeningWorklistCursor>> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const siteIds = await worklistSites(em, actor, input.siteIds);
    if (siteIds.length === 0) return { rows: [], nextCursor: null };
    const lines = await screeningWorklistPage(em, input.list, siteIds, actor.userId, {
      limit: input.limit + 1,
      after: input.cursor,
    });
    const rows = lines.map(({ personFileNumber, personNameUsed, ...line }) => ({
      ...line,
      fileNumber: personFileNumber,
      nameUsed: personNameUsed,
    }));
    return toWorklistPage(rows, input.limit, (row) => ({ at: row.at, id: row.id }));
  });
}

export async function screeningsWorklistCounts(
  ctx: CoreContext,
  actor: Actor,
  input: In<'screenings.worklistCounts'>,
): Promise<Record<ScreeningWorklist, number>> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const siteIds = await worklistSites(em, actor, input.siteIds);
    const counts: Record<ScreeningWorklist, number> = { results_to_give: 0, confirmations_pending: 0 };
    if (siteIds.length === 0) return counts;
    for (const list of Object.keys(counts) as ScreeningWorklist[])
      counts[list] = await screeningWorklistCount(em, list, siteIds, actor.userId);
    return counts;
  });
}
