/**
 * Social support (docs/violence-care.md, section 3): one row per thing given to a person.
 * Enumerated columns are typed with the unions of shared/domain/social-support.ts.
 */
import { EntitySchema } from 'typeorm';
import type { ReferralStatus } from '../../../../shared/domain/catalogues';
import type { SupportKind } from '../../../../shared/domain/social-support';
import { ID, recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface SocialSupportRow extends RecordColumns {
  id: string;
  personId: string;
  siteId: string;
  kind: SupportKind;
  /** The site's local date `YYYY-MM-DD`. */
  givenOn: string;
  /** The staff member who gave it (may differ from who recorded it). */
  givenBy: string;
  /** Integer amount in minor units (centimes), with `currency`; null when it has no value. */
  valueMinor: number | null;
  /** ISO 4217 code. */
  currency: string | null;
  quantity: number | null;
  /** The shelter or addiction centre from the directory (referral kinds). */
  entryId: string | null;
  referralStatus: ReferralStatus | null;
  /** Why an external referral went ahead without the `external_referral` consent. */
  overrideReason: string | null;
  description: string;
  createdBy: string | null;
}

export const SocialSupportEntity = new EntitySchema<SocialSupportRow>({
  name: 'SocialSupport',
  tableName: 'social_support',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...ID, name: 'person_id', foreignKey: { target: 'person' } },
    siteId: { ...ID, name: 'site_id' },
    kind: { type: 'varchar', length: 24 },
    givenOn: { type: 'varchar', length: 10, name: 'given_on' },
    givenBy: { ...ID, name: 'given_by' },
    valueMinor: { type: 'integer', name: 'value_minor', nullable: true },
    currency: { type: 'varchar', length: 3, nullable: true },
    quantity: { type: 'integer', nullable: true },
    entryId: { ...ID, name: 'entry_id', nullable: true, foreignKey: { target: 'directory_entry' } },
    referralStatus: { type: 'varchar', length: 16, name: 'referral_status', nullable: true },
    overrideReason: { type: 'varchar', length: 500, name: 'override_reason', nullable: true },
    description: { type: 'varchar', length: 500 },
    createdBy: { ...ID, name: 'created_by', nullable: true },
    ...recordColumnsSchema,
  },
  // Reports count supports by kind at a site over a span.
  indices: [{ columns: ['kind', 'siteId', 'givenOn'] }, { columns: ['personId'] }],
});
