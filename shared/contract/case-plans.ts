/**
 * Case plans (docs/violence-care.md, slice 3): one plan per person with its status history,
 * needs / objectives / actions on five axes, the safety plan and its reviews; "my actions" and the
 * team view. The "followed, ask X" pointer is not here: it is the dossier header's `careReferent`
 * (section `pathway`).
 */
import { z } from 'zod';
import {
  ACTION_STATUSES,
  ACTION_TITLE_MAX,
  CASE_PLAN_STATUSES,
  CLOSURE_REASONS,
  PLAN_AXES,
  PLAN_ITEM_KINDS,
  PLAN_ITEM_STATES,
  PLAN_ITEM_TEXT_MAX,
  REASON_MAX,
  SAFETY_ROW_TEXT_MAX,
  SAFETY_ROWS_MAX,
  SAFETY_TEXT_MAX,
} from '../domain/case-plans';
import { channel } from './channel';
import { idSchema, isoDateTimeSchema, versionSchema } from './common';
import { careReferentSchema } from './dossier';
import { forPersonInputSchema, sectionItemsSchema } from './section';
import {
  WORKLIST_SITES_MAX,
  worklistCountsInputSchema,
  worklistInputSchema,
  worklistPageSchema,
} from './worklist';
import { calendarDateSchema } from './vaccinations';
import {
  attachedMetaSchema,
  attachFields,
  attachmentContentSchema,
  attachmentMetaSchema,
} from './attachments';

const nonBlank = (max: number, reason: string) =>
  z
    .string()
    .max(max)
    .refine((text) => text.trim().length > 0, { message: reason });

