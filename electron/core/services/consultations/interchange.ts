/**
 * The `consultation` and `prescription` records of the interchange format, each derived from the
 * capability's own view. A consultation carries its diagnoses as a list (they follow it, having no
 * person of their own); the import applies the consultation screen's rules to every line first.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RecordOf } from '../../../../shared/contract/interchange';
import { siteToday } from '../../../../shared/domain/schedules';
import type { RecordAdapter, RuleError } from '../../interchange/adapter';
import { entityAdapter, refs, versioned } from '../../interchange/entity-adapter';
import { personOf } from '../../interchange/person-of';
import { findSite } from '../centre/repository';
import { currentCatalogue } from '../clinical-catalogues/repository';
import { findEpisode, prepLinkRefusal } from '../prep/repository';
import { findVisit } from '../visits/repository';
import { consultationViews, toPrescription } from './consultations-service';
import { ConsultationEntity, PrescriptionEntity, type ConsultationRow } from './entities';
import { GP, diagnosesOf, findConsultation, replaceDiagnoses } from './repository';

/** Clocks of two machines differ a little: as the screen, a few minutes ahead is not "in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

async function writeDiagnoses(
  em: EntityManager,
  record: RecordOf<'consultation'>,
  now: string,
): Promise<void> {
  const before = new Map(((await diagnosesOf(em, [record.id])).get(record.id) ?? []).map((d) => [d.code, d]));
  const tz = (await findSite(em, record.siteId))?.timezone ?? 'Europe/Paris';
  const diagnosedOn = siteToday(new Date(record.heldAt), tz);
  await replaceDiagnoses(
    em,
    record.id,
    [...new Set(record.diagnoses)].map(
      (code) =>
        before.get(code) ?? {
          id: randomUUID(),
          consultationId: record.id,
          code,
          diagnosedOn,
          createdBy: record.authorId,
          createdAt: now,
          updatedAt: now,
          version: 1,
        },
    ),
  );
}

const consultationBase = entityAdapter({
  type: 'consultation',
  entity: ConsultationEntity,
  view: (rows, em) => consultationViews(em, rows),
  toRow: (r, now, existing): ConsultationRow => ({
    id: r.id,
    personId: r.personId,
    visitId: r.visitId,
    siteId: r.siteId,
    kind: r.kind,
    heldAt: r.heldAt,
    reason: r.reason,
    history: r.history,
    examination: r.examination,
    conclusion: r.conclusion,
    endedAt: r.endedAt,
    createdBy: r.authorId,
    ...versioned(existing, now),
  }),
  /** The consultation screen's rules, on every line before any write. */
  async checkLines(em, lines, file) {
    const errors: RuleError[] = [];
    const diagnoses = new Set((await currentCatalogue(em, 'diagnoses')).map((d) => d.code));
    const specialties = new Set((await currentCatalogue(em, 'specialties')).map((s) => s.code));
    for (const { line, record: r } of lines) {
      const refuse = (field: string, reason: string) => errors.push({ line, field, reason });
      const person = await personOf(em, file, r.personId);
      const unknownCode = r.diagnoses.findIndex((code) => !diagnoses.has(code));
      if (person?.mergedInto) refuse('personId', 'person_merged');
      else if (Date.parse(r.heldAt) > Date.now() + FUTURE_TOLERANCE_MS) refuse('heldAt', 'date_in_future');
      else if (person?.birthDate && r.heldAt.slice(0, 10) < person.birthDate)
        refuse('heldAt', 'before_birth');
      else if (r.kind !== GP && !specialties.has(r.kind)) refuse('kind', 'unknown_specialty');
      else if (unknownCode >= 0) refuse(`diagnoses.${unknownCode}`, 'unknown_diagnosis');
      else if (r.visitId) {
        const visit = file.find('visit', r.visitId) ?? (await findVisit(em, r.visitId));
        if (visit && visit.personId !== r.personId) refuse('visitId', 'unknown_visit');
      }
    }
    return errors;
  },
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['siteId', 'site', r.siteId],
      ['visitId', 'visit', r.visitId],
      ['authorId', 'user', r.authorId],
    ),
});

/** Consultations and their diagnoses: each is written, then its list of diagnoses becomes the record's. */
export const consultationAdapter: RecordAdapter<'consultation'> = {
  ...consultationBase,
  createBatch: undefined,
  async create(em, record, now) {
    await consultationBase.create(em, record, now);
    await writeDiagnoses(em, record, now);
  },
  async update(em, record, now) {
    await consultationBase.update(em, record, now);
    await writeDiagnoses(em, record, now);
  },
};

export const prescriptionAdapter = entityAdapter({
  type: 'prescription',
  entity: PrescriptionEntity,
  view: (rows) =>
    rows.map((p) => ({
      ...toPrescription(p, new Map()),
      prepEpisodeId: p.prepEpisodeId,
      authorId: p.createdBy,
    })),
  rowNames: { authorId: 'createdBy' },
  batched: () => true,
  /** A prescription of a consultation, or of a PrEP episode, belongs to that record's person. */
  async checkLines(em, lines, file) {
    const errors: RuleError[] = [];
    for (const { line, record: r } of lines) {
      if (r.prepEpisodeId) {
        const episode =
          file.find('prep_episode', r.prepEpisodeId) ?? (await findEpisode(em, r.prepEpisodeId));
        const reason = prepLinkRefusal(episode, r.personId);
        if (reason) errors.push({ line, field: 'prepEpisodeId', reason });
      }
      if (!r.consultationId) continue;
      const consultation =
        file.find('consultation', r.consultationId) ?? (await findConsultation(em, r.consultationId));
      if (consultation && consultation.personId !== r.personId)
        errors.push({ line, field: 'consultationId', reason: 'consultation_of_another_person' });
    }
    return errors;
  },
  // `prepEpisodeId` comes after in the format (prep records follow): checked above, not a reference.
  references: (r) =>
    refs(
      ['personId', 'person', r.personId],
      ['consultationId', 'consultation', r.consultationId],
      ['prescriberId', 'user', r.prescriberId],
      ['authorId', 'user', r.authorId],
    ),
});
