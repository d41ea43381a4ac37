/**
 * Case-plan records of the interchange format (docs/violence-care.md, section 9), each the row's
 * columns with its author: `case_plan`, `case_plan_site`, `case_plan_event`, `plan_item`,
 * `plan_action`, `safety_plan`, `safety_plan_review`, `care_referent`. The import checks that a
 * part names a plan of the same person.
 */
import type { EntityManager } from 'typeorm';
import type { FileRecords } from '../../interchange/adapter';
import { authoredAdapter, refs } from '../../interchange/entity-adapter';
import { lineRefusals, personMerged } from '../../interchange/record-rules';
import {
  CareReferentEntity,
  CasePlanEntity,
  CasePlanEventEntity,
  CasePlanSiteEntity,
  PlanActionEntity,
  PlanItemEntity,
  SafetyPlanEntity,
  SafetyPlanReviewEntity,
} from './entities';

async function planPerson(em: EntityManager, file: FileRecords, planId: string): Promise<string | null> {
  const inFile = file.find('case_plan', planId);
  if (inFile) return inFile.personId;
  return (await em.getRepository(CasePlanEntity).findOneBy({ id: planId }))?.personId ?? null;
}

/** A part of a plan (site, event, item, action, safety plan) must name a plan of the same person. */
function partOfPlan<R extends { planId: string; personId: string }>(
  em: EntityManager,
  lines: ReadonlyArray<{ line: number; record: R }>,
  file: FileRecords,
) {
  return lineRefusals(lines, async (r, refuse) => {
    const owner = await planPerson(em, file, r.planId);
    if (owner !== null && owner !== r.personId) refuse('planId', 'no_case_plan');
  });
}

/** A plan part's references: its plan, its person, what else it names, its author. */
function planPartRefs(
  r: { planId: string; personId: string; authorId: string | null },
  ...named: Parameters<typeof refs>
) {
  return refs(['planId', 'case_plan', r.planId], ['personId', 'person', r.personId], ...named, [
    'authorId',
    'user',
    r.authorId,
  ]);
}

export const casePlanAdapter = authoredAdapter({
  type: 'case_plan',
  entity: CasePlanEntity,
  checkLines: (em, lines, file) =>
    lineRefusals(lines, async (r, refuse) => {
      if (await personMerged(em, file, r.personId)) refuse('personId', 'person_merged');
    }),
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['referentId', 'user', r.referentId],
      ['authorId', 'user', r.authorId],
    ),
});

export const casePlanSiteAdapter = authoredAdapter({
  type: 'case_plan_site',
  entity: CasePlanSiteEntity,
  checkLines: partOfPlan,
  references: (r) => planPartRefs(r, ['siteId', 'site', r.siteId]),
});

export const casePlanEventAdapter = authoredAdapter({
  type: 'case_plan_event',
  entity: CasePlanEventEntity,
  checkLines: partOfPlan,
  references: (r) => planPartRefs(r),
});

export const planItemAdapter = authoredAdapter({
  type: 'plan_item',
  entity: PlanItemEntity,
  checkLines: partOfPlan,
  references: (r) => planPartRefs(r),
});

export const planActionAdapter = authoredAdapter({
  type: 'plan_action',
  entity: PlanActionEntity,
  checkLines: partOfPlan,
  references: (r) =>
    planPartRefs(
      r,
      ['objectiveId', 'plan_item', r.objectiveId],
      ['ownerId', 'user', r.ownerId],
      ['siteId', 'site', r.siteId],
      ['sourceMeetingId', 'coordination_meeting', r.sourceMeetingId],
    ),
});

export const safetyPlanAdapter = authoredAdapter({
  type: 'safety_plan',
  entity: SafetyPlanEntity,
  checkLines: partOfPlan,
  references: (r) => planPartRefs(r, ['reviewedBy', 'user', r.reviewedBy]),
});

export const safetyPlanReviewAdapter = authoredAdapter({
  type: 'safety_plan_review',
  entity: SafetyPlanReviewEntity,
  references: (r) =>
    refs(
      ['safetyPlanId', 'safety_plan', r.safetyPlanId],
      ['personId', 'person', r.personId],
      ['reviewedBy', 'user', r.reviewedBy],
      ['authorId', 'user', r.authorId],
    ),
});

export const careReferentAdapter = authoredAdapter({
  type: 'care_referent',
  entity: CareReferentEntity,
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['referentId', 'user', r.referentId],
      ['siteId', 'site', r.siteId],
      ['authorId', 'user', r.authorId],
    ),
});
