/**
 * Consultations: the doctor's (kind `gp`, section `medical`) records the notes, the coded
 * diagnoses, the tests ordered (they become `ordered` samples through the screenings capability)
 * and the prescription; ending it moves the visit to the next step in the same transaction. A
 * specialist's consultation (kind = the specialty code, section `specialist`) holds the notes only.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type {
  Consultation,
  OrderedTest,
  Prescription,
  SpecialistConsultation,
} from '../../../../shared/contract/consultations';
import { siteToday } from '../../../../shared/domain/schedules';
import type { Lookup } from '../../api/access';
import type { DossierCall } from '../../api/routes';
import { conflict, invalid, notFound } from '../../errors';
import { findSite } from '../centre/repository';
import { currentCatalogue } from '../clinical-catalogues/repository';
import { loadPerson, type PersonRow } from '../persons/repository';
import { findEpisode, prepLinkRefusal } from '../prep/repository';
import { SPECIALIST_CONSULTATION_SAVED_HOOKS } from './specialist-hooks';
import { orderSamples } from '../screenings/repository';
import { staffNames } from '../users/staff-names';
import { findVisit, insertStep, updateVisitRow, type VisitRow } from '../visits/repository';
import {
  GP,
  diagnosesOf,
  findConsultation,
  prescriptionOfConsultation,
  prescriptionsOfConsultations,
  replaceDiagnoses,
  saveConsultationRow,
  savePrescriptionRow,
  type ConsultationDiagnosisRow,
  type ConsultationRow,
  type PrescriptionRow,
} from './repository';

/** Clocks of two machines differ a little: a few minutes ahead is not "in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

type Names = ReadonlyMap<string, string>;

export function toPrescription(row: PrescriptionRow, names: Names): Prescription {
  return {
    id: row.id,
    personId: row.personId,
    consultationId: row.consultationId,
    prepEpisodeId: row.prepEpisodeId,
    prescriberId: row.prescriberId,
    prescriberName: names.get(row.prescriberId) ?? null,
    issuedOn: row.issuedOn,
    lines: row.lines,
    renewals: row.renewals,
    version: row.version,
  };
}

export function toSpecialistConsultation(row: ConsultationRow, names: Names): SpecialistConsultation {
  return {
    id: row.id,
    personId: row.personId,
    visitId: row.visitId,
    siteId: row.siteId,
    kind: row.kind,
    heldAt: row.heldAt,
    reason: row.reason,
    history: row.history,
    examination: row.examination,
    conclusion: row.conclusion,
    endedAt: row.endedAt,
    authorId: row.createdBy,
    authorName: row.createdBy ? (names.get(row.createdBy) ?? null) : null,
    version: row.version,
  };
}

export function toConsultation(
  row: ConsultationRow,
  diagnoses: readonly ConsultationDiagnosisRow[],
  prescription: PrescriptionRow | null,
  names: Names,
): Consultation {
  return {
    ...toSpecialistConsultation(row, names),
    diagnoses: diagnoses.map((d) => d.code),
    prescription: prescription ? toPrescription(prescription, names) : null,
  };
}

/** The GP consultations as the tab shows them: each with its diagnoses and prescription. */
export async function consultationViews(
  em: EntityManager,
  rows: readonly ConsultationRow[],
): Promise<Consultation[]> {
  const diagnoses = await diagnosesOf(
    em,
    rows.map((r) => r.id),
  );
  const prescriptions = await prescriptionsOfConsultations(
    em,
    rows.map((r) => r.id),
  );
  const names = await staffNames(em, [
    ...rows.map((r) => r.createdBy),
    ...[...prescriptions.values()].map((p) => p.prescriberId),
  ]);
  return rows.map((r) =>
    toConsultation(r, diagnoses.get(r.id) ?? [], prescriptions.get(r.id) ?? null, names),
  );
}

type NotesInput = Pick<In<'consultations.save'>, 'personId' | 'visitId' | 'heldAt'>;

/** The rules every consultation's notes follow; returns the visit it belongs to, if any. */
async function checkNotes(
  em: EntityManager,
  input: NotesInput,
  now: Date,
  person: PersonRow,
): Promise<VisitRow | null> {
  if (Date.parse(input.heldAt) > now.getTime() + FUTURE_TOLERANCE_MS)
    throw invalid('heldAt', 'date_in_future');
  if (person.birthDate && input.heldAt.slice(0, 10) < person.birthDate)
    throw invalid('heldAt', 'before_birth');
  if (!input.visitId) return null;
  const visit = await findVisit(em, input.visitId);
  if (!visit || visit.personId !== input.personId) throw invalid('visitId', 'unknown_visit');
  return visit;
}

