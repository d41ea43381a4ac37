import { EntitySchema } from 'typeorm';

/** A "break the glass" emergency access: one user, one person, a written reason, a limited time. */
export interface AccessGrantRow {
  id: string;
  userId: string;
  personId: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
}

export const AccessGrantEntity = new EntitySchema<AccessGrantRow>({
  name: 'AccessGrant',
  tableName: 'access_grant',
  columns: {
    id: { type: 'varchar', primary: true },
    userId: { type: 'varchar', name: 'user_id' },
    personId: { type: 'varchar', name: 'person_id' },
    reason: { type: 'text' },
    grantedAt: { type: 'varchar', name: 'granted_at' },
    expiresAt: { type: 'varchar', name: 'expires_at' },
  },
});
