/**
 * Case plans (docs/violence-care.md, section 4): one plan per person, its status life cycle with
 * every change kept as an event (closing names a reason, reopening writes one), needs, objectives
 * and actions on five axes, the safety plan whose save is a review, and the "followed, ask X"
 * pointer written, removed and written again with the plan (section `pathway`). A refused save
 * writes nothing: every check runs before the first write.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { CasePlan } from '../../../../shared/contract/case-plans';
import { sectionAccess } from '../../../../shared/domain/access-policy';
import {
  actionChangeAllowed,
  isOpenAction,
  isReopening,
  safetyReviewDue,
  statusChangeAllowed,
  type CasePlanStatus,
} from '../../../../shared/domain/case-plans';
import { daysBetween, siteToday } from '../../../../shared/domain/schedules';
import type { Lookup } from '../../api/access';
import type { DossierCall } from '../../api/routes';
import { ownParts, type ContributionContext } from '../../dossier/section';
import { conflict, DomainError, invalid } from '../../errors';
import { findSite, siteTimeZones } from '../centre/repository';
import { loadPerson } from '../persons/repository';
import { findUser, rolesAndSitesOf } from '../users/repository';
import { staffNames, staffRoles } from '../users/staff-names';
import { findVisit, openVisitIdOf } from '../visits/repository';
import {
  deleteCareReferent,
  deletePlanSite,
  insertEvent,
  insertPlan,
  insertPlanSite,
  insertReview,
  loadPlanParts,
  planOfPerson,
  planSiteRows,
  saveActionRow,
  saveCareReferent,
  saveItemRow,
  savePlanRow,
  saveSafetyPlanRow,
  type CasePlanRow,
  type PlanWithParts,
  type SafetyPlanRow,
} from './repository';

const DEFAULT_TIME_ZONE = 'Europe/Paris';
/** The cancel reason written on the open actions of a plan closed with `cancelOpenActions`. */
export const CASE_CLOSED_REASON = 'case closed';

/** When the person's open visit began (a review of the safety plan is due at each contact). */
export async function openVisitStart(em: EntityManager, personId: string): Promise<string | null> {
  const id = await openVisitIdOf(em, personId);
  return id ? ((await findVisit(em, id))?.openedAt ?? null) : null;
}

/**
 * The parts of a plan a reader may see. A reader let in only as the plan's author (the person
 * withdrew `social_legal`) keeps the items, actions and status changes they wrote, and never the
 * safety plan: its contacts, places and code words are shared work no single author owns.
 */
export function visibleParts(
  plan: PlanWithParts,
  reader: Pick<ContributionContext, 'canRead' | 'readerId'>,
): PlanWithParts {
  if (reader.canRead('case_plan')) return plan;
  return {
    ...plan,
    items: ownParts(reader, 'case_plan', plan.items),
    actions: ownParts(reader, 'case_plan', plan.actions),
    events: ownParts(reader, 'case_plan', plan.events),
    safetyPlan: null,
  };
}

