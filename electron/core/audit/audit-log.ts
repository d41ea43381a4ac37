/**
 * The audit log: every read of a dossier section and every change, appended, each entry chained
 * to the previous one by an HMAC-SHA256 under K_audit (audit-key.ts). Entries written before the
 * keyed chain keep their plain SHA-256 (`chain_version` 1). Changing, deleting, reordering or
 * inserting an entry and re-chaining takes K_audit; a log rolled back or cut short is caught by
 * the head sealed outside the database (audit-head.ts). `parcours audit verify` reports where.
 */
import { createHash, createHmac } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditAction } from '../../../shared/contract/audit';
import type { Section } from '../../../shared/domain/roles';
import { hotQuery } from '../db/fast-read';
import type { SqliteHandle } from '../db/sqlite';
import { auditKeyOf } from './audit-key';
import { AuditEntity, type AuditRow } from './entities';

export const GENESIS_HASH = '0'.repeat(64);
/** Plain SHA-256: entries written before the keyed chain (migration 0004). */
export const CHAIN_PLAIN = 1;
/** HMAC-SHA256 under K_audit: every entry appended since. */
export const CHAIN_KEYED = 2;

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
type EntryFields = Omit<AuditRow, 'hash' | 'chainVersion'>;

/** The plain SHA-256 of a version-1 entry (kept as it was, so existing stores still verify). */
export function entryHash(row: EntryFields): string {
  return createHash('sha256').update(canonicalFields(row)).digest('hex');
}

/** The HMAC of a version-2 entry; the version is inside the MAC, so it cannot be changed either. */
export function keyedEntryHash(key: Buffer, row: EntryFields): string {
  return createHmac('sha256', key)
    .update(`parcours audit v2\0${CHAIN_KEYED}\0`)
    .update(canonicalFields(row))
    .digest('hex');
}

