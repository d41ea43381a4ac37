/**
 * Legal procedures (docs/violence-care.md, section 4): a procedure opened on a day (not in the
 * future), a complaint naming an incident of the same person, the lawyer from the directory
 * (category `lawyer`), stages moving forward by dated steps (`closed` with an outcome), and
 * hearings dated on or after the opening — the first one moves the procedure to `hearings` in the
 * same transaction. A refused save writes nothing: every check runs before the first write.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { Procedure } from '../../../../shared/contract/legal';
import { sectionAccess } from '../../../../shared/domain/access-policy';
import {
  hearingBeforeProcedure,
  incidentRequired,
  stageAfterHearing,
  stageMoveRefusal,
  type ProcedureStage,
} from '../../../../shared/domain/legal';
import { daysBetween, siteToday } from '../../../../shared/domain/schedules';
import { localDate } from '../../../../shared/domain/zoned-time';
import type { Lookup } from '../../api/access';
import type { DossierCall } from '../../api/routes';
import { conflict, invalid } from '../../errors';
import { findSite, siteTimeZones } from '../centre/repository';
import { entriesByIds, findEntry } from '../directory/repository';
import { loadPerson } from '../persons/repository';
import { findUser } from '../users/repository';
import { staffNames, staffRoles } from '../users/staff-names';
import { findIncident } from '../violence/repository';
import {
  findHearing,
  findProcedure,
  insertStepRow,
  proceduresOfPerson,
  saveHearingRow,
  saveProcedureRow,
  type ProcedureRow,
  type ProcedureWithParts,
} from './repository';

const DEFAULT_TIME_ZONE = 'Europe/Paris';

export async function toProcedure(em: EntityManager, p: ProcedureWithParts): Promise<Procedure> {
  const names = await staffNames(em, [p.followerId, ...p.steps.map((s) => s.createdBy)]);
  const lawyer = p.lawyerEntryId ? (await entriesByIds(em, [p.lawyerEntryId]))[0] : undefined;
  return {
    id: p.id,
    personId: p.personId,
    siteId: p.siteId,
    type: p.type,
    incidentId: p.incidentId,
    openedOn: p.openedOn,
    lawyerEntryId: p.lawyerEntryId,
    lawyerName: lawyer?.name ?? null,
    followerId: p.followerId,
    followerName: names.get(p.followerId) ?? null,
    stage: p.stage,
    court: p.court,
    caseReference: p.caseReference,
    outcome: p.outcome,
    closedOn: p.closedOn,
    steps: p.steps.map((s) => ({
      id: s.id,
      stage: s.stage,
      on: s.on,
      note: s.note,
      byName: s.createdBy ? (names.get(s.createdBy) ?? null) : null,
    })),
    hearings: p.hearings.map((h) => ({
      id: h.id,
      procedureId: h.procedureId,
      startsAt: h.startsAt,
      place: h.place,
      kind: h.kind,
      status: h.status,
      outcomeNote: h.outcomeNote,
      authorId: h.createdBy,
      version: h.version,
    })),
    authorId: p.createdBy,
    version: p.version,
  };
}

async function reply(em: EntityManager, procedure: ProcedureRow): Promise<Procedure> {
  const all = await proceduresOfPerson(em, procedure.personId);
  const found = all.find((p) => p.id === procedure.id);
  if (!found) throw new Error('the procedure just written is not found');
  return toProcedure(em, found);
}

/** Who opened the procedure a call touches (its author may keep working on it); the caller for a new one. */
export async function authorOfProcedure(
  input: { personId: string; id?: string; procedureId?: string },
  { em, actor }: Lookup,
): Promise<string | null> {
  const id = input.procedureId ?? input.id;
  if (!id) return actor.userId;
  const procedure = await findProcedure(em, id);
  return procedure && procedure.personId === input.personId ? procedure.createdBy : null;
}

/** The procedure of this person, or a refusal naming the field that named it. */
export async function procedureOf(
  em: EntityManager,
  personId: string,
  id: string,
  field: string,
): Promise<ProcedureRow> {
  const procedure = await findProcedure(em, id);
  if (!procedure || procedure.personId !== personId) throw invalid(field, 'unknown_procedure');
  return procedure;
}