export const planItemSchema = z.object({
  id: idSchema,
  axis: z.enum(PLAN_AXES),
  kind: z.enum(PLAN_ITEM_KINDS),
  text: z.string(),
  state: z.enum(PLAN_ITEM_STATES),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const planActionSchema = z.object({
  id: idSchema,
  planId: idSchema,
  axis: z.enum(PLAN_AXES),
  objectiveId: idSchema.nullable(),
  title: z.string(),
  ownerId: idSchema,
  ownerName: z.string().nullable(),
  siteId: idSchema,
  dueOn: calendarDateSchema,
  status: z.enum(ACTION_STATUSES),
  doneOn: calendarDateSchema.nullable(),
  cancelReason: z.string().nullable(),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type PlanAction = z.infer<typeof planActionSchema>;

export const planEventSchema = z.object({
  id: idSchema,
  fromStatus: z.enum(CASE_PLAN_STATUSES).nullable(),
  toStatus: z.enum(CASE_PLAN_STATUSES),
  reason: z.string().nullable(),
  at: isoDateTimeSchema,
  byName: z.string().nullable(),
});
export type PlanEvent = z.infer<typeof planEventSchema>;

const safeContactSchema = z
  .object({
    name: z.string().max(SAFETY_ROW_TEXT_MAX.contactName),
    howToReach: z.string().max(SAFETY_ROW_TEXT_MAX.howToReach).default(''),
    note: z.string().max(SAFETY_ROW_TEXT_MAX.note).default(''),
  })
  .strict();
const codeWordSchema = z
  .object({
    word: z.string().max(SAFETY_ROW_TEXT_MAX.word),
    meaning: z.string().max(SAFETY_ROW_TEXT_MAX.meaning),
  })
  .strict();

/*
 * What a save may send: a row is a trusted person with a name, a place, a word with its meaning.
 * A blank one is refused next to its field (`safeContacts.1.name`), never dropped; text is kept
 * exactly as typed. The stored plan (above) is read as it is.
 */
const safeContactInputSchema = safeContactSchema.extend({
  name: nonBlank(SAFETY_ROW_TEXT_MAX.contactName, 'text_required'),
});
const codeWordInputSchema = codeWordSchema.extend({
  word: nonBlank(SAFETY_ROW_TEXT_MAX.word, 'text_required'),
  meaning: nonBlank(SAFETY_ROW_TEXT_MAX.meaning, 'text_required'),
});

export const safetyPlanSchema = z.object({
  id: idSchema,
  risks: z.string(),
  safeContacts: z.array(safeContactSchema),
  safePlaces: z.array(z.string()),
  codeWords: z.array(codeWordSchema),
  ifAggressorReturns: z.string(),
  reviewedAt: isoDateTimeSchema.nullable(),
  reviewedByName: z.string().nullable(),
  /** A review is due at this contact: the person has an open visit and no review during it. */
  reviewDue: z.boolean(),
  version: versionSchema,
});
export type SafetyPlan = z.infer<typeof safetyPlanSchema>;

export const casePlanSchema = z.object({
  id: idSchema,
  personId: idSchema,
  /** The lead site: where the plan was opened (the pointer names it). */
  siteId: idSchema,
  /** Every site that follows the plan, the lead site first (lists and meetings see it at each). */
  siteIds: z.array(idSchema),
  status: z.enum(CASE_PLAN_STATUSES),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  openedOn: calendarDateSchema,
  closedOn: calendarDateSchema.nullable(),
  referentId: idSchema,
  referentName: z.string().nullable(),
  showReferent: z.boolean(),
  items: z.array(planItemSchema),
  actions: z.array(planActionSchema),
  events: z.array(planEventSchema),
  safetyPlan: safetyPlanSchema.nullable(),
  authorId: z.string().nullable(),
  version: versionSchema,
});
export type CasePlan = z.infer<typeof casePlanSchema>;

const onPlan = { personId: idSchema, planId: idSchema };

/** A line of "Mes actions" / the team view: the action, whose plan, where and when. */
export const actionLineSchema = z.object({
  actionId: idSchema,
  personId: idSchema,
  fileNumber: z.string(),
  nameUsed: z.string(),
  siteId: idSchema,
  axis: z.enum(PLAN_AXES),
  title: z.string(),
  ownerId: idSchema,
  ownerName: z.string().nullable(),
  dueOn: calendarDateSchema,
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
});
export type ActionLine = z.infer<typeof actionLineSchema>;

const count = z.number().int().min(0);
/** Open actions due from today to today + 6 days, and due before today (each action's site's today). */
const actionCountsSchema = z.object({ dueThisWeek: count, overdue: count });
export const teamCountsSchema = z.object({
  /** One line per site asked for: its plans' open actions, and its plans by status. */
  sites: z.array(
    actionCountsSchema.extend({
      siteId: idSchema,
      plans: z.object({ open: count, active: count, on_hold: count, closed: count }),
    }),
  ),
  /** One line per owner with an open action due this week or overdue on a plan of these sites. */
  owners: z.array(actionCountsSchema.extend({ ownerId: idSchema, ownerName: z.string().nullable() })),
});
export type TeamCounts = z.infer<typeof teamCountsSchema>;

/** Keyset paging: the last line of the page (due date, action id). */
const actionsCursorSchema = z.object({ dueOn: calendarDateSchema, id: idSchema }).strict();
/** "week": due by today + 6 days (overdue included); "all": every open action. */
const actionsListSchema = z.enum(['week', 'all']).default('week');

export const casePlansChannels = {
  /** The plan tab: the person's plan (at most one) with its items, actions, events and safety plan. */
  'casePlans.forPerson': channel(forPersonInputSchema, sectionItemsSchema(casePlanSchema)),
  /** The pointer alone (section `pathway`): whom to ask, never why; null when none or hidden. */
  'casePlans.referent': channel(forPersonInputSchema, careReferentSchema.nullable()),
  /** Opens the person's plan (one per person), its empty safety plan, and the pointer unless hidden. */
  'casePlans.open': channel(
    z
      .object({
        personId: idSchema,
        siteId: idSchema.optional(),
        referentId: idSchema.optional(),
        showReferent: z.boolean().default(true),
      })
      .strict(),
    casePlanSchema,
  ),
  /** Changes the status: closing names a reason, reopening (closed → active) writes one. */
  'casePlans.setStatus': channel(
    z
      .object({
        ...onPlan,
        status: z.enum(CASE_PLAN_STATUSES),
        closureReason: z.enum(CLOSURE_REASONS).nullable().default(null),
        reason: z.string().max(REASON_MAX).nullable().default(null),
        cancelOpenActions: z.boolean().default(false),
        version: versionSchema,
      })
      .strict(),
    casePlanSchema,
  ),
  /**
   * The sites that follow the plan (at least one): the writer adds or removes only sites they work
   * at (`site_not_yours`); removing the lead site makes the first one left the lead.
   */
  'casePlans.setSites': channel(
    z
      .object({
        ...onPlan,
        siteIds: z.array(idSchema).min(1, 'plan_sites_required').max(WORKLIST_SITES_MAX),
        version: versionSchema,
      })
      .strict(),
    casePlanSchema,
  ),
  /**
   * Whom to ask: a staff member who may write plans and works at one of the plan's sites
   * (`referent_cannot_write_plan`), and whether the pointer is shown at all.
   */
  'casePlans.setReferent': channel(
    z
      .object({
        ...onPlan,
        referentId: idSchema,
        showReferent: z.boolean(),
        version: versionSchema,
      })
      .strict(),
    casePlanSchema,
  ),
  /** Adds a need or objective (no `id`) or updates one (`id` + `version`). */
  'casePlans.saveItem': channel(
    z
      .object({
        ...onPlan,
        id: idSchema.optional(),
        axis: z.enum(PLAN_AXES),
        kind: z.enum(PLAN_ITEM_KINDS),
        text: nonBlank(PLAN_ITEM_TEXT_MAX, 'text_required'),
        state: z.enum(PLAN_ITEM_STATES).default('open'),
        version: versionSchema.optional(),
      })
      .strict(),
    casePlanSchema,
  ),
  /** Adds an action (no `id`) or updates one (`id` + `version`): owner and due date required. */
  'casePlans.saveAction': channel(
    z
      .object({
        ...onPlan,
        id: idSchema.optional(),
        axis: z.enum(PLAN_AXES),
        objectiveId: idSchema.nullable().default(null),
        title: nonBlank(ACTION_TITLE_MAX, 'text_required'),
        /** Null is refused next to the field (`action_owner_required`). */
        ownerId: idSchema.nullable(),
        dueOn: calendarDateSchema,
        status: z.enum(ACTION_STATUSES).default('planned'),
        cancelReason: z.string().max(REASON_MAX).nullable().default(null),
        version: versionSchema.optional(),
      })
      .strict(),
    casePlanSchema,
  ),
  /** Saves the safety plan: a save is a review (who and when, and that it changed). */
  'casePlans.saveSafetyPlan': channel(
    z
      .object({
        ...onPlan,
        risks: z.string().max(SAFETY_TEXT_MAX),
        safeContacts: z.array(safeContactInputSchema).max(SAFETY_ROWS_MAX),
        safePlaces: z.array(nonBlank(SAFETY_ROW_TEXT_MAX.place, 'text_required')).max(SAFETY_ROWS_MAX),
        codeWords: z.array(codeWordInputSchema).max(SAFETY_ROWS_MAX),
        ifAggressorReturns: z.string().max(SAFETY_TEXT_MAX),
        version: versionSchema,
      })
      .strict(),
    casePlanSchema,
  ),
  /** Records that the safety plan was reviewed with the person, unchanged. */
  'casePlans.reviewSafetyPlan': channel(z.object(onPlan).strict(), casePlanSchema),
  /** "Mes actions": the reader's open actions, soonest due first (this week, or all). */
  'casePlans.myActions': channel(
    worklistInputSchema(actionsListSchema, actionsCursorSchema),
    worklistPageSchema(actionLineSchema, actionsCursorSchema),
  ),
  /** The team view: open actions of every owner at the reader's sites, soonest due first. */
  'casePlans.teamActions': channel(
    worklistInputSchema(actionsListSchema, actionsCursorSchema),
    worklistPageSchema(actionLineSchema, actionsCursorSchema),
  ),
  /** The navigation's counts: my actions due this week, the team's overdue. */
  'casePlans.actionsCounts': channel(
    worklistCountsInputSchema,
    z.object({ mineThisWeek: z.number().int().min(0), teamOverdue: z.number().int().min(0) }),
  ),
  /**
   * The coordinator's team view (`reports.read`, no section read): per site and per owner, the
   * open actions due this week and overdue, and the plans by status — numbers, never a person.
   */
  'casePlans.teamCounts': channel(worklistCountsInputSchema, teamCountsSchema),
  /** Stores the session's staged document on the case plan. */
  'casePlans.attach': channel(
    z.object({ personId: idSchema, planId: idSchema, ...attachFields }).strict(),
    attachedMetaSchema,
  ),
  /** The documents of the case plan, metadata only. */
  'casePlans.attachments': channel(
    z.object({ personId: idSchema, planId: idSchema }).strict(),
    z.array(attachmentMetaSchema),
  ),
  /** One document whole for the in-app viewer: its own audited read, naming it. */
  'casePlans.openAttachment': channel(
    z.object({ personId: idSchema, attachmentId: idSchema }).strict(),
    attachmentContentSchema,
  ),
  /** Deletes a document for good, audited as a deletion. */
  'casePlans.deleteAttachment': channel(
    z.object({ personId: idSchema, attachmentId: idSchema, version: versionSchema }).strict(),
    z.object({}),
  ),
};
