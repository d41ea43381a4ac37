import type { ParsedInput as In } from '../../../../shared/contract';
import type { AuditAction, AuditEntryView, AuditVerification } from '../../../../shared/contract/audit';
import type { Section } from '../../../../shared/domain/roles';
import { headExpectation } from '../../audit/audit-head';
import { verifyChain } from '../../audit/audit-log';
import { auditPage, readsPerHourAbove } from '../../audit/repository';
import { readCentre } from '../centre/centre-service';
import type { CoreContext } from '../../context';
import { staffNames } from '../users/staff-names';

export async function listAudit(
  ctx: CoreContext,
  input: In<'audit.list'>,
): Promise<{ items: AuditEntryView[]; total: number; page: number; pageSize: number }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const [rows, total] = await auditPage(store.manager, {
      actorId: input.actorId,
      personId: input.personId,
      action: input.action,
      from: input.from ? new Date(input.from).toISOString() : undefined,
      to: input.to ? new Date(input.to).toISOString() : undefined,
      page: input.page,
      pageSize: input.pageSize,
    });
    const names = await staffNames(
      store.manager,
      rows.map((r) => r.actorId),
    );
    const items = rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actorId,
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      action: r.action as AuditAction,
      section: r.section as Section | null,
      personId: r.personId,
      targetType: r.targetType,
      targetId: r.targetId,
      reason: r.reason,
    }));
    return { items, total, page: input.page, pageSize: input.pageSize };
  });
}

/**
 * Walks the chain and checks that it contains the head sealed outside the database. The sealed
 * head is read first: it is only ever written after its entries committed, so the walk that
 * follows must find it. The one exception is a read snapshot already held on this connection when
 * the job began (a transaction open before the handler: tests hold one to stop a long read
 * half-way): that snapshot may predate the record, so a head beyond its end is not a rollback
 * there — its hash is still checked wherever the snapshot holds its entry.
 */
export async function verifyAudit(ctx: CoreContext): Promise<AuditVerification> {
  const store = ctx.vault.requireStore();
  return store.exclusive(() => {
    const snapshotHeld = store.handle.inTransaction;
    const head = headExpectation(store.dataDir, store.auditKey, store.handle);
    return verifyChain(store.manager, head, { headMayBeAhead: snapshotHeld });
  });
}

/** The coordination's review list: hours in which someone opened more dossiers than the centre allows. */
export async function unusualReading(ctx: CoreContext, input: In<'audit.unusualReading'>) {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const { unusualReadsPerHour: threshold } = await readCentre(store.manager);
    const since = new Date(ctx.clock().getTime() - input.days * 24 * 3600_000).toISOString();
    const rows = await readsPerHourAbove(store.manager, since, threshold);
    const names = await staffNames(
      store.manager,
      rows.map((r) => r.actorId),
    );
    return {
      threshold,
      items: rows.map((r) => ({ ...r, actorName: names.get(r.actorId) ?? null })),
    };
  });
}
