/** Consent per scope, with full history: the current state of a scope is its latest record. */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ConsentState } from '../../../../shared/contract/persons';
import { CONSENT_SCOPES, type ConsentScope } from '../../../../shared/domain/roles';
import { consentRowsOf, consentRowsOfPersons, insertConsentRow, type ConsentRow } from './repository';

export async function consentHistory(em: EntityManager, personId: string): Promise<ConsentRow[]> {
  const rows = await consentRowsOf(em, personId);
  return rows.sort(newestFirst);
}

/** The latest decision first; same instant: the later id first, for a stable order. */
function newestFirst(a: ConsentRow, b: ConsentRow): number {
  return b.recordedAt.localeCompare(a.recordedAt) || b.id.localeCompare(a.id);
}

export function currentFrom(
  history: readonly ConsentRow[],
  names: ReadonlyMap<string, string>,
): ConsentState[] {
  return CONSENT_SCOPES.map((scope) => {
    const latest = history.find((h) => h.scope === scope);
    return {
      scope,
      given: latest?.given ?? false,
      recordedAt: latest?.recordedAt ?? null,
      recordedByName: latest?.recordedBy ? (names.get(latest.recordedBy) ?? null) : null,
    };
  });
}

/** The scopes a history currently grants (each scope's latest record says given). */
export function scopesGiven(history: readonly ConsentRow[]): Set<ConsentScope> {
  return new Set(
    currentFrom(history, new Map())
      .filter((c) => c.given)
      .map((c) => c.scope),
  );
}

export async function givenScopes(em: EntityManager, personId: string): Promise<Set<ConsentScope>> {
  return scopesGiven(await consentHistory(em, personId));
}

/**
 * Records a decision. The decision in force is the latest one recorded: a decision made in the same
 * millisecond as the previous one (a double click, a fast desk) is stamped just after it, so that
 * the order of decisions never depends on their random ids.
 */
export async function insertConsent(
  em: EntityManager,
  row: Omit<ConsentRow, 'id'> & { id?: string },
): Promise<ConsentRow> {
  const [latest] = await consentHistory(em, row.personId);
  const after = latest ? Date.parse(latest.recordedAt) + 1 : 0;
  const recordedAt = Date.parse(row.recordedAt) < after ? new Date(after).toISOString() : row.recordedAt;
  const full: ConsentRow = { ...row, recordedAt, id: row.id ?? randomUUID() };
  await insertConsentRow(em, full);
  return full;
}

/** The scopes in force for several persons at once (a board of a site): one query. */
export async function givenScopesOf(
  em: EntityManager,
  personIds: readonly string[],
): Promise<Map<string, Set<ConsentScope>>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const rows = await consentRowsOfPersons(em, ids);
  const byPerson = new Map<string, ConsentRow[]>();
  for (const row of rows) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row]);
  return new Map(ids.map((id) => [id, scopesGiven((byPerson.get(id) ?? []).sort(newestFirst))]));
}