async function existingOf(
  em: EntityManager,
  id: string | undefined,
  personId: string,
  version: number | undefined,
  gp: boolean,
): Promise<ConsultationRow | null> {
  if (!id) return null;
  const existing = await findConsultation(em, id);
  // A GP consultation is never edited through the specialist channel, nor the other way round.
  if (!existing || (existing.kind === GP) !== gp) throw notFound('consultation');
  if (existing.personId !== personId) throw invalid('personId', 'consultation_of_another_person');
  if (existing.version !== version) throw conflict('consultation');
  return existing;
}

/**
 * Who wrote the consultation a save touches: the caller for a new one; its author for an edit
 * (an author may re-read and edit their own notes).
 */
export async function authorOfConsultation(
  input: { id?: string | undefined },
  { em, actor }: Lookup,
): Promise<string | null> {
  if (!input.id) return actor.userId;
  const existing = await findConsultation(em, input.id);
  return existing ? existing.createdBy : actor.userId;
}

/** Diagnoses: codes of the catalogue still offered, or already on this consultation. */
async function checkDiagnoses(
  em: EntityManager,
  codes: readonly string[],
  kept: ReadonlySet<string>,
): Promise<string[]> {
  const catalogue = await currentCatalogue(em, 'diagnoses');
  const offered = new Set(catalogue.filter((d) => d.active !== false).map((d) => d.code));
  codes.forEach((code, i) => {
    if (!offered.has(code) && !kept.has(code)) throw invalid(`diagnoses.${i}`, 'unknown_diagnosis');
    // Refused, not merged: a code given twice is a slip the doctor should see (another code meant?).
    if (codes.indexOf(code) !== i) throw invalid(`diagnoses.${i}`, 'diagnosis_twice');
  });
  return [...codes];
}

/** Tests ordered: offered by the catalogue, one anatomical site each where the test has sites. */
async function checkOrderedTests(em: EntityManager, tests: readonly OrderedTest[]): Promise<OrderedTest[]> {
  const catalogue = await currentCatalogue(em, 'tests');
  const seen = new Set<string>();
  tests.forEach((test, i) => {
    const def = catalogue[test.testCode];
    if (!def || def.active === false) throw invalid(`orderTests.${i}.testCode`, 'unknown_test_code');
    const site = test.anatomicalSite ?? null;
    if (def.sites.length > 0 && (!site || !def.sites.includes(site)))
      throw invalid(`orderTests.${i}.anatomicalSite`, 'anatomical_site_required');
    if (def.sites.length === 0 && site)
      throw invalid(`orderTests.${i}.anatomicalSite`, 'anatomical_site_not_applicable');
    const key = `${test.testCode}/${site ?? ''}`;
    if (seen.has(key)) throw invalid(`orderTests.${i}.testCode`, 'test_ordered_twice');
    seen.add(key);
  });
  return tests.map((t) => ({ testCode: t.testCode, anatomicalSite: t.anatomicalSite ?? null }));
}

interface Saved {
  consultation: Consultation;
  ordered: Array<{ testCode: OrderedTest['testCode']; anatomicalSite: string | null }>;
}

function consultationRow(
  input: NotesInput & Pick<In<'consultations.save'>, 'reason' | 'history' | 'examination' | 'conclusion'>,
  existing: ConsultationRow | null,
  fields: { kind: string; siteId: string; actorId: string; at: string; endedAt: string | null },
): ConsultationRow {
  return {
    id: existing?.id ?? randomUUID(),
    personId: input.personId,
    visitId: input.visitId ?? null,
    siteId: existing?.siteId ?? fields.siteId,
    kind: fields.kind,
    heldAt: new Date(input.heldAt).toISOString(),
    reason: input.reason ?? null,
    history: input.history ?? null,
    examination: input.examination ?? null,
    conclusion: input.conclusion ?? null,
    endedAt: fields.endedAt ?? existing?.endedAt ?? null,
    createdBy: existing?.createdBy ?? fields.actorId,
    createdAt: existing?.createdAt ?? fields.at,
    updatedAt: fields.at,
    version: (existing?.version ?? 0) + 1,
  };
}

