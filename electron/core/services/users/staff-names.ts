/**
 * Staff names for the records that show who did what. Every dossier tab and list asks this once
 * for all the names it shows, so it stays one statement (plain SQL on the users' own table).
 */
import type { EntityManager } from 'typeorm';

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
