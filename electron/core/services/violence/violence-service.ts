/**
 * Violence incidents, their narratives and the 72-hour protocol (docs/violence-care.md, section 4).
 * Saving an incident decides its protocol in the same transaction (`protocolAtSave`, pure, in
 * shared/domain/violence.ts) and raises the open visit's priority; the fifth step's outcome closes
 * the protocol and settles the priority. A refused save writes nothing: every check runs before
 * the first write.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type {
  CertificateMeta,
  Incident,
  Narrative,
  ProtocolStep,
} from '../../../../shared/contract/violence';
import { daysBetween, siteToday } from '../../../../shared/domain/schedules';
import {
  hoursLeft,
  PROTOCOL_ITEMS,
  protocolAtSave,
  protocolComplete,
} from '../../../../shared/domain/violence';
import { localDate, localDayRange } from '../../../../shared/domain/zoned-time';
import type { Section } from '../../../../shared/domain/roles';
import type { Lookup } from '../../api/access';
import type { DossierCall } from '../../api/routes';
import { ownParts } from '../../dossier/section';
import { conflict, invalid } from '../../errors';
import { findSite, siteTimeZones } from '../centre/repository';
import { loadPerson } from '../persons/repository';
import { findUser } from '../users/repository';
import { staffNames } from '../users/staff-names';
import { checkInPriority } from '../visits/check-in-hooks';
import { findVisit, openVisitIdOf } from '../visits/repository';
import { linkShown, personOfLinked } from './links';
import { raiseViolencePriority, settleViolencePriority } from './priority';
import {
  certificateMetasOfPerson,
  findIncident,
  incidentsWithNarrative,
  insertIncidentRow,
  narrativeOf,
  saveIncidentRow,
  saveNarrativeRow,
  saveStepRow,
  stepsOfIncident,
  type CertificateMetaRow,
  type IncidentRow,
  type NarrativeRow,
  type ProtocolStepRow,
} from './repository';

const DEFAULT_TIME_ZONE = 'Europe/Paris';

const ITEM_ORDER = new Map(PROTOCOL_ITEMS.map((item, i) => [item, i]));

/** Every section readable: the export and the writes' own answers to a reader of everything. */
const ALL_SECTIONS = (): boolean => true;

export function toStep(
  s: ProtocolStepRow,
  names: ReadonlyMap<string, string>,
  canRead: (section: Section) => boolean = ALL_SECTIONS,
): ProtocolStep {
  const shown = linkShown(s.linkedType, canRead);
  return {
    id: s.id,
    incidentId: s.incidentId,
    personId: s.personId,
    item: s.item,
    outcome: s.outcome,
    doneAt: s.doneAt,
    doneBy: s.doneBy,
    doneByName: names.get(s.doneBy) ?? null,
    note: s.note,
    linkedType: shown ? s.linkedType : null,
    linkedId: shown ? s.linkedId : null,
    authorId: s.createdBy,
    version: s.version,
  };
}

export function toCertificateMeta(
  c: CertificateMetaRow,
  names: ReadonlyMap<string, string>,
): CertificateMeta {
  return {
    id: c.id,
    incidentId: c.incidentId,
    doctorId: c.doctorId,
    doctorName: names.get(c.doctorId) ?? null,
    examinedAt: c.examinedAt,
    issuedAt: c.issuedAt,
    replacesId: c.replacesId,
    authorId: c.createdBy,
    version: c.version,
  };
}

export function toIncident(
  row: IncidentRow,
  steps: readonly ProtocolStepRow[],
  hasNarrative: boolean,
  names: ReadonlyMap<string, string>,
  now: Date,
  canRead: (section: Section) => boolean = ALL_SECTIONS,
  certificates: readonly CertificateMetaRow[] = [],
): Incident {
  return {
    id: row.id,
    personId: row.personId,
    siteId: row.siteId,
    occurredOn: row.occurredOn,
    occurredAt: row.occurredAt,
    dateApproximate: row.dateApproximate,
    placeKind: row.placeKind,
    perpetrators: row.perpetrators,
    seedTypes: row.seedTypes,
    gbvimsType: row.gbvimsType,
    trafficking: row.trafficking,
    reported: row.reported,
    reportedOn: row.reportedOn,
    protocolStatus: row.protocolStatus,
    protocolDeadline: row.protocolDeadline,
    hoursLeft:
      row.protocolStatus === 'open' && row.protocolDeadline ? hoursLeft(row.protocolDeadline, now) : null,
    steps: [...steps]
      .sort((a, b) => (ITEM_ORDER.get(a.item) ?? 0) - (ITEM_ORDER.get(b.item) ?? 0))
      .map((s) => toStep(s, names, canRead)),
    hasNarrative,
    certificates: certificates.map((c) => toCertificateMeta(c, names)),
    authorId: row.createdBy,
    version: row.version,
  };
}

