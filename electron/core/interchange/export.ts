import type { EntityManager } from 'typeorm';
import { INTERCHANGE_FORMAT_VERSION, type InterchangeRecord } from '../../../shared/contract/interchange';
import type { Actor } from '../access/gate';
import { hasPermission } from '../access/gate';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { DomainError } from '../errors';
import type { OnProgress } from '../progress';
import { ADAPTERS } from './registry';

/**
 * Every record of the centre, header first, then each type in dependency order, sorted by id,
 * handed to `write` one at a time: a page of rows is in memory at once, never the whole store
 * (an array of every record stops being possible long before a ten-year centre's size).
 * Returns the number of records (the header not counted).
 */
export async function streamRecords(
  em: EntityManager,
  exportedAt: string,
  write: (record: InterchangeRecord) => void | Promise<void>,
  onProgress?: OnProgress,
): Promise<number> {
  // The total is counted first, in the same read transaction: the rows the pages will give.
  let total = 0;
  if (onProgress) for (const adapter of ADAPTERS) total += await em.getRepository(adapter.entity).count();
  onProgress?.({ phase: 'export', done: 0, total });
  await write({
    type: 'header',
    format: 'parcours-interchange',
    formatVersion: INTERCHANGE_FORMAT_VERSION,
    exportedAt,
  });
  let count = 0;
  for (const adapter of ADAPTERS) {
    const pages: AsyncIterable<InterchangeRecord[]> = adapter.exportPages
      ? adapter.exportPages(em)
      : (async function* () {
          yield await adapter.exportAll(em);
        })();
    for await (const page of pages)
      for (const record of page) {
        await write(record);
        count += 1;
        // An adapter may give a record more than its table counted: the total follows, never lags.
        total = Math.max(total, count);
        onProgress?.({ phase: 'export', done: count, total });
      }
  }
  onProgress?.({ phase: 'export', done: count, total: count });
  return count;
}

/** Every record in memory (small stores and tests); the export itself streams. */
export async function collectRecords(em: EntityManager, exportedAt: string): Promise<InterchangeRecord[]> {
  const records: InterchangeRecord[] = [];
  await streamRecords(em, exportedAt, (r) => {
    records.push(r);
  });
  return records;
}

export function toJsonLines(records: readonly InterchangeRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/**
 * Exporting everything is a permission of its own (`data.export`) and is always audited: the file
 * holds every dossier in clear and must be handled like the dossiers themselves. Each record is
 * handed to `writeLine` as one JSON line (with its newline) as soon as it is read, inside one
 * read transaction so the file is one consistent state; the audit entry is written in the same
 * transaction, after the last record (a failed write leaves no entry).
 */
export async function exportAll(
  ctx: CoreContext,
  actor: Actor,
  writeLine: (line: string) => void | Promise<void>,
  onProgress?: OnProgress,
): Promise<{ count: number }> {
  if (!hasPermission(actor, 'data.export'))
    throw new DomainError('forbidden', 'permission data.export required');
  return ctx.vault.requireStore().transaction(async (em) => {
    const count = await streamRecords(
      em,
      ctx.clock().toISOString(),
      (record) => writeLine(`${JSON.stringify(record)}\n`),
      onProgress,
    );
    await appendAudit(
      em,
      { actorId: actor.userId, action: 'export', detail: { records: count } },
      ctx.clock(),
    );
    return { count };
  });
}
