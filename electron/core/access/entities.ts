import { EntitySchema } from 'typeorm';
import { ID, TIME } from '../db/record';

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
    id: { ...ID, primary: true },
    userId: { ...ID, name: 'user_id', foreignKey: { target: 'staff_user' } },
    personId: { ...ID, name: 'person_id' },
    reason: { type: 'text' },
    grantedAt: { ...TIME, name: 'granted_at' },
    expiresAt: { ...TIME, name: 'expires_at' },
  },
  indices: [{ columns: ['userId', 'personId'] }],
});