/** Incidents as the tab shows them: steps in the checklist's order, who did each, a narrative or not. */
export async function toIncidents(
  em: EntityManager,
  rows: ReadonlyArray<
    IncidentRow & { steps: readonly ProtocolStepRow[]; certificates: readonly CertificateMetaRow[] }
  >,
  now: Date,
  canRead: (section: Section) => boolean,
): Promise<Incident[]> {
  const names = await staffNames(em, [
    ...rows.flatMap((r) => r.steps.map((s) => s.doneBy)),
    ...rows.flatMap((r) => r.certificates.map((c) => c.doctorId)),
  ]);
  const narrated = await incidentsWithNarrative(
    em,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toIncident(r, r.steps, narrated.has(r.id), names, now, canRead, r.certificates));
}

/**
 * An incident's certificates for a write's answer: a writer let in on their own records only sees
 * the certificates they wrote, as in the tab.
 */
export async function certificatesForAnswer(
  em: EntityManager,
  incident: IncidentRow,
  ownOnly: boolean,
  readerId: string,
): Promise<CertificateMetaRow[]> {
  const all = (await certificateMetasOfPerson(em, incident.personId)).filter(
    (c) => c.incidentId === incident.id,
  );
  return ownOnly ? all.filter((c) => c.createdBy === readerId) : all;
}

/**
 * A write's answer as the writer may read it: a writer let in only as the incident's author (the
 * person withdrew `social_legal`) gets back their own steps, and learns of a narrative only if
 * they wrote it, and only the certificates they wrote — as `violence.forPerson` draws it for them.
 */
async function answer(
  { actor, dossier }: DossierCall,
  incident: IncidentRow,
  steps: readonly ProtocolStepRow[],
): Promise<Incident> {
  const { em, now, canRead } = dossier;
  const reader = { canRead, readerId: actor.userId };
  const shownSteps = ownParts(reader, 'violence', steps);
  const narrative = await narrativeOf(em, incident.id);
  const shownNarrative = narrative ? ownParts(reader, 'violence', [narrative]).length > 0 : false;
  const certificates = await certificatesForAnswer(em, incident, !canRead('violence'), actor.userId);
  return toIncident(
    incident,
    shownSteps,
    shownNarrative,
    await staffNames(em, [...shownSteps.map((s) => s.doneBy), ...certificates.map((c) => c.doctorId)]),
    now,
    canRead,
    certificates,
  );
}

/** The site's zone: the incident's date is a day there. */
async function zoneOf(em: EntityManager, siteId: string): Promise<string> {
  return (await siteTimeZones(em, [siteId])).get(siteId) ?? DEFAULT_TIME_ZONE;
}

/** The site an incident is recorded at: the one asked for, else today's visit's, else the person's. */
async function siteOfIncident(
  em: EntityManager,
  asked: string | undefined,
  personId: string,
  personSiteId: string,
): Promise<{ id: string; timeZone: string }> {
  let siteId = asked;
  if (!siteId) {
    const open = await openVisitIdOf(em, personId);
    siteId = (open ? (await findVisit(em, open))?.siteId : undefined) ?? personSiteId;
  }
  const site = await findSite(em, siteId);
  if (!site) throw invalid('siteId', 'unknown_site');
  return { id: site.id, timeZone: site.timezone ?? DEFAULT_TIME_ZONE };
}

/** The incident of this person, or a refusal naming the field that named it. */
export async function incidentOf(
  em: EntityManager,
  personId: string,
  incidentId: string,
  field: string,
): Promise<IncidentRow> {
  const incident = await findIncident(em, incidentId);
  if (!incident || incident.personId !== personId) throw invalid(field, 'unknown_incident');
  return incident;
}

/** Who wrote the incident a call touches (an author may read and correct their own); the caller for a new one. */
export async function authorOfIncident(
  input: { personId: string; id?: string; incidentId?: string },
  { em, actor }: Lookup,
): Promise<string | null> {
  const id = input.id ?? input.incidentId;
  if (!id) return actor.userId;
  const incident = await findIncident(em, id);
  return incident && incident.personId === input.personId ? incident.createdBy : null;
}

