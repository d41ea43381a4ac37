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

/**
 * A coordinator's review of one break-the-glass grant. Kept beside the grant, not in the audit log:
 * the log is append-only and hash-chained, so a "reviewed" state cannot be written onto its entry;
 * the act of reviewing is itself appended to the log (action `review`).
 */
export interface AccessGrantReviewRow {
  grantId: string;
  reviewedBy: string;
  reviewedAt: string;
}

export const AccessGrantReviewEntity = new EntitySchema<AccessGrantReviewRow>({
  name: 'AccessGrantReview',
  tableName: 'access_grant_review',
  columns: {
    grantId: { ...ID, name: 'grant_id', primary: true, foreignKey: { target: 'access_grant' } },
    reviewedBy: { ...ID, name: 'reviewed_by', foreignKey: { target: 'staff_user' } },
    reviewedAt: { ...TIME, name: 'reviewed_at' },
  },
});
