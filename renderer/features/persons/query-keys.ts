/**
 * Cache keys of the person screens. Everything cached about one person — whichever feature reads
 * it (dossier, consents, a section's own channel) — is keyed under `personsKeys.person(id)`, so a
 * change to that person refreshes all of it without knowing the features:
 * `[...personsKeys.person(id), 'interviews']`.
 */
import type { ChannelInput } from '../../../shared/contract';
import { appointmentsKeys } from '../appointments/query-keys';
import { visitsKeys } from '../visits/query-keys';

export const personsKeys = {
  /** Every search, whatever was typed: an arrival or a new file changes them all. */
  searches: ['persons', 'search'] as const,
  search: (query: string, limit: number) => ['persons', 'search', query, limit] as const,
  duplicates: (probe: ChannelInput<'persons.duplicates'> | null) => ['persons', 'duplicates', probe] as const,
  /** The prefix of everything cached about one person. */
  person: (id: string) => ['person', id] as const,
  get: (id: string) => ['person', id, 'persons', 'get'] as const,
  dossier: (id: string) => ['person', id, 'persons', 'dossier'] as const,
  consents: (id: string) => ['person', id, 'persons', 'consents'] as const,
  accessLog: (id: string) => ['person', id, 'persons', 'accessLog'] as const,
  timeline: (id: string) => ['person', id, 'persons', 'timeline'] as const,
};

/**
 * What a change to a person or to their pathway makes stale: everything cached about them, the
 * searches (names, "here today"), and the screens that show them by name (board, agenda).
 */
export function personChanged(personId: string) {
  return [personsKeys.person(personId), personsKeys.searches, visitsKeys.all, appointmentsKeys.all];
}
