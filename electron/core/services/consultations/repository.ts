/**
 * The consultations' tables (`consultation`, `consultation_diagnosis`, `prescription`): every
 * query on them. A consultation's diagnoses follow it (they carry no person), so only the
 * consultations and the prescriptions are linked to the person for a merge.
 */
import { In, Not, type EntityManager } from 'typeorm';
import { findRows } from '../../db/fast-read';
import { linkedTable } from '../../dossier/section';
import {
  ConsultationDiagnosisEntity,
  ConsultationEntity,
  PrescriptionEntity,
  type ConsultationDiagnosisRow,
  type ConsultationRow,
  type PrescriptionLine,
  type PrescriptionRow,
} from './entities';

export type { ConsultationDiagnosisRow, ConsultationRow, PrescriptionLine, PrescriptionRow };

/** The kind of the doctor's consultation; any other kind is a specialty code. */
export const GP = 'gp';

export const consultationsTable = linkedTable('consultations', ConsultationEntity);
export const prescriptionsTable = linkedTable('prescriptions', PrescriptionEntity);

/** Every consultation of a person (GP and specialist), newest first. */
export function consultationsOfPerson(em: EntityManager, personId: string): Promise<ConsultationRow[]> {
  return findRows(em, ConsultationEntity, { personId }, { column: 'heldAt', direction: 'DESC' });
}

export async function gpConsultationsOf(em: EntityManager, personId: string): Promise<ConsultationRow[]> {
  return (await consultationsOfPerson(em, personId)).filter((c) => c.kind === GP);
}

export async function specialistConsultationsOf(
  em: EntityManager,
  personId: string,
): Promise<ConsultationRow[]> {
  return (await consultationsOfPerson(em, personId)).filter((c) => c.kind !== GP);
}

export function findConsultation(em: EntityManager, id: string): Promise<ConsultationRow | null> {
  return em.getRepository(ConsultationEntity).findOneBy({ id });
}

export function findPrescription(em: EntityManager, id: string): Promise<PrescriptionRow | null> {
  return em.getRepository(PrescriptionEntity).findOneBy({ id });
}

/** The prescription written at a consultation (one per consultation). */
export function prescriptionOfConsultation(
  em: EntityManager,
  consultationId: string,
): Promise<PrescriptionRow | null> {
  return em.getRepository(PrescriptionEntity).findOneBy({ consultationId });
}

/** The prescriptions written at some consultations, by consultation (one query). */
export async function prescriptionsOfConsultations(
  em: EntityManager,
  consultationIds: readonly string[],
): Promise<Map<string, PrescriptionRow>> {
  if (consultationIds.length === 0) return new Map();
  const rows = await em
    .getRepository(PrescriptionEntity)
    .findBy({ consultationId: In([...new Set(consultationIds)]) });
  return new Map(rows.flatMap((p) => (p.consultationId ? [[p.consultationId, p] as const] : [])));
}

/** A person's prescriptions linked to a PrEP episode, newest first (the PrEP tab lists them). */
export async function prepPrescriptionsOf(em: EntityManager, personId: string): Promise<PrescriptionRow[]> {
  const rows = await em
    .getRepository(PrescriptionEntity)
    .find({ where: { personId }, order: { issuedOn: 'DESC', createdAt: 'DESC' } });
  return rows.filter((p) => p.prepEpisodeId !== null);
}

/** The diagnoses of some consultations, by consultation. */
export async function diagnosesOf(
  em: EntityManager,
  consultationIds: readonly string[],
): Promise<Map<string, ConsultationDiagnosisRow[]>> {
  const byConsultation = new Map<string, ConsultationDiagnosisRow[]>();
  if (consultationIds.length === 0) return byConsultation;
  const rows = await em
    .getRepository(ConsultationDiagnosisEntity)
    .find({ where: { consultationId: In([...new Set(consultationIds)]) }, order: { code: 'ASC' } });
  for (const row of rows)
    byConsultation.set(row.consultationId, [...(byConsultation.get(row.consultationId) ?? []), row]);
  return byConsultation;
}

export async function saveConsultationRow(em: EntityManager, row: ConsultationRow): Promise<void> {
  await em.getRepository(ConsultationEntity).save(row);
}

/** The consultation's diagnoses become exactly these codes (kept rows keep their id and date). */
export async function replaceDiagnoses(
  em: EntityManager,
  consultationId: string,
  rows: readonly ConsultationDiagnosisRow[],
): Promise<void> {
  const repo = em.getRepository(ConsultationDiagnosisEntity);
  const keep = rows.map((r) => r.id);
  await repo.delete(keep.length ? { consultationId, id: Not(In(keep)) } : { consultationId });
  if (rows.length) await repo.save([...rows]);
}

export async function savePrescriptionRow(em: EntityManager, row: PrescriptionRow): Promise<void> {
  await em.getRepository(PrescriptionEntity).save(row);
}
