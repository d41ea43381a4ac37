import { EntitySchema } from 'typeorm';

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
}

export const AuditEntity = new EntitySchema<AuditRow>({
  name: 'AuditEntry',
  tableName: 'audit_log',
  columns: {
    seq: { type: 'integer', primary: true, generated: 'increment' },
    at: { type: 'varchar' },
    actorId: { type: 'varchar', name: 'actor_id', nullable: true },
    action: { type: 'varchar' },
    section: { type: 'varchar', nullable: true },
    personId: { type: 'varchar', name: 'person_id', nullable: true },
    targetType: { type: 'varchar', name: 'target_type', nullable: true },
    targetId: { type: 'varchar', name: 'target_id', nullable: true },
    siteId: { type: 'varchar', name: 'site_id', nullable: true },
    reason: { type: 'text', nullable: true },
    detail: { type: 'text', nullable: true },
    prevHash: { type: 'varchar', name: 'prev_hash' },
    hash: { type: 'varchar' },
  },
});
