/**
 * The one search interface. Behind it (SQLite): `person_search_row`, one row per indexed value
 * (normalised name, legal name, file number, phone digits) with B-tree indexes on `person_id` and
 * on `(field, text)`, and `person_search`, an FTS5 trigram index whose content is that table
 * (external content, rowid = `person_search_row.id`). So:
 * - any 3+ character fragment matches anywhere through the trigram index;
 * - a 1–2 character query is a prefix range on the `(field, text)` index (an FTS5 trigram index
 *   cannot answer it without reading every row);
 * - re-indexing a person finds its rows through the `person_id` index and removes them from the
 *   trigram index by rowid: an FTS5 column cannot be indexed, so `DELETE … WHERE person_id = ?` on
 *   the FTS table itself read the whole index for every person written (a quadratic import).
 * - name rows also carry the person's birth year (`birth_year`, null on the other fields), with an
 *   index on `(field, birth_year, text)`: the duplicate check's "a word of the name, born that
 *   year" is one bounded range, not a range of a common word filtered row by row on the person.
 * PostgreSQL will implement the same functions with the row table and a pg_trgm index.
 */
import type { EntityManager } from 'typeorm';
import { DEFAULT_PHONE_PREFIX, normalizeText, phoneDigits, type PhonePrefix } from './normalize';

export type SearchField = 'name_used' | 'legal_name' | 'file_number' | 'phone';

export const SEARCH_FIELDS: readonly SearchField[] = ['name_used', 'legal_name', 'file_number', 'phone'];

export interface IndexedPerson {
  id: string;
  nameUsed: string;
  legalName: string | null;
  fileNumber: string;
  phone: string | null;
  birthYear: number | null;
}

/** The birth year a search row carries: the person's, on name rows only (the duplicate check's key). */
export function rowBirthYear(field: SearchField, birthYear: number | null): number | null {
  return field === 'name_used' || field === 'legal_name' ? birthYear : null;
}

/** Phones are indexed in the centre's national form (see `phoneDigits`). */
export function searchRows(
  p: Omit<IndexedPerson, 'birthYear'>,
  prefix: PhonePrefix = DEFAULT_PHONE_PREFIX,
): Array<[SearchField, string]> {
  const rows: Array<[SearchField, string]> = [
    ['name_used', normalizeText(p.nameUsed)],
    ['file_number', normalizeText(p.fileNumber)],
  ];
  if (p.legalName) rows.push(['legal_name', normalizeText(p.legalName)]);
  if (p.phone) rows.push(['phone', phoneDigits(p.phone, prefix)]);
  return rows.filter(([, text]) => text.length > 0);
}

interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** The centre's phone prefix setting (one row): what phones are indexed and searched with. */
export async function phonePrefixOf(em: Queryable): Promise<PhonePrefix> {
  const [row] = await em.query<Array<{ countryCode: string | null; trunkPrefix: string | null }>>(
    'SELECT phone_country_code AS countryCode, phone_trunk_prefix AS trunkPrefix FROM centre LIMIT 1',
  );
  return {
    countryCode: row?.countryCode ?? DEFAULT_PHONE_PREFIX.countryCode,
    trunkPrefix: row?.trunkPrefix ?? DEFAULT_PHONE_PREFIX.trunkPrefix,
  };
}

/**
 * Rewrites every indexed phone in the national form of `prefix`: run in the transaction that
 * changes the centre's setting (and by the migration that introduced it), so the index never mixes
 * two forms. One pass over the phone rows (a settings change, not a desk action); a row whose text
 * does not change is left alone. The row keeps its id, so the trigram index is updated by rowid.
 */
export async function reindexPhones(em: Queryable, prefix: PhonePrefix): Promise<number> {
  const rows = await em.query<Array<{ id: number; text: string; phone: string | null }>>(
    `SELECT s.id AS id, s.text AS text, p.phone AS phone FROM person_search_row s
     JOIN person p ON p.id = s.person_id WHERE s.field = 'phone'`,
  );
  let changed = 0;
  for (const row of rows) {
    const text = row.phone ? phoneDigits(row.phone, prefix) : '';
    if (text === row.text || text === '') continue;
    await em.query(`INSERT INTO person_search (person_search, rowid, text) VALUES ('delete', ?, ?)`, [
      row.id,
      row.text,
    ]);
    await em.query('UPDATE person_search_row SET text = ? WHERE id = ?', [text, row.id]);
    await em.query('INSERT INTO person_search (rowid, text) VALUES (?, ?)', [row.id, text]);
    changed++;
  }
  return changed;
}

