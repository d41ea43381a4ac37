import { AccessGrantEntity } from '../access/entities';
import { AuditEntity } from '../audit/entities';
import { CentreEntity, SiteEntity } from '../services/centre/entities';
import { StaffUserEntity, StaffUserRoleEntity, StaffUserSiteEntity } from '../services/users/entities';

/** Every entity of the store. A capability that adds a table adds its entity here. */
export const ENTITIES = [CentreEntity, SiteEntity, StaffUserEntity, StaffUserRoleEntity, StaffUserSiteEntity, AuditEntity, AccessGrantEntity];
