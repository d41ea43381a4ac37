/**
 * The audit log: every read of a dossier section and every change, appended, each entry chained
 * to the previous one by a SHA-256 hash. Changing or deleting an entry — even with the key and
 * raw SQL — breaks the chain, and `parcours audit verify` reports where.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuditAction } from '../../../shared/contract/audit';
import type { Section } from '../../../shared/domain/roles';
import { AuditEntity, type AuditRow } from './entities';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  actorId: string | null;
  action: AuditAction;
  section?: Section | null;
  personId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  siteId?: string | null;
  /** Break-the-glass reason or a deactivation note: free text written by staff. */
  reason?: string | null;
  /** Ids and counts only: never names or clinical content. */
  detail?: Record<string, string | number | boolean | null> | null;
}

type HashedFields = Omit<AuditRow, 'hash'>;

export function entryHash(row: HashedFields): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actorId,
    row.action,
    row.section,
    row.personId,
    row.targetType,
    row.targetId,
    row.siteId,
    row.reason,
    row.detail,
    row.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one entry. Must run inside the store's exclusive unit of work (seq and chain). */
export async function appendAudit(em: EntityManager, event: AuditEvent, at: Date): Promise<AuditRow> {
  const [row] = await appendAudits(em, [event], at);
  return row;
}

/** Appends several entries at once (one dossier opening reads several sections). */
export async function appendAudits(
  em: EntityManager,
  events: readonly AuditEvent[],
  at: Date,
): Promise<AuditRow[]> {
  // Plain SQL: every write and every dossier opening pays this, so it stays two statements.
  const [last] = await em.query<Array<{ seq: number; hash: string }>>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = events.map((event) => {
    seq += 1;
    const fields = entryFields(event, seq, prevHash, at);
    const row: AuditRow = { ...fields, hash: entryHash(fields) };
    prevHash = row.hash;
    return row;
  });
  if (rows.length) {
    const placeholders = rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    const values = rows.flatMap((r) => [
      r.seq,
      r.at,
      r.actorId,
      r.action,
      r.section,
      r.personId,
      r.targetType,
      r.targetId,
      r.siteId,
      r.reason,
      r.detail,
      r.prevHash,
      r.hash,
    ]);
    await em.query(
      `INSERT INTO audit_log (seq, at, actor_id, action, section, person_id, target_type, target_id, site_id, reason, detail, prev_hash, hash) VALUES ${placeholders}`,
      values,
    );
  }
  return rows;
}

function entryFields(event: AuditEvent, seq: number, prevHash: string, at: Date): HashedFields {
  return {
    seq,
    at: at.toISOString(),
    actorId: event.actorId,
    action: event.action,
    section: event.section ?? null,
    personId: event.personId ?? null,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    siteId: event.siteId ?? null,
    reason: event.reason ?? null,
    detail: event.detail ? JSON.stringify(event.detail) : null,
    prevHash,
  };
}

export interface ChainVerification {
  intact: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  problem: 'hash_mismatch' | 'chain_broken' | 'sequence_gap' | null;
}

/** Walks the whole chain in pages; stops at the first entry that does not hold. */
export async function verifyChain(em: EntityManager, pageSize = 2000): Promise<ChainVerification> {
  const repo = em.getRepository(AuditEntity);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const page = await repo
      .createQueryBuilder('a')
      .where('a.seq >= :from', { from: expectedSeq })
      .orderBy('a.seq', 'ASC')
      .limit(pageSize)
      .getMany();
    if (page.length === 0) return { intact: true, checked, firstBrokenSeq: null, problem: null };
    for (const row of page) {
      if (row.seq !== expectedSeq)
        return { intact: false, checked, firstBrokenSeq: expectedSeq, problem: 'sequence_gap' };
      if (row.prevHash !== prevHash)
        return { intact: false, checked, firstBrokenSeq: row.seq, problem: 'chain_broken' };
      const { hash, ...fields } = row;
      if (entryHash(fields) !== hash)
        return { intact: false, checked, firstBrokenSeq: row.seq, problem: 'hash_mismatch' };
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
}
