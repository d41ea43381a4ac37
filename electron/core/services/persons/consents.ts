/** Consent per scope, with full history: the current state of a scope is its latest record. */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ConsentState } from '../../../../shared/contract/persons';
import { CONSENT_SCOPES, type ConsentScope } from '../../../../shared/domain/roles';
import { findRows } from '../../db/fast-read';
import { ConsentEntity, type ConsentRow } from './entities';

export async function consentHistory(em: EntityManager, personId: string): Promise<ConsentRow[]> {
  const rows = await findRows(em, ConsentEntity, { personId }, { column: 'recordedAt', direction: 'DESC' });
  // Same instant: the later id first, for a stable order.
  return rows.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt) || b.id.localeCompare(a.id));
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

export async function insertConsent(
  em: EntityManager,
  row: Omit<ConsentRow, 'id'> & { id?: string },
): Promise<ConsentRow> {
  const full: ConsentRow = { ...row, id: row.id ?? randomUUID() };
  await em.getRepository(ConsentEntity).insert(full);
  return full;
}
