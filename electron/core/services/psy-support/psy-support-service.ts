/**
 * Psychological support (docs/violence-care.md, section 4). A session is held by a psychologist
 * (an active member of staff who writes `psy`), never in the future, individual or in a group
 * (a group session names its group; an individual one names none); its private note is kept as
 * typed. A psychiatric referral names a directory entry of category `psychiatrist` and follows the
 * external-referral rule of `directory.refer`. A refused save writes nothing: every check runs
 * before the write.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { PsyReferral, PsySession } from '../../../../shared/contract/psy-support';
import { sectionAccess } from '../../../../shared/domain/access-policy';
import { PSYCHIATRIC_CATEGORY } from '../../../../shared/domain/psy-support';
import type { Lookup } from '../../api/access';
import type { DossierCall } from '../../api/routes';
import { DomainError, conflict, invalid } from '../../errors';
import { findSite } from '../centre/repository';
import { entriesByIds, findEntry } from '../directory/repository';
import { loadPerson } from '../persons/repository';
import { findUser } from '../users/repository';
import { staffNames, staffRoles } from '../users/staff-names';
import {
  findPsyReferral,
  findSession,
  savePsyReferralRow,
  saveSessionRow,
  type PsyReferralRow,
  type PsySessionHead,
} from './repository';

export async function toSessions(
  em: EntityManager,
  rows: readonly PsySessionHead[],
  notes: ReadonlyMap<string, string | null>,
): Promise<PsySession[]> {
  if (rows.length === 0) return [];
  const names = await staffNames(em, [...new Set(rows.map((r) => r.psychologistId))]);
  return rows.map((r) => ({
    record: 'session',
    id: r.id,
    personId: r.personId,
    siteId: r.siteId,
    heldAt: r.heldAt,
    kind: r.kind,
    groupLabel: r.groupLabel,
    psychologistId: r.psychologistId,
    psychologistName: names.get(r.psychologistId) ?? null,
    durationMin: r.durationMin,
    privateNote: notes.get(r.id) ?? null,
    authorId: r.createdBy,
    version: r.version,
  }));
}

export async function toPsyReferrals(
  em: EntityManager,
  rows: readonly PsyReferralRow[],
): Promise<PsyReferral[]> {
  if (rows.length === 0) return [];
  const entries = new Map(
    (await entriesByIds(em, [...new Set(rows.map((r) => r.entryId))])).map((e) => [e.id, e.name]),
  );
  return rows.map((r) => ({
    record: 'referral',
    id: r.id,
    personId: r.personId,
    siteId: r.siteId,
    entryId: r.entryId,
    entryName: entries.get(r.entryId) ?? null,
    referredAt: r.referredAt,
    reason: r.reason,
    status: r.status,
    appointmentAt: r.appointmentAt,
    feedback: r.feedback,
    overrideReason: r.overrideReason,
    authorId: r.createdBy,
    version: r.version,
  }));
}

/** Who recorded the session a call corrects (its author may keep working on it); the caller for a new one. */
export async function authorOfSession(
  input: { personId: string; id?: string },
  { em, actor }: Lookup,
): Promise<string | null> {
  if (!input.id) return actor.userId;
  const session = await findSession(em, input.id);
  return session && session.personId === input.personId ? session.createdBy : null;
}

/** Who made the referral a call follows up. */
export async function authorOfPsyReferral(
  input: { personId: string; id: string },
  { em }: Lookup,
): Promise<string | null> {
  const referral = await findPsyReferral(em, input.id);
  return referral && referral.personId === input.personId ? referral.createdBy : null;
}

/** A psychologist: an active member of staff whose roles write `psy`. */
async function holdsSessions(em: EntityManager, userId: string): Promise<boolean> {
  const user = await findUser(em, userId);
  if (!user || !user.active) return false;
  const roles = (await staffRoles(em, [userId])).get(userId) ?? [];
  return sectionAccess(roles, 'psy') === 'write';
}