export async function toCasePlan(
  em: EntityManager,
  whole: PlanWithParts,
  visitStart: string | null,
  reader: Pick<ContributionContext, 'canRead' | 'readerId'>,
): Promise<CasePlan> {
  const plan = visibleParts(whole, reader);
  const names = await staffNames(em, [
    plan.referentId,
    plan.safetyPlan?.reviewedBy ?? null,
    ...plan.actions.map((a) => a.ownerId),
    ...plan.events.map((e) => e.createdBy),
  ]);
  const sp = plan.safetyPlan;
  return {
    id: plan.id,
    personId: plan.personId,
    siteId: plan.siteId,
    siteIds: plan.siteIds,
    status: plan.status,
    closureReason: plan.closureReason,
    openedOn: plan.openedOn,
    closedOn: plan.closedOn,
    referentId: plan.referentId,
    referentName: names.get(plan.referentId) ?? null,
    showReferent: plan.showReferent,
    items: plan.items.map((i) => ({
      id: i.id,
      axis: i.axis,
      kind: i.kind,
      text: i.text,
      state: i.state,
      authorId: i.createdBy,
      version: i.version,
    })),
    actions: plan.actions.map((a) => ({
      id: a.id,
      planId: a.planId,
      axis: a.axis,
      objectiveId: a.objectiveId,
      title: a.title,
      ownerId: a.ownerId,
      ownerName: names.get(a.ownerId) ?? null,
      siteId: a.siteId,
      dueOn: a.dueOn,
      status: a.status,
      doneOn: a.doneOn,
      cancelReason: a.cancelReason,
      authorId: a.createdBy,
      version: a.version,
    })),
    events: plan.events.map((e) => ({
      id: e.id,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason,
      at: e.at,
      byName: e.createdBy ? (names.get(e.createdBy) ?? null) : null,
    })),
    safetyPlan: sp
      ? {
          id: sp.id,
          risks: sp.risks,
          safeContacts: sp.safeContacts,
          safePlaces: sp.safePlaces,
          codeWords: sp.codeWords,
          ifAggressorReturns: sp.ifAggressorReturns,
          reviewedAt: sp.reviewedAt,
          reviewedByName: sp.reviewedBy ? (names.get(sp.reviewedBy) ?? null) : null,
          reviewDue: plan.status !== 'closed' && safetyReviewDue(sp.reviewedAt, visitStart),
          version: sp.version,
        }
      : null,
    authorId: plan.createdBy,
    version: plan.version,
  };
}

/** A write's answer, drawn for the writer as `casePlans.forPerson` would draw it. */
async function reply({ actor, dossier }: DossierCall, plan: CasePlanRow): Promise<CasePlan> {
  const { em, canRead } = dossier;
  return toCasePlan(em, await loadPlanParts(em, plan), await openVisitStart(em, plan.personId), {
    canRead,
    readerId: actor.userId,
  });
}

/** Who opened the plan a call touches (its author may keep working on it); the caller for a new one. */
export async function authorOfPlan(
  input: { personId: string },
  { em, actor }: Lookup,
): Promise<string | null> {
  const plan = await planOfPerson(em, input.personId);
  return plan ? plan.createdBy : actor.userId;
}

/** The plan the input names, of this person; its version when the call names one. */
export async function planOf(em: EntityManager, personId: string, planId: string): Promise<CasePlanRow> {
  const plan = await planOfPerson(em, personId);
  if (!plan || plan.id !== planId) throw invalid('planId', 'no_case_plan');
  return plan;
}

const hasText = (text: string | null): text is string => text !== null && text.trim().length > 0;

/** A closed plan takes no new item, action or safety-plan change. */
function requireNotClosed(plan: CasePlanRow): void {
  if (plan.status === 'closed') throw invalid('planId', 'case_closed');
}

async function todayAt(em: EntityManager, siteId: string, now: Date): Promise<string> {
  return siteToday(now, (await siteTimeZones(em, [siteId])).get(siteId) ?? DEFAULT_TIME_ZONE);
}

/** An owner or referent: an active staff member whose roles read `case_plan`. */
export async function mayReadPlans(em: EntityManager, userId: string): Promise<boolean> {
  const user = await findUser(em, userId);
  if (!user || !user.active) return false;
  const roles = (await staffRoles(em, [userId])).get(userId) ?? [];
  return sectionAccess(roles, 'case_plan') !== 'none';
}

/**
 * A referent: an active staff member whose roles write `case_plan` and who works at one of the
 * plan's sites — the person is told to ask someone who can act on the plan where she is followed.
 */
async function mayLeadPlan(em: EntityManager, userId: string, siteIds: readonly string[]): Promise<boolean> {
  const user = await findUser(em, userId);
  if (!user || !user.active) return false;
  const roles = (await staffRoles(em, [userId])).get(userId) ?? [];
  if (sectionAccess(roles, 'case_plan') !== 'write') return false;
  const { sites } = await rolesAndSitesOf(em, [userId]);
  return sites.some((s) => siteIds.includes(s.siteId));
}

function stamp(
  existing: { createdAt: string; version: number } | null,
  at: string,
): { createdAt: string; updatedAt: string; version: number } {
  return { createdAt: existing?.createdAt ?? at, updatedAt: at, version: (existing?.version ?? 0) + 1 };
}

