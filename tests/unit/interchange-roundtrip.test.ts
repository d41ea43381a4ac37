/**
 * The interchange format through the real `parcours export` / `parcours import`:
 * export → import into an empty centre → export again gives the same records; importing the same
 * file twice changes nothing; a file with one bad line imports nothing and names the line.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The CLI picks its language when it is loaded: pin French before the import below.
vi.hoisted(() => {
  process.env.PARCOURS_LANG = 'fr';
});

import { cli, message } from './helpers/cli';
import { cliMessages } from '../../shared/i18n/cli';
import { fingerprint } from '../../electron/core/db/fingerprint';
import { Keyring } from '../../electron/core/db/keyring';
import { unwrapKey } from '../../electron/core/db/keywrap';
import { openEncrypted, type SqliteHandle } from '../../electron/core/db/sqlite';
import { databasePath } from '../../electron/core/db/store';
import { ImportRefused, importText } from '../../electron/core/interchange/import';
import { ADMIN, setUpCentre, startCore, tempDir } from './helpers/core';

const fr = cliMessages.fr;
const LOGIN = { PARCOURS_USER: ADMIN.username, PARCOURS_PASSWORD: ADMIN.password };

// ---------------------------------------------------------------- the `parcours` command in-process

// ---------------------------------------------------------------- stores

async function withDb<T>(
  dir: string,
  username: string,
  password: string,
  work: (db: SqliteHandle) => T,
): Promise<T> {
  const ring = Keyring.load(dir);
  const account = ring?.account(username);
  const key = account ? await unwrapKey(account.wrapped, password) : null;
  if (!ring || !key) throw new Error(`no key for ${username}`);
  const db = openEncrypted({ file: databasePath(dir), key, cipher: ring.cipher, readonly: true });
  key.fill(0);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/**
 * The store's content minus what a CLI login itself writes (a `login` audit entry and the
 * account's `last_login_at`): equal before and after a command means the command wrote nothing.
 */
function contentState(db: SqliteHandle): unknown {
  const fp = fingerprint(db);
  delete fp.audit_log;
  delete fp.staff_user;
  const users = (
    db.prepare('SELECT * FROM staff_user ORDER BY id').all() as Array<Record<string, unknown>>
  ).map(({ last_login_at: _ignored, ...rest }) => rest);
  const audit = db.prepare("SELECT * FROM audit_log WHERE action <> 'login' ORDER BY seq").all();
  return { fp, users, audit };
}

function auditActions(
  db: SqliteHandle,
): Array<{ action: string; actor_id: string | null; detail: string | null }> {
  return db.prepare('SELECT action, actor_id, detail FROM audit_log ORDER BY seq').all() as Array<{
    action: string;
    actor_id: string | null;
    detail: string | null;
  }>;
}

// ---------------------------------------------------------------- records

type Json = Record<string, unknown>;
function readRecords(file: string): Json[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Json);
}
function withoutExportedAt(records: Json[]): Json[] {
  return records.map((r) => (r.type === 'header' ? { ...r, exportedAt: '(ignored)' } : r));
}

