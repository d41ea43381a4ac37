/**
 * Where dossier handlers meet the gate: build what the gate needs to know about a person (their
 * consents, an active break-the-glass grant), refuse with `forbidden` / `consent_required`, and
 * audit every read of a section.
 */
import type { EntityManager } from 'typeorm';
import type { Section } from '../../../../shared/domain/roles';
import { hasActiveGrant } from '../../access/break-glass';
import { decide, type AccessDecision, type Actor, type DossierSubject } from '../../access/gate';
import { appendAudit } from '../../audit/audit-log';
import { DomainError, notFound } from '../../errors';
import { findRows } from '../../db/fast-read';
import { givenScopes } from './consents';
import { PersonEntity, type PersonRow } from './entities';

export async function loadPerson(em: EntityManager, personId: string): Promise<PersonRow> {
  const [person] = await findRows(em, PersonEntity, { id: personId }, { column: 'id', direction: 'ASC' });
  if (!person) throw notFound('person');
  return person;
}

export async function subjectOf(
  em: EntityManager,
  actor: Actor,
  personId: string,
  now: Date,
): Promise<DossierSubject> {
  return {
    personId,
    consents: await givenScopes(em, personId),
    breakGlass: await hasActiveGrant(em, actor.userId, personId, now),
  };
}

export function refusal(
  decision: Extract<AccessDecision, { allowed: false }>,
  section: Section,
): DomainError {
  return decision.code === 'consent_required'
    ? new DomainError('consent_required', `the person has not consented to share ${section}`, undefined, {
        section,
        scope: decision.scope,
      })
    : new DomainError('forbidden', `no access to ${section}`, undefined, { section });
}

/** Throws unless the actor may `action` the section; returns the decision for auditing. */
export function authorize(
  actor: Actor,
  action: 'read' | 'write',
  section: Section,
  subject: DossierSubject,
  authorId?: string | null,
): AccessDecision {
  const decision = decide(
    actor,
    action,
    section,
    authorId ? { ...subject, authorIds: new Set([authorId]) } : subject,
  );
  if (!decision.allowed) throw refusal(decision, section);
  return decision;
}

export async function auditRead(
  em: EntityManager,
  actor: Actor,
  section: Section,
  personId: string,
  now: Date,
  via?: string,
): Promise<void> {
  await appendAudit(
    em,
    {
      actorId: actor.userId,
      action: 'read',
      section,
      personId,
      ...(via === 'break_glass' ? { detail: { via } } : {}),
    },
    now,
  );
}

export async function auditWrite(
  em: EntityManager,
  actor: Actor,
  action: 'create' | 'update',
  section: Section,
  personId: string,
  target: { type: string; id: string },
  now: Date,
  reason?: string,
): Promise<void> {
  await appendAudit(
    em,
    {
      actorId: actor.userId,
      action,
      section,
      personId,
      targetType: target.type,
      targetId: target.id,
      reason: reason ?? null,
    },
    now,
  );
}