function canonicalFields(row: EntryFields): string {
  return JSON.stringify([
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
}

/** The hash a row must carry for its chain version; null for a version no Parcours writes. */
function expectedHash(key: Buffer, row: HashedFields): string | null {
  const { chainVersion, ...fields } = row;
  if (chainVersion === CHAIN_PLAIN) return entryHash(fields);
  if (chainVersion === CHAIN_KEYED) return keyedEntryHash(key, fields);
  return null;
}

/** Stores that appended entries since their head was last sealed (store.ts seals after the unit). */
const appended = new WeakSet<DataSource>();

/** True once per unit of work that appended: the head is then sealed again. */
export function takeAppended(ds: DataSource): boolean {
  return appended.delete(ds);
}

/** Appends one entry. Must run inside the store's exclusive unit of work (seq and chain). */
export async function appendAudit(em: EntityManager, event: AuditEvent, at: Date): Promise<AuditRow> {
  const [row] = await appendAudits(em, [event], at);
  return row;
}

/** Appends several entries at once (one dossier opening reads several sections). */
/** Audit rows written per INSERT (14 parameters each, well under SQLite's 32,766). */
export const AUDIT_ROWS_PER_INSERT = 1000;

export async function appendAudits(
  em: EntityManager,
  events: readonly AuditEvent[],
  at: Date,
): Promise<AuditRow[]> {
  // Plain SQL, prepared once: every write and every dossier opening pays this, so it stays two
  // statements.
  const [last] = await hotQuery<{ seq: number; hash: string }>(
    em,
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const { key } = auditKeyOf(em);
  const rows = events.map((event) => {
    seq += 1;
    const fields = entryFields(event, seq, prevHash, at);
    const row: AuditRow = { ...fields, hash: keyedEntryHash(key, fields), chainVersion: CHAIN_KEYED };
    prevHash = row.hash;
    return row;
  });
  // In statements of at most AUDIT_ROWS_PER_INSERT rows: SQLite takes at most 32,766 parameters
  // per statement, 14 a row (a lab file naming 5,000 persons appends 10,000 entries at once).
  for (let start = 0; start < rows.length; start += AUDIT_ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + AUDIT_ROWS_PER_INSERT);
    const placeholders = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    const values = chunk.flatMap((r) => [
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
      r.chainVersion,
    ]);
    await hotQuery(
      em,
      `INSERT INTO audit_log (seq, at, actor_id, action, section, person_id, target_type, target_id, site_id, reason, detail, prev_hash, hash, chain_version) VALUES ${placeholders}`,
      values,
    );
    // Marked even if the transaction later rolls back: the seal reads the committed head.
    appended.add(em.connection);
  }
  return rows;
}

function entryFields(event: AuditEvent, seq: number, prevHash: string, at: Date): EntryFields {
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
  problem: 'hash_mismatch' | 'chain_broken' | 'sequence_gap' | 'head_mismatch' | null;
}

/**
 * What the log must contain, from the sealed head (audit-head.ts): the entry `count` with `hash`.
 * `null`: nothing to hold it to (no head sealed yet, and no keyed entry). `'unsealed'`: the head
 * record is missing or its seal does not verify under K_audit.
 */
export type HeadExpectation = { count: number; hash: string } | 'unsealed' | null;

/**
 * Walks the whole chain in pages; stops at the first entry that does not hold. Then checks that
 * the log contains the sealed head: an older database put back, or one cut short, does not.
 */
export async function verifyChain(
  em: EntityManager,
  head: HeadExpectation = null,
  { pageSize = 2000, headMayBeAhead = false }: { pageSize?: number; headMayBeAhead?: boolean } = {},
): Promise<ChainVerification> {
  const { key } = auditKeyOf(em);
  const repo = em.getRepository(AuditEntity);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let keyed = false;
  for (;;) {
    const page = await repo
      .createQueryBuilder('a')
      .where('a.seq >= :from', { from: expectedSeq })
      .orderBy('a.seq', 'ASC')
      .limit(pageSize)
      .getMany();
    if (page.length === 0) break;
    for (const row of page) {
      if (row.seq !== expectedSeq)
        return { intact: false, checked, firstBrokenSeq: expectedSeq, problem: 'sequence_gap' };
      if (row.prevHash !== prevHash)
        return { intact: false, checked, firstBrokenSeq: row.seq, problem: 'chain_broken' };
      const { hash, ...fields } = row;
      // A plain entry after a keyed one is a downgrade: only the key could have written that place.
      if ((keyed && row.chainVersion !== CHAIN_KEYED) || expectedHash(key, fields) !== hash)
        return { intact: false, checked, firstBrokenSeq: row.seq, problem: 'hash_mismatch' };
      if (typeof head === 'object' && head && row.seq === head.count && hash !== head.hash)
        return { intact: false, checked, firstBrokenSeq: row.seq, problem: 'head_mismatch' };
      keyed ||= row.chainVersion === CHAIN_KEYED;
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
  if (head === 'unsealed' && keyed)
    return { intact: false, checked, firstBrokenSeq: null, problem: 'head_mismatch' };
  if (typeof head === 'object' && head && head.count > checked && !headMayBeAhead)
    return { intact: false, checked, firstBrokenSeq: checked + 1, problem: 'head_mismatch' };
  return { intact: true, checked, firstBrokenSeq: null, problem: null };
}

/*
 * Direct reads on the store's handle (synchronous): the head is sealed after a unit of work ends
 * and checked while a store opens or a backup is made, outside TypeORM's query runner.
 */

/** The last entry: the chain's head. */
export function lastEntry(db: SqliteHandle): { seq: number; hash: string } | null {
  const row = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  return row ?? null;
}

/** The hash of the entry at `seq`, or null when the log has no such entry. */
export function hashAt(db: SqliteHandle, seq: number): string | null {
  const row = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined;
  return row?.hash ?? null;
}

/** Whether any entry is keyed (then a head must have been sealed). */
export function hasKeyedEntries(db: SqliteHandle): boolean {
  // A store (or a backup's copy) from before migration 0004 has no keyed entry, nor the column.
  const hasColumn = db
    .prepare("SELECT 1 FROM pragma_table_info('audit_log') WHERE name = 'chain_version'")
    .get();
  if (hasColumn === undefined) return false;
  return db.prepare('SELECT 1 FROM audit_log WHERE chain_version = ? LIMIT 1').get(CHAIN_KEYED) !== undefined;
}