interface StoredRow {
  id: number;
  field: SearchField;
  text: string;
  birthYear: number | null;
}

function storedRows(em: EntityManager, personId: string): Promise<StoredRow[]> {
  return em.query<StoredRow[]>(
    'SELECT id, field, text, birth_year AS birthYear FROM person_search_row WHERE person_id = ? ORDER BY id',
    [personId],
  );
}

async function removeRows(em: EntityManager, rows: readonly StoredRow[]): Promise<void> {
  for (const row of rows) {
    // External content: the trigram index forgets a row given its rowid and the text it indexed.
    await em.query(`INSERT INTO person_search (person_search, rowid, text) VALUES ('delete', ?, ?)`, [
      row.id,
      row.text,
    ]);
    await em.query('DELETE FROM person_search_row WHERE id = ?', [row.id]);
  }
}

/** Puts a person's current values in the index; a person whose values did not change costs one read. */
export async function indexPerson(em: EntityManager, p: IndexedPerson): Promise<void> {
  const wanted = searchRows(p, p.phone ? await phonePrefixOf(em) : DEFAULT_PHONE_PREFIX);
  const stored = await storedRows(em, p.id);
  const same =
    stored.length === wanted.length &&
    wanted.every(([field, text]) =>
      stored.some(
        (s) => s.field === field && s.text === text && s.birthYear === rowBirthYear(field, p.birthYear),
      ),
    );
  if (same) return;
  await removeRows(em, stored);
  for (const [field, text] of wanted) {
    await em.query('INSERT INTO person_search_row (person_id, field, text, birth_year) VALUES (?, ?, ?, ?)', [
      p.id,
      field,
      text,
      rowBirthYear(field, p.birthYear),
    ]);
    await em.query('INSERT INTO person_search (rowid, text) VALUES (last_insert_rowid(), ?)', [text]);
  }
}

