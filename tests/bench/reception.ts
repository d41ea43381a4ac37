/**
 * Reception benchmarks (issue: reception and the dossier), side by side in one run:
 * - search over 100,000 persons through the app's whole path (dispatch: validation, session, gate,
 *   ranking) against the raw SQL it runs; target p95 ≤ 50 ms and ≤ 1.5×;
 * - opening a heavy dossier (ten years: 200 visits, 200 interviews, 100 appointments, 50
 *   referrals) through the app (gate, audit entries included) against hand-written SQL reading the
 *   same rows; target p95 ≤ 150 ms and ≤ 2×.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../../electron/core';
import { digitsOnly, normalizeText } from '../../electron/core/services/persons/normalize';
import { keyedEntryHash } from '../../electron/core/audit/audit-log';
import { median, ms, ratio, table } from './stats';

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
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
}

async function timeEach<T>(items: readonly T[], work: (item: T) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const start = performance.now();
    await work(item);
    times.push(performance.now() - start);
  }
  return times;
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

/** 100,000 persons written straight into the store, with their search rows. */
export function fillPersons(c: Centre, count: number): void {
  const db = c.core.ctx.vault.requireStore().handle;
  const now = new Date().toISOString();
  const person = db.prepare(
    `INSERT INTO person (id, file_number, site_id, name_used, legal_name, birth_year, languages, key_populations, health_coverage, phone, contact_channels, never_contact, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, '["fr"]', '[]', 'unknown', ?, '[]', 0, ?, ?, 1)`,
  );
  // The search index's layout (search-index.ts): a row table, and the FTS5 trigram index over it.
  const row = db.prepare('INSERT INTO person_search_row (person_id, field, text) VALUES (?, ?, ?)');
  const trigrams = db.prepare('INSERT INTO person_search (rowid, text) VALUES (?, ?)');
  const index = (personId: string, field: string, text: string) =>
    trigrams.run(row.run(personId, field, text).lastInsertRowid, text);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i % 7 === 0 ? '' : ` ${i}`}`;
      const legal = i % 3 === 0 ? `${LAST[i % LAST.length]} ${FIRST[(i * 7) % FIRST.length]}` : null;
      const fileNumber = `MTP-20${String(15 + (i % 11)).padStart(2, '0')}-${String(i).padStart(5, '0')}`;
      const phone = i % 2 ? `06${String(10_000_000 + i).slice(-8)}` : null;
      person.run(id, fileNumber, c.siteId, name, legal, 1960 + (i % 45), phone, now, now);
      index(id, 'name_used', normalizeText(name));
      index(id, 'file_number', normalizeText(fileNumber));
      if (legal) index(id, 'legal_name', normalizeText(legal));
      if (phone) index(id, 'phone', digitsOnly(phone));
    }
  })();
}

async function benchSearch(c: Centre): Promise<string> {
  const queries = Array.from({ length: 300 }, (_, i) => {
    const kind = i % 4;
    if (kind === 0) return FIRST[i % FIRST.length].slice(1, 5);
    if (kind === 1) return `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`;
    if (kind === 2) return String(10_000 + i * 37).slice(-5);
    return LAST[i % LAST.length].toUpperCase();
  });
  const db = c.core.ctx.vault.requireStore().handle;
  // The raw query the search path runs (search-index.ts), prepared once and run directly.
  const raw = db.prepare(
    `SELECT s.person_id AS personId, s.field AS field, s.text AS text, p.file_number AS fileNumber, p.name_used AS nameUsed, p.pronouns AS pronouns,
       p.birth_date AS birthDate, p.birth_year AS birthYear, st.code AS siteCode,
       (SELECT COUNT(*) FROM visit v WHERE v.person_id = p.id AND v.closed_at IS NULL) AS openVisits
     FROM person_search f JOIN person_search_row s ON s.id = f.rowid JOIN person p ON p.id = s.person_id JOIN site st ON st.id = p.site_id
     WHERE person_search MATCH ? AND p.merged_into IS NULL LIMIT 200`,
  );
  const app = (q: string) =>
    c.core.dispatch('persons.search', { query: q, limit: 20 }, { token: c.token, transport: 'http' });
  for (const q of queries.slice(0, 20)) await app(q); // warm-up
  const appTimes = await timeEach(queries, app);
  const rawTimes = await timeEach(queries, (q) => raw.all(`"${normalizeText(q) || digitsOnly(q)}"`));
  return table(
    ['search over 100,000 persons', 'p50', 'p95', 'target'],
    [
      ['app (dispatch → ranked results)', ms(median(appTimes)), ms(p95(appTimes)), '≤ 50 ms'],
      ['raw SQL it runs (FTS5 trigram + person)', ms(median(rawTimes)), ms(p95(rawTimes)), ''],
      [
        'ratio app / raw',
        ratio(median(appTimes) / median(rawTimes)),
        ratio(p95(appTimes) / p95(rawTimes)),
        '≤ 1.50×',
      ],
    ],
  );
}

/** Ten years of one person: 200 visits, 200 interviews, 100 appointments, 50 referrals. */
function fillHeavyDossier(c: Centre): string {
  const db = c.core.ctx.vault.requireStore().handle;
  const personId = randomUUID();
  const t0 = Date.parse('2016-01-05T10:00:00Z');
  const at = (i: number, spread: number) => new Date(t0 + i * spread).toISOString();
  db.transaction(() => {
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO person (id, file_number, site_id, name_used, birth_year, languages, key_populations, health_coverage, contact_channels, never_contact, created_at, updated_at, version)
       VALUES (?, 'MTP-2016-99999', ?, 'Dossier lourd', 1980, '[]', '[]', 'unknown', '[]', 0, ?, ?, 1)`,
    ).run(personId, c.siteId, now, now);
    for (const scope of ['care_team', 'contact', 'external_referral']) {
      db.prepare(
        'INSERT INTO person_consent (id, person_id, scope, given, recorded_at, recorded_by) VALUES (?, ?, ?, 1, ?, ?)',
      ).run(randomUUID(), personId, scope, at(0, 0), c.userId);
    }
    const entry = randomUUID();
    db.prepare(
      `INSERT INTO directory_entry (id, name, kind, category, languages, friendliness, internal, active, created_at, updated_at, version) VALUES (?, 'CHU', 'organisation', 'hospital_service', '[]', '[]', 0, 1, ?, ?, 1)`,
    ).run(entry, now, now);
    const day = 18 * 86_400_000;
    for (let i = 0; i < 200; i++) {
      const visit = randomUUID();
      db.prepare(
        `INSERT INTO visit (id, person_id, site_id, opened_at, closed_at, origin, step, step_since, priority, next_steps, requeued, created_at, updated_at, version)
         VALUES (?, ?, ?, ?, ?, 'walk_in', 'done', ?, 'normal', '["screening"]', 0, ?, ?, 1)`,
      ).run(visit, personId, c.siteId, at(i, day), at(i, day), at(i, day), now, now);
      db.prepare(
        `INSERT INTO interview (id, person_id, visit_id, held_at, reason, exposures, prevention, substances, chemsex, violence_screening, needs, summary, notes, created_by, created_at, updated_at, version)
         VALUES (?, ?, ?, ?, 'Dépistage', '["oral"]', '["condoms"]', '[]', 0, 'none', '["screening"]', 'Résumé de l’entretien de suivi', 'Notes détaillées de l’entretien, plusieurs lignes de texte.', ?, ?, ?, 1)`,
      ).run(randomUUID(), personId, visit, at(i, day), c.userId, now, now);
    }
    for (let i = 0; i < 100; i++) {
      db.prepare(
        `INSERT INTO appointment (id, person_id, site_id, professional_id, type, starts_at, ends_at, walk_in_slot, status, created_at, updated_at, version)
         VALUES (?, ?, ?, ?, 'prep', ?, ?, 0, 'arrived', ?, ?, 1)`,
      ).run(randomUUID(), personId, c.siteId, c.userId, at(i, 2 * day), at(i, 2 * day), now, now);
    }
    for (let i = 0; i < 50; i++) {
      db.prepare(
        `INSERT INTO referral (id, person_id, entry_id, reason, referred_at, status, created_by, created_at, updated_at, version) VALUES (?, ?, ?, 'Suivi', ?, 'attended', ?, ?, ?, 1)`,
      ).run(randomUUID(), personId, entry, at(i, 4 * day), c.userId, now, now);
    }
  })();
  return personId;
}