/**
 * Who wrote the narrative a call touches: its own writer once there is one (the incident's author
 * may not read or overwrite a narrative someone else wrote without the person's consent), else the
 * incident's author, as for the incident itself.
 */
export async function authorOfNarrative(
  input: { personId: string; incidentId: string },
  lookup: Lookup,
): Promise<string | null> {
  const narrative = await narrativeOf(lookup.em, input.incidentId);
  if (narrative && narrative.personId === input.personId) return narrative.createdBy;
  return authorOfIncident(input, lookup);
}

/** Every refusal of an incident's dates, before anything is written. */
function checkIncidentDates(input: In<'violence.saveIncident'>, timeZone: string, now: Date): void {
  const today = siteToday(now, timeZone);
  if (daysBetween(today, input.occurredOn) > 0) throw invalid('occurredOn', 'date_in_future');
  if (input.occurredAt) {
    if (Date.parse(input.occurredAt) > now.getTime()) throw invalid('occurredAt', 'date_in_future');
    if (localDate(new Date(input.occurredAt), timeZone) !== input.occurredOn)
      throw invalid('occurredAt', 'time_not_on_date');
  }
  if (input.reportedOn) {
    if (daysBetween(today, input.reportedOn) > 0) throw invalid('reportedOn', 'date_in_future');
    if (daysBetween(input.occurredOn, input.reportedOn) < 0) throw invalid('reportedOn', 'before_incident');
  }
}

/** What the other capabilities still ask of the visit's priority once the protocol no longer does. */
const otherPriorities = (em: EntityManager, personId: string, now: Date) =>
  checkInPriority(em, personId, 'normal', now);

