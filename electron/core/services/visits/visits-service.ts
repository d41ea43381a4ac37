/**
 * Visits and the reception board: a visit opens when the person arrives and moves through the
 * steps of the pathway; the board shows, for one site, who waits for whom and since when, with
 * priorities first.
 */
import { createHash, randomUUID } from 'node:crypto';
import { In as InIds, IsNull, type EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { BoardRow, Visit } from '../../../../shared/contract/visits';
import { CALLED_STEP, VISIT_PRIORITIES, type VisitStep } from '../../../../shared/domain/catalogues';
import type { Actor } from '../../access/gate';
import type { CoreContext } from '../../context';
import { conflict, invalid, notFound } from '../../errors';
import { AppointmentEntity } from '../appointments/entities';
import { SiteEntity } from '../centre/entities';
import { auditWrite, authorize, loadPerson, subjectOf } from '../persons/dossier-access';
import { PersonEntity } from '../persons/entities';
import { staffNames } from '../persons/persons-service';
import { VisitEntity, VisitStepEntity, type VisitRow } from './entities';

export function toVisit(row: VisitRow, names: ReadonlyMap<string, string>): Visit {
  return {
    id: row.id,
    personId: row.personId,
    siteId: row.siteId,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    origin: row.origin as Visit['origin'],
    appointmentId: row.appointmentId,
    step: row.step as VisitStep,
    stepSince: row.stepSince,
    withUserId: row.withUserId,
    withUserName: row.withUserId ? (names.get(row.withUserId) ?? null) : null,
    priority: row.priority as Visit['priority'],
    nextSteps: row.nextSteps as Visit['nextSteps'],
    requeued: row.requeued,
    version: row.version,
  };
}

async function recordStep(em: EntityManager, visit: VisitRow, actor: Actor): Promise<void> {
  await em.getRepository(VisitStepEntity).insert({
    id: randomUUID(),
    visitId: visit.id,
    step: visit.step,
    at: visit.stepSince,
    byUserId: actor.userId,
    withUserId: visit.withUserId,
  });
}

export async function checkIn(ctx: CoreContext, actor: Actor, input: In<'visits.checkIn'>): Promise<Visit> {
  return ctx.vault.requireStore().transaction(async (em) => {
    const now = ctx.clock();
    const person = await loadPerson(em, input.personId);
    authorize(actor, 'write', 'pathway', await subjectOf(em, actor, person.id, now));
    if (person.mergedInto) throw invalid('personId', 'person_merged');
    if (person.birthDate && person.birthDate > now.toISOString().slice(0, 10))
      throw invalid('personId', 'visit_before_birth');
    if (!(await em.getRepository(SiteEntity).existsBy({ id: input.siteId })))
      throw invalid('siteId', 'unknown_site');
    if (await em.getRepository(VisitEntity).existsBy({ personId: person.id, closedAt: IsNull() }))
      throw invalid('personId', 'visit_already_open');
    let origin: Visit['origin'] = 'walk_in';
    if (input.appointmentId) {
      const appointment = await em.getRepository(AppointmentEntity).findOneBy({ id: input.appointmentId });
      if (!appointment || appointment.personId !== person.id)
        throw invalid('appointmentId', 'unknown_appointment');
      await em
        .getRepository(AppointmentEntity)
        .update(
          { id: appointment.id },
          { status: 'arrived', updatedAt: now.toISOString(), version: appointment.version + 1 },
        );
      origin = 'appointment';
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
      priority: input.priority,
      nextSteps: [],
      requeued: 0,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await em.getRepository(VisitEntity).insert(row);
    await recordStep(em, row, actor);
    await auditWrite(em, actor, 'create', 'pathway', person.id, { type: 'visit', id: row.id }, now);
    return toVisit(row, new Map());
  });
}

const PRIORITY_RANK = Object.fromEntries(VISIT_PRIORITIES.map((p, i) => [p, i])) as Record<string, number>;

export async function board(
  ctx: CoreContext,
  actor: Actor,
  input: In<'visits.board'>,
): Promise<{ rows: BoardRow[]; revision: string }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    authorize(actor, 'read', 'pathway', { personId: '', consents: new Set() });
    const em = store.manager;
    const now = ctx.clock().getTime();
    const visits = await em
      .getRepository(VisitEntity)
      .find({ where: { siteId: input.siteId, closedAt: IsNull() }, order: { openedAt: 'ASC' } });
    const persons = new Map(
      (visits.length
        ? await em.getRepository(PersonEntity).findBy({ id: InIds(visits.map((v) => v.personId)) })
        : []
      ).map((p) => [p.id, p]),
    );
    const names = await staffNames(
      em,
      visits.map((v) => v.withUserId),
    );
    const rows = visits
      .map((v) => {
        const p = persons.get(v.personId);
        return {
          ...toVisit(v, names),
          fileNumber: p?.fileNumber ?? '',
          nameUsed: p?.nameUsed ?? '',
          pronouns: p?.pronouns ?? null,
          waitingMinutes: Math.max(0, Math.floor((now - Date.parse(v.stepSince)) / 60_000)),
        };
      })
      .sort(
        (a, b) =>
          (PRIORITY_RANK[a.priority] ?? 9) - (PRIORITY_RANK[b.priority] ?? 9) ||
          a.openedAt.localeCompare(b.openedAt),
      );
    const revision = createHash('sha256')
      .update(visits.map((v) => `${v.id}:${v.version}`).join(','))
      .digest('hex')
      .slice(0, 16);
    return { rows, revision };
  });
}

