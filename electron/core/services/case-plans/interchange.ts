/**
 * Case-plan records of the interchange format (docs/violence-care.md, section 9), each the row's
 * columns with its author: `case_plan`, `case_plan_site`, `case_plan_event`, `plan_item`,
 * `plan_action`, `safety_plan`, `safety_plan_review`, `care_referent`. The import checks that a
 * part names a plan of the same person.
 */
import type { EntityManager } from 'typeorm';
import type { FileRecords } from '../../interchange/adapter';
import { entityAdapter, refs } from '../../interchange/entity-adapter';
import { AUTHOR_COLUMN, lineRefusals, personMerged, withAuthor } from '../../interchange/record-rules';
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

export const casePlanAdapter = entityAdapter({
  type: 'case_plan',
  entity: CasePlanEntity,
  view: withAuthor,
  rowNames: AUTHOR_COLUMN,
  batched: () => false,
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

export const casePlanSiteAdapter = entityAdapter({
  type: 'case_plan_site',
  entity: CasePlanSiteEntity,
  view: withAuthor,
  rowNames: AUTHOR_COLUMN,
  batched: () => false,
  checkLines: partOfPlan,
  references: (r) =>
    refs(
      ['planId', 'case_plan', r.planId],
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['authorId', 'user', r.authorId],
    ),
});

export const casePlanEventAdapter = entityAdapter({
  type: 'case_plan_event',
  entity: CasePlanEventEntity,
  view: withAuthor,
  rowNames: AUTHOR_COLUMN,
  batched: () => false,
  checkLines: partOfPlan,
  references: (r) =>
    refs(
      ['planId', 'case_plan', r.planId],
      ['personId', 'person', r.personId],
      ['authorId', 'user', r.authorId],
    ),
});

export const planItemAdapter = entityAdapter({
  type: 'plan_item',
  entity: PlanItemEntity,
  view: withAuthor,
  rowNames: AUTHOR_COLUMN,
  batched: () => false,
  checkLines: partOfPlan,
  references: (r) =>
    refs(
      ['planId', 'case_plan', r.planId],
      ['personId', 'person', r.personId],
      ['authorId', 'user', r.authorId],
    ),
});

export const planActionAdapter = entityAdapter({
  type: 'plan_action',
  entity: PlanActionEntity,
  view: withAuthor,
  rowNames: AUTHOR_COLUMN,
  batched: () => false,
  checkLines: partOfPlan,
  references: (r) =>
    refs(
      ['planId', 'case_plan', r.planId],
      ['personId', 'person', r.personId],
      ['objectiveId', 'plan_item', r.objectiveId],
      ['ownerId', 'user', r.ownerId],
      ['siteId', 'site', r.siteId],
      ['sourceMeetingId', 'coordination_meeting', r.sourceMeetingId],
      ['authorId', 'user', r.authorId],
    ),
});

export const safetyPlanAdapter = entityAdapter({
  type: 'safety_plan',
  entity: SafetyPlanEntity,
  view: withAuthor,
  rowNames: AUTHOR_COLUMN,
  batched: () => false,
  checkLines: partOfPlan,
  references: (r) =>
    refs(
      ['planId', 'case_plan', r.planId],
      ['personId', 'person', r.personId],
      ['reviewedBy', 'user', r.reviewedBy],
      ['authorId', 'user', r.authorId],
    ),
});

export const safetyPlanReviewAdapter = entityAdapter({
  type: 'safety_plan_review',
  entity: SafetyPlanReviewEntity,
  view: withAuthor,
  rowNames: AUTHOR_COLUMN,
  batched: () => false,
  references: (r) =>
    refs(
      ['safetyPlanId', 'safety_plan', r.safetyPlanId],
      ['personId', 'person', r.personId],
      ['reviewedBy', 'user', r.reviewedBy],
      ['authorId', 'user', r.authorId],
    ),
});

export const careReferentAdapter = entityAdapter({
  type: 'care_referent',
  entity: CareReferentEntity,
  view: withAuthor,
  rowNames: AUTHOR_COLUMN,
  batched: () => false,
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['referentId', 'user', r.referentId],
      ['siteId', 'site', r.siteId],
      ['authorId', 'user', r.authorId],
    ),
});
