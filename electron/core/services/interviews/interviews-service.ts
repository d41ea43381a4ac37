/**
 * The community interview (entretien en santé sexuelle). It prepares the doctor's consultation:
 * the needs ticked become the next steps of the visit, and a last risk under 72 hours raises the
 * post-exposure prophylaxis alert and puts the visit first on the board.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { Interview } from '../../../../shared/contract/interviews';
import { PEP_WINDOW_HOURS, type InterviewNeed } from '../../../../shared/domain/catalogues';
import { conflict, invalid, notFound } from '../../errors';
import { loadPerson } from '../persons/repository';
import type { DossierCall } from '../../api/routes';
import type { Lookup } from '../../api/access';
import { staffNames } from '../users/staff-names';
import { findVisit, requireVisit, updateVisitRow } from '../visits/repository';
import { findInterview, saveInterviewRow, type InterviewRow } from './repository';

export function hoursBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 3600_000;
}

export function pepAlertOf(row: Pick<InterviewRow, 'lastRiskAt' | 'heldAt'>): {
  pepAlert: boolean;
  hoursSinceRisk: number | null;
} {
  if (!row.lastRiskAt) return { pepAlert: false, hoursSinceRisk: null };
  const hours = hoursBetween(row.lastRiskAt, row.heldAt);
  return { pepAlert: hours >= 0 && hours < PEP_WINDOW_HOURS, hoursSinceRisk: Math.round(hours * 10) / 10 };
}

export function toInterview(row: InterviewRow, names: ReadonlyMap<string, string>): Interview {
  return {
    id: row.id,
    personId: row.personId,
    visitId: row.visitId,
    heldAt: row.heldAt,
    reason: row.reason,
    lastRiskAt: row.lastRiskAt,
    exposures: row.exposures,
    practices: row.practices,
    partnersCount: row.partnersCount,
    prevention: row.prevention,
    substances: row.substances,
    chemsex: row.chemsex,
    violenceScreening: row.violenceScreening,
    needs: row.needs,
    summary: row.summary,
    notes: row.notes,
    authorId: row.createdBy,
    authorName: row.createdBy ? (names.get(row.createdBy) ?? null) : null,
    ...pepAlertOf(row),
    version: row.version,
  };
}

async function checkInterview(
  em: EntityManager,
  input: In<'interviews.save'>,
  now: Date,
  birthDate: string | null,
): Promise<void> {
  if (Date.parse(input.heldAt) > now.getTime() + 5 * 60_000) throw invalid('heldAt', 'in_future');
  if (birthDate && input.heldAt.slice(0, 10) < birthDate) throw invalid('heldAt', 'before_birth');
  if (input.lastRiskAt && Date.parse(input.lastRiskAt) > Date.parse(input.heldAt))
    throw invalid('lastRiskAt', 'after_interview');
  if (input.visitId) {
    const visit = await findVisit(em, input.visitId);
    if (!visit || visit.personId !== input.personId) throw invalid('visitId', 'unknown_visit');
  }
}

async function existingInterview(em: EntityManager, id: string | undefined): Promise<InterviewRow | null> {
  if (!id) return null;
  const existing = await findInterview(em, id);
  if (!existing) throw notFound('interview');
  return existing;
}

/**
 * Who wrote the interview a save touches. Consent governs sharing, not collecting: the author of a
 * new interview (the caller) needs only the role; an edit is its author's, or needs the consent.
 */
export async function authorOfInterview(
  input: In<'interviews.save'>,
  { em, actor }: Lookup,
): Promise<string | null> {
  const existing = await existingInterview(em, input.id);
  return existing ? existing.createdBy : actor.userId;
}

export async function saveInterview(
  input: In<'interviews.save'>,
  { actor, dossier }: DossierCall,
): Promise<Interview> {
  const { em, now } = dossier;
  const person = await loadPerson(em, input.personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  const existing = await existingInterview(em, input.id);
  if (existing && existing.personId !== person.id) throw invalid('personId', 'interview_of_another_person');
  if (existing && existing.version !== input.version) throw conflict('interview');
  await checkInterview(em, input, now, person.birthDate);
  const at = now.toISOString();
  const row: InterviewRow = {
    id: existing?.id ?? randomUUID(),
    personId: person.id,
    visitId: input.visitId ?? null,
    heldAt: new Date(input.heldAt).toISOString(),
    reason: input.reason ?? null,
    lastRiskAt: input.lastRiskAt ? new Date(input.lastRiskAt).toISOString() : null,
    exposures: [...new Set(input.exposures)],
    practices: input.practices ?? null,
    partnersCount: input.partnersCount ?? null,
    prevention: [...new Set(input.prevention)],
    substances: [...new Set(input.substances)],
    chemsex: input.chemsex,
    violenceScreening: input.violenceScreening,
    needs: [...new Set(input.needs)],
    summary: input.summary ?? null,
    notes: input.notes ?? null,
    createdBy: existing?.createdBy ?? actor.userId,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
  };
  await saveInterviewRow(em, row);
  const { pepAlert } = pepAlertOf(row);
  if (row.visitId) {
    const visit = await requireVisit(em, row.visitId);
    if (!visit.closedAt) {
      const needs: InterviewNeed[] =
        pepAlert && !row.needs.includes('pep') ? [...row.needs, 'pep'] : row.needs;
      await updateVisitRow(em, visit.id, {
        nextSteps: needs,
        priority: pepAlert ? 'pep_72h' : visit.priority,
        updatedAt: at,
        version: visit.version + 1,
      });
      // The visit's next steps and priority changed too: audited as a change of the pathway.
      dossier.wrote({ type: 'visit', id: visit.id, section: 'pathway' });
    }
  }
  dossier.wrote({ type: 'interview', id: row.id, action: existing ? 'update' : 'create' });
  return toInterview(row, await staffNames(em, [row.createdBy]));
}