async function zoneOf(em: EntityManager, siteId: string): Promise<string> {
  return (await siteTimeZones(em, [siteId])).get(siteId) ?? DEFAULT_TIME_ZONE;
}

/** A follower: an active staff member whose roles read `legal`. */
async function mayFollow(em: EntityManager, userId: string): Promise<boolean> {
  const user = await findUser(em, userId);
  if (!user || !user.active) return false;
  const roles = (await staffRoles(em, [userId])).get(userId) ?? [];
  return sectionAccess(roles, 'legal') !== 'none';
}

function stamp(
  existing: { createdAt: string; version: number } | null,
  at: string,
): { createdAt: string; updatedAt: string; version: number } {
  return { createdAt: existing?.createdAt ?? at, updatedAt: at, version: (existing?.version ?? 0) + 1 };
}

async function writeStep(
  call: DossierCall,
  procedure: ProcedureRow,
  stage: ProcedureStage,
  on: string,
  note: string | null,
): Promise<void> {
  const at = call.dossier.now.toISOString();
  const id = randomUUID();
  await insertStepRow(call.dossier.em, {
    id,
    procedureId: procedure.id,
    personId: procedure.personId,
    stage,
    on,
    note,
    createdBy: call.actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  });
  call.dossier.wrote({ type: 'legal_step', id, action: 'create' });
}