/** A centre with some history: sites (one closed, one without a city), several roles, a deactivated account. */
async function centreA() {
  const t = await setUpCentre();
  const centre = await t.must('centre.get', {}, t.token);
  await t.must(
    'centre.update',
    {
      version: centre.version,
      name: 'SPOT Montpellier',
      autoLockMinutes: 20,
      unusualReadsPerHour: 25,
      // A centre dialling from Morocco: phones are indexed in that country's national form.
      phoneCountryCode: '+212',
      phoneTrunkPrefix: '0',
      defaultLocale: 'fr',
    },
    t.token,
  );
  const out = centre.sites.find((s) => s.code === 'OUT');
  if (!out) throw new Error('no OUT site');
  await t.must(
    'centre.saveSite',
    { id: out.id, version: out.version, code: 'OUT', name: out.name, timezone: out.timezone, active: false },
    t.token,
  );
  const nim = await t.must(
    'centre.saveSite',
    { code: 'NIM', name: 'Nîmes', timezone: 'Europe/Paris', active: true },
    t.token,
  );
  const nurse = await t.must(
    'users.create',
    {
      username: 'nina',
      displayName: 'Nina Infirmière',
      roles: ['nurse'],
      siteIds: [t.siteIds[0]],
      locale: 'en',
    },
    t.token,
  );
  await t.must(
    'users.create',
    {
      username: 'dr.samir',
      displayName: 'Dr Samir',
      roles: ['specialist', 'doctor'],
      siteIds: [nim.id, t.siteIds[0]],
      usualSiteId: nim.id,
    },
    t.token,
  );
  const gone = await t.must(
    'users.create',
    { username: 'youssef', displayName: 'Maître Youssef', roles: ['legal'], siteIds: [nim.id] },
    t.token,
  );
  await t.must('users.deactivate', { id: gone.user.id, version: gone.user.version }, t.token);
  // Dossiers, through the import of the core (no login).
  const me = await t.must('auth.session', {}, t.token);
  await importText(
    t.core.ctx,
    { userId: me.user.id, roles: me.user.roles },
    dossierLines(t.siteIds[0], me.user.id).join('\n'),
  );
  return { ...t, nurse };
}

/** A file as another program (an old spreadsheet export) would write it, for a centre set up by setUpCentre(). */
/** Dossiers as an old program would write them, referring to a site and a staff account by id. */
function dossierLines(siteId: string, staffId: string): string[] {
  return [
    {
      type: 'directory_entry',
      id: 'dir-cegidd',
      name: 'CeGIDD Saint-Éloi',
      kind: 'organisation',
      category: 'cegidd',
      city: 'Montpellier',
      languages: ['fr', 'en'],
      friendliness: ['lgbtqi'],
    },
    {
      type: 'person',
      id: 'old-0001',
      nameUsed: 'Sacha',
      pronouns: 'iel',
      sexAtBirth: 'not_stated',
      birthYear: 1994,
      languages: ['fr'],
      keyPopulations: ['trans', 'sex_worker'],
      healthCoverage: 'ame',
      contact: {
        phone: '06 12 34 56 78',
        channels: ['sms'],
        wording: 'Appel du centre',
        neverContact: false,
      },
      entryDoor: 'outreach',
      siteId,
    },
    {
      type: 'person',
      id: 'old-0002',
      fileNumber: 'ANC-2019-0042',
      nameUsed: 'Karim',
      birthDate: '1988-05-17',
      siteId,
      createdAt: '2019-04-02T10:00:00Z',
    },
    {
      type: 'consent',
      id: 'cons-1',
      personId: 'old-0001',
      scope: 'care_team',
      given: true,
      recordedAt: '2026-01-10T09:00:00Z',
      recordedBy: staffId,
    },
    {
      type: 'appointment',
      id: 'rdv-1',
      personId: 'old-0001',
      siteId,
      professionalId: staffId,
      appointmentType: 'screening',
      startsAt: '2026-01-12T09:00:00Z',
      endsAt: '2026-01-12T09:30:00Z',
      status: 'arrived',
    },
    {
      type: 'visit',
      id: 'vis-1',
      personId: 'old-0001',
      siteId,
      openedAt: '2026-01-12T09:05:00Z',
      closedAt: '2026-01-12T10:00:00Z',
      origin: 'appointment',
      appointmentId: 'rdv-1',
    },
    {
      type: 'interview',
      id: 'ent-1',
      personId: 'old-0001',
      visitId: 'vis-1',
      heldAt: '2026-01-12T09:10:00Z',
      exposures: ['oral'],
      prevention: ['condoms'],
      needs: ['screening'],
      summary: 'Dépistage demandé',
      authorId: staffId,
    },
    {
      type: 'referral',
      id: 'ori-1',
      personId: 'old-0001',
      entryId: 'dir-cegidd',
      reason: 'Dépistage complet',
      referredAt: '2026-01-12T10:00:00Z',
      authorId: staffId,
    },
  ].map((r) => JSON.stringify(r));
}

