import type { Migration } from './migration';

/**
 * The small gaps of the clinical pathway (docs/clinical-pathway.md, "Gaps closed"):
 * - `result.lab_reference`: the laboratory's own sample / report reference from its CSV line, kept
 *   so a result can be traced back to the laboratory's report;
 * - `site.address` and `site.phone`: the centre header of the printed prescription and of the
 *   vaccination certificate (a French ordonnance names where it was issued and how to call).
 * The prescription's `prep_episode_id` already exists (0013); nothing else changes.
 */
export const migration0019: Migration = {
  version: 19,
  name: 'clinical-gaps',
  async up(qr) {
    await qr.query('ALTER TABLE "result" ADD COLUMN "lab_reference" varchar(64)');
    await qr.query('ALTER TABLE "site" ADD COLUMN "address" varchar(300)');
    await qr.query('ALTER TABLE "site" ADD COLUMN "phone" varchar(30)');
  },
};
