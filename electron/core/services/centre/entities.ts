import { EntitySchema } from 'typeorm';
import type { z } from 'zod';
import type { localeSchema } from '../../../../shared/contract/common';
import { ID, TRUE, recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface CentreRow extends RecordColumns {
  id: string;
  name: string;
  autoLockMinutes: number;
  /** Different dossiers one person may open in an hour before it is listed as unusual reading. */
  unusualReadsPerHour: number;
  defaultLocale: z.infer<typeof localeSchema>;
  /** How the country's numbers are written abroad and at home ("+33", "0"): phones are searched in the national form. */
  phoneCountryCode?: string;
  phoneTrunkPrefix?: string;
}

export interface SiteRow extends RecordColumns {
  id: string;
  code: string;
  name: string;
  city: string | null;
  /** Street address, as printed in the header of a prescription or certificate (several lines). */
  address: string | null;
  /** The site's phone, as typed, for the same header. */
  phone: string | null;
  timezone: string;
  active: boolean;
  /** ISO weekday (1 = Monday) → opening intervals in the site's local time; null = always open. */
  openingHours: Record<string, Array<[string, string]>> | null;
}

export const CentreEntity = new EntitySchema<CentreRow>({
  name: 'Centre',
  tableName: 'centre',
  columns: {
    id: { ...ID, primary: true },
    name: { type: 'varchar', length: 200 },
    autoLockMinutes: { type: 'integer', name: 'auto_lock_minutes', default: 10 },
    unusualReadsPerHour: { type: 'integer', name: 'unusual_reads_per_hour', default: 40 },
    defaultLocale: { type: 'varchar', length: 8, name: 'default_locale', default: 'fr' },
    phoneCountryCode: { type: 'varchar', length: 5, name: 'phone_country_code', default: '+33' },
    phoneTrunkPrefix: { type: 'varchar', length: 2, name: 'phone_trunk_prefix', default: '0' },
    ...recordColumnsSchema,
  },
});

export const SiteEntity = new EntitySchema<SiteRow>({
  name: 'Site',
  tableName: 'site',
  columns: {
    id: { ...ID, primary: true },
    code: { type: 'varchar', length: 12, unique: true },
    name: { type: 'varchar', length: 200 },
    city: { type: 'varchar', length: 200, nullable: true },
    address: { type: 'varchar', length: 300, nullable: true },
    phone: { type: 'varchar', length: 30, nullable: true },
    timezone: { type: 'varchar', length: 64, default: 'Europe/Paris' },
    active: { type: 'boolean', default: TRUE },
    openingHours: { type: 'simple-json', name: 'opening_hours', nullable: true },
    ...recordColumnsSchema,
  },
});