const FOREIGN_LINES = [
  JSON.stringify({
    type: 'header',
    format: 'parcours-interchange',
    formatVersion: 1,
    exportedAt: '2026-01-15T10:00:00Z',
    centre: 'Ancien logiciel',
  }),
  JSON.stringify({
    type: 'centre',
    id: 'centre-1',
    name: 'SPOT Lyon',
    autoLockMinutes: 5,
    defaultLocale: 'fr',
  }),
  JSON.stringify({
    type: 'site',
    id: 'site-lyo',
    code: 'LYO',
    name: 'Lyon Croix-Rousse',
    city: 'Lyon',
    timezone: 'Europe/Paris',
  }),
  JSON.stringify({ type: 'site', id: 'site-nic', code: 'NIC', name: 'Nice port' }),
  JSON.stringify({
    type: 'user',
    id: 'u-lea',
    username: 'Lea.Martin',
    displayName: 'Léa Martin',
    roles: ['social_worker'],
    siteIds: ['site-lyo'],
  }),
  JSON.stringify({
    type: 'user',
    id: 'u-marc',
    username: 'marc',
    displayName: 'Marc D.',
    roles: ['psychologist', 'community_worker'],
    siteIds: ['site-nic', 'site-lyo'],
  }),
  JSON.stringify({
    type: 'user',
    id: 'u-ines',
    username: 'ines',
    displayName: 'Inès',
    roles: ['nurse'],
    siteIds: ['site-nic'],
    active: false,
    locale: 'en',
  }),
];
const FOREIGN = `${FOREIGN_LINES.join('\n')}\n`;
const FOREIGN_WITH_DOSSIERS = `${[...FOREIGN_LINES, ...dossierLines('site-lyo', 'u-lea')].join('\n')}\n`;

function withLine(lineNumber: number, content: string): string {
  const lines = [...FOREIGN_LINES];
  lines[lineNumber - 1] = content;
  return `${lines.join('\n')}\n`;
}