async function writeEvent(
  call: DossierCall,
  plan: CasePlanRow,
  from: CasePlanStatus | null,
  to: CasePlanStatus,
  reason: string | null,
): Promise<void> {
  const at = call.dossier.now.toISOString();
  const id = randomUUID();
  await insertEvent(call.dossier.em, {
    id,
    planId: plan.id,
    personId: plan.personId,
    fromStatus: from,
    toStatus: to,
    reason,
    at,
    createdBy: call.actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  });
  call.dossier.wrote({ type: 'case_plan_event', id, action: 'create' });
}

/** The pointer: written while the plan is not closed and the person lets it be shown. */
async function settlePointer(call: DossierCall, plan: CasePlanRow, today: string): Promise<void> {
  const { em, now } = call.dossier;
  if (plan.status !== 'closed' && plan.showReferent) {
    const at = now.toISOString();
    const id = randomUUID();
    await deleteCareReferent(em, plan.personId);
    await saveCareReferent(em, {
      id,
      personId: plan.personId,
      referentId: plan.referentId,
      siteId: plan.siteId,
      since: today,
      createdBy: call.actor.userId,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
    call.dossier.wrote({ type: 'care_referent', id, section: 'pathway', action: 'create' });
  } else {
    const removed = await deleteCareReferent(em, plan.personId);
    if (removed)
      call.dossier.wrote({ type: 'care_referent', id: removed, section: 'pathway', action: 'update' });
  }
}

export async function openPlan(input: In<'casePlans.open'>, call: DossierCall): Promise<CasePlan> {
  const { actor, dossier } = call;
  const { em, now } = dossier;
  const person = await loadPerson(em, input.personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  if (await planOfPerson(em, person.id)) throw invalid('personId', 'case_plan_exists');
  const site = await findSite(em, input.siteId ?? person.siteId);
  if (!site) throw invalid('siteId', 'unknown_site');
  const referentId = input.referentId ?? actor.userId;
  if (!(await mayReadPlans(em, referentId))) throw invalid('referentId', 'owner_cannot_read_plan');

  const at = now.toISOString();
  const today = siteToday(now, site.timezone ?? DEFAULT_TIME_ZONE);
  const plan: CasePlanRow = {
    id: randomUUID(),
    personId: person.id,
    siteId: site.id,
    status: 'open',
    closureReason: null,
    openedOn: today,
    closedOn: null,
    referentId,
    showReferent: input.showReferent,
    createdBy: actor.userId,
    ...stamp(null, at),
  };
  await insertPlan(em, plan);
  dossier.wrote({ type: 'case_plan', id: plan.id, action: 'create' });
  const siteRowId = randomUUID();
  await insertPlanSite(em, {
    id: siteRowId,
    planId: plan.id,
    personId: person.id,
    siteId: site.id,
    createdBy: actor.userId,
    ...stamp(null, at),
  });
  dossier.wrote({ type: 'case_plan_site', id: siteRowId, action: 'create' });
  await writeEvent(call, plan, null, 'open', null);
  const safety: SafetyPlanRow = {
    id: randomUUID(),
    planId: plan.id,
    personId: person.id,
    risks: '',
    safeContacts: [],
    safePlaces: [],
    codeWords: [],
    ifAggressorReturns: '',
    reviewedAt: null,
    reviewedBy: null,
    createdBy: actor.userId,
    ...stamp(null, at),
  };
  await saveSafetyPlanRow(em, safety);
  dossier.wrote({ type: 'safety_plan', id: safety.id, action: 'create' });
  await settlePointer(call, plan, today);
  return reply(call, plan);
}

export async function setStatus(input: In<'casePlans.setStatus'>, call: DossierCall): Promise<CasePlan> {
  const { em, now } = call.dossier;
  const plan = await planOf(em, input.personId, input.planId);
  if (plan.version !== input.version) throw conflict('case_plan');
  if (!statusChangeAllowed(plan.status, input.status)) throw invalid('status', 'status_change_not_allowed');
  const closing = input.status === 'closed';
  const reopening = isReopening(plan.status, input.status);
  if (closing && !input.closureReason) throw invalid('closureReason', 'closure_reason_required');
  // A reason is kept exactly as typed; one with nothing but spaces is no reason.
  const reason = hasText(input.reason) ? input.reason : null;
  if (reopening && reason === null) throw invalid('reason', 'reopen_reason_required');
  const { actions } = await loadPlanParts(em, plan);
  const open = actions.filter((a) => isOpenAction(a.status));
  if (closing && open.length > 0 && !input.cancelOpenActions)
    throw new DomainError('validation', 'open actions remain', 'cancelOpenActions', {
      issue: 'custom',
      reason: 'open_actions_remain',
      count: open.length,
    });

  const at = now.toISOString();
  const today = await todayAt(em, plan.siteId, now);
  if (closing)
    for (const a of open) {
      await saveActionRow(em, {
        ...a,
        status: 'cancelled',
        cancelReason: CASE_CLOSED_REASON,
        updatedAt: at,
        version: a.version + 1,
      });
      call.dossier.wrote({ type: 'plan_action', id: a.id, action: 'update' });
    }
  const updated: CasePlanRow = {
    ...plan,
    status: input.status,
    closureReason: closing ? input.closureReason : null,
    closedOn: closing ? today : null,
    updatedAt: at,
    version: plan.version + 1,
  };
  await savePlanRow(em, updated);
  call.dossier.wrote({ type: 'case_plan', id: plan.id, action: 'update' });
  await writeEvent(call, plan, plan.status, input.status, closing ? input.closureReason : reason);
  if (closing || reopening) await settlePointer(call, updated, today);
  return reply(call, updated);
}

export async function saveItem(input: In<'casePlans.saveItem'>, call: DossierCall): Promise<CasePlan> {
  const { em, now } = call.dossier;
  const plan = await planOf(em, input.personId, input.planId);
  requireNotClosed(plan);
  const { items } = await loadPlanParts(em, plan);
  const existing = input.id ? (items.find((i) => i.id === input.id) ?? null) : null;
  if (input.id && !existing) throw invalid('id', 'unknown_plan_item');
  if (existing ? existing.version !== input.version : input.version !== undefined)
    throw conflict('plan_item');
  const at = now.toISOString();
  const id = existing?.id ?? randomUUID();
  await saveItemRow(em, {
    id,
    planId: plan.id,
    personId: plan.personId,
    axis: input.axis,
    kind: input.kind,
    text: input.text,
    state: input.state,
    createdBy: existing?.createdBy ?? call.actor.userId,
    ...stamp(existing, at),
  });
  call.dossier.wrote({ type: 'plan_item', id, action: existing ? 'update' : 'create' });
  return reply(call, plan);
}

export async function saveAction(input: In<'casePlans.saveAction'>, call: DossierCall): Promise<CasePlan> {
  const plan = await planOf(call.dossier.em, input.personId, input.planId);
  return reply(call, await applyActionChange(call, plan, input));
}

/** An action to add (no `id`) or change (`id` + `version`), on a plan already found. */
export type ActionChange = Omit<In<'casePlans.saveAction'>, 'personId' | 'planId'>;

/**
 * The rules of an action and its write, shared by the plan tab and coordination meetings
 * (`sourceMeetingId`): owner required and able to read plans, not due in the past when created,
 * done and cancelled final, a closed plan takes no new action. The first action makes an assessed
 * plan active. Returns the plan as it stands after the change. The caller's transaction makes a
 * later refusal undo it.
 */
export async function applyActionChange(
  call: DossierCall,
  plan: CasePlanRow,
  input: ActionChange,
  sourceMeetingId: string | null = null,
): Promise<CasePlanRow> {
  const { em, now } = call.dossier;
  const { items, actions } = await loadPlanParts(em, plan);
  const existing = input.id ? (actions.find((a) => a.id === input.id) ?? null) : null;
  if (input.id && !existing) throw invalid('id', 'unknown_plan_action');
  // A closed plan takes no new action; its actions were settled when it closed.
  requireNotClosed(plan);
  if (existing ? existing.version !== input.version : input.version !== undefined)
    throw conflict('plan_action');
  if (input.ownerId === null) throw invalid('ownerId', 'action_owner_required');
  if (!(await mayReadPlans(em, input.ownerId))) throw invalid('ownerId', 'owner_cannot_read_plan');
  const today = await todayAt(em, plan.siteId, now);
  if (!existing && daysBetween(today, input.dueOn) < 0) throw invalid('dueOn', 'due_in_past');
  if (existing && !actionChangeAllowed(existing.status, input.status))
    throw invalid('status', 'action_final');
  if (!existing && !isOpenAction(input.status)) throw invalid('status', 'status_change_not_allowed');
  if (input.objectiveId && !items.some((i) => i.id === input.objectiveId && i.kind === 'objective'))
    throw invalid('objectiveId', 'unknown_plan_item');
  const cancelReason = hasText(input.cancelReason) ? input.cancelReason : null;
  if (input.status === 'cancelled' && cancelReason === null)
    throw invalid('cancelReason', 'cancel_reason_required');

  const at = now.toISOString();
  const id = existing?.id ?? randomUUID();
  await saveActionRow(em, {
    id,
    planId: plan.id,
    personId: plan.personId,
    axis: input.axis,
    objectiveId: input.objectiveId,
    title: input.title,
    ownerId: input.ownerId,
    siteId: existing?.siteId ?? plan.siteId,
    dueOn: input.dueOn,
    status: input.status,
    doneOn: input.status === 'done' ? (existing?.doneOn ?? today) : null,
    cancelReason: input.status === 'cancelled' ? cancelReason : null,
    linkedType: existing?.linkedType ?? null,
    linkedId: existing?.linkedId ?? null,
    sourceMeetingId: sourceMeetingId ?? existing?.sourceMeetingId ?? null,
    createdBy: existing?.createdBy ?? call.actor.userId,
    ...stamp(existing, at),
  });
  call.dossier.wrote({ type: 'plan_action', id, action: existing ? 'update' : 'create' });
  // The first action makes an assessed plan active, recorded as any other change.
  if (plan.status !== 'open') return plan;
  const current: CasePlanRow = { ...plan, status: 'active', updatedAt: at, version: plan.version + 1 };
  await savePlanRow(em, current);
  call.dossier.wrote({ type: 'case_plan', id: plan.id, action: 'update' });
  await writeEvent(call, plan, 'open', 'active', null);
  return current;
}

/** Records a review of the safety plan (who, when, whether it changed, during which visit). */
async function review(call: DossierCall, safety: SafetyPlanRow, changed: boolean): Promise<SafetyPlanRow> {
  const { em, now } = call.dossier;
  const at = now.toISOString();
  const id = randomUUID();
  await insertReview(em, {
    id,
    safetyPlanId: safety.id,
    personId: safety.personId,
    reviewedAt: at,
    reviewedBy: call.actor.userId,
    changed,
    visitId: await openVisitIdOf(em, safety.personId),
    createdBy: call.actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  });
  call.dossier.wrote({ type: 'safety_plan_review', id, action: 'create' });
  return { ...safety, reviewedAt: at, reviewedBy: call.actor.userId };
}

async function safetyPlanOf(em: EntityManager, plan: CasePlanRow): Promise<SafetyPlanRow> {
  const { safetyPlan } = await loadPlanParts(em, plan);
  // Created with the plan: a plan without one was imported half-way.
  if (!safetyPlan) throw invalid('planId', 'no_case_plan');
  return safetyPlan;
}

export async function saveSafetyPlan(
  input: In<'casePlans.saveSafetyPlan'>,
  call: DossierCall,
): Promise<CasePlan> {
  const { em, now } = call.dossier;
  const plan = await planOf(em, input.personId, input.planId);
  requireNotClosed(plan);
  const safety = await safetyPlanOf(em, plan);
  if (safety.version !== input.version) throw conflict('safety_plan');
  const changed: SafetyPlanRow = {
    ...safety,
    risks: input.risks,
    safeContacts: input.safeContacts,
    safePlaces: input.safePlaces,
    codeWords: input.codeWords,
    ifAggressorReturns: input.ifAggressorReturns,
    updatedAt: now.toISOString(),
    version: safety.version + 1,
  };
  // Saving the safety plan is a review with the person.
  await saveSafetyPlanRow(em, await review(call, changed, true));
  call.dossier.wrote({ type: 'safety_plan', id: safety.id, action: 'update' });
  return reply(call, plan);
}

export async function reviewSafetyPlan(
  input: In<'casePlans.reviewSafetyPlan'>,
  call: DossierCall,
): Promise<CasePlan> {
  const { em, now } = call.dossier;
  const plan = await planOf(em, input.personId, input.planId);
  requireNotClosed(plan);
  const safety = await safetyPlanOf(em, plan);
  const reviewed = await review(call, safety, false);
  await saveSafetyPlanRow(em, { ...reviewed, updatedAt: now.toISOString(), version: safety.version + 1 });
  call.dossier.wrote({ type: 'safety_plan', id: safety.id, action: 'update' });
  return reply(call, plan);
}

/**
 * The sites that follow the plan. The writer adds or removes only sites they work at (a site's
 * team decides for its own site); at least one remains (the contract). Removing the lead site
 * makes the first remaining site (in the order sent) the lead, and the pointer names it.
 */
export async function setSites(input: In<'casePlans.setSites'>, call: DossierCall): Promise<CasePlan> {
  const { actor, dossier } = call;
  const { em, now } = dossier;
  const plan = await planOf(em, input.personId, input.planId);
  if (plan.version !== input.version) throw conflict('case_plan');
  requireNotClosed(plan);
  const wanted = [...new Set(input.siteIds)];
  if (wanted.length !== input.siteIds.length) throw invalid('siteIds', 'values_repeated');
  for (const id of wanted) if (!(await findSite(em, id))) throw invalid('siteIds', 'unknown_site');
  const rows = await planSiteRows(em, plan.id);
  const current = new Set(rows.map((r) => r.siteId));
  const added = wanted.filter((id) => !current.has(id));
  const removed = rows.filter((r) => !wanted.includes(r.siteId));
  const own = new Set((await rolesAndSitesOf(em, [actor.userId])).sites.map((s) => s.siteId));
  if ([...added, ...removed.map((r) => r.siteId)].some((id) => !own.has(id)))
    throw invalid('siteIds', 'site_not_yours');
  if (added.length === 0 && removed.length === 0) return reply(call, plan);

  const at = now.toISOString();
  for (const row of removed) {
    await deletePlanSite(em, row.id);
    dossier.wrote({ type: 'case_plan_site', id: row.id, action: 'delete' });
  }
  for (const siteId of added) {
    const id = randomUUID();
    await insertPlanSite(em, {
      id,
      planId: plan.id,
      personId: plan.personId,
      siteId,
      createdBy: actor.userId,
      ...stamp(null, at),
    });
    dossier.wrote({ type: 'case_plan_site', id, action: 'create' });
  }
  const lead = wanted.includes(plan.siteId) ? plan.siteId : wanted[0];
  const updated: CasePlanRow = { ...plan, siteId: lead, updatedAt: at, version: plan.version + 1 };
  await savePlanRow(em, updated);
  dossier.wrote({ type: 'case_plan', id: plan.id, action: 'update' });
  if (lead !== plan.siteId) await settlePointer(call, updated, await todayAt(em, lead, now));
  return reply(call, updated);
}

/**
 * Whom to ask, and whether the pointer is shown: a referent who may write plans at one of the
 * plan's sites. The pointer (section `pathway`) is written again, or removed when hidden.
 */
export async function setReferent(input: In<'casePlans.setReferent'>, call: DossierCall): Promise<CasePlan> {
  const { em, now } = call.dossier;
  const plan = await planOf(em, input.personId, input.planId);
  if (plan.version !== input.version) throw conflict('case_plan');
  requireNotClosed(plan);
  const sites = (await planSiteRows(em, plan.id)).map((r) => r.siteId);
  if (!(await mayLeadPlan(em, input.referentId, sites)))
    throw invalid('referentId', 'referent_cannot_write_plan');
  if (plan.referentId === input.referentId && plan.showReferent === input.showReferent)
    return reply(call, plan);
  const updated: CasePlanRow = {
    ...plan,
    referentId: input.referentId,
    showReferent: input.showReferent,
    updatedAt: now.toISOString(),
    version: plan.version + 1,
  };
  await savePlanRow(em, updated);
  call.dossier.wrote({ type: 'case_plan', id: plan.id, action: 'update' });
  await settlePointer(call, updated, await todayAt(em, plan.siteId, now));
  return reply(call, updated);
}
