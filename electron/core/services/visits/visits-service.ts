/**
 * Visits and the reception board: a visit opens when the person arrives and moves through the
 * steps of the pathway; the board shows, for one site, who waits for whom and since when, with
 * priorities first.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { BoardRow, Visit } from '../../../../shared/contract/visits';
import {
  CALLED_STEP,
  PEP_WINDOW_HOURS,
  PRIORITY_SECTION,
  VISIT_PRIORITIES,
  VISIT_STEPS,
  type VisitPriority,
  type VisitPriorityView,
  type VisitStep,
} from '../../../../shared/domain/catalogues';
import type { Section } from '../../../../shared/domain/roles';
import type { Actor } from '../../access/gate';
import type { CoreContext } from '../../context';
import { conflict, invalid, notFound } from '../../errors';
import { markArrived } from '../appointments/repository';
import { appointmentArrived, appointmentReleased } from '../appointments/arrival-hooks';
import { checkInPriority } from './check-in-hooks';
import { noShowsOfPerson } from '../appointments/no-show';
import { siteExists } from '../centre/repository';
import { loadPerson } from '../persons/repository';
import { givenScopesOf } from '../persons/consents';
import type { DossierCall } from '../../api/routes';
import { appendEvents, type DossierScope, type Lookup } from '../../api/access';
import { readableBy } from '../../dossier/reader';
import type { ConsentScope } from '../../../../shared/domain/roles';
import { personsByIds } from '../persons/repository';
import { lastRisksOf } from '../interviews/repository';
import { protocolDeadlinesOf } from '../violence/repository';
import { staffNames } from '../users/staff-names';
import { requireOwnSite } from '../users/worklist-sites';
import {
  findVisit,
  hasOpenVisit,
  insertStep,
  insertVisit,
  openVisitsAt,
  requireVisit,
  saveVisit,
  stepsOf,
  type VisitRow,
} from './repository';

export function toVisit(row: VisitRow, names: ReadonlyMap<string, string>): Visit {
  return {
    id: row.id,
    personId: row.personId,
    siteId: row.siteId,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    origin: row.origin,
    appointmentId: row.appointmentId,
    step: row.step,
    stepSince: row.stepSince,
    withUserId: row.withUserId,
    withUserName: row.withUserId ? (names.get(row.withUserId) ?? null) : null,
    priority: row.priority,
    nextSteps: row.nextSteps,
    requeued: row.requeued,
    version: row.version,
  };
}

/**
 * What a reader who may not read the section of a priority's reason sees instead
 * (docs/access-matrix.md, "Priorities on the board"). A PEP is the team's instruction to let the
 * person through within 72 h, set by the desk or the interviewer: shown as a plain "priority". A
 * positive to treat is raised by the tests section's records alone, whatever the desk chose: for
 * a reader of no test it is an ordinary visit, since "a priority" would tell them a test fact.
 */
const HIDDEN_REASON_SHOWN_AS: Record<Exclude<VisitPriority, 'normal'>, VisitPriorityView> = {
  pep_72h: 'priority',
  // A survivor within 72 h must be let through; reception sees "priority", never why (violence).
  violence_72h: 'priority',
  urgent: 'priority',
  positive_to_treat: 'normal',
};

/**
 * A visit as this reader may see it: the reason of a priority (PEP, a result to treat) and the
 * needs ticked at the interview follow the access of the section they come from.
 */
export function visitFor(visit: Visit, canRead: (section: Section) => boolean): Visit {
  return {
    ...visit,
    priority: priorityFor(visit.priority, canRead),
    nextSteps: canRead('interview') ? visit.nextSteps : [],
  };
}

/**
 * The sections, beyond the pathway, whose facts these visits show as drawn for a reader: the
 * section of each priority reason shown (`pep_72h` → interview, `positive_to_treat` → tests), and
 * the interview for a PEP deadline or the needs ticked. Each is audited as a read of that section.
 */
export function sectionsShown(
  visits: ReadonlyArray<{
    priority?: string;
    nextSteps?: readonly unknown[];
    priorityDeadline?: string | null;
  }>,
): Section[] {
  const sections = new Set<Section>();
  for (const v of visits) {
    const reason = PRIORITY_SECTION[v.priority as VisitPriority] ?? null;
    if (reason) sections.add(reason);
    // A PEP deadline is the interview's exposure; a violence deadline is the violence section's (the reason's).
    if ((v.priorityDeadline && v.priority === 'pep_72h') || v.nextSteps?.length) sections.add('interview');
  }
  return [...sections];
}

