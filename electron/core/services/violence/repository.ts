/**
 * The violence tables (`violence_incident`, `incident_narrative`, `protocol_step`,
 * `injury_certificate`): every query on them.
 */
import { In, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { hasCurrentConsent } from '../persons/repository';
import { findRows } from '../../db/fast-read';
import { linkedTable } from '../../dossier/section';
import {
  CertificateEntity,
  IncidentEntity,
  NarrativeEntity,
  ProtocolStepEntity,
  type CertificateRow,
  type IncidentRow,
  type NarrativeRow,
  type ProtocolStepRow,
} from './entities';

export type { CertificateRow, IncidentRow, NarrativeRow, ProtocolStepRow };

/** A person's incidents, narratives and protocol steps follow the file on a merge. */
export const incidentsTable = linkedTable('violence_incidents', IncidentEntity);
export const narrativesTable = linkedTable('incident_narratives', NarrativeEntity);
export const protocolStepsTable = linkedTable('protocol_steps', ProtocolStepEntity);
export const certificatesTable = linkedTable('injury_certificates', CertificateEntity);

/** What the tab shows of a certificate: who, when, issued or not, what it replaces — never its findings. */
export type CertificateMetaRow = Pick<
  CertificateRow,
  | 'id'
  | 'incidentId'
  | 'personId'
  | 'doctorId'
  | 'examinedAt'
  | 'issuedAt'
  | 'replacesId'
  | 'createdBy'
  | 'version'
>;

/** An incident with its protocol's steps and certificates: what the section loads (never the narrative). */
export interface IncidentWithSteps extends IncidentRow {
  steps: ProtocolStepRow[];
  certificates: CertificateMetaRow[];
}

/** A person's incidents, newest first, each with its steps (two statements on person_id). */
export async function incidentsOfPerson(em: EntityManager, personId: string): Promise<IncidentWithSteps[]> {
  const incidents = await findRows(
    em,
    IncidentEntity,
    { personId },
    { column: 'occurredOn', direction: 'DESC' },
  );
  if (incidents.length === 0) return [];
  const steps = await findRows(em, ProtocolStepEntity, { personId }, { column: 'doneAt', direction: 'ASC' });
  const byIncident = new Map<string, ProtocolStepRow[]>();
  for (const s of steps) byIncident.set(s.incidentId, [...(byIncident.get(s.incidentId) ?? []), s]);
  const certificates = await certificateMetasOfPerson(em, personId);
  const certificatesOf = new Map<string, CertificateMetaRow[]>();
  for (const c of certificates)
    certificatesOf.set(c.incidentId, [...(certificatesOf.get(c.incidentId) ?? []), c]);
  return incidents.map((i) => ({
    ...i,
    steps: byIncident.get(i.id) ?? [],
    certificates: certificatesOf.get(i.id) ?? [],
  }));
}

/** A person's certificates, metadata columns only (the findings are read one certificate at a time). */
export function certificateMetasOfPerson(em: EntityManager, personId: string): Promise<CertificateMetaRow[]> {
  return em.getRepository(CertificateEntity).find({
    select: {
      id: true,
      incidentId: true,
      personId: true,
      doctorId: true,
      examinedAt: true,
      issuedAt: true,
      replacesId: true,
      createdBy: true,
      version: true,
    },
    where: { personId },
    order: { examinedAt: 'ASC', id: 'ASC' },
  });
}

export function findCertificate(em: EntityManager, id: string): Promise<CertificateRow | null> {
  return em.getRepository(CertificateEntity).findOneBy({ id });
}

/** The issued certificate that replaces this one, if any (the first issued). */
export function replacementOf(em: EntityManager, id: string): Promise<CertificateRow | null> {
  return em
    .getRepository(CertificateEntity)
    .createQueryBuilder('c')
    .where('c.replacesId = :id', { id })
    .andWhere('c.issuedAt IS NOT NULL')
    .orderBy('c.issuedAt', 'ASC')
    .getOne();
}

export async function saveCertificateRow(em: EntityManager, row: CertificateRow): Promise<void> {
  await em.getRepository(CertificateEntity).save(row);
}

export function findIncident(em: EntityManager, id: string): Promise<IncidentRow | null> {
  return em.getRepository(IncidentEntity).findOneBy({ id });
}

export async function insertIncidentRow(em: EntityManager, row: IncidentRow): Promise<void> {
  await em.getRepository(IncidentEntity).insert(row);
}

export async function saveIncidentRow(em: EntityManager, row: IncidentRow): Promise<void> {
  await em.getRepository(IncidentEntity).save(row);
}

export function narrativeOf(em: EntityManager, incidentId: string): Promise<NarrativeRow | null> {
  return em.getRepository(NarrativeEntity).findOneBy({ incidentId });
}

export async function saveNarrativeRow(em: EntityManager, row: NarrativeRow): Promise<void> {
  await em.getRepository(NarrativeEntity).save(row);
}

export function stepsOfIncident(em: EntityManager, incidentId: string): Promise<ProtocolStepRow[]> {
  return em.getRepository(ProtocolStepEntity).find({ where: { incidentId }, order: { doneAt: 'ASC' } });
}

export async function saveStepRow(em: EntityManager, row: ProtocolStepRow): Promise<void> {
  await em.getRepository(ProtocolStepEntity).save(row);
}

/** The person's incidents whose protocol is open (the priority's and the check-in's question). */
export function openProtocolsOf(em: EntityManager, personId: string): Promise<IncidentRow[]> {
  return em.getRepository(IncidentEntity).find({ where: { personId, protocolStatus: 'open' } });
}

/**
 * The earliest deadline still ahead of each person's open protocols (the board's band): one
 * grouped statement on the open-protocols index.
 */
export async function protocolDeadlinesOf(
  em: EntityManager,
  personIds: readonly string[],
  now: Date,
): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await em
    .getRepository(IncidentEntity)
    .createQueryBuilder('vi')
    .select('vi.personId', 'personId')
    .addSelect('MIN(vi.protocolDeadline)', 'deadline')
    .where('vi.protocolStatus = :open', { open: 'open' })
    .andWhere('vi.protocolDeadline > :now', { now: now.toISOString() })
    .andWhere({ personId: In([...new Set(personIds)]) })
    .groupBy('vi.personId')
    .getRawMany<{ personId: string; deadline: string }>();
  return new Map(rows.map((r) => [r.personId, r.deadline]));
}

