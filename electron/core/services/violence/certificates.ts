/**
 * The medical certificate of injuries (docs/violence-care.md, section 4, "Medical certificate of
 * injuries"): written and signed by the examining doctor. A draft may be corrected by its doctor;
 * issuing signs it (`issued_at`) and from then on it never changes — a correction is a new
 * certificate naming the one it replaces. Issuing also records the protocol's `injury_certificate`
 * step as done, linked to the certificate, when that step has no outcome yet. Every refusal runs
 * before the first write, so a refused call writes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { Certificate } from '../../../../shared/contract/violence';
import { isBlank, ittInRange, type Lesion } from '../../../../shared/domain/violence';
import { localDayRange } from '../../../../shared/domain/zoned-time';
import type { Lookup } from '../../api/access';
import type { DossierCall } from '../../api/routes';
import { conflict, invalid } from '../../errors';
import { siteTimeZones } from '../centre/repository';
import { findUser } from '../users/repository';
import { staffNames } from '../users/staff-names';
import { findVisit, openVisitIdOf } from '../visits/repository';
import {
  findCertificate,
  findIncident,
  saveCertificateRow,
  saveStepRow,
  stepsOfIncident,
  type CertificateRow,
  type IncidentRow,
} from './repository';
import { closeProtocolIfComplete } from './violence-service';

const DEFAULT_TIME_ZONE = 'Europe/Paris';

export function toCertificate(row: CertificateRow, names: ReadonlyMap<string, string>): Certificate {
  return {
    id: row.id,
    personId: row.personId,
    incidentId: row.incidentId,
    siteId: row.siteId,
    doctorId: row.doctorId,
    doctorName: names.get(row.doctorId) ?? null,
    examinedAt: row.examinedAt,
    requestedBy: row.requestedBy,
    requisitionRef: row.requisitionRef,
    identityCheck: row.identityCheck,
    identityDocument: row.identityDocument,
    statements: row.statements,
    complaints: row.complaints,
    lesions: row.lesions,
    otherFindings: row.otherFindings,
    psychologicalFindings: row.psychologicalFindings,
    furtherExams: row.furtherExams,
    ittDays: row.ittDays,
    ittReserved: row.ittReserved,
    issuedAt: row.issuedAt,
    replacesId: row.replacesId,
    authorId: row.createdBy,
    version: row.version,
  };
}

async function answer(em: EntityManager, row: CertificateRow): Promise<Certificate> {
  return toCertificate(row, await staffNames(em, [row.doctorId]));
}

/** The certificate of this person, or a refusal naming `certificateId`. */
export async function certificateOf(
  em: EntityManager,
  personId: string,
  certificateId: string,
): Promise<CertificateRow> {
  const row = await findCertificate(em, certificateId);
  if (!row || row.personId !== personId) throw invalid('certificateId', 'unknown_certificate');
  return row;
}

/**
 * Who wrote the records a certificate call touches: the certificate's doctor once it exists, else
 * (a new one) the incident's author, as for a protocol step — a doctor refused the section may only
 * certify on an incident she recorded.
 */
export async function authorOfCertificate(
  input: { personId: string; incidentId?: string; certificateId?: string },
  { em }: Lookup,
): Promise<string | null> {
  if (input.certificateId) {
    const row = await findCertificate(em, input.certificateId);
    return row && row.personId === input.personId ? row.createdBy : null;
  }
  if (!input.incidentId) return null;
  const incident = await findIncident(em, input.incidentId);
  return incident && incident.personId === input.personId ? incident.createdBy : null;
}

/** The signatory rule: the caller examines and signs, so she must hold the doctor role. */
function requireDoctor({ actor }: DossierCall): void {
  if (!actor.roles.includes('doctor')) throw invalid('doctorId', 'certificate_doctor_required');
}

/** The first instant an examination may be dated: the incident's time, else the start of its day at its site. */
async function incidentStart(em: EntityManager, incident: IncidentRow): Promise<number> {
  if (incident.occurredAt) return Date.parse(incident.occurredAt);
  const zone = (await siteTimeZones(em, [incident.siteId])).get(incident.siteId) ?? DEFAULT_TIME_ZONE;
  return localDayRange(incident.occurredOn, zone)[0].getTime();
}

/** The texts the form requires, refused when blank (never trimmed: kept exactly as typed). */
function checkTexts(input: In<'violence.saveCertificate'>): void {
  if (input.requestedBy === 'requisition' && isBlank(input.requisitionRef))
    throw invalid('requisitionRef', 'requisition_ref_required');
  if (input.identityCheck === 'document' && isBlank(input.identityDocument))
    throw invalid('identityDocument', 'identity_document_required');
  input.lesions.forEach((lesion: Lesion, i) => {
    if (isBlank(lesion.region)) throw invalid(`lesions.${i}.region`, 'lesion_incomplete');
    if (isBlank(lesion.kind)) throw invalid(`lesions.${i}.kind`, 'lesion_incomplete');
  });
}

/** Where the examination takes place: today's open visit's site, else the incident's. */
async function examinationSite(em: EntityManager, incident: IncidentRow): Promise<string> {
  const open = await openVisitIdOf(em, incident.personId);
  return (open ? (await findVisit(em, open))?.siteId : undefined) ?? incident.siteId;
}