/** A dossier call that answers visits: the sections their reasons and needs show, audited as read. */
export async function auditSectionsShown(
  actor: Actor,
  dossier: Pick<DossierScope, 'em' | 'now' | 'person'>,
  visits: readonly Visit[],
): Promise<void> {
  const personId = dossier.person?.id ?? visits[0]?.personId ?? null;
  await appendEvents(
    dossier.em,
    sectionsShown(visits).map((section) => ({
      actorId: actor.userId,
      action: 'read' as const,
      section,
      personId,
      detail: { part: 'visit' },
    })),
    dossier.now,
  );
}

function priorityFor(priority: VisitPriorityView, canRead: (section: Section) => boolean): VisitPriorityView {
  if (priority === 'priority' || priority === 'normal') return priority;
  if (priority === 'urgent') return 'priority';
  const section = PRIORITY_SECTION[priority];
  return section && !canRead(section) ? HIDDEN_REASON_SHOWN_AS[priority] : priority;
}

async function recordStep(
  em: EntityManager,
  visit: VisitRow,
  actor: Actor,
  at: string = visit.stepSince,
): Promise<void> {
  await insertStep(em, {
    id: randomUUID(),
    visitId: visit.id,
    step: visit.step,
    at,
    byUserId: actor.userId,
    withUserId: visit.withUserId,
  });
}

