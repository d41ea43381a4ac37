/**
 * Case plans (docs/violence-care.md, section 3): one plan per person with its status history and
 * sites, needs and objectives on five axes, actions, the safety plan and its reviews, and the
 * "followed, ask X" pointer (`care_referent`, section `pathway`). Enumerated columns are typed
 * with the unions of shared/domain/case-plans.ts.
 */
import { EntitySchema } from 'typeorm';
import type {
  ActionStatus,
  CasePlanStatus,
  ClosureReason,
  PlanAxis,
  PlanItemKind,
  PlanItemState,
} from '../../../../shared/domain/case-plans';
import { FALSE, ID, LIST, TIME, TRUE, recordColumnsSchema, type RecordColumns } from '../../db/record';

/** A calendar date `YYYY-MM-DD` (the site's local date). */
const DATE = { type: 'varchar', length: 10 } as const;
const person = { ...ID, name: 'person_id', foreignKey: { target: 'person' } } as const;
const plan = { ...ID, name: 'plan_id', foreignKey: { target: 'case_plan' } } as const;
const createdBy = { ...ID, name: 'created_by', nullable: true } as const;

export interface CasePlanRow extends RecordColumns {
  id: string;
  personId: string;
  /** The lead site. */
  siteId: string;
  status: CasePlanStatus;
  closureReason: ClosureReason | null;
  openedOn: string;
  closedOn: string | null;
  referentId: string;
  /** False when the person asks for full discretion: no pointer is written. */
  showReferent: boolean;
  createdBy: string | null;
}

export const CasePlanEntity = new EntitySchema<CasePlanRow>({
  name: 'CasePlan',
  tableName: 'case_plan',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...person, unique: true },
    siteId: { ...ID, name: 'site_id' },
    status: { type: 'varchar', length: 16 },
    closureReason: { type: 'varchar', length: 24, name: 'closure_reason', nullable: true },
    openedOn: { ...DATE, name: 'opened_on' },
    closedOn: { ...DATE, name: 'closed_on', nullable: true },
    referentId: { ...ID, name: 'referent_id' },
    showReferent: { type: 'boolean', name: 'show_referent', default: TRUE },
    createdBy,
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['status', 'siteId'] }],
});

export interface CasePlanSiteRow extends RecordColumns {
  id: string;
  planId: string;
  personId: string;
  siteId: string;
  createdBy: string | null;
}

export const CasePlanSiteEntity = new EntitySchema<CasePlanSiteRow>({
  name: 'CasePlanSite',
  tableName: 'case_plan_site',
  columns: {
    id: { ...ID, primary: true },
    planId: plan,
    personId: person,
    siteId: { ...ID, name: 'site_id' },
    createdBy,
    ...recordColumnsSchema,
  },
  indices: [
    { columns: ['planId', 'siteId'], unique: true },
    { columns: ['personId'] },
    // The team's lists of a site (migration 0029); named, or it would take the unique one's name.
    { name: 'IDX_case_plan_site_by_site', columns: ['siteId', 'planId'] },
  ],
});

export interface CasePlanEventRow extends RecordColumns {
  id: string;
  planId: string;
  personId: string;
  fromStatus: CasePlanStatus | null;
  toStatus: CasePlanStatus;
  /** The closure reason's key, or the reopening's words. */
  reason: string | null;
  at: string;
  createdBy: string | null;
}

export const CasePlanEventEntity = new EntitySchema<CasePlanEventRow>({
  name: 'CasePlanEvent',
  tableName: 'case_plan_event',
  columns: {
    id: { ...ID, primary: true },
    planId: plan,
    personId: person,
    fromStatus: { type: 'varchar', length: 16, name: 'from_status', nullable: true },
    toStatus: { type: 'varchar', length: 16, name: 'to_status' },
    reason: { type: 'varchar', length: 500, nullable: true },
    at: TIME,
    createdBy,
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['planId', 'at'] }, { columns: ['personId'] }],
});

export interface PlanItemRow extends RecordColumns {
  id: string;
  planId: string;
  personId: string;
  axis: PlanAxis;
  kind: PlanItemKind;
  text: string;
  state: PlanItemState;
  createdBy: string | null;
}

export const PlanItemEntity = new EntitySchema<PlanItemRow>({
  name: 'PlanItem',
  tableName: 'plan_item',
  columns: {
    id: { ...ID, primary: true },
    planId: plan,
    personId: person,
    axis: { type: 'varchar', length: 16 },
    kind: { type: 'varchar', length: 16 },
    text: { type: 'varchar', length: 500 },
    state: { type: 'varchar', length: 16 },
    createdBy,
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['planId', 'axis'] }, { columns: ['personId'] }],
});