export async function saveCertificate(
  input: In<'violence.saveCertificate'>,
  call: DossierCall,
): Promise<Certificate> {
  const { actor, dossier } = call;
  const { em, now } = dossier;
  requireDoctor(call);
  const incident = await findIncident(em, input.incidentId);
  if (!incident || incident.personId !== input.personId) throw invalid('incidentId', 'unknown_incident');
  const existing = input.certificateId ? await certificateOf(em, input.personId, input.certificateId) : null;
  if (existing) {
    if (existing.issuedAt) throw invalid('certificateId', 'certificate_issued');
    // A draft is its doctor's: another doctor writes her own certificate.
    if (existing.doctorId !== actor.userId) throw invalid('doctorId', 'certificate_doctor_required');
    if (existing.version !== input.version) throw conflict('injury_certificate');
    if (existing.incidentId !== incident.id) throw invalid('incidentId', 'unknown_incident');
  } else if (input.version !== undefined) throw conflict('injury_certificate');

  const examinedAt = Date.parse(input.examinedAt);
  if (examinedAt > now.getTime()) throw invalid('examinedAt', 'date_in_future');
  if (examinedAt < (await incidentStart(em, incident)))
    throw invalid('examinedAt', 'examination_before_incident');
  if (!ittInRange(input.ittDays)) throw invalid('ittDays', 'itt_out_of_range');
  checkTexts(input);
  // The replaced certificate: chosen at creation, an issued one of the same incident.
  const replacesId = existing ? existing.replacesId : input.replacesId;
  if (!existing && replacesId) {
    const replaced = await findCertificate(em, replacesId);
    if (!replaced || replaced.personId !== input.personId || replaced.incidentId !== incident.id)
      throw invalid('replacesId', 'unknown_certificate');
    if (!replaced.issuedAt) throw invalid('replacesId', 'certificate_not_issued');
  }

  const at = now.toISOString();
  const row: CertificateRow = {
    id: existing?.id ?? randomUUID(),
    personId: incident.personId,
    incidentId: incident.id,
    siteId: existing?.siteId ?? (await examinationSite(em, incident)),
    doctorId: existing?.doctorId ?? actor.userId,
    examinedAt: new Date(examinedAt).toISOString(),
    requestedBy: input.requestedBy,
    requisitionRef: input.requestedBy === 'requisition' ? input.requisitionRef : null,
    identityCheck: input.identityCheck,
    identityDocument: input.identityCheck === 'document' ? input.identityDocument : null,
    statements: input.statements,
    complaints: input.complaints,
    lesions: input.lesions,
    otherFindings: input.otherFindings,
    psychologicalFindings: input.psychologicalFindings,
    furtherExams: input.furtherExams,
    ittDays: input.ittDays,
    ittReserved: input.ittReserved,
    issuedAt: null,
    replacesId,
    createdBy: existing?.createdBy ?? actor.userId,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
  };
  await saveCertificateRow(em, row);
  dossier.wrote({ type: 'injury_certificate', id: row.id, action: existing ? 'update' : 'create' });
  return answer(em, row);
}

/** One certificate whole (the route names it in the read's audit entry). */
export async function readCertificate(
  input: In<'violence.certificate'>,
  { dossier }: DossierCall,
): Promise<Certificate> {
  return answer(dossier.em, await certificateOf(dossier.em, input.personId, input.certificateId));
}

export async function issueCertificate(
  input: In<'violence.issueCertificate'>,
  call: DossierCall,
): Promise<Certificate> {
  const { actor, dossier } = call;
  const { em, now } = dossier;
  requireDoctor(call);
  const existing = await certificateOf(em, input.personId, input.certificateId);
  if (existing.issuedAt) throw invalid('certificateId', 'certificate_issued');
  if (existing.doctorId !== actor.userId) throw invalid('doctorId', 'certificate_doctor_required');
  const doctor = await findUser(em, actor.userId);
  if (isBlank(doctor?.professionalNumber)) throw invalid('doctorId', 'professional_number_required');
  if (existing.version !== input.version) throw conflict('injury_certificate');

  const at = now.toISOString();
  const row: CertificateRow = { ...existing, issuedAt: at, updatedAt: at, version: existing.version + 1 };
  await saveCertificateRow(em, row);
  dossier.wrote({ type: 'injury_certificate', id: row.id, action: 'update' });
  await recordProtocolStep(row, call);
  return answer(em, row);
}

/**
 * The protocol's `injury_certificate` item, done by the doctor at the examination and linked to
 * the certificate — only when the item has no outcome yet: a recorded outcome (or a link to an
 * earlier certificate) is someone's word and is left as it is.
 */
async function recordProtocolStep(certificate: CertificateRow, { actor, dossier }: DossierCall) {
  const { em, now } = dossier;
  const incident = await findIncident(em, certificate.incidentId);
  if (!incident) return;
  const steps = await stepsOfIncident(em, incident.id);
  if (steps.some((s) => s.item === 'injury_certificate')) return;
  const at = now.toISOString();
  const step = {
    id: randomUUID(),
    incidentId: incident.id,
    personId: incident.personId,
    item: 'injury_certificate' as const,
    outcome: 'done' as const,
    doneAt: certificate.examinedAt,
    doneBy: certificate.doctorId,
    note: null,
    linkedType: 'injury_certificate' as const,
    linkedId: certificate.id,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await saveStepRow(em, step);
  dossier.wrote({ type: 'protocol_step', id: step.id, action: 'create' });
  await closeProtocolIfComplete(incident, [...steps, step], dossier);
}
