import type { EntityManager } from 'typeorm';
import { INTERCHANGE_FORMAT_VERSION, type InterchangeRecord } from '../../../shared/contract/interchange';
import type { Actor } from '../access/gate';
import { hasPermission } from '../access/gate';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { DomainError } from '../errors';
import { ADAPTERS } from './registry';

/** Every record of the centre, header first, then each type in dependency order, sorted by id. */
export async function collectRecords(em: EntityManager, exportedAt: string): Promise<InterchangeRecord[]> {
  const records: InterchangeRecord[] = [
    { type: 'header', format: 'parcours-interchange', formatVersion: INTERCHANGE_FORMAT_VERSION, exportedAt },
  ];
  for (const adapter of ADAPTERS) records.push(...(await adapter.exportAll(em)));
  return records;
}

export function toJsonLines(records: readonly InterchangeRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/**
 * Exporting everything is a permission of its own (`data.export`) and is always audited: the file
 * holds every dossier in clear and must be handled like the dossiers themselves.
 */
export async function exportAll(ctx: CoreContext, actor: Actor): Promise<{ text: string; count: number }> {
  if (!hasPermission(actor, 'data.export'))
    throw new DomainError('forbidden', 'permission data.export required');
  return ctx.vault.requireStore().transaction(async (em) => {
    const records = await collectRecords(em, ctx.clock().toISOString());
    await appendAudit(
      em,
      { actorId: actor.userId, action: 'export', detail: { records: records.length - 1 } },
      ctx.clock(),
    );
    return { text: toJsonLines(records), count: records.length - 1 };
  });
}
