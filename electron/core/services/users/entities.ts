import { EntitySchema } from 'typeorm';
import type { z } from 'zod';
import type { localeSchema } from '../../../../shared/contract/common';
import type { Role } from '../../../../shared/domain/roles';
import { ID, TIME, TRUE, recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface StaffUserRow extends RecordColumns {
  id: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  active: boolean;
  locale: z.infer<typeof localeSchema> | null;
  lastLoginAt: string | null;
  deactivatedAt: string | null;
  /** Where a session starts when the workstation remembers no site; one of the user's sites. */
  usualSiteId?: string | null;
  /** RPPS / ADELI number printed on prescriptions: letters and digits, up to 20. */
  professionalNumber?: string | null;
}

export interface StaffUserRoleRow {
  userId: string;
  role: Role;
}

export interface StaffUserSiteRow {
  userId: string;
  siteId: string;
}

export const StaffUserEntity = new EntitySchema<StaffUserRow>({
  name: 'StaffUser',
  tableName: 'staff_user',
  columns: {
    id: { ...ID, primary: true },
    username: { type: 'varchar', length: 64, unique: true },
    displayName: { type: 'varchar', length: 200, name: 'display_name' },
    mustChangePassword: { type: 'boolean', name: 'must_change_password', default: TRUE },
    active: { type: 'boolean', default: TRUE },
    locale: { type: 'varchar', length: 8, nullable: true },
    lastLoginAt: { ...TIME, name: 'last_login_at', nullable: true },
    deactivatedAt: { ...TIME, name: 'deactivated_at', nullable: true },
    usualSiteId: { ...ID, name: 'usual_site_id', nullable: true },
    professionalNumber: { type: 'varchar', length: 20, name: 'professional_number', nullable: true },
    ...recordColumnsSchema,
  },
});

export const StaffUserRoleEntity = new EntitySchema<StaffUserRoleRow>({
  name: 'StaffUserRole',
  tableName: 'staff_user_role',
  columns: {
    userId: {
      ...ID,
      name: 'user_id',
      primary: true,
      foreignKey: { target: 'staff_user', onDelete: 'CASCADE' },
    },
    role: { type: 'varchar', length: 32, primary: true },
  },
});

export const StaffUserSiteEntity = new EntitySchema<StaffUserSiteRow>({
  name: 'StaffUserSite',
  tableName: 'staff_user_site',
  columns: {
    userId: {
      ...ID,
      name: 'user_id',
      primary: true,
      foreignKey: { target: 'staff_user', onDelete: 'CASCADE' },
    },
    siteId: { ...ID, name: 'site_id', primary: true, foreignKey: { target: 'site' } },
  },
});