export async function saveIncident(input: In<'violence.saveIncident'>, call: DossierCall): Promise<Incident> {
  const { actor, dossier } = call;
  const { em, now } = dossier;
  const person = await loadPerson(em, input.personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  const existing = input.id ? await incidentOf(em, person.id, input.id, 'id') : null;
  if (existing && existing.version !== input.version) throw conflict('violence_incident');
  const site = existing
    ? { id: existing.siteId, timeZone: await zoneOf(em, existing.siteId) }
    : await siteOfIncident(em, input.siteId, person.id, person.siteId);
  checkIncidentDates(input, site.timeZone, now);

  const at = now.toISOString();
  const whenChanged =
    !existing || existing.occurredOn !== input.occurredOn || existing.occurredAt !== input.occurredAt;
  // Decided once, when recorded; a corrected date or time decides it again unless it is closed.
  const protocol =
    existing && (!whenChanged || existing.protocolStatus === 'closed')
      ? { status: existing.protocolStatus, deadline: existing.protocolDeadline }
      : protocolAtSave(input, site.timeZone, now);
  const row: IncidentRow = {
    id: existing?.id ?? randomUUID(),
    personId: person.id,
    siteId: site.id,
    occurredOn: input.occurredOn,
    occurredAt: input.occurredAt,
    dateApproximate: input.dateApproximate,
    placeKind: input.placeKind,
    perpetrators: input.perpetrators,
    seedTypes: input.seedTypes,
    gbvimsType: input.gbvimsType,
    trafficking: input.trafficking,
    reported: input.reported,
    reportedOn: input.reportedOn,
    protocolStatus: protocol.status,
    protocolDeadline: protocol.deadline,
    createdBy: existing?.createdBy ?? actor.userId,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
  };
  if (existing) await saveIncidentRow(em, row);
  else await insertIncidentRow(em, row);
  dossier.wrote({ type: 'violence_incident', id: row.id, action: existing ? 'update' : 'create' });
  if (row.protocolStatus === 'open') await raiseViolencePriority(em, person.id, dossier);
  else await settleViolencePriority(em, person.id, dossier, otherPriorities);

  return answer(call, row, existing ? await stepsOfIncident(em, row.id) : []);
}

function toNarrative(row: NarrativeRow): Narrative {
  return {
    incidentId: row.incidentId,
    text: row.text,
    authorId: row.createdBy,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** The narrative of one incident (the route names it in the read's audit entry). */
export async function readNarrative(
  input: In<'violence.narrative'>,
  { dossier }: DossierCall,
): Promise<Narrative | null> {
  await incidentOf(dossier.em, input.personId, input.incidentId, 'incidentId');
  const row = await narrativeOf(dossier.em, input.incidentId);
  return row ? toNarrative(row) : null;
}

export async function saveNarrative(
  input: In<'violence.saveNarrative'>,
  { actor, dossier }: DossierCall,
): Promise<Narrative> {
  const { em, now } = dossier;
  const incident = await incidentOf(em, input.personId, input.incidentId, 'incidentId');
  const existing = await narrativeOf(em, incident.id);
  // Two writers may not overwrite each other's words: a correction names the version it read.
  if (existing ? existing.version !== input.version : input.version !== undefined)
    throw conflict('incident_narrative');
  const at = now.toISOString();
  const row: NarrativeRow = {
    id: existing?.id ?? randomUUID(),
    incidentId: incident.id,
    personId: incident.personId,
    text: input.text,
    createdBy: existing?.createdBy ?? actor.userId,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
  };
  await saveNarrativeRow(em, row);
  dossier.wrote({ type: 'incident_narrative', id: row.id, action: existing ? 'update' : 'create' });
  return toNarrative(row);
}

/** The first instant a step may be dated: the incident's time, else the start of its day at the site. */
function incidentStart(incident: IncidentRow, timeZone: string): number {
  if (incident.occurredAt) return Date.parse(incident.occurredAt);
  return localDayRange(incident.occurredOn, timeZone)[0].getTime();
}

export async function saveProtocolStep(
  input: In<'violence.saveProtocolStep'>,
  call: DossierCall,
): Promise<Incident> {
  const { actor, dossier } = call;
  const { em, now } = dossier;
  const incident = await incidentOf(em, input.personId, input.incidentId, 'incidentId');
  const timeZone = await zoneOf(em, incident.siteId);
  const doneAt = Date.parse(input.doneAt);
  if (doneAt > now.getTime()) throw invalid('doneAt', 'date_in_future');
  if (doneAt < incidentStart(incident, timeZone)) throw invalid('doneAt', 'before_incident');
  const doneBy = input.doneBy ?? actor.userId;
  const carer = await findUser(em, doneBy);
  if (!carer || !carer.active) throw invalid('doneBy', 'unknown_user');
  const steps = await stepsOfIncident(em, incident.id);
  const existing = steps.find((s) => s.item === input.item) ?? null;
  // One outcome per item: a correction names the version it corrects; never deleted.
  if (existing ? existing.version !== input.version : input.version !== undefined)
    throw conflict('protocol_step');
  // The link: left out keeps the recorded one; given, both parts name a record of this person.
  const linkedType = input.linkedType === undefined ? (existing?.linkedType ?? null) : input.linkedType;
  const linkedId = input.linkedId === undefined ? (existing?.linkedId ?? null) : input.linkedId;
  if ((linkedType === null) !== (linkedId === null)) throw invalid('linkedId', 'linked_record_mismatch');
  if (linkedType && linkedId && (await personOfLinked(em, linkedType, linkedId)) !== incident.personId)
    throw invalid('linkedId', 'linked_record_mismatch');

  const at = now.toISOString();
  const row: ProtocolStepRow = {
    id: existing?.id ?? randomUUID(),
    incidentId: incident.id,
    personId: incident.personId,
    item: input.item,
    outcome: input.outcome,
    doneAt: new Date(doneAt).toISOString(),
    doneBy,
    note: input.note,
    linkedType,
    linkedId,
    createdBy: existing?.createdBy ?? actor.userId,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
  };
  await saveStepRow(em, row);
  dossier.wrote({ type: 'protocol_step', id: row.id, action: existing ? 'update' : 'create' });
  const all = [...steps.filter((s) => s.id !== row.id), row];
  const updated = await closeProtocolIfComplete(incident, all, dossier);
  return answer(call, updated, all);
}

/**
 * The fifth item's outcome closes an open protocol and settles the visit's priority (same
 * transaction); answers the incident as it now is.
 */
export async function closeProtocolIfComplete(
  incident: IncidentRow,
  steps: readonly ProtocolStepRow[],
  dossier: DossierCall['dossier'],
): Promise<IncidentRow> {
  if (incident.protocolStatus !== 'open' || !protocolComplete(steps.map((s) => s.item))) return incident;
  const updated: IncidentRow = {
    ...incident,
    protocolStatus: 'closed',
    updatedAt: dossier.now.toISOString(),
    version: incident.version + 1,
  };
  await saveIncidentRow(dossier.em, updated);
  dossier.wrote({ type: 'violence_incident', id: updated.id, action: 'update' });
  await settleViolencePriority(dossier.em, incident.personId, dossier, otherPriorities);
  return updated;
}
