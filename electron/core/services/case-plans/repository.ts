/**
 * The case-plan tables (`case_plan`, `case_plan_site`, `case_plan_event`, `plan_item`,
 * `plan_action`, `safety_plan`, `safety_plan_review`, `care_referent`): every query on them.
 * Other capabilities (meetings, the support forms' "safety plan reviewed") come through here.
 */
import { Brackets, In, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { OPEN_ACTION_STATUSES } from '../../../../shared/domain/case-plans';
import { linkedTable } from '../../dossier/section';
import { hasCurrentConsent } from '../persons/repository';
import {
  CareReferentEntity,
  CasePlanEntity,
  CasePlanEventEntity,
  CasePlanSiteEntity,
  PlanActionEntity,
  PlanItemEntity,
  SafetyPlanEntity,
  SafetyPlanReviewEntity,
  type CareReferentRow,
  type CasePlanEventRow,
  type CasePlanRow,
  type CasePlanSiteRow,
  type PlanActionRow,
  type PlanItemRow,
  type SafetyPlanReviewRow,
  type SafetyPlanRow,
} from './entities';

export type {
  CareReferentRow,
  CasePlanEventRow,
  CasePlanRow,
  CasePlanSiteRow,
  PlanActionRow,
  PlanItemRow,
  SafetyPlanReviewRow,
  SafetyPlanRow,
};

/** Every case-plan record follows the file on a merge. */
export const casePlansTable = linkedTable('case_plans', CasePlanEntity);
export const casePlanSitesTable = linkedTable('case_plan_sites', CasePlanSiteEntity);
export const casePlanEventsTable = linkedTable('case_plan_events', CasePlanEventEntity);
export const planItemsTable = linkedTable('plan_items', PlanItemEntity);
export const planActionsTable = linkedTable('plan_actions', PlanActionEntity);
export const safetyPlansTable = linkedTable('safety_plans', SafetyPlanEntity);
export const safetyPlanReviewsTable = linkedTable('safety_plan_reviews', SafetyPlanReviewEntity);
export const careReferentsTable = linkedTable('care_referents', CareReferentEntity);

/** A plan with everything the tab shows (five statements on indexed columns). */
export interface PlanWithParts extends CasePlanRow {
  /** Every site following the plan, the lead site first. */
  siteIds: string[];
  items: PlanItemRow[];
  actions: PlanActionRow[];
  events: CasePlanEventRow[];
  safetyPlan: SafetyPlanRow | null;
}

/**
 * A merge may not join two case plans (one per person): the team decides which follow-up goes on
 * and closes the other by hand first, rather than a merge mixing two plans' actions and pointers.
 */
export async function bothHavePlans(
  em: EntityManager,
  personIds: readonly [string, string],
): Promise<boolean> {
  const count = await em.getRepository(CasePlanEntity).countBy({ personId: In([...personIds]) });
  return count > 1;
}

export function planById(em: EntityManager, id: string): Promise<CasePlanRow | null> {
  return em.getRepository(CasePlanEntity).findOneBy({ id });
}

export function planOfPerson(em: EntityManager, personId: string): Promise<CasePlanRow | null> {
  return em.getRepository(CasePlanEntity).findOneBy({ personId });
}

export async function loadPlanParts(em: EntityManager, plan: CasePlanRow): Promise<PlanWithParts> {
  const [sites, items, actions, events, safetyPlan] = await Promise.all([
    em.getRepository(CasePlanSiteEntity).findBy({ planId: plan.id }),
    em.getRepository(PlanItemEntity).find({ where: { planId: plan.id }, order: { createdAt: 'ASC' } }),
    em
      .getRepository(PlanActionEntity)
      .find({ where: { planId: plan.id }, order: { dueOn: 'ASC', id: 'ASC' } }),
    em.getRepository(CasePlanEventEntity).find({ where: { planId: plan.id }, order: { at: 'ASC' } }),
    em.getRepository(SafetyPlanEntity).findOneBy({ planId: plan.id }),
  ]);
  return { ...plan, siteIds: leadFirst(plan.siteId, sites), items, actions, events, safetyPlan };
}

function leadFirst(lead: string, sites: readonly CasePlanSiteRow[]): string[] {
  const others = sites.map((s) => s.siteId).filter((id) => id !== lead);
  return [...(sites.some((s) => s.siteId === lead) ? [lead] : []), ...others.sort()];
}

/** The rows saying which sites follow a plan. */
export function planSiteRows(em: EntityManager, planId: string): Promise<CasePlanSiteRow[]> {
  return em.getRepository(CasePlanSiteEntity).findBy({ planId });
}

export async function deletePlanSite(em: EntityManager, id: string): Promise<void> {
  await em.getRepository(CasePlanSiteEntity).delete({ id });
}

export async function plansOfPerson(em: EntityManager, personId: string): Promise<PlanWithParts[]> {
  const plan = await planOfPerson(em, personId);
  return plan ? [await loadPlanParts(em, plan)] : [];
}

export async function insertPlan(em: EntityManager, row: CasePlanRow): Promise<void> {
  await em.getRepository(CasePlanEntity).insert(row);
}
export async function savePlanRow(em: EntityManager, row: CasePlanRow): Promise<void> {
  await em.getRepository(CasePlanEntity).save(row);
}
export async function insertPlanSite(em: EntityManager, row: CasePlanSiteRow): Promise<void> {
  await em.getRepository(CasePlanSiteEntity).insert(row);
}
export async function insertEvent(em: EntityManager, row: CasePlanEventRow): Promise<void> {
  await em.getRepository(CasePlanEventEntity).insert(row);
}
export async function saveItemRow(em: EntityManager, row: PlanItemRow): Promise<void> {
  await em.getRepository(PlanItemEntity).save(row);
}
export async function saveActionRow(em: EntityManager, row: PlanActionRow): Promise<void> {
  await em.getRepository(PlanActionEntity).save(row);
}
export async function saveSafetyPlanRow(em: EntityManager, row: SafetyPlanRow): Promise<void> {
  await em.getRepository(SafetyPlanEntity).save(row);
}
export async function insertReview(em: EntityManager, row: SafetyPlanReviewRow): Promise<void> {
  await em.getRepository(SafetyPlanReviewEntity).insert(row);
}

/** Which of these plans are followed at this site (a meeting discusses persons followed there). */
export async function plansFollowedAt(
  em: EntityManager,
  planIds: readonly string[],
  siteId: string,
): Promise<Set<string>> {
  if (planIds.length === 0) return new Set();
  const rows = await em.getRepository(CasePlanSiteEntity).findBy({ siteId, planId: In([...planIds]) });
  return new Set(rows.map((r) => r.planId));
}

/** The actions a coordination meeting created or last changed. */
export function actionsFromMeeting(em: EntityManager, meetingId: string): Promise<PlanActionRow[]> {
  return em
    .getRepository(PlanActionEntity)
    .find({ where: { sourceMeetingId: meetingId }, order: { dueOn: 'ASC', id: 'ASC' } });
}

export function careReferentOf(em: EntityManager, personId: string): Promise<CareReferentRow | null> {
  return em.getRepository(CareReferentEntity).findOneBy({ personId });
}
export async function saveCareReferent(em: EntityManager, row: CareReferentRow): Promise<void> {
  await em.getRepository(CareReferentEntity).save(row);
}
export async function deleteCareReferent(em: EntityManager, personId: string): Promise<string | null> {
  const row = await careReferentOf(em, personId);
  if (row) await em.getRepository(CareReferentEntity).delete({ id: row.id });
  return row?.id ?? null;
}

// ---------------------------------------------------------------------------------------------
// "Mes actions" (by owner) and the team view (by site): the open actions, soonest due first.

export interface ActionLineRow {
  actionId: string;
  personId: string;
  siteId: string;
  axis: PlanActionRow['axis'];
  title: string;
  ownerId: string;
  dueOn: string;
  status: PlanActionRow['status'];
  fileNumber: string;
  nameUsed: string;
}

/** One owner's actions (of plans followed at the sites named, or any), or those of some sites' plans. */
export type ActionsScope =
  { ownerId: string; siteIds: readonly string[] | null } | { siteIds: readonly string[] };

/**
 * "Due by" per group of sites: each site's week or "overdue" counts from its own today, and sites
 * in zones on different dates (around midnight) get their own bound. One group is the usual case.
 */
export type DueBounds = ReadonlyArray<{ siteIds: readonly string[]; dueBy: string }>;

/**
 * Open actions of one owner (the `(owner_id, status, due_on)` index) or of the plans some sites
 * follow (`case_plan_site` `(site_id, plan_id)`, then `plan_action` `(plan_id)`), due by each site's bound when given, of persons who share
 * with the social and legal team or whose action the reader wrote or owns.
 */
function actionsQuery(
  em: EntityManager,
  scope: ActionsScope,
  readerId: string,
  due: DueBounds | null,
): SelectQueryBuilder<PlanActionRow & ObjectLiteral> {
  const qb = em
    .getRepository(PlanActionEntity)
    .createQueryBuilder('pa')
    .innerJoin('Person', 'p', 'p.id = pa.personId')
    // A site's list is read plan by plan (`case_plan_site` by site, then `plan_action` by plan):
    // `+` keeps SQLite off the status index, which would walk every open action of the centre.
    .where(`${'ownerId' in scope ? '' : '+'}pa.status IN (:...open)`, { open: [...OPEN_ACTION_STATUSES] });
  if ('ownerId' in scope) qb.andWhere('pa.ownerId = :owner', { owner: scope.ownerId });
  // A plan followed at two sites is the team's work at both (`case_plan_site`, by site first).
  if (scope.siteIds)
    qb.andWhere(
      'pa.planId IN (SELECT cps.plan_id FROM case_plan_site cps WHERE cps.site_id IN (:...sites))',
      { sites: [...scope.siteIds] },
    );
  if (due?.length === 1) qb.andWhere('pa.dueOn <= :dueBy', { dueBy: due[0].dueBy });
  else if (due)
    qb.andWhere(
      new Brackets((w) => {
        due.forEach((group, i) =>
          w.orWhere(`(pa.siteId IN (:...dueSites${i}) AND pa.dueOn <= :dueBy${i})`, {
            [`dueSites${i}`]: [...group.siteIds],
            [`dueBy${i}`]: group.dueBy,
          }),
        );
      }),
    );
  qb.andWhere(
    `(${hasCurrentConsent(qb, 'pa.person_id', 'social_legal')} OR pa.createdBy = :reader OR pa.ownerId = :reader)`,
    { reader: readerId },
  );
  return qb;
}

export function actionsPage(
  em: EntityManager,
  scope: ActionsScope,
  readerId: string,
  due: DueBounds | null,
  page: { limit: number; after?: { dueOn: string; id: string } },
): Promise<ActionLineRow[]> {
  const qb = actionsQuery(em, scope, readerId, due)
    .select('pa.id', 'actionId')
    .addSelect('pa.personId', 'personId')
    .addSelect('pa.siteId', 'siteId')
    .addSelect('pa.axis', 'axis')
    .addSelect('pa.title', 'title')
    .addSelect('pa.ownerId', 'ownerId')
    .addSelect('pa.dueOn', 'dueOn')
    .addSelect('pa.status', 'status')
    .addSelect('p.fileNumber', 'fileNumber')
    .addSelect('p.nameUsed', 'nameUsed');
  if (page.after)
    qb.andWhere('(pa.dueOn > :afterDue OR (pa.dueOn = :afterDue AND pa.id > :afterId))', {
      afterDue: page.after.dueOn,
      afterId: page.after.id,
    });
  return qb
    .orderBy('pa.dueOn', 'ASC')
    .addOrderBy('pa.id', 'ASC')
    .limit(page.limit)
    .getRawMany<ActionLineRow>();
}

export function actionsCount(
  em: EntityManager,
  scope: ActionsScope,
  readerId: string,
  due: DueBounds | null,
): Promise<number> {
  return actionsQuery(em, scope, readerId, due).getCount();
}

/** The SQL of an actions page, for the query-plan test (no personal data: parameters only). */
export function actionsSql(
  em: EntityManager,
  scope: ActionsScope,
  readerId: string,
  due: DueBounds | null,
): [string, unknown[]] {
  return actionsQuery(em, scope, readerId, due)
    .select('pa.id')
    .orderBy('pa.dueOn', 'ASC')
    .addOrderBy('pa.id', 'ASC')
    .limit(51)
    .getQueryAndParameters();
}

// ---------------------------------------------------------------------------------------------
// The coordinator's counts: ids, dates and statuses only — never a person's name or number.

/** An open action due by `dueBy` on a plan one of the sites follows, once per following site. */
export interface DueActionRow {
  actionId: string;
  ownerId: string;
  /** The action's own site: its week is read from that site's today. */
  actionSiteId: string;
  /** A site (of those asked for) that follows the action's plan. */
  followedAt: string;
  dueOn: string;
}

export function dueActionsAt(
  em: EntityManager,
  siteIds: readonly string[],
  dueBy: string,
): Promise<DueActionRow[]> {
  return em
    .getRepository(PlanActionEntity)
    .createQueryBuilder('pa')
    .innerJoin('CasePlanSite', 'cps', 'cps.planId = pa.planId')
    .select('pa.id', 'actionId')
    .addSelect('pa.ownerId', 'ownerId')
    .addSelect('pa.siteId', 'actionSiteId')
    .addSelect('cps.siteId', 'followedAt')
    .addSelect('pa.dueOn', 'dueOn')
    .where('cps.siteId IN (:...sites)', { sites: [...siteIds] })
    .andWhere('+pa.status IN (:...open)', { open: [...OPEN_ACTION_STATUSES] })
    .andWhere('pa.dueOn <= :dueBy', { dueBy })
    .getRawMany<DueActionRow>();
}

/** How many plans each of the sites follows, by status. */
export function plansByStatusAt(
  em: EntityManager,
  siteIds: readonly string[],
): Promise<Array<{ siteId: string; status: CasePlanRow['status']; count: number | string }>> {
  return em
    .getRepository(CasePlanSiteEntity)
    .createQueryBuilder('cps')
    .innerJoin('CasePlan', 'cp', 'cp.id = cps.planId')
    .select('cps.siteId', 'siteId')
    .addSelect('cp.status', 'status')
    .addSelect('count(*)', 'count')
    .where('cps.siteId IN (:...sites)', { sites: [...siteIds] })
    .groupBy('cps.siteId')
    .addGroupBy('cp.status')
    .getRawMany();
}
