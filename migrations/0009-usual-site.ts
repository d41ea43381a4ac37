import type { Migration } from './migration';

/**
 * A staff member's usual site: where a session starts on a workstation that remembers none (the
 * board, the agenda and the forms then follow it), instead of the first site by code.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'usual-site',
  async up(qr) {
    await qr.query('ALTER TABLE "staff_user" ADD COLUMN "usual_site_id" varchar(64)');
  },
};
