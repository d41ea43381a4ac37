import { reindexPhones } from '../electron/core/services/persons/search-index';
import { DEFAULT_PHONE_PREFIX } from '../electron/core/services/persons/normalize';
import type { Migration } from './migration';

/**
 * The centre's phone prefix ("+33" abroad, "0" at home for France; "+212"/"0" for Morocco):
 * phones are indexed and searched in the national form, so "+33610203040" finds
 * "06 10 20 30 40". The phones already indexed as bare digits are rewritten in that form (SQLite:
 * the search index is SQLite's; see electron/core/services/persons/search-index.ts).
 */
export const migration0008: Migration = {
  version: 8,
  name: 'phone-prefix',
  async up(qr) {
    await qr.query(
      `ALTER TABLE "centre" ADD COLUMN "phone_country_code" varchar(5) NOT NULL DEFAULT '${DEFAULT_PHONE_PREFIX.countryCode}'`,
    );
    await qr.query(
      `ALTER TABLE "centre" ADD COLUMN "phone_trunk_prefix" varchar(2) NOT NULL DEFAULT '${DEFAULT_PHONE_PREFIX.trunkPrefix}'`,
    );
    if (qr.connection.driver.options.type !== 'better-sqlite3') return;
    await reindexPhones(qr, DEFAULT_PHONE_PREFIX);
  },
};