async function benchDossier(c: Centre, personId: string): Promise<string> {
  const db = c.core.ctx.vault.requireStore().handle;
  const statements = [
    db.prepare('SELECT * FROM person WHERE id = ?'),
    db.prepare('SELECT * FROM person_consent WHERE person_id = ? ORDER BY recorded_at DESC'),
    db.prepare('SELECT * FROM visit WHERE person_id = ? ORDER BY opened_at DESC'),
    db.prepare('SELECT * FROM appointment WHERE person_id = ? ORDER BY starts_at DESC'),
    db.prepare('SELECT * FROM interview WHERE person_id = ? ORDER BY held_at DESC'),
    db.prepare(
      'SELECT r.*, e.name FROM referral r JOIN directory_entry e ON e.id = r.entry_id WHERE r.person_id = ? ORDER BY referred_at DESC',
    ),
  ];
  // The same work by hand: the same rows read, and the same five audited reads appended (with the
  // hash chain) in one transaction — opening a dossier is never a read-only act.
  const lastAudit = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  // Keyed as the core keys it (HMAC under the store's K_audit).
  const auditKey = c.core.ctx.vault.requireStore().auditKey.key;
  const insertAudit = db.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, action, section, person_id, target_type, target_id, site_id, reason, detail, prev_hash, hash, chain_version) VALUES (?, ?, ?, 'read', ?, ?, NULL, NULL, NULL, NULL, NULL, ?, ?, 2)`,
  );
  const handWritten = db.transaction((id: string) => {
    for (const s of statements) s.all(id);
    const last = lastAudit.get() as { seq: number; hash: string };
    let prev = last.hash;
    ['identity', 'consent', 'pathway', 'interview', 'referrals'].forEach((section, i) => {
      const fields = {
        seq: last.seq + i + 1,
        at: new Date().toISOString(),
        actorId: c.userId,
        action: 'read',
        section,
        personId: id,
        targetType: null,
        targetId: null,
        siteId: null,
        reason: null,
        detail: null,
        prevHash: prev,
      };
      const hash = keyedEntryHash(auditKey, fields);
      insertAudit.run(fields.seq, fields.at, c.userId, section, id, prev, hash);
      prev = hash;
    });
  });
  const runs = Array.from({ length: 60 }, () => personId);
  const app = () =>
    c.core.dispatch('persons.dossier', { id: personId }, { token: c.token, transport: 'http' });
  for (let i = 0; i < 5; i++) await app();
  const appTimes = await timeEach(runs, app);
  const rawTimes = await timeEach(runs, (id) => handWritten(id));
  return table(
    ['heavy dossier (200 visits, 200 interviews, 100 appts, 50 referrals)', 'p50', 'p95', 'target'],
    [
      ['app (dispatch → gate → audited dossier)', ms(median(appTimes)), ms(p95(appTimes)), '≤ 150 ms'],
      [
        'hand-written SQL: same rows read, same audit rows written',
        ms(median(rawTimes)),
        ms(p95(rawTimes)),
        '',
      ],
      [
        'ratio app / SQL',
        ratio(median(appTimes) / median(rawTimes)),
        ratio(p95(appTimes) / p95(rawTimes)),
        '≤ 2.00×',
      ],
    ],
  );
}

export async function benchReception(): Promise<string> {
  const c = await centre();
  try {
    const started = performance.now();
    fillPersons(c, 100_000);
    const filled = `  (100,000 persons written in ${ms(performance.now() - started)})`;
    const search = await benchSearch(c);
    const dossier = await benchDossier(c, fillHeavyDossier(c));
    return [search, filled, '', dossier].join('\n');
  } finally {
    await c.core.close();
    rmSync(c.dir, { recursive: true, force: true });
  }
}