describe('interchange with `parcours export` / `parcours import`', () => {
  it('export → import into an empty folder (founds the centre) → export again gives the same records', async () => {
    const a = await centreA();
    await a.core.close();
    const work = tempDir();
    const f1 = path.join(work, 'centre-a.jsonl');
    const exported = await cli(['export', '--data', a.dataDir, '--out', f1], {
      ...LOGIN,
      PARCOURS_RECOVERY_CODE: a.recoveryCode,
    });
    expect(exported.code, exported.err).toBe(0);
    const records = readRecords(f1);
    expect(exported.out).toBe(message(fr.exportDone, { count: records.length - 1, file: f1 }));
    // The file is personal data in clear: readable by this account only.
    if (process.platform !== 'win32') expect(statSync(f1).mode & 0o077).toBe(0);
    expect(records[0].type).toBe('header');
    expect(
      records.map((r) => r.type).filter((type) => ['centre', 'site', 'user'].includes(type as string)),
    ).toEqual(['centre', 'site', 'site', 'site', 'user', 'user', 'user', 'user']);
    expect(records[0]).toMatchObject({ type: 'header', format: 'parcours-interchange', formatVersion: 1 });
    // No secret travels: no password, no wrapped key, no recovery code.
    expect(readFileSync(f1, 'utf8')).not.toMatch(/password|wrapped|ciphertext|recovery|salt/i);

    const empty = path.join(work, 'nouveau-centre');
    const newPassword = 'Migration-Parcours-2026';
    const imported = await cli(['import', '--data', empty, f1], {
      PARCOURS_ADMIN_USER: ADMIN.username,
      PARCOURS_ADMIN_PASSWORD: newPassword,
    });
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/CODE DE RÉCUPÉRATION/);
    // Only the coordinator who founded it can open it; the other accounts wait for a reset.
    const ring = Keyring.load(empty)?.snapshot();
    expect(Object.values(ring?.accounts ?? {}).map((acc) => acc.userId)).toEqual([
      records.find((r) => r.type === 'user' && r.username === ADMIN.username)?.id,
    ]);

    const f2 = path.join(work, 'centre-b.jsonl');
    const again = await cli(['export', '--data', empty, '--out', f2], {
      PARCOURS_USER: ADMIN.username,
      PARCOURS_PASSWORD: newPassword,
      PARCOURS_RECOVERY_CODE: imported.out.match(/[A-Z0-9]{4}(?:-[A-Z0-9]{4}){7}/)?.[0] ?? '',
    });
    expect(again.code, again.err).toBe(0);
    expect(withoutExportedAt(readRecords(f2))).toEqual(withoutExportedAt(records));

    const actions = await withDb(empty, ADMIN.username, newPassword, (db) =>
      auditActions(db).map((e) => e.action),
    );
    // Each account the file brings gets its roles audited on its own (the founder's are unchanged).
    expect(actions).toEqual(['setup', 'update', 'update', 'update', 'import', 'login', 'export']);
    // The centre's settings and an account's usual site travel too, and the new store searches
    // phones in the file's national form: "+212 6 12…" finds the "06 12 34 56 78" it brought.
    expect(records.find((r) => r.type === 'centre')).toMatchObject({
      unusualReadsPerHour: 25,
      phoneCountryCode: '+212',
      phoneTrunkPrefix: '0',
    });
    const samir = records.find((r) => r.type === 'user' && r.username === 'dr.samir');
    expect(samir?.usualSiteId).toBe(records.find((r) => r.type === 'site' && r.code === 'NIM')?.id);
    const b = await startCore(empty);
    const session = await b.must('auth.login', { username: ADMIN.username, password: newPassword });
    const found = await b.must('persons.search', { query: '+212 612345678' }, session.token);
    expect(found.map((p) => p.nameUsed)).toEqual(['Sacha']);
    await b.core.close();
  });

  it('importing the same file twice into a centre that is set up: the second time changes nothing', async () => {
    const b = await setUpCentre();
    await b.core.close();
    const file = path.join(tempDir(), 'ancien-logiciel.jsonl');
    writeFileSync(file, FOREIGN);

    const first = await cli(['import', '--data', b.dataDir, file], LOGIN);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toBe(message(fr.importDone, { created: 5, updated: 1, unchanged: 0 }));
    const after1 = await withDb(b.dataDir, ADMIN.username, ADMIN.password, contentState);

    const second = await cli(['import', '--data', b.dataDir, file], LOGIN);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toBe(message(fr.importDone, { created: 0, updated: 0, unchanged: 6 }));
    expect(await withDb(b.dataDir, ADMIN.username, ADMIN.password, contentState)).toEqual(after1);

    // In the core, without a login in between: the whole fingerprint, audit log included, is identical.
    const t = await startCore(b.dataDir);
    const s = await t.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const handle = t.core.ctx.vault.requireStore().handle;
    const before = fingerprint(handle);
    expect(await importText(t.core.ctx, { userId: s.user.id, roles: s.user.roles }, FOREIGN)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 6,
    });
    expect(fingerprint(handle)).toEqual(before);
  });

  it('importing dossiers twice (persons, consents, appointments, visits, interviews, referrals): the second time changes nothing', async () => {
    const t = await setUpCentre();
    const me = await t.must('auth.session', {}, t.token);
    const actor = { userId: me.user.id, roles: me.user.roles };
    const handle = t.core.ctx.vault.requireStore().handle;
    expect(await importText(t.core.ctx, actor, FOREIGN_WITH_DOSSIERS)).toEqual({
      created: 13,
      updated: 1,
      unchanged: 0,
    });
    const before = fingerprint(handle);
    // As an old program writes them: optional fields left out (also inside `contact`), times without milliseconds.
    expect(await importText(t.core.ctx, actor, FOREIGN_WITH_DOSSIERS)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 14,
    });
    expect(fingerprint(handle)).toEqual(before);
  });

  const badLines: Array<[string, string, string]> = [
    [
      'a site with a lowercase code',
      withLine(4, JSON.stringify({ type: 'site', id: 'site-nic', code: 'nic', name: 'Nice port' })),
      'ligne 4, champ code : site_code_charset',
    ],
    [
      'a user with an unknown role',
      withLine(
        6,
        JSON.stringify({
          type: 'user',
          id: 'u-marc',
          username: 'marc',
          displayName: 'Marc D.',
          roles: ['psychologist', 'janitor'],
          siteIds: ['site-nic'],
        }),
      ),
      'ligne 6, champ roles.1 : invalid_value',
    ],
    [
      'a user referring to an unknown site id',
      withLine(
        7,
        JSON.stringify({
          type: 'user',
          id: 'u-ines',
          username: 'ines',
          displayName: 'Inès',
          roles: ['nurse'],
          siteIds: ['site-nic', 'site-inconnu'],
        }),
      ),
      'ligne 7, champ siteIds.1 : unknown_site',
    ],
    ['invalid JSON', withLine(5, FOREIGN_LINES[4].slice(0, -10)), 'ligne 5, champ - : invalid_json'],
    [
      'an unknown type',
      withLine(3, JSON.stringify({ type: 'patient', id: 'p-1', name: 'Quelqu’un' })),
      'ligne 3, champ type : unknown_type',
    ],
    [
      'a duplicated id',
      withLine(
        7,
        JSON.stringify({
          type: 'user',
          id: 'u-lea',
          username: 'ines',
          displayName: 'Inès',
          roles: ['nurse'],
          siteIds: ['site-nic'],
        }),
      ),
      'ligne 7, champ id : duplicate_id_of_line_5',
    ],
    [
      'a site code already used by another site of the centre',
      withLine(3, JSON.stringify({ type: 'site', id: 'site-lyo', code: 'MTP', name: 'Lyon' })),
      'ligne 3, champ code : site_code_taken',
    ],
    [
      'a user name already taken by another account',
      withLine(
        5,
        JSON.stringify({
          type: 'user',
          id: 'u-lea',
          username: ADMIN.username,
          displayName: 'Léa',
          roles: ['nurse'],
          siteIds: ['site-lyo'],
        }),
      ),
      'ligne 5, champ username : username_taken',
    ],
    [
      'a header from a newer format version',
      withLine(
        1,
        JSON.stringify({
          type: 'header',
          format: 'parcours-interchange',
          formatVersion: 2,
          exportedAt: '2027-01-01T00:00:00Z',
        }),
      ),
      'ligne 1, champ formatVersion : too_big',
    ],
    [
      'an account whose usual site is not one of its sites',
      withLine(
        6,
        JSON.stringify({
          type: 'user',
          id: 'u-marc',
          username: 'marc',
          displayName: 'Marc D.',
          roles: ['psychologist', 'community_worker'],
          siteIds: ['site-lyo'],
          usualSiteId: 'site-nic',
        }),
      ),
      'ligne 6, champ usualSiteId : usual_site_not_assigned',
    ],
    [
      'an unknown field',
      withLine(2, JSON.stringify({ type: 'centre', id: 'centre-1', name: 'SPOT Lyon', colour: 'rouge' })),
      'ligne 2, champ colour : unrecognized_keys',
    ],
  ];

  it.each(badLines)(
    'one bad line (%s): exit 1, names the line and the field, writes nothing',
    async (_name, text, expected) => {
      const b = await setUpCentre();
      const handle = b.core.ctx.vault.requireStore().handle;
      const before = fingerprint(handle);
      // In the core: refused as a whole, fingerprint identical (audit log included).
      const refusal = await importText(b.core.ctx, { userId: 'x', roles: ['coordinator'] }, text).then(
        () => null,
        (err: unknown) => err,
      );
      expect(refusal).toBeInstanceOf(ImportRefused);
      expect((refusal as ImportRefused).errors).toHaveLength(1);
      expect(fingerprint(handle)).toEqual(before);
      await b.core.close();

      // Through the command: exit 1, the line and the field named, nothing written.
      const file = path.join(tempDir(), 'bad.jsonl');
      writeFileSync(file, text);
      const state = await withDb(b.dataDir, ADMIN.username, ADMIN.password, contentState);
      const r = await cli(['import', '--data', b.dataDir, file], LOGIN);
      expect(r.code).toBe(1);
      expect(r.err).toContain(message(fr.importFailed, { count: 1 }));
      expect(r.err).toContain(expected);
      expect(await withDb(b.dataDir, ADMIN.username, ADMIN.password, contentState)).toEqual(state);
    },
  );

  it('a file whose one bad line is only found against the store leaves an empty folder empty', async () => {
    const empty = tempDir();
    const file = path.join(tempDir(), 'bad.jsonl');
    writeFileSync(
      file,
      withLine(
        7,
        JSON.stringify({
          type: 'user',
          id: 'u-ines',
          username: 'ines',
          displayName: 'Inès',
          roles: ['nurse'],
          siteIds: ['site-inconnu'],
        }),
      ),
    );
    const r = await cli(['import', '--data', empty, file], {
      PARCOURS_ADMIN_USER: 'marc',
      PARCOURS_ADMIN_PASSWORD: 'Migration-Parcours-2026',
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('ligne 7, champ siteIds.0 : unknown_site');
    expect(r.out).not.toMatch(/RÉCUPÉRATION/);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('importing into an empty folder checks the founding account like `init` does', async () => {
    const file = path.join(tempDir(), 'ok.jsonl');
    writeFileSync(file, FOREIGN);
    for (const [user, password] of [
      ['marc', 'court'],
      ['m', 'Migration-Parcours-2026'],
      ['marc', 'marc-Migration-2026'],
    ]) {
      const empty = tempDir();
      const r = await cli(['import', '--data', empty, file], {
        PARCOURS_ADMIN_USER: user,
        PARCOURS_ADMIN_PASSWORD: password,
      });
      expect(r.code, `${user} / ${password}`).toBe(1);
      expect(r.err).toContain(fr.invalidField.split(' {{')[0]);
      expect(readdirSync(empty)).toEqual([]);
    }
  });

  it('export needs the data.export permission (a nurse is refused) and is audited', async () => {
    const a = await centreA();
    const nursePassword = 'Infirmiere-Soins-42';
    const nurse = await a.must('auth.login', { username: 'nina', password: a.nurse.temporaryPassword });
    await a.must(
      'auth.changePassword',
      { currentPassword: a.nurse.temporaryPassword, newPassword: nursePassword },
      nurse.token,
    );
    await a.core.close();
    const out = path.join(tempDir(), 'export.jsonl');

    const refused = await cli(['export', '--data', a.dataDir, '--out', out], {
      PARCOURS_USER: 'nina',
      PARCOURS_PASSWORD: nursePassword,
    });
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(message(fr.forbidden, { permission: 'data.export' }));
    expect(existsSync(out)).toBe(false);
    const foreign = path.join(tempDir(), 'foreign.jsonl');
    writeFileSync(foreign, FOREIGN);
    const importRefused = await cli(['import', '--data', a.dataDir, foreign], {
      PARCOURS_USER: 'nina',
      PARCOURS_PASSWORD: nursePassword,
    });
    expect(importRefused.code).toBe(1);
    expect(importRefused.err).toBe(message(fr.forbidden, { permission: 'data.import' }));
    let audit = await withDb(a.dataDir, ADMIN.username, ADMIN.password, auditActions);
    expect(audit.filter((e) => e.action === 'export')).toEqual([]);

    // The coordinator's password alone is not enough: the centre's recovery code is asked too.
    const noCode = await cli(['export', '--data', a.dataDir, '--out', out], {
      ...LOGIN,
      PARCOURS_RECOVERY_CODE: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
    });
    expect(noCode.code).toBe(1);
    expect(noCode.err.trim()).toBe(fr.recoverWrong);
    expect(existsSync(out)).toBe(false);
    const ok = await cli(['export', '--data', a.dataDir, '--out', out], {
      ...LOGIN,
      PARCOURS_RECOVERY_CODE: a.recoveryCode,
    });
    expect(ok.err).toContain(fr.exportWarning);
    expect(ok.code, ok.err).toBe(0);
    audit = await withDb(a.dataDir, ADMIN.username, ADMIN.password, auditActions);
    const adminId = readRecords(out).find((r) => r.username === ADMIN.username)?.id;
    expect(audit.filter((e) => e.action === 'export')).toEqual([
      {
        action: 'export',
        actor_id: adminId,
        detail: JSON.stringify({ records: readRecords(out).length - 1 }),
      },
    ]);
  });
});
