/**
 * What the gate needs to know about a person (their consents in force, an active break-the-glass
 * grant of the caller), and how a refusal is shaped. Used by the dispatcher's gate and by the
 * dossier readers that draw several sections at once.
 */
import type { EntityManager } from 'typeorm';
import type { Section } from '../../../shared/domain/roles';
import { DomainError } from '../errors';
import { givenScopes, givenScopesOf } from '../services/persons/consents';
import { activeGrantUntil } from './break-glass';
import { latestActiveGrants } from './repository';
import type { AccessDecision, Actor, DossierSubject } from './gate';

/** The subject of a call that touches no existing person (a new file, a slot without a person). */
export const NO_PERSON: DossierSubject = { personId: '', consents: new Set() };

export async function subjectOf(
  em: EntityManager,
  actor: Actor,
  personId: string,
  now: Date,
): Promise<DossierSubject> {
  const breakGlassUntil = await activeGrantUntil(em, actor.userId, personId, now);
  return {
    personId,
    consents: await givenScopes(em, personId),
    breakGlass: breakGlassUntil !== null,
    breakGlassUntil,
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

/**
 * `subjectOf` for many persons at once (the lab import gates every person of a file): their
 * consents in one statement and the caller's grants in another, per chunk of persons.
 */
export async function subjectsOf(
  em: EntityManager,
  actor: Actor,
  personIds: readonly string[],
  now: Date,
): Promise<Map<string, DossierSubject>> {
  const ids = [...new Set(personIds)];
  const [consents, grants] = await Promise.all([
    givenScopesOfChunked(em, ids),
    latestActiveGrants(em, actor.userId, ids, now),
  ]);
  return new Map(
    ids.map((personId) => {
      const breakGlassUntil = grants.get(personId)?.expiresAt ?? null;
      return [
        personId,
        {
          personId,
          consents: consents.get(personId) ?? new Set(),
          breakGlass: breakGlassUntil !== null,
          breakGlassUntil,
        },
      ];
    }),
  );
}

async function givenScopesOfChunked(em: EntityManager, ids: readonly string[]) {
  const out = new Map<string, Awaited<ReturnType<typeof givenScopes>>>();
  for (let start = 0; start < ids.length; start += 900)
    for (const [id, scopes] of await givenScopesOf(em, ids.slice(start, start + 900))) out.set(id, scopes);
  return out;
}