async function loadForChange(
  em: EntityManager,
  ctx: CoreContext,
  actor: Actor,
  visitId: string,
  version: number,
): Promise<VisitRow> {
  const visit = await em.getRepository(VisitEntity).findOneBy({ id: visitId });
  if (!visit) throw notFound('visit');
  authorize(actor, 'write', 'pathway', await subjectOf(em, actor, visit.personId, ctx.clock()));
  if (visit.version !== version) throw conflict('visit');
  if (visit.closedAt) throw invalid('visitId', 'visit_closed');
  return visit;
}

async function saveStep(
  em: EntityManager,
  ctx: CoreContext,
  actor: Actor,
  visit: VisitRow,
  changes: Partial<VisitRow>,
): Promise<Visit> {
  const now = ctx.clock().toISOString();
  const next: VisitRow = { ...visit, ...changes, updatedAt: now, version: visit.version + 1 };
  await em.getRepository(VisitEntity).save(next);
  if (changes.step) await recordStep(em, next, actor);
  await auditWrite(
    em,
    actor,
    'update',
    'pathway',
    visit.personId,
    { type: 'visit', id: visit.id },
    ctx.clock(),
  );
  return toVisit(next, await staffNames(em, [next.withUserId]));
}

export async function moveVisit(ctx: CoreContext, actor: Actor, input: In<'visits.move'>): Promise<Visit> {
  return ctx.vault.requireStore().transaction(async (em) => {
    const visit = await loadForChange(em, ctx, actor, input.visitId, input.version);
    const now = ctx.clock().toISOString();
    const step = input.step;
    const withSomeone = step === 'in_interview' || step.startsWith('with_');
    return saveStep(em, ctx, actor, visit, {
      step,
      stepSince: now,
      withUserId: withSomeone ? (input.withUserId ?? actor.userId) : null,
      closedAt: step === 'done' ? now : null,
    });
  });
}

/** Called in but not there: back to the queue they were in, keeping their place by arrival time. */
export async function requeueVisit(
  ctx: CoreContext,
  actor: Actor,
  input: In<'visits.requeue'>,
): Promise<Visit> {
  return ctx.vault.requireStore().transaction(async (em) => {
    const visit = await loadForChange(em, ctx, actor, input.visitId, input.version);
    const waiting = (Object.entries(CALLED_STEP) as Array<[VisitStep, VisitStep]>).find(
      ([, called]) => called === visit.step,
    )?.[0];
    if (!waiting) throw invalid('visitId', 'not_called');
    return saveStep(em, ctx, actor, visit, {
      step: waiting,
      stepSince: ctx.clock().toISOString(),
      withUserId: null,
      requeued: visit.requeued + 1,
    });
  });
}

export async function setPriority(
  ctx: CoreContext,
  actor: Actor,
  input: In<'visits.setPriority'>,
): Promise<Visit> {
  return ctx.vault.requireStore().transaction(async (em) => {
    const visit = await loadForChange(em, ctx, actor, input.visitId, input.version);
    return saveStep(em, ctx, actor, visit, { priority: input.priority });
  });
}
