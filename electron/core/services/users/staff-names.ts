/**
 * Staff names for the records that show who did what. Every dossier tab and list asks this once
 * for all the names it shows, so it stays one statement (plain SQL on the users' own table).
 */
import type { EntityManager } from 'typeorm';
import type { Role } from '../../../../shared/domain/roles';

export async function staffNames(
  em: EntityManager,
  ids: Iterable<string | null>,
): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const rows = await em.query<Array<{ id: string; name: string }>>(
    `SELECT id, display_name AS name FROM staff_user WHERE id IN (${unique.map(() => '?').join(', ')})`,
    unique,
  );
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** The current roles of staff members (those without any role are absent). */
export async function staffRoles(
  em: EntityManager,
  ids: Iterable<string | null>,
): Promise<Map<string, Role[]>> {
  const unique = [...new Set([...ids].filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const rows = await em.query<Array<{ id: string; role: Role }>>(
    `SELECT user_id AS id, role FROM staff_user_role WHERE user_id IN (${unique.map(() => '?').join(', ')})`,
    unique,
  );
  const roles = new Map<string, Role[]>();
  for (const r of rows) roles.set(r.id, [...(roles.get(r.id) ?? []), r.role]);
  return roles;
}
