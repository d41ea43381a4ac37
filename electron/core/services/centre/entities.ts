import { EntitySchema } from 'typeorm';
import { recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface CentreRow extends RecordColumns {
  id: string;
  name: string;
  autoLockMinutes: number;
  defaultLocale: string;
}

export interface SiteRow extends RecordColumns {
  id: string;
  code: string;
  name: string;
  city: string | null;
  timezone: string;
  active: boolean;
  /** ISO weekday (1 = Monday) → opening intervals in the site's local time; null = always open. */
  openingHours: Record<string, Array<[string, string]>> | null;
}

export const CentreEntity = new EntitySchema<CentreRow>({
  name: 'Centre',
  tableName: 'centre',
  columns: {
    id: { type: 'varchar', primary: true },
    name: { type: 'varchar' },
    autoLockMinutes: { type: 'integer', name: 'auto_lock_minutes' },
    defaultLocale: { type: 'varchar', name: 'default_locale' },
    ...recordColumnsSchema,
  },
});

export const SiteEntity = new EntitySchema<SiteRow>({
  name: 'Site',
  tableName: 'site',
  columns: {
    id: { type: 'varchar', primary: true },
    code: { type: 'varchar' },
    name: { type: 'varchar' },
    city: { type: 'varchar', nullable: true },
    timezone: { type: 'varchar' },
    active: { type: 'boolean' },
    openingHours: { type: 'simple-json', name: 'opening_hours', nullable: true },
    ...recordColumnsSchema,
  },
});
