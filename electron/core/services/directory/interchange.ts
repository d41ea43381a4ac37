import type { RecordOf } from '../../../../shared/contract/interchange';
import { entityAdapter, refs, versioned } from '../../interchange/entity-adapter';
import { DirectoryEntryEntity, ReferralEntity, type DirectoryEntryRow, type ReferralRow } from './entities';

export const directoryEntryAdapter = entityAdapter({
  type: 'directory_entry',
  entity: DirectoryEntryEntity,
  toRecord: (e: DirectoryEntryRow): RecordOf<'directory_entry'> => ({
    type: 'directory_entry',
    id: e.id,
    name: e.name,
    kind: e.kind,
    category: e.category,
    city: e.city,
    region: e.region,
    phone: e.phone,
    email: e.email,
    address: e.address,
    languages: e.languages,
    friendliness: e.friendliness,
    notes: e.notes,
    internal: e.internal,
    active: e.active,
    lastVerifiedAt: e.lastVerifiedAt,
  }),
  references: () => [],
  toRow: (r, now, existing) => {
    const { type: _type, ...fields } = r;
    return { ...fields, createdBy: existing?.createdBy ?? null, ...versioned(existing, now) };
  },
});

export const referralAdapter = entityAdapter({
  type: 'referral',
  entity: ReferralEntity,
  toRecord: (r: ReferralRow): RecordOf<'referral'> => ({
    type: 'referral',
    id: r.id,
    personId: r.personId,
    entryId: r.entryId,
    reason: r.reason,
    referredAt: r.referredAt,
    status: r.status,
    appointmentAt: r.appointmentAt,
    feedback: r.feedback,
    overrideReason: r.overrideReason,
    authorId: r.createdBy,
  }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['entryId', 'directory_entry', r.entryId],
      ['authorId', 'user', r.authorId],
    ),
  toRow: (r, now, existing) => {
    const { type: _type, authorId, ...fields } = r;
    return { ...fields, createdBy: authorId, ...versioned(existing, now) };
  },
});
