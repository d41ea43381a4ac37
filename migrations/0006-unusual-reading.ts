import type { Migration } from './migration';

/**
 * The centre sets how many different dossiers one person may open in an hour before the audit
 * screen lists it as unusual reading for the coordination to review (40 by default: a busy
 * evening at reception stays below it).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'unusual-reading',
  async up(qr) {
    await qr.query('ALTER TABLE "centre" ADD COLUMN "unusual_reads_per_hour" integer NOT NULL DEFAULT 40');
  },
};
