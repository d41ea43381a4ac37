/**
 * The person screens live under `#/persons…`: the shell's router only knows the first segment,
 * this module reads the rest. Nothing personal goes into the hash: ids only (a typed name is
 * handed to the creation form in memory, see new-person-draft.ts).
 */
import { useSyncExternalStore } from 'react';

export const DOSSIER_TABS = [
  'identity',
  'consents',
  'pathway',
  'interviews',
  'referrals',
  'timeline',
  'access',
] as const;
export type DossierTab = (typeof DOSSIER_TABS)[number];

export type PersonsView =
  | { kind: 'search' }
  | { kind: 'new' }
  | { kind: 'dossier'; id: string; tab: DossierTab | null }
  | { kind: 'edit'; id: string }
  | { kind: 'interview'; personId: string; interviewId: string | null; visitId: string | null };

function isTab(value: string | null): value is DossierTab {
  return value !== null && (DOSSIER_TABS as readonly string[]).includes(value);
}

export function personsViewFromHash(hash: string): PersonsView {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const [root, id, sub, subId] = path.split('/').map((part) => decodeURIComponent(part));
  if (root !== 'persons' || !id) return { kind: 'search' };
  if (id === 'new') return { kind: 'new' };
  if (sub === 'edit') return { kind: 'edit', id };
  if (sub === 'interview')
    return { kind: 'interview', personId: id, interviewId: subId || null, visitId: params.get('visit') };
  const tab = params.get('tab');
  return { kind: 'dossier', id, tab: isTab(tab) ? tab : null };
}

const enc = encodeURIComponent;

export const personsHref = {
  search: () => '#/persons',
  create: () => '#/persons/new',
  dossier: (id: string, tab?: DossierTab) => `#/persons/${enc(id)}${tab ? `?tab=${tab}` : ''}`,
  edit: (id: string) => `#/persons/${enc(id)}/edit`,
  interview: (personId: string, options: { interviewId?: string | null; visitId?: string | null } = {}) =>
    `#/persons/${enc(personId)}/interview${options.interviewId ? `/${enc(options.interviewId)}` : ''}${
      options.visitId ? `?visit=${enc(options.visitId)}` : ''
    }`,
};

/** Goes to a person screen (an href from `personsHref`). */
export function goTo(href: string): void {
  if (window.location.hash !== href) window.location.hash = href.slice(1);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

function currentHash(): string {
  return window.location.hash;
}

export function usePersonsView(): PersonsView {
  const hash = useSyncExternalStore(subscribe, currentHash, currentHash);
  return personsViewFromHash(hash);
}