async function loadWritablePerson(em: EntityManager, personId: string): Promise<PersonRow> {
  const person = await loadPerson(em, personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  return person;
}

async function siteTimeZone(em: EntityManager, siteId: string): Promise<string> {
  return (await findSite(em, siteId))?.timezone ?? 'Europe/Paris';
}

/**
 * Saves a GP consultation: every rule is checked before the first write, so a refused save
 * writes nothing (the dispatcher's transaction rolls back whatever a later refusal would leave).
 */
async function saveGp(
  input: In<'consultations.save'>,
  { actor, dossier }: DossierCall,
  endedAt: string | null,
): Promise<Saved & { row: ConsultationRow; visit: VisitRow | null }> {
  const { em, now } = dossier;
  const person = await loadWritablePerson(em, input.personId);
  const existing = await existingOf(em, input.id, person.id, input.version, true);
  const visit = await checkNotes(em, input, now, person);
  const before = existing ? ((await diagnosesOf(em, [existing.id])).get(existing.id) ?? []) : [];
  const codes = await checkDiagnoses(em, input.diagnoses, new Set(before.map((d) => d.code)));
  const tests = await checkOrderedTests(em, input.orderTests);
  const previous = existing ? await prescriptionOfConsultation(em, existing.id) : null;
  if (previous && !input.prescription) throw invalid('prescription', 'prescription_issued');
  await checkPrepLink(em, input.prescription?.prepEpisodeId, person.id);

  const at = now.toISOString();
  const siteId = visit?.siteId ?? person.siteId;
  const tz = await siteTimeZone(em, existing?.siteId ?? siteId);
  const today = siteToday(now, tz);
  const row = consultationRow(input, existing, { kind: GP, siteId, actorId: actor.userId, at, endedAt });
  await saveConsultationRow(em, row);
  dossier.wrote({ type: 'consultation', id: row.id, action: existing ? 'update' : 'create' });

  const diagnosedOn = siteToday(new Date(row.heldAt), tz);
  const kept = new Map(before.map((d) => [d.code, d]));
  const diagnoses = codes.map((code): ConsultationDiagnosisRow => {
    const old = kept.get(code);
    return (
      old ?? {
        id: randomUUID(),
        consultationId: row.id,
        code,
        diagnosedOn,
        createdBy: actor.userId,
        createdAt: at,
        updatedAt: at,
        version: 1,
      }
    );
  });
  await replaceDiagnoses(em, row.id, diagnoses);

  const prescription = await writePrescription(input.prescription ?? null, previous, {
    em,
    personId: person.id,
    consultationId: row.id,
    actorId: actor.userId,
    at,
    today,
  });
  if (prescription)
    dossier.wrote({ type: 'prescription', id: prescription.id, action: previous ? 'update' : 'create' });

  if (tests.length > 0) {
    // The screenings capability creates the samples (its tables, its section).
    const samples = await orderSamples(em, {
      personId: person.id,
      siteId: row.siteId,
      visitId: row.visitId ?? undefined,
      takenOn: today,
      orderedBy: actor.userId,
      now,
      tests: tests.map((t) => ({ testCode: t.testCode, anatomicalSite: t.anatomicalSite ?? undefined })),
    });
    for (const sample of samples)
      dossier.wrote({ type: 'sample', id: sample.id, section: 'tests', action: 'create' });
  }

  const names = await staffNames(em, [row.createdBy, prescription?.prescriberId ?? null]);
  return {
    row,
    visit,
    consultation: toConsultation(row, diagnoses, prescription, names),
    ordered: tests.map((t) => ({ testCode: t.testCode, anatomicalSite: t.anatomicalSite ?? null })),
  };
}

/**
 * A prescription links only to an existing PrEP episode of its own person (asked of the prep
 * capability's repository): a wrong id would print another person's PrEP on this ordonnance.
 */
async function checkPrepLink(
  em: EntityManager,
  episodeId: string | null | undefined,
  personId: string,
): Promise<void> {
  if (!episodeId) return;
  const reason = prepLinkRefusal(await findEpisode(em, episodeId), personId);
  if (reason === 'unknown_prep_episode') throw invalid('prescription.prepEpisodeId', 'unknown_prep_episode');
  if (reason) throw invalid('prescription.prepEpisodeId', 'episode_of_another_person');
}

async function writePrescription(
  input: In<'consultations.save'>['prescription'],
  previous: PrescriptionRow | null,
  ctx: {
    em: EntityManager;
    personId: string;
    consultationId: string;
    actorId: string;
    at: string;
    today: string;
  },
): Promise<PrescriptionRow | null> {
  if (!input) return null;
  const lines = input.lines.map((l) => ({
    drug: l.drug,
    dose: l.dose,
    route: l.route,
    frequency: l.frequency,
    duration: l.duration,
  }));
  // Left out, the PrEP link is kept; given (an episode or null), it is what the prescriber chose.
  const prepEpisodeId =
    input.prepEpisodeId === undefined ? (previous?.prepEpisodeId ?? null) : input.prepEpisodeId;
  const drugsChanged =
    !previous ||
    JSON.stringify(previous.lines) !== JSON.stringify(lines) ||
    previous.renewals !== input.renewals;
  if (previous && !drugsChanged && previous.prepEpisodeId === prepEpisodeId) return previous;
  const row: PrescriptionRow = {
    id: previous?.id ?? randomUUID(),
    personId: ctx.personId,
    consultationId: ctx.consultationId,
    prepEpisodeId,
    // Whoever changes the drugs signs the prescription; linking it to an episode signs nothing.
    prescriberId: drugsChanged || !previous ? ctx.actorId : previous.prescriberId,
    issuedOn: previous?.issuedOn ?? ctx.today,
    lines,
    renewals: input.renewals,
    createdBy: previous?.createdBy ?? ctx.actorId,
    createdAt: previous?.createdAt ?? ctx.at,
    updatedAt: ctx.at,
    version: (previous?.version ?? 0) + 1,
  };
  await savePrescriptionRow(ctx.em, row);
  return row;
}

export async function saveConsultation(input: In<'consultations.save'>, call: DossierCall) {
  const { consultation, ordered } = await saveGp(input, call, null);
  return { consultation, ordered };
}

/**
 * Ends the consultation: saves it and moves the visit to the chosen next step in the same
 * transaction (the dispatcher's), so a refusal of either leaves both as they were.
 */
export async function endConsultation(input: In<'consultations.end'>, call: DossierCall) {
  const { em, now } = call.dossier;
  const visit = await findVisit(em, input.visitId);
  if (!visit || visit.personId !== input.personId) throw invalid('visitId', 'unknown_visit');
  if (visit.closedAt) throw invalid('visitId', 'visit_closed');
  const at = now.toISOString();
  const { consultation, ordered } = await saveGp(input, call, at);
  const done = input.nextStep === 'done';
  await updateVisitRow(em, visit.id, {
    step: input.nextStep,
    stepSince: at,
    withUserId: null,
    closedAt: done ? at : null,
    updatedAt: at,
    version: visit.version + 1,
  });
  await insertStep(em, {
    id: randomUUID(),
    visitId: visit.id,
    step: input.nextStep,
    at,
    byUserId: call.actor.userId,
    withUserId: null,
  });
  // The visit moved: audited as a change of the pathway.
  call.dossier.wrote({ type: 'visit', id: visit.id, section: 'pathway' });
  return { consultation, ordered };
}

/** A specialist's consultation: the notes, under the specialty of the catalogue. */
export async function saveSpecialistConsultation(
  input: In<'consultations.saveSpecialist'>,
  { actor, dossier }: DossierCall,
): Promise<SpecialistConsultation> {
  const { em, now } = dossier;
  const person = await loadWritablePerson(em, input.personId);
  const existing = await existingOf(em, input.id, person.id, input.version, false);
  const visit = await checkNotes(em, input, now, person);
  if (input.kind === GP) throw invalid('kind', 'unknown_specialty');
  if (!existing || existing.kind !== input.kind) {
    const specialties = await currentCatalogue(em, 'specialties');
    if (!specialties.some((s) => s.code === input.kind && s.active))
      throw invalid('kind', 'unknown_specialty');
  }
  const row = consultationRow(input, existing, {
    kind: input.kind,
    siteId: visit?.siteId ?? person.siteId,
    actorId: actor.userId,
    at: now.toISOString(),
    endedAt: null,
  });
  await saveConsultationRow(em, row);
  dossier.wrote({ type: 'specialist_consultation', id: row.id, action: existing ? 'update' : 'create' });
  // A first save is the specialty seeing the person (an edit of the notes sees no one again).
  if (!existing)
    for (const hook of SPECIALIST_CONSULTATION_SAVED_HOOKS)
      await hook({ id: row.id, personId: row.personId, specialty: row.kind }, dossier);
  return toSpecialistConsultation(row, await staffNames(em, [row.createdBy]));
}
