import type { Migration } from './migration';

/**
 * The duplicate check's "a word of the name, born that year" gets a key of its own (SQLite only;
 * see electron/core/services/persons/search-index.ts). Name rows of the search index carry the
 * person's birth year, with an index on `(field, birth_year, text)`: the look-up reads the names
 * born that year that start with the word, instead of every name starting with it, each joined to
 * its person to compare the year (about 900 person rows per common word at 94,000 persons).
 * Derived data, filled from the persons in one statement; other rows keep a null year.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'name-year-key',
  async up(qr) {
    if (qr.connection.driver.options.type !== 'better-sqlite3') return;
    await qr.query('ALTER TABLE person_search_row ADD COLUMN birth_year integer');
    await qr.query(
      `UPDATE person_search_row SET birth_year = (SELECT p.birth_year FROM person p WHERE p.id = person_search_row.person_id)
       WHERE field IN ('name_used', 'legal_name')`,
    );
    await qr.query(
      'CREATE INDEX person_search_row_name_year ON person_search_row (field, birth_year, text) WHERE birth_year IS NOT NULL',
    );
  },
};