export interface PlanActionRow extends RecordColumns {
  id: string;
  planId: string;
  personId: string;
  axis: PlanAxis;
  objectiveId: string | null;
  title: string;
  ownerId: string;
  siteId: string;
  dueOn: string;
  status: ActionStatus;
  doneOn: string | null;
  cancelReason: string | null;
  linkedType: string | null;
  linkedId: string | null;
  /** The coordination meeting that created or last updated the action (null: the plan tab). */
  sourceMeetingId: string | null;
  createdBy: string | null;
}

export const PlanActionEntity = new EntitySchema<PlanActionRow>({
  name: 'PlanAction',
  tableName: 'plan_action',
  columns: {
    id: { ...ID, primary: true },
    planId: plan,
    personId: person,
    axis: { type: 'varchar', length: 16 },
    objectiveId: { ...ID, name: 'objective_id', nullable: true, foreignKey: { target: 'plan_item' } },
    title: { type: 'varchar', length: 200 },
    ownerId: { ...ID, name: 'owner_id' },
    siteId: { ...ID, name: 'site_id' },
    dueOn: { ...DATE, name: 'due_on' },
    status: { type: 'varchar', length: 16 },
    doneOn: { ...DATE, name: 'done_on', nullable: true },
    cancelReason: { type: 'varchar', length: 500, name: 'cancel_reason', nullable: true },
    linkedType: { type: 'varchar', length: 24, name: 'linked_type', nullable: true },
    linkedId: { ...ID, name: 'linked_id', nullable: true },
    sourceMeetingId: { ...ID, name: 'source_meeting_id', nullable: true },
    createdBy,
    ...recordColumnsSchema,
  },
  indices: [
    // "My actions": one owner's open actions are a handful whatever the centre's size.
    { columns: ['ownerId', 'status', 'dueOn'] },
    // The team view: the open state leads, then the site, then the date it sorts on.
    { columns: ['status', 'siteId', 'dueOn'] },
    { columns: ['planId'] },
    { columns: ['personId'] },
    // A meeting's answer: the actions it created or changed.
    { columns: ['sourceMeetingId'] },
  ],
});

export interface SafeContact {
  name: string;
  howToReach: string;
  note: string;
}
export interface CodeWord {
  word: string;
  meaning: string;
}

export interface SafetyPlanRow extends RecordColumns {
  id: string;
  planId: string;
  personId: string;
  risks: string;
  safeContacts: SafeContact[];
  safePlaces: string[];
  codeWords: CodeWord[];
  ifAggressorReturns: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  createdBy: string | null;
}

export const SafetyPlanEntity = new EntitySchema<SafetyPlanRow>({
  name: 'SafetyPlan',
  tableName: 'safety_plan',
  columns: {
    id: { ...ID, primary: true },
    planId: { ...plan, unique: true },
    personId: person,
    risks: { type: 'text' },
    safeContacts: { ...LIST, name: 'safe_contacts' },
    safePlaces: { ...LIST, name: 'safe_places' },
    codeWords: { ...LIST, name: 'code_words' },
    ifAggressorReturns: { type: 'text', name: 'if_aggressor_returns' },
    reviewedAt: { ...TIME, name: 'reviewed_at', nullable: true },
    reviewedBy: { ...ID, name: 'reviewed_by', nullable: true },
    createdBy,
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['personId'] }],
});

export interface SafetyPlanReviewRow extends RecordColumns {
  id: string;
  safetyPlanId: string;
  personId: string;
  reviewedAt: string;
  reviewedBy: string;
  changed: boolean;
  visitId: string | null;
  createdBy: string | null;
}

export const SafetyPlanReviewEntity = new EntitySchema<SafetyPlanReviewRow>({
  name: 'SafetyPlanReview',
  tableName: 'safety_plan_review',
  columns: {
    id: { ...ID, primary: true },
    safetyPlanId: { ...ID, name: 'safety_plan_id', foreignKey: { target: 'safety_plan' } },
    personId: person,
    reviewedAt: { ...TIME, name: 'reviewed_at' },
    reviewedBy: { ...ID, name: 'reviewed_by' },
    changed: { type: 'boolean', default: FALSE },
    visitId: { ...ID, name: 'visit_id', nullable: true },
    createdBy,
    ...recordColumnsSchema,
  },
  indices: [{ columns: ['safetyPlanId', 'reviewedAt'] }, { columns: ['personId'] }],
});

/** The "followed, ask X" pointer: section `pathway`, readable whatever the social/legal consent. */
export interface CareReferentRow extends RecordColumns {
  id: string;
  personId: string;
  referentId: string;
  siteId: string;
  since: string;
  createdBy: string | null;
}

export const CareReferentEntity = new EntitySchema<CareReferentRow>({
  name: 'CareReferent',
  tableName: 'care_referent',
  columns: {
    id: { ...ID, primary: true },
    personId: { ...person, unique: true },
    referentId: { ...ID, name: 'referent_id' },
    siteId: { ...ID, name: 'site_id' },
    since: DATE,
    createdBy,
    ...recordColumnsSchema,
  },
});
