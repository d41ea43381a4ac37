/**
 * Case plans in the dossier: the tab's plan (section `case_plan`), the timeline's status changes,
 * closed actions and safety-plan reviews (label keys and ids only), the alert
 * `safety_plan_review_due` — and, as its own section definition under `pathway`, the "followed,
 * ask X" pointer: the header's `careReferent`, shown to every reader of the pathway whatever the
 * social/legal consent, with no word of why.
 */
import type { Alert, CareReferent, TimelineItem } from '../../../../shared/contract/dossier';
import { safetyReviewDue } from '../../../../shared/domain/case-plans';
import { sectionAccess, worksOnlyInConcealedSections } from '../../../../shared/domain/access-policy';
import { defineSection, type SectionDefinition } from '../../dossier/section';
import { sectionReader } from '../../dossier/reader';
import { siteCodeOf } from '../centre/repository';
import { staffNames, staffRoles } from '../users/staff-names';
import { meetingCasesTable } from '../meetings/repository';
import { openVisitStart, toCasePlan, visibleParts } from './case-plans-service';
import {
  careReferentOf,
  careReferentsTable,
  casePlanEventsTable,
  casePlanSitesTable,
  casePlansTable,
  planActionsTable,
  planItemsTable,
  plansOfPerson,
  safetyPlanReviewsTable,
  safetyPlansTable,
  type CareReferentRow,
  type PlanWithParts,
} from './repository';

export interface LoadedPlan extends PlanWithParts {
  /** When the open visit began (null without one): the safety plan's review is due at each contact. */
  visitStart: string | null;
}

async function loadPlans(...[em, personId]: Parameters<typeof plansOfPerson>): Promise<LoadedPlan[]> {
  const plans = await plansOfPerson(em, personId);
  if (plans.length === 0) return [];
  const visitStart = await openVisitStart(em, personId);
  return plans.map((p) => ({ ...p, visitStart }));
}

const casePlans: SectionDefinition<LoadedPlan> = {
  capability: 'case-plans',
  section: 'case_plan',
  linked: [
    casePlansTable,
    casePlanSitesTable,
    casePlanEventsTable,
    planItemsTable,
    planActionsTable,
    safetyPlansTable,
    safetyPlanReviewsTable,
    // The decisions of coordination meetings about the person (meetings has no tab of its own).
    meetingCasesTable,
  ],
  timelineKinds: ['case_plan_status', 'plan_action'],
  load: loadPlans,
  timeline: (rows, ctx) => {
    const items: TimelineItem[] = [];
    for (const whole of rows) {
      const p = visibleParts(whole, ctx);
      for (const e of p.events)
        items.push({
          at: e.at,
          kind: 'case_plan_status',
          section: 'case_plan',
          refId: e.id,
          label: e.toStatus,
          detail: null,
        });
      for (const a of p.actions)
        if (a.status === 'done' || a.status === 'cancelled')
          items.push({
            at: a.updatedAt,
            kind: 'plan_action',
            section: 'case_plan',
            refId: a.id,
            label: a.status,
            detail: a.axis,
          });
    }
    return items;
  },
  // The safety plan's review is due only to readers of the whole plan (an author-only reader never sees it).
  alerts: (rows, { canRead }) =>
    canRead('case_plan') &&
    rows.some(
      (p) => p.status !== 'closed' && p.safetyPlan && safetyReviewDue(p.safetyPlan.reviewedAt, p.visitStart),
    )
      ? [{ kind: 'safety_plan_review_due', at: null, hoursLeft: null } satisfies Alert]
      : [],
};

export const casePlansSection = defineSection(casePlans);

export const casePlansForPerson = sectionReader(casePlans, (rows, { dossier, actor }, canRead) =>
  Promise.all(rows.map((p) => toCasePlan(dossier.em, p, p.visitStart, { canRead, readerId: actor.userId }))),
);

/**
 * The role shown beside the referent's name: the first of their roles that works on case plans —
 * none for staff who work only in the concealed sections (psychologist, social worker, lawyer):
 * "ask the lawyer" would tell every reader of the pathway why the person is followed, the reason
 * "who looked at my file" leaves such staff out (persons/access-log.ts). The name is whom to ask.
 */
async function referentRoleKey(
  em: Parameters<typeof staffRoles>[0],
  referentId: string,
): Promise<string | null> {
  const roles = (await staffRoles(em, [referentId])).get(referentId) ?? [];
  if (worksOnlyInConcealedSections(roles)) return null;
  return roles.find((r) => sectionAccess([r], 'case_plan') !== 'none') ?? roles[0] ?? null;
}

async function pointerOf(
  em: Parameters<typeof staffRoles>[0],
  row: CareReferentRow | undefined,
): Promise<CareReferent | null> {
  if (!row) return null;
  const name = (await staffNames(em, [row.referentId])).get(row.referentId);
  if (!name) return null;
  return {
    referentName: name,
    referentRoleKey: await referentRoleKey(em, row.referentId),
    siteCode: (await siteCodeOf(em, row.siteId)) ?? '',
  };
}

const careReferent: SectionDefinition<CareReferentRow> = {
  capability: 'case-plans',
  section: 'pathway',
  linked: [careReferentsTable],
  timelineKinds: [],
  load: async (em, personId) => {
    const row = await careReferentOf(em, personId);
    return row ? [row] : [];
  },
  summary: async (rows, { em }) => ({ careReferent: await pointerOf(em, rows[0]) }),
};

export const careReferentSection = defineSection(careReferent);

/** `casePlans.referent`: the pointer as the pathway section draws it for this reader. */
export const careReferentForPerson = async (
  ...[input, call]: Parameters<ReturnType<typeof sectionReader<CareReferentRow, CareReferentRow>>>
): Promise<CareReferent | null> => {
  const { items } = await sectionReader(careReferent, (rows) => rows)(input, call);
  return pointerOf(call.dossier.em, items[0]);
};
