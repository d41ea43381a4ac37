import type { Migration } from './migration';

/**
 * Brings the one table whose schema the entities could not describe in line with them:
 * `file_number_counter` had a unique (site_id, year) but no primary key, and a TypeORM entity
 * needs one. The pair becomes the primary key, which keeps the guarantee the unique gave (a file
 * number once given is never given again) and drops the now redundant unique. Every other
 * difference between 0001/0002 and the entities was on the entities' side and was fixed there
 * (tests/unit/schema-matches-entities.test.ts keeps the two equal from now on).
 *
 * On SQLite both steps rebuild the table (copy, drop, rename); it has no trigger and is not
 * referred to by any foreign key, so nothing else is touched.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'schema-matches-entities',
  async up(qr) {
    const table = await qr.getTable('file_number_counter');
    const unique = table?.uniques.find(
      (u) =>
        u.columnNames.length === 2 && u.columnNames.includes('site_id') && u.columnNames.includes('year'),
    );
    if (unique) await qr.dropUniqueConstraint('file_number_counter', unique);
    await qr.createPrimaryKey('file_number_counter', ['site_id', 'year']);
  },
};
