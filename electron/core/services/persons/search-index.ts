/**
 * The one search interface. Behind it: an FTS5 trigram index (SQLite) over normalised values, so
 * any 3+ character fragment matches anywhere in a name, a file number or a phone number; shorter
 * queries fall back to a prefix match. PostgreSQL will implement the same two functions with
 * pg_trgm.
 */
import type { EntityManager } from 'typeorm';
import { digitsOnly, normalizeText } from './normalize';

export type SearchField = 'name_used' | 'legal_name' | 'file_number' | 'phone';

export interface IndexedPerson {
  id: string;
  nameUsed: string;
  legalName: string | null;
  fileNumber: string;
  phone: string | null;
}

export function searchRows(p: IndexedPerson): Array<[SearchField, string]> {
  const rows: Array<[SearchField, string]> = [
    ['name_used', normalizeText(p.nameUsed)],
    ['file_number', normalizeText(p.fileNumber)],
  ];
  if (p.legalName) rows.push(['legal_name', normalizeText(p.legalName)]);
  if (p.phone) rows.push(['phone', digitsOnly(p.phone)]);
  return rows.filter(([, text]) => text.length > 0);
}

export async function indexPerson(em: EntityManager, p: IndexedPerson): Promise<void> {
  await unindexPerson(em, p.id);
  for (const [field, text] of searchRows(p))
    await em.query('INSERT INTO person_search (person_id, field, text) VALUES (?, ?, ?)', [
      p.id,
      field,
      text,
    ]);
}

export async function unindexPerson(em: EntityManager, personId: string): Promise<void> {
  await em.query('DELETE FROM person_search WHERE person_id = ?', [personId]);
}

export interface SearchHit {
  personId: string;
  field: SearchField;
  text: string;
  fileNumber: string;
  nameUsed: string;
  pronouns: string | null;
  birthDate: string | null;
  birthYear: number | null;
  siteCode: string;
  openVisits: number;
}

/**
 * Candidate matches for a query, with what a result line shows, in one statement per term: the
 * index lookup joined to the person (merged files excluded), the site code and whether a visit is
 * open. At most `limit` index rows per term.
 */
export async function searchIndex(em: EntityManager, query: string, limit: number): Promise<SearchHit[]> {
  const text = normalizeText(query);
  const digits = digitsOnly(query);
  const terms = [...new Set([text, digits].filter((t) => t.length > 0))];
  const select = `SELECT s.person_id AS personId, s.field AS field, s.text AS text, p.file_number AS fileNumber, p.name_used AS nameUsed, p.pronouns AS pronouns,
      p.birth_date AS birthDate, p.birth_year AS birthYear, st.code AS siteCode,
      (SELECT COUNT(*) FROM visit v WHERE v.person_id = p.id AND v.closed_at IS NULL) AS openVisits
    FROM person_search s JOIN person p ON p.id = s.person_id JOIN site st ON st.id = p.site_id`;
  const hits: SearchHit[] = [];
  for (const term of terms) {
    const rows =
      term.length >= 3
        ? await em.query<SearchHit[]>(`${select} WHERE s.text MATCH ? AND p.merged_into IS NULL LIMIT ?`, [
            `"${term}"`,
            limit,
          ])
        : await em.query<SearchHit[]>(
            `${select} WHERE s.text >= ? AND s.text < ? AND p.merged_into IS NULL LIMIT ?`,
            [term, `${term}\uffff`, limit],
          );
    hits.push(...rows);
  }
  return hits;
}