/** Which of these incidents have a narrative (the ids only: the text is never loaded with the tab). */
export async function incidentsWithNarrative(
  em: EntityManager,
  incidentIds: readonly string[],
): Promise<Set<string>> {
  if (incidentIds.length === 0) return new Set();
  const rows = await em
    .getRepository(NarrativeEntity)
    .createQueryBuilder('n')
    .select('n.incidentId', 'incidentId')
    .where({ incidentId: In([...incidentIds]) })
    .getRawMany<{ incidentId: string }>();
  return new Set(rows.map((r) => r.incidentId));
}

// ---------------------------------------------------------------------------------------------
// Open 72-hour protocols at some sites ("À faire"), soonest deadline first.

export interface OpenProtocolLine {
  incidentId: string;
  personId: string;
  siteId: string;
  protocolDeadline: string;
  occurredAt: string | null;
  fileNumber: string;
  nameUsed: string;
}

/**
 * Open protocols of these sites whose deadline is still ahead, of persons who share with the social
 * and legal team or whose incident the reader recorded. One statement on the
 * `(protocol_status, site_id, protocol_deadline)` index, joined to the person for the line.
 */
function openProtocolsQuery(
  em: EntityManager,
  siteIds: readonly string[],
  now: Date,
  readerId: string,
): SelectQueryBuilder<IncidentRow & ObjectLiteral> {
  const qb = em
    .getRepository(IncidentEntity)
    .createQueryBuilder('vi')
    .innerJoin('Person', 'p', 'p.id = vi.personId')
    .where('vi.protocolStatus = :open', { open: 'open' })
    .andWhere('vi.siteId IN (:...sites)', { sites: [...siteIds] })
    .andWhere('vi.protocolDeadline > :now', { now: now.toISOString() });
  qb.andWhere(`(${hasCurrentConsent(qb, 'vi.person_id', 'social_legal')} OR vi.createdBy = :reader)`, {
    reader: readerId,
  });
  return qb;
}

export function openProtocolsPage(
  em: EntityManager,
  siteIds: readonly string[],
  now: Date,
  readerId: string,
  page: { limit: number; after?: { protocolDeadline: string; id: string } },
): Promise<OpenProtocolLine[]> {
  const qb = openProtocolsQuery(em, siteIds, now, readerId)
    .select('vi.id', 'incidentId')
    .addSelect('vi.personId', 'personId')
    .addSelect('vi.siteId', 'siteId')
    .addSelect('vi.protocolDeadline', 'protocolDeadline')
    .addSelect('vi.occurredAt', 'occurredAt')
    .addSelect('p.fileNumber', 'fileNumber')
    .addSelect('p.nameUsed', 'nameUsed');
  if (page.after)
    qb.andWhere(
      '(vi.protocolDeadline > :afterDeadline OR (vi.protocolDeadline = :afterDeadline AND vi.id > :afterId))',
      {
        afterDeadline: page.after.protocolDeadline,
        afterId: page.after.id,
      },
    );
  return qb
    .orderBy('vi.protocolDeadline', 'ASC')
    .addOrderBy('vi.id', 'ASC')
    .limit(page.limit)
    .getRawMany<OpenProtocolLine>();
}

export function openProtocolsCount(
  em: EntityManager,
  siteIds: readonly string[],
  now: Date,
  readerId: string,
): Promise<number> {
  return openProtocolsQuery(em, siteIds, now, readerId).getCount();
}

/** The SQL of an open-protocols page, for the query-plan test (no personal data: parameters only). */
export function openProtocolsSql(
  em: EntityManager,
  siteIds: readonly string[],
  now: Date,
  readerId: string,
): [string, unknown[]] {
  return openProtocolsQuery(em, siteIds, now, readerId)
    .select('vi.id')
    .orderBy('vi.protocolDeadline', 'ASC')
    .addOrderBy('vi.id', 'ASC')
    .limit(51)
    .getQueryAndParameters();
}
