import { searchRows } from '../electron/core/services/persons/search-index';
import type { Migration } from './migration';

/**
 * The search index gets a row table it can be maintained through (SQLite only; see
 * electron/core/services/persons/search-index.ts). Until now `person_search` was an FTS5 table
 * holding `person_id` as an UNINDEXED column: removing a person's rows (every create, edit, import
 * and merge) read the whole index, and 1–2 character queries read it too. Now:
 * - `person_search_row` holds one row per indexed value, with B-tree indexes on `person_id` (to
 *   find a person's rows) and on `(field, text)` (prefix ranges for short queries, exact and
 *   nearby names for the duplicate check);
 * - `person_search` is an FTS5 trigram index whose content is that table (rowid = its `id`).
 * The index is derived data: it is rebuilt from the persons, with the app's own normalisation
 * (`searchRows`), a page of persons at a time; merged files stay out of it, as before.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'search-index-by-row',
  async up(qr) {
    if (qr.connection.driver.options.type !== 'better-sqlite3') return;
    await qr.query('DROP TABLE IF EXISTS person_search');
    await qr.query(
      'CREATE TABLE person_search_row (id INTEGER PRIMARY KEY, person_id varchar(64) NOT NULL, field varchar(16) NOT NULL, text text NOT NULL)',
    );
    await qr.query('CREATE INDEX person_search_row_person ON person_search_row (person_id)');
    await qr.query('CREATE INDEX person_search_row_text ON person_search_row (field, text)');
    await qr.query(
      `CREATE VIRTUAL TABLE person_search USING fts5(text, content = 'person_search_row', content_rowid = 'id', tokenize = 'trigram')`,
    );
    interface PersonIndexed {
      id: string;
      nameUsed: string;
      legalName: string | null;
      fileNumber: string;
      phone: string | null;
    }
    let after = '';
    for (;;) {
      const page = (await qr.query(
        `SELECT id, name_used AS nameUsed, legal_name AS legalName, file_number AS fileNumber, phone
         FROM person WHERE merged_into IS NULL AND id > ? ORDER BY id LIMIT 1000`,
        [after],
      )) as PersonIndexed[];
      if (page.length === 0) break;
      for (const person of page)
        for (const [field, text] of searchRows(person))
          await qr.query('INSERT INTO person_search_row (person_id, field, text) VALUES (?, ?, ?)', [
            person.id,
            field,
            text,
          ]);
      after = page[page.length - 1].id;
    }
    // One pass over the row table builds the trigram index.
    await qr.query(`INSERT INTO person_search (person_search) VALUES ('rebuild')`);
  },
};