export async function checkIn(input: In<'visits.checkIn'>, { actor, dossier }: DossierCall): Promise<Visit> {
  const { em, now } = dossier;
  const person = await loadPerson(em, input.personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  if (person.birthDate && person.birthDate > now.toISOString().slice(0, 10))
    throw invalid('personId', 'visit_before_birth');
  if (!(await siteExists(em, input.siteId))) throw invalid('siteId', 'unknown_site');
  if (await hasOpenVisit(em, person.id)) throw invalid('personId', 'visit_already_open');
  let origin: Visit['origin'] = 'walk_in';
  if (input.appointmentId) {
    // The appointments capability owns the change; it refuses an appointment of someone else.
    const arrived = await markArrived(em, input.appointmentId, person.id, now);
    if (!arrived) throw invalid('appointmentId', 'unknown_appointment');
    // A side effect on another record is audited as its own change.
    dossier.wrote({ type: 'appointment', id: arrived.id });
    // What other capabilities do on an arrival (a waiting-list entry becomes seen).
    await appointmentArrived({ ...arrived, personId: person.id }, dossier);
    origin = 'appointment';
  }
  // The person's appointments of past days never honoured are now absent: a check-in is when the
  // desk looks at them. Each is its own audited change.
  for (const absent of await noShowsOfPerson(em, person.id, now)) {
    dossier.wrote({ type: 'appointment', id: absent.id });
    // What other capabilities do when an appointment is released (a waiting-list entry waits again).
    await appointmentReleased({ ...absent, personId: person.id, status: 'no_show' }, dossier);
  }
  const at = now.toISOString();
  const row: VisitRow = {
    id: randomUUID(),
    personId: person.id,
    siteId: input.siteId,
    openedAt: at,
    closedAt: null,
    origin,
    appointmentId: input.appointmentId ?? null,
    step: input.step,
    stepSince: at,
    withUserId: null,
    // The desk's choice, raised by what other capabilities know (a positive still to treat).
    priority: await checkInPriority(em, person.id, input.priority, now),
    nextSteps: [],
    requeued: 0,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await insertVisit(em, row);
  await recordStep(em, row, actor);
  dossier.wrote({ type: 'visit', id: row.id, action: 'create' });
  const shown = visitFor(toVisit(row, new Map()), dossier.canRead);
  await auditSectionsShown(actor, dossier, [shown]);
  return shown;
}

/** The PEP must start within 72 h of the exposure. */
function pepDeadline(lastRiskAt: string | undefined): string | null {
  return lastRiskAt ? new Date(Date.parse(lastRiskAt) + PEP_WINDOW_HOURS * 3600_000).toISOString() : null;
}

const PRIORITY_RANK = Object.fromEntries(VISIT_PRIORITIES.map((p, i) => [p, i])) as Record<string, number>;

export async function board(
  ctx: CoreContext,
  actor: Actor,
  input: In<'visits.board'>,
): Promise<{ rows: BoardRow[]; revision: string }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const now = ctx.clock().getTime();
    const visits = await openVisitsAt(em, await requireOwnSite(em, actor, input.siteId));
    const persons = new Map(
      (
        await personsByIds(
          em,
          visits.map((v) => v.personId),
        )
      ).map((p) => [p.id, p]),
    );
    const names = await staffNames(
      em,
      visits.map((v) => v.withUserId),
    );
    const consents = await givenScopesOf(
      em,
      visits.map((v) => v.personId),
    );
    // The exposure behind a PEP priority: read only for those visits, shown only where the reader
    // sees the reason (the interview section), as the deadline the PEP must start by.
    const lastRisks = await lastRisksOf(
      em,
      visits.filter((v) => v.priority === 'pep_72h').map((v) => v.personId),
    );
    // The deadline of an open 72-hour protocol: shown only where the reader sees the reason (violence).
    const protocolDeadlines = await protocolDeadlinesOf(
      em,
      visits.filter((v) => v.priority === 'violence_72h').map((v) => v.personId),
      new Date(now),
    );
    // Shaped for this reader, then ordered by priority as shown and arrival: a visit shown to this
    // reader as ordinary does not move up their board either.
    // Every priority shown without its reason ranks alike (by arrival among them): ranking them by
    // their real reason would let the order tell a PEP, a recent assault and the desk's own apart.
    const rank = (shown: VisitPriorityView) => (shown === 'priority' ? 0 : (PRIORITY_RANK[shown] ?? 9));
    const rows = visits
      .map((v) => {
        const p = persons.get(v.personId);
        const subject = {
          personId: v.personId,
          consents: consents.get(v.personId) ?? new Set<ConsentScope>(),
        };
        const visit = visitFor(toVisit(v, names), readableBy(actor, subject));
        return {
          ...visit,
          fileNumber: p?.fileNumber ?? '',
          nameUsed: p?.nameUsed ?? '',
          pronouns: p?.pronouns ?? null,
          waitingMinutes: Math.max(0, Math.floor((now - Date.parse(v.stepSince)) / 60_000)),
          priorityDeadline:
            visit.priority === 'pep_72h'
              ? pepDeadline(lastRisks.get(v.personId))
              : visit.priority === 'violence_72h'
                ? (protocolDeadlines.get(v.personId) ?? null)
                : null,
        };
      })
      .sort((a, b) => rank(a.priority) - rank(b.priority) || a.openedAt.localeCompare(b.openedAt));
    const revision = createHash('sha256')
      .update(visits.map((v) => `${v.id}:${v.version}`).join(','))
      .digest('hex')
      .slice(0, 16);
    return { rows, revision };
  });
}

/**
 * The board as counts (coordination): per step, how many and the longest wait; no person. The
 * priorities are counted as this reader's board would show them: a positive to treat, a fact of
 * the tests section the coordinator may not read, is not counted as a priority.
 */
export async function boardSummary(
  ctx: CoreContext,
  actor: Actor,
  input: In<'visits.summary'>,
): Promise<{
  steps: { step: VisitStep; count: number; longestWaitMinutes: number }[];
  priorities: number;
}> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const visits = await openVisitsAt(
      store.manager,
      await requireOwnSite(store.manager, actor, input.siteId),
    );
    const now = ctx.clock().getTime();
    const steps = VISIT_STEPS.filter((s) => s !== 'done').map((step) => {
      const here = visits.filter((v) => v.step === step);
      const longest = Math.max(0, ...here.map((v) => now - Date.parse(v.stepSince)));
      return { step, count: here.length, longestWaitMinutes: Math.floor(longest / 60_000) };
    });
    const consents = await givenScopesOf(
      store.manager,
      visits.map((v) => v.personId),
    );
    const shown = visits.map((v) =>
      priorityFor(
        v.priority,
        readableBy(actor, { personId: v.personId, consents: consents.get(v.personId) ?? new Set() }),
      ),
    );
    return { steps, priorities: shown.filter((p) => p !== 'normal').length };
  });
}