export async function saveSession(
  input: In<'psySupport.saveSession'>,
  call: DossierCall,
): Promise<PsySession> {
  const { actor, dossier } = call;
  const { em, now } = dossier;
  const person = await loadPerson(em, input.personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  const existing = input.id ? await findSession(em, input.id) : null;
  if (input.id && (!existing || existing.personId !== person.id)) throw invalid('id', 'unknown_psy_session');
  if (existing ? existing.version !== input.version : input.version !== undefined)
    throw conflict('psy_session');
  const site = await findSite(em, existing?.siteId ?? input.siteId ?? person.siteId);
  if (!site) throw invalid('siteId', 'unknown_site');
  const heldAt = new Date(input.heldAt);
  if (heldAt.getTime() > now.getTime()) throw invalid('heldAt', 'date_in_future');
  if (input.kind === 'group' && input.groupLabel === null)
    throw invalid('groupLabel', 'group_label_required');
  if (input.kind === 'individual' && input.groupLabel !== null)
    throw invalid('groupLabel', 'group_label_individual');
  const psychologistId = input.psychologistId ?? existing?.psychologistId ?? actor.userId;
  if (!(await holdsSessions(em, psychologistId))) throw invalid('psychologistId', 'psychologist_required');

  const at = now.toISOString();
  const row = {
    id: existing?.id ?? randomUUID(),
    personId: person.id,
    siteId: site.id,
    heldAt: heldAt.toISOString(),
    kind: input.kind,
    groupLabel: input.groupLabel,
    psychologistId,
    durationMin: input.durationMin,
    privateNote: input.privateNote,
    createdBy: existing?.createdBy ?? actor.userId,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
  };
  await saveSessionRow(em, row);
  dossier.wrote({ type: 'psy_session', id: row.id, action: existing ? 'update' : 'create' });
  return (await toSessions(em, [row], new Map([[row.id, row.privateNote]])))[0];
}

export async function referToPsychiatry(
  input: In<'psySupport.refer'>,
  { actor, dossier }: DossierCall,
): Promise<PsyReferral> {
  const { em, now } = dossier;
  const person = await loadPerson(em, input.personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  const site = await findSite(em, input.siteId ?? person.siteId);
  if (!site) throw invalid('siteId', 'unknown_site');
  const entry = await findEntry(em, input.entryId);
  if (!entry || !entry.active) throw invalid('entryId', 'unknown_entry');
  if (entry.category !== PSYCHIATRIC_CATEGORY) throw invalid('entryId', 'entry_category_mismatch');
  const consented = dossier.access[0].subject.consents.has('external_referral');
  // The external-referral rule of `directory.refer`: the person's consent or a written reason.
  const overrideReason = entry.internal || consented ? null : (input.overrideReason ?? null);
  if (!entry.internal && !consented && overrideReason === null)
    throw new DomainError(
      'consent_required',
      'external referral needs the external_referral consent or a written reason',
      'overrideReason',
      { scope: 'external_referral' },
    );

  const at = now.toISOString();
  const row: PsyReferralRow = {
    id: randomUUID(),
    personId: person.id,
    siteId: site.id,
    entryId: entry.id,
    referredAt: at,
    reason: input.reason,
    status: input.status,
    appointmentAt: input.appointmentAt,
    feedback: null,
    overrideReason,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await savePsyReferralRow(em, row);
  dossier.wrote({
    type: 'psy_referral',
    id: row.id,
    action: 'create',
    ...(overrideReason ? { reason: overrideReason } : {}),
  });
  return (await toPsyReferrals(em, [row]))[0];
}

export async function updatePsyReferral(
  input: In<'psySupport.updateReferral'>,
  { dossier }: DossierCall,
): Promise<PsyReferral> {
  const { em, now } = dossier;
  const row = await findPsyReferral(em, input.id);
  if (!row || row.personId !== input.personId) throw invalid('id', 'unknown_psy_referral');
  if (row.version !== input.version) throw conflict('psy_referral');
  const next: PsyReferralRow = {
    ...row,
    status: input.status,
    appointmentAt: input.appointmentAt === undefined ? row.appointmentAt : input.appointmentAt,
    feedback: input.feedback === undefined ? row.feedback : input.feedback,
    updatedAt: now.toISOString(),
    version: row.version + 1,
  };
  await savePsyReferralRow(em, next);
  dossier.wrote({ type: 'psy_referral', id: row.id, action: 'update' });
  return (await toPsyReferrals(em, [next]))[0];
}