export async function saveProcedure(input: In<'legal.saveProcedure'>, call: DossierCall): Promise<Procedure> {
  const { actor, dossier } = call;
  const { em, now } = dossier;
  const person = await loadPerson(em, input.personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  const existing = input.id ? await procedureOf(em, person.id, input.id, 'id') : null;
  if (existing ? existing.version !== input.version : input.version !== undefined)
    throw conflict('legal_procedure');
  if (existing?.stage === 'closed') throw invalid('id', 'procedure_closed');
  const site = await findSite(em, existing?.siteId ?? input.siteId ?? person.siteId);
  if (!site) throw invalid('siteId', 'unknown_site');
  const today = siteToday(now, site.timezone ?? DEFAULT_TIME_ZONE);
  if (daysBetween(today, input.openedOn) > 0) throw invalid('openedOn', 'date_in_future');
  if (incidentRequired(input.type) && !input.incidentId) throw invalid('incidentId', 'incident_required');
  if (input.incidentId) {
    const incident = await findIncident(em, input.incidentId);
    if (!incident || incident.personId !== person.id) throw invalid('incidentId', 'unknown_incident');
  }
  if (input.lawyerEntryId) {
    const entry = await findEntry(em, input.lawyerEntryId);
    if (!entry || !entry.active) throw invalid('lawyerEntryId', 'unknown_entry');
    if (entry.category !== 'lawyer') throw invalid('lawyerEntryId', 'entry_category_mismatch');
  }
  const followerId = input.followerId ?? existing?.followerId ?? actor.userId;
  if (!(await mayFollow(em, followerId))) throw invalid('followerId', 'follower_cannot_read_legal');
  if (existing) {
    const earliest = await earliestRecordOn(em, existing);
    if (earliest !== null && input.openedOn > earliest) throw invalid('openedOn', 'before_procedure_opened');
  }

  const at = now.toISOString();
  const row: ProcedureRow = {
    id: existing?.id ?? randomUUID(),
    personId: person.id,
    siteId: site.id,
    type: input.type,
    incidentId: input.incidentId,
    openedOn: input.openedOn,
    lawyerEntryId: input.lawyerEntryId,
    followerId,
    stage: existing?.stage ?? 'documents_gathered',
    court: input.court,
    caseReference: input.caseReference,
    outcome: existing?.outcome ?? null,
    closedOn: existing?.closedOn ?? null,
    createdBy: existing?.createdBy ?? actor.userId,
    ...stamp(existing, at),
  };
  await saveProcedureRow(em, row);
  dossier.wrote({ type: 'legal_procedure', id: row.id, action: existing ? 'update' : 'create' });
  return reply(em, row);
}

/**
 * The earliest day a step or hearing of the procedure is recorded on (hearings in the site's
 * calendar): a correction may not move the opening after it.
 */
async function earliestRecordOn(em: EntityManager, procedure: ProcedureRow): Promise<string | null> {
  const [parts] = (await proceduresOfPerson(em, procedure.personId)).filter((p) => p.id === procedure.id);
  if (!parts) return null;
  const zone = await zoneOf(em, procedure.siteId);
  const days = [
    ...parts.steps.map((s) => s.on),
    ...parts.hearings.map((h) => localDate(new Date(h.startsAt), zone)),
  ].sort();
  return days[0] ?? null;
}

export async function addStep(input: In<'legal.addStep'>, call: DossierCall): Promise<Procedure> {
  const { em, now } = call.dossier;
  const procedure = await procedureOf(em, input.personId, input.procedureId, 'procedureId');
  if (procedure.version !== input.version) throw conflict('legal_procedure');
  const refusal = stageMoveRefusal(procedure.stage, input.stage);
  if (refusal === 'procedure_closed') throw invalid('procedureId', 'procedure_closed');
  if (refusal === 'stage_backwards') throw invalid('stage', 'stage_backwards');
  if (input.on < procedure.openedOn) throw invalid('on', 'before_procedure_opened');
  const today = siteToday(now, await zoneOf(em, procedure.siteId));
  if (daysBetween(today, input.on) > 0) throw invalid('on', 'date_in_future');
  const closing = input.stage === 'closed';
  if (closing && !input.outcome) throw invalid('outcome', 'outcome_required');

  const at = now.toISOString();
  const updated: ProcedureRow = {
    ...procedure,
    stage: input.stage,
    outcome: closing ? input.outcome : procedure.outcome,
    closedOn: closing ? input.on : null,
    updatedAt: at,
    version: procedure.version + 1,
  };
  await saveProcedureRow(em, updated);
  call.dossier.wrote({ type: 'legal_procedure', id: procedure.id, action: 'update' });
  await writeStep(call, procedure, input.stage, input.on, input.note);
  return reply(em, updated);
}

export async function saveHearing(input: In<'legal.saveHearing'>, call: DossierCall): Promise<Procedure> {
  const { em, now } = call.dossier;
  const procedure = await procedureOf(em, input.personId, input.procedureId, 'procedureId');
  if (procedure.stage === 'closed') throw invalid('procedureId', 'procedure_closed');
  const existing = input.id ? await findHearing(em, input.id) : null;
  if (input.id && (!existing || existing.procedureId !== procedure.id))
    throw invalid('id', 'unknown_hearing');
  if (existing ? existing.version !== input.version : input.version !== undefined) throw conflict('hearing');
  const zone = await zoneOf(em, procedure.siteId);
  if (hearingBeforeProcedure(procedure.openedOn, localDate(new Date(input.startsAt), zone)))
    throw invalid('startsAt', 'hearing_before_procedure');

  const at = now.toISOString();
  const id = existing?.id ?? randomUUID();
  await saveHearingRow(em, {
    id,
    procedureId: procedure.id,
    personId: procedure.personId,
    siteId: procedure.siteId,
    startsAt: new Date(input.startsAt).toISOString(),
    place: input.place,
    kind: input.kind,
    status: input.status,
    outcomeNote: input.outcomeNote,
    createdBy: existing?.createdBy ?? call.actor.userId,
    ...stamp(existing, at),
  });
  call.dossier.wrote({ type: 'hearing', id, action: existing ? 'update' : 'create' });
  let current = procedure;
  // The first hearing moves a procedure still before the hearings to `hearings`, as a step.
  const next = stageAfterHearing(procedure.stage);
  if (!existing && next !== procedure.stage) {
    current = { ...procedure, stage: next, updatedAt: at, version: procedure.version + 1 };
    await saveProcedureRow(em, current);
    call.dossier.wrote({ type: 'legal_procedure', id: procedure.id, action: 'update' });
    await writeStep(call, procedure, next, siteToday(now, zone), null);
  }
  return reply(em, current);
}