/** The person a visit belongs to: how the gate finds the dossier a visit change touches. */
export async function personOfVisit(input: { visitId: string }, { em }: Lookup): Promise<string> {
  const visit = await findVisit(em, input.visitId);
  if (!visit) throw notFound('visit');
  return visit.personId;
}

async function loadForChange(em: EntityManager, visitId: string, version: number): Promise<VisitRow> {
  const visit = await requireVisit(em, visitId);
  if (visit.version !== version) throw conflict('visit');
  if (visit.closedAt) throw invalid('visitId', 'visit_closed');
  return visit;
}

async function saveStep(
  { actor, dossier }: DossierCall,
  visit: VisitRow,
  changes: Partial<VisitRow>,
  /** When the history records the change (defaults to the new `stepSince`). */
  recordedAt?: string,
): Promise<Visit> {
  const { em } = dossier;
  const next: VisitRow = {
    ...visit,
    ...changes,
    updatedAt: dossier.now.toISOString(),
    version: visit.version + 1,
  };
  await saveVisit(em, next);
  if (changes.step) await recordStep(em, next, actor, recordedAt);
  dossier.wrote({ type: 'visit', id: visit.id });
  const shown = visitFor(toVisit(next, await staffNames(em, [next.withUserId])), dossier.canRead);
  await auditSectionsShown(actor, dossier, [shown]);
  return shown;
}

export async function moveVisit(input: In<'visits.move'>, call: DossierCall): Promise<Visit> {
  const { em, now: clock } = call.dossier;
  const visit = await loadForChange(em, input.visitId, input.version);
  const now = clock.toISOString();
  const step = input.step;
  const withSomeone = step === 'in_interview' || step.startsWith('with_');
  return saveStep(call, visit, {
    step,
    stepSince: now,
    withUserId: withSomeone ? (input.withUserId ?? call.actor.userId) : null,
    closedAt: step === 'done' ? now : null,
  });
}

/** Called in but not there: back to the queue they were in, keeping their place by arrival time. */
export async function requeueVisit(input: In<'visits.requeue'>, call: DossierCall): Promise<Visit> {
  const visit = await loadForChange(call.dossier.em, input.visitId, input.version);
  const waiting = (Object.entries(CALLED_STEP) as Array<[VisitStep, VisitStep]>).find(
    ([, called]) => called === visit.step,
  )?.[0];
  if (!waiting) throw invalid('visitId', 'not_called');
  return saveStep(call, visit, {
    step: waiting,
    stepSince: call.dossier.now.toISOString(),
    withUserId: null,
    requeued: visit.requeued + 1,
  });
}

/**
 * An interview (or a consultation) started by mistake or abandoned: the visit goes back to the
 * waiting step it was called from, as if the call never happened — the waiting time counts from
 * when the person started waiting, the place by arrival is kept, and it is not counted as a
 * "called but absent" requeue. Only a call made from that waiting step can be undone.
 */
export async function cancelStep(input: In<'visits.cancelStep'>, call: DossierCall): Promise<Visit> {
  const { em, now } = call.dossier;
  const visit = await loadForChange(em, input.visitId, input.version);
  const waiting = (Object.entries(CALLED_STEP) as Array<[VisitStep, VisitStep]>).find(
    ([, called]) => called === visit.step,
  )?.[0];
  if (!waiting) throw invalid('visitId', 'not_called');
  // The step before the current one (rows recorded at the same instant: the one that differs).
  const before = (await stepsOf(em, visit.id))
    .filter((s) => s.at <= visit.stepSince && s.step !== visit.step)
    .at(-1);
  if (before?.step !== waiting) throw invalid('visitId', 'not_called');
  return saveStep(
    call,
    visit,
    { step: waiting, stepSince: before.at, withUserId: null },
    // The history records when the call was undone; the visit keeps its waiting time.
    now.toISOString(),
  );
}

export async function setPriority(input: In<'visits.setPriority'>, call: DossierCall): Promise<Visit> {
  const visit = await loadForChange(call.dossier.em, input.visitId, input.version);
  // The same floor as at check-in: a desk that may not see the reason cannot lower a positive
  // still to treat back to normal; the capability that raised it lowers it when its reason is gone.
  const priority = await checkInPriority(call.dossier.em, visit.personId, input.priority, call.dossier.now);
  return saveStep(call, visit, { priority });
}
