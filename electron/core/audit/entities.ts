import { EntitySchema } from 'typeorm';
import { ID, TIME } from '../db/record';

/**
 * An entry as the file holds it. `action` and `section` stay plain text on purpose: the log is
 * evidence to verify, not data to trust, and `parcours audit verify` must hash and report any text
 * a forger may have written there. Entries are written through audit-log.ts with typed events.
 */
export interface AuditRow {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  section: string | null;
  personId: string | null;
  targetType: string | null;
  targetId: string | null;
  siteId: string | null;
  reason: string | null;
  detail: string | null;
  prevHash: string;
  hash: string;
  /** 1: plain SHA-256 (entries written before the keyed chain); 2: HMAC-SHA256 under K_audit. */
  chainVersion: number;
}

export const AuditEntity = new EntitySchema<AuditRow>({
  name: 'AuditEntry',
  tableName: 'audit_log',
  columns: {
    seq: { type: 'integer', primary: true, generated: 'increment' },
    at: { ...TIME },
    actorId: { ...ID, name: 'actor_id', nullable: true },
    action: { type: 'varchar', length: 32 },
    section: { type: 'varchar', length: 32, nullable: true },
    personId: { ...ID, name: 'person_id', nullable: true },
    targetType: { type: 'varchar', length: 32, name: 'target_type', nullable: true },
    targetId: { ...ID, name: 'target_id', nullable: true },
    siteId: { ...ID, name: 'site_id', nullable: true },
    reason: { type: 'text', nullable: true },
    detail: { type: 'text', nullable: true },
    prevHash: { type: 'varchar', length: 64, name: 'prev_hash' },
    hash: { type: 'varchar', length: 64 },
    chainVersion: { type: 'integer', name: 'chain_version', default: 1 },
  },
  // Who did what, what was done to whom, in chain order; and by time for the coordinator's screen.
  indices: [
    { columns: ['actorId', 'seq'] },
    { columns: ['personId', 'seq'] },
    { columns: ['action', 'seq'] },
    { columns: ['at'] },
  ],
});