export async function unindexPerson(em: EntityManager, personId: string): Promise<void> {
  await removeRows(em, await storedRows(em, personId));
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
 * open. At most `limit` index rows per term. A 1–2 character term takes the values that start
 * with it, in index order (an exact value first), through the `(field, text)` index.
 */
export async function searchIndex(
  em: EntityManager,
  query: string,
  limit: number,
  prefix: PhonePrefix = DEFAULT_PHONE_PREFIX,
): Promise<SearchHit[]> {
  const text = normalizeText(query);
  const digits = phoneDigits(query, prefix);
  const terms = [...new Set([text, digits].filter((t) => t.length > 0))];
  const select = `SELECT s.person_id AS personId, s.field AS field, s.text AS text, p.file_number AS fileNumber, p.name_used AS nameUsed, p.pronouns AS pronouns,
      p.birth_date AS birthDate, p.birth_year AS birthYear, st.code AS siteCode,
      (SELECT COUNT(*) FROM visit v WHERE v.person_id = p.id AND v.closed_at IS NULL) AS openVisits`;
  const joins = 'JOIN person p ON p.id = s.person_id JOIN site st ON st.id = p.site_id';
  const hits: SearchHit[] = [];
  for (const term of terms) {
    if (term.length >= 3) {
      hits.push(
        ...(await em.query<SearchHit[]>(
          `${select} FROM person_search f JOIN person_search_row s ON s.id = f.rowid ${joins}
           WHERE person_search MATCH ? AND p.merged_into IS NULL LIMIT ?`,
          [`"${term}"`, limit],
        )),
      );
      continue;
    }
    // One range per field, so that one field cannot fill the LIMIT for the others (every file
    // number of a site starts with its code: "m" would otherwise find only files, no names).
    // Names get the whole limit; the other fields a quarter, their exact values first.
    for (const field of SEARCH_FIELDS)
      hits.push(
        ...(await em.query<SearchHit[]>(
          `${select} FROM person_search_row s INDEXED BY person_search_row_text ${joins}
           WHERE s.field = ? AND s.text >= ? AND s.text < ? AND p.merged_into IS NULL LIMIT ?`,
          [field, term, `${term}\uffff`, field === 'name_used' ? limit : Math.ceil(limit / 4)],
        )),
      );
  }
  return hits;
}

/**
 * Persons whose name or legal name is close to `name` in the `(field, text)` index: the same
 * normalised value, the values starting with its first three letters, and its alphabetical
 * neighbours on both sides (a typo at the end of a name). Each look-up is an index range with a
 * LIMIT, so the cost does not grow with the number of persons.
 */
export async function nameCandidates(em: EntityManager, name: string, limit: number): Promise<string[]> {
  const n = normalizeText(name);
  if (!n) return [];
  const ids = new Set<string>();
  const add = (rows: Array<{ personId: string }>) => rows.forEach((r) => ids.add(r.personId));
  for (const field of ['name_used', 'legal_name'] as const) {
    add(
      await em.query(
        'SELECT person_id AS personId FROM person_search_row WHERE field = ? AND text = ? LIMIT ?',
        [field, n, limit],
      ),
    );
    add(
      await em.query(
        'SELECT person_id AS personId FROM person_search_row WHERE field = ? AND text >= ? AND text < ? LIMIT ?',
        [field, n.slice(0, 3), `${n.slice(0, 3)}\uffff`, limit],
      ),
    );
    add(
      await em.query(
        'SELECT person_id AS personId FROM person_search_row WHERE field = ? AND text > ? ORDER BY text LIMIT ?',
        [field, n, 10],
      ),
    );
    add(
      await em.query(
        'SELECT person_id AS personId FROM person_search_row WHERE field = ? AND text < ? ORDER BY text DESC LIMIT ?',
        [field, n, 10],
      ),
    );
  }
  return [...ids];
}

/** Persons whose name, legal name, file number or phone holds `fragment` (3+ characters): the trigram index, bounded. */
export async function fragmentCandidates(
  em: EntityManager,
  fragment: string,
  limit: number,
): Promise<string[]> {
  if (fragment.length < 3) return [];
  const rows = await em.query<Array<{ personId: string }>>(
    `SELECT s.person_id AS personId FROM person_search f JOIN person_search_row s ON s.id = f.rowid
     WHERE person_search MATCH ? LIMIT ?`,
    [`"${fragment}"`, limit],
  );
  return rows.map((r) => r.personId);
}

/** The words of a name, normalised ("Awa Diallo" → awa, diallo); one-letter initials left out. */
export function nameTokens(name: string): string[] {
  return [
    ...new Set(
      name
        .split(/[\s\-'’.,]+/u)
        .map(normalizeText)
        .filter((t) => t.length >= 2),
    ),
  ];
}

/**
 * Persons one of whose names is a word of `name`, or starts with one ("Awa" ↔ "Awa Diallo"), born
 * in `birthYear`: the person that was filed under the first name only, or the full name, the year
 * before. Each look-up is an index range with a LIMIT; without a year only the exact word is looked
 * up (a first name alone is no evidence). With a year the range is on `(field, birth_year, text)`:
 * it reads only names born that year, so a common word ("martin", thousands of names) costs what a
 * rare one does. (Filtering the year on the person instead read every name starting with the word
 * until the LIMIT was reached: about 900 person rows per word at 94,000 persons.)
 */
export async function tokenCandidates(
  em: EntityManager,
  name: string,
  birthYear: number | null,
  limit: number,
): Promise<string[]> {
  const ids = new Set<string>();
  for (const token of nameTokens(name).slice(0, 4)) {
    const rows = await em.query<Array<{ personId: string }>>(
      birthYear === null
        ? `SELECT person_id AS personId FROM person_search_row
           WHERE field IN ('name_used', 'legal_name') AND text = ? LIMIT ?`
        : `SELECT person_id AS personId FROM person_search_row INDEXED BY person_search_row_name_year
           WHERE field IN ('name_used', 'legal_name') AND birth_year = ? AND text >= ? AND text < ?
           LIMIT ?`,
      birthYear === null ? [token, limit] : [birthYear, token, `${token}\uffff`, limit],
    );
    rows.forEach((r) => ids.add(r.personId));
  }
  return [...ids];
}
