/**
 * A bench centre (a coordinator and a reception worker who is also a doctor, sessions that do not
 * lock) and persons written straight into its store with their search rows: what long-reads.ts
 * measures on. The search and dossier figures at scale are in scale.ts, on imported centres.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core';
import { digitsOnly, normalizeText } from '../../electron/core/services/persons/normalize';
import { percentile } from './stats';

const KDF = { N: 2 ** 12, r: 8, p: 1 };
const FIRST = [
  'Amélie',
  'Jo',
  'Karim',
  'Lou',
  'Mamadou',
  'Sacha',
  'Yasmine',
  'Thomas',
  'Inès',
  'Noé',
  'Fatou',
  'Rayan',
  'Camille',
  'Dimitri',
  'Maëlle',
  'Hugo',
  'Awa',
  'Bastien',
  'Zoé',
  'Ilyes',
  'Lina',
  'Marco',
  'Nadia',
  'Alex',
];
const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Ndiaye',
  'Benali',
  'Garcia',
  'Moreau',
  'Diallo',
  'Lefèvre',
  'Haddad',
  'Nguyen',
  'Petit',
  'Roux',
  'Traoré',
  'Fontaine',
];

export function p95(values: number[]): number {
  return percentile(values, 95);
}

export interface Centre {
  core: Core;
  dir: string;
  token: string;
  siteId: string;
  userId: string;
}

export async function centre(): Promise<Centre> {
  const dir = mkdtempSync(path.join(tmpdir(), 'parcours-bench-'));
  const core = await createCore({ dataDir: dir, kdfCost: KDF, log: () => undefined });
  const call = async (channel: string, input: unknown, token?: string) => {
    const r = await core.dispatch(channel, input, { token, transport: 'http' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
    return r.value as Record<string, unknown>;
  };
  await call('setup.initialize', {
    centreName: 'Bench',
    sites: [{ code: 'MTP', name: 'Montpellier' }],
    admin: { username: 'coord', displayName: 'Coord', password: 'Bench-password-2026' },
  });
  const admin = (await call('auth.login', { username: 'coord', password: 'Bench-password-2026' })) as {
    token: string;
    user: { sites: Array<{ id: string }> };
  };
  const siteId = admin.user.sites[0].id;
  const { temporaryPassword, user } = (await call(
    'users.create',
    { username: 'kasey', displayName: 'Kasey', roles: ['community_worker', 'doctor'], siteIds: [siteId] },
    admin.token,
  )) as {
    temporaryPassword: string;
    user: { id: string };
  };
  const first = (await call('auth.login', { username: 'kasey', password: temporaryPassword })) as {
    token: string;
  };
  await call(
    'auth.changePassword',
    { currentPassword: temporaryPassword, newPassword: 'Bench-worker-2026' },
    first.token,
  );
  // The bench runs for minutes: keep the session from locking.
  await call(
    'centre.update',
    { version: 1, name: 'Bench', autoLockMinutes: 240, defaultLocale: 'fr' },
    admin.token,
  );
  return { core, dir, token: first.token, siteId, userId: user.id };
}

/** Persons written straight into the store, with their search rows. */
export function fillPersons(c: Centre, count: number): void {
  const db = c.core.ctx.vault.requireStore().handle;
  const now = new Date().toISOString();
  const person = db.prepare(
    `INSERT INTO person (id, file_number, site_id, name_used, legal_name, birth_year, languages, key_populations, health_coverage, phone, contact_channels, never_contact, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, '["fr"]', '[]', 'unknown', ?, '[]', 0, ?, ?, 1)`,
  );
  // The search index's layout (search-index.ts): a row table, and the FTS5 trigram index over it.
  // Name rows carry the birth year (the duplicate check's key).
  const row = db.prepare(
    'INSERT INTO person_search_row (person_id, field, text, birth_year) VALUES (?, ?, ?, ?)',
  );
  const trigrams = db.prepare('INSERT INTO person_search (rowid, text) VALUES (?, ?)');
  const index = (personId: string, field: string, text: string, year: number | null = null) =>
    trigrams.run(row.run(personId, field, text, year).lastInsertRowid, text);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i % 7 === 0 ? '' : ` ${i}`}`;
      const legal = i % 3 === 0 ? `${LAST[i % LAST.length]} ${FIRST[(i * 7) % FIRST.length]}` : null;
      const fileNumber = `MTP-20${String(15 + (i % 11)).padStart(2, '0')}-${String(i).padStart(5, '0')}`;
      const phone = i % 2 ? `06${String(10_000_000 + i).slice(-8)}` : null;
      const year = 1960 + (i % 45);
      person.run(id, fileNumber, c.siteId, name, legal, year, phone, now, now);
      index(id, 'name_used', normalizeText(name), year);
      index(id, 'file_number', normalizeText(fileNumber));
      if (legal) index(id, 'legal_name', normalizeText(legal), year);
      if (phone) index(id, 'phone', digitsOnly(phone));
    }
  })();
}
