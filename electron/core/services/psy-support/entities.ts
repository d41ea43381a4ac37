/**
 * Psychological support (docs/violence-care.md, section 3): one row per session held and one per
 * psychiatric referral. Enumerated columns are typed with the unions of
 * shared/domain/psy-support.ts and shared/domain/catalogues.ts.
 */
import { EntitySchema } from 'typeorm';
import type { ReferralStatus } from '../../../../shared/domain/catalogues';
import type { PsySessionKind } from '../../../../shared/domain/psy-support';
import { ID, TIME, recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface PsySessionRow extends RecordColumns {
  id: string;
  personId: string;
  siteId: string;
  /** When it was held (UTC); the form takes a date and a time in the site's zone. */
  heldAt: string;
  kind: PsySessionKind;
  /** The group's label (group sessions only). */
  groupLabel: string | null;
  /** The psychologist who held it (may differ from who recorded it). */
  psychologistId: string;
  durationMin: number | null;
  /** Never selected by the section loader: read only for the sessions the reader may see. */
  privateNote: string | null;
  createdBy: string | null;
}

export const PsySessionEntity = new EntitySchema<PsySessionRow>({
  name: 'PsySession',
  tableName: 'psy_session',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    heldAt: { ...TIME, name: 'held_at' },
    kind: { type: 'varchar', length: 16 },
    groupLabel: { type: 'varchar', length: 100, name: 'group_label', nullable: true },
    psychologistId: { ...ID, name: 'psychologist_id' },
    durationMin: { type: 'integer', name: 'duration_min', nullable: true },
    privateNote: { type: 'text', name: 'private_note', nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  // The tab lists a person's sessions by date; a psychologist's caseload by hers.
  indices: [{ columns: ['personId', 'heldAt'] }, { columns: ['psychologistId', 'heldAt'] }],
});

export interface PsyReferralRow extends RecordColumns {
  id: string;
  personId: string;
  siteId: string;
  /** A directory entry of category `psychiatrist`. */
  entryId: string;
  referredAt: string;
  reason: string;
  status: ReferralStatus;
  appointmentAt: string | null;
  feedback: string | null;
  /** Why an external referral went ahead without the `external_referral` consent. */
  overrideReason: string | null;
  createdBy: string | null;
}

export const PsyReferralEntity = new EntitySchema<PsyReferralRow>({
  name: 'PsyReferral',
  tableName: 'psy_referral',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    entryId: { ...ID, name: 'entry_id', foreignKey: { target: 'directory_entry' } },
    referredAt: { ...TIME, name: 'referred_at' },
    reason: { type: 'varchar', length: 1000 },
    status: { type: 'varchar', length: 16 },
    appointmentAt: { ...TIME, name: 'appointment_at', nullable: true },
    feedback: { type: 'varchar', length: 2000, nullable: true },
    overrideReason: { type: 'varchar', length: 500, name: 'override_reason', nullable: true },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  // Reports and follow-up lists: open referrals by status at a site over a span.
  indices: [{ columns: ['status', 'siteId', 'referredAt'] }, { columns: ['personId'] }],
});
