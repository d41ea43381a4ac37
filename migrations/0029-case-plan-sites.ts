import { TableIndex } from 'typeorm';
import type { Migration } from './migration';

/**
 * A plan followed at several sites (docs/violence-care.md, "Slice 6 and sites, as built"): the
 * team's actions and counts of a site read `case_plan_site` by site first. Named explicitly:
 * TypeORM names an index from its sorted columns, which would collide with the unique
 * `(plan_id, site_id)`.
 */
export const migration0029: Migration = {
  version: 29,
  name: 'case-plan-sites',
  async up(qr) {
    await qr.createIndex(
      'case_plan_site',
      new TableIndex({ name: 'IDX_case_plan_site_by_site', columnNames: ['site_id', 'plan_id'] }),
    );
  },
};
