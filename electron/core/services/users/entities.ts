import { EntitySchema } from 'typeorm';
import { recordColumnsSchema, type RecordColumns } from '../../db/record';

export interface StaffUserRow extends RecordColumns {
  id: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  active: boolean;
  locale: string | null;
  lastLoginAt: string | null;
  deactivatedAt: string | null;
}

export interface StaffUserRoleRow {
  userId: string;
  role: string;
}

export interface StaffUserSiteRow {
  userId: string;
  siteId: string;
}

export const StaffUserEntity = new EntitySchema<StaffUserRow>({
  name: 'StaffUser',
  tableName: 'staff_user',
  columns: {
    id: { type: 'varchar', primary: true },
    username: { type: 'varchar' },
    displayName: { type: 'varchar', name: 'display_name' },
    mustChangePassword: { type: 'boolean', name: 'must_change_password' },
    active: { type: 'boolean' },
    locale: { type: 'varchar', nullable: true },
    lastLoginAt: { type: 'varchar', name: 'last_login_at', nullable: true },
    deactivatedAt: { type: 'varchar', name: 'deactivated_at', nullable: true },
    ...recordColumnsSchema,
  },
});

export const StaffUserRoleEntity = new EntitySchema<StaffUserRoleRow>({
  name: 'StaffUserRole',
  tableName: 'staff_user_role',
  columns: {
    userId: { type: 'varchar', name: 'user_id', primary: true },
    role: { type: 'varchar', primary: true },
  },
});

export const StaffUserSiteEntity = new EntitySchema<StaffUserSiteRow>({
  name: 'StaffUserSite',
  tableName: 'staff_user_site',
  columns: {
    userId: { type: 'varchar', name: 'user_id', primary: true },
    siteId: { type: 'varchar', name: 'site_id', primary: true },
  },
});
