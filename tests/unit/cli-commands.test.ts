/**
 * The `parcours` command line, in-process through `main(argv)` (production scrypt cost: every
 * login here costs a fraction of a second, so the number of logins is kept small).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The CLI picks its language when it is loaded: pin French before the import below.
vi.hoisted(() => {
  process.env.PARCOURS_LANG = 'fr';
});

import { cli, message, type Main } from './helpers/cli';
import { cliMessages } from '../../shared/i18n/cli';
import { ROLES } from '../../shared/domain/roles';
import { CHAMS_ACCOUNTS } from '../../electron/server/commands/demo-chams-people';
import { ADMIN, setUpCentre, startCore } from './helpers/core';

const fr = cliMessages.fr;
const en = cliMessages.en;

// ---------------------------------------------------------------- the `parcours` command in-process

function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of readdirSync(dir))
    result[name] = createHash('sha256')
      .update(readFileSync(path.join(dir, name)))
      .digest('hex');
  return result;
}

const RECOVERY = /[A-Z0-9]{4}(?:-[A-Z0-9]{4}){7}/g;
/** The demo replays a year of a centre's life (over a thousand channel calls): more than the default. */
const DEMO_TIMEOUT_MS = 180_000;
const INIT_ARGS = [
  '--centre',
  'SPOT Montpellier',
  '--site',
  'MTP:Montpellier centre:Montpellier',
  '--site',
  'OUT:Hors les murs',
];
const ADMIN_ENV = { PARCOURS_ADMIN_USER: ADMIN.username, PARCOURS_ADMIN_PASSWORD: ADMIN.password };

let root: string;
let dirInit: string;
let recoveryCode = '';

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'parcours-cli-'));
  dirInit = path.join(root, 'centre');
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('parcours (French by default)', () => {
  it('init without a terminal: the recovery code is printed once; a second init refuses and changes nothing', async () => {
    const r = await cli(['init', '--data', dirInit, ...INIT_ARGS], ADMIN_ENV);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(message(fr.initDone, { centre: 'SPOT Montpellier', dir: dirInit }));
    const codes = `${r.out}\n${r.err}`.match(RECOVERY) ?? [];
    expect(codes).toHaveLength(1);
    recoveryCode = codes[0] ?? '';
    expect(r.out).toContain(message(fr.recoveryCode, { code: recoveryCode }));
    expect(`${r.out}\n${r.err}`).not.toContain(ADMIN.password);
    // The code is only shown: it is not kept anywhere in the folder, which is for this account only.
    for (const name of readdirSync(dirInit)) {
      expect(readFileSync(path.join(dirInit, name)).includes(Buffer.from(recoveryCode))).toBe(false);
      if (process.platform !== 'win32') expect(statSync(path.join(dirInit, name)).mode & 0o077, name).toBe(0);
    }
    if (process.platform !== 'win32') expect(statSync(dirInit).mode & 0o077).toBe(0);

    const before = snapshot(dirInit);
    const again = await cli(['init', '--data', dirInit, '--centre', 'Autre centre', '--site', 'LYO:Lyon'], {
      PARCOURS_ADMIN_USER: 'autre',
      PARCOURS_ADMIN_PASSWORD: 'Autre-Centre-2026',
    });
    expect(again.code).toBe(1);
    expect(again.err.trim()).toBe(fr.alreadySetUp);
    expect(again.out).not.toMatch(RECOVERY);
    expect(snapshot(dirInit)).toEqual(before);

    // The account works: `audit verify` logs in and reads.
    const verify = await cli(['audit', 'verify', '--data', dirInit], {
      PARCOURS_USER: ADMIN.username,
      PARCOURS_PASSWORD: ADMIN.password,
    });
    expect(verify.code, verify.err).toBe(0);
  });

  it('init checks its input: a bad site or a weak password is refused with exit 2 / 1 and creates nothing', async () => {
    const dir = path.join(root, 'bad-init');
    const badSite = await cli(
      ['init', '--data', dir, '--centre', 'X', '--site', 'mtp:Montpellier'],
      ADMIN_ENV,
    );
    expect(badSite.code).toBe(2);
    expect(badSite.err.trim()).toBe(message(fr.badSite, { value: 'mtp:Montpellier' }));
    const weak = await cli(['init', '--data', dir, ...INIT_ARGS], {
      PARCOURS_ADMIN_USER: ADMIN.username,
      PARCOURS_ADMIN_PASSWORD: 'court',
    });
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('admin.password');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('a wrong password gets a calm message and exit 1, and leaves the database untouched', async () => {
    const t = await setUpCentre();
    await t.core.close();
    const db = () =>
      createHash('sha256')
        .update(readFileSync(path.join(t.dataDir, 'parcours.db')))
        .digest('hex');
    const before = db();
    const r = await cli(['audit', 'verify', '--data', t.dataDir], {
      PARCOURS_USER: ADMIN.username,
      PARCOURS_PASSWORD: 'Mauvais-Mot-De-Passe',
    });
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(fr.wrongCredentials);
    expect(r.out).toBe('');
    expect(`${r.out}${r.err}`).not.toMatch(/Mauvais-Mot-De-Passe|Error|\bat /);
    // An unknown user name gets exactly the same answer.
    const unknown = await cli(['audit', 'verify', '--data', t.dataDir], {
      PARCOURS_USER: 'personne',
      PARCOURS_PASSWORD: 'Mauvais-Mot-De-Passe',
    });
    expect(unknown.code).toBe(1);
    expect(unknown.err.trim()).toBe(fr.wrongCredentials);
    expect(db()).toBe(before);
  });

  it('a temporary password opens nothing from the command line either: change it in the app first', async () => {
    const t = await setUpCentre();
    const { temporaryPassword } = await t.must(
      'users.create',
      { username: 'alix', displayName: 'Alix', roles: ['coordinator'], siteIds: t.siteIds },
      t.token,
    );
    await t.core.close();
    const out = path.join(t.dataDir, '..', `export-${path.basename(t.dataDir)}.jsonl`);
    const r = await cli(['export', '--data', t.dataDir, '--out', out], {
      PARCOURS_USER: 'alix',
      PARCOURS_PASSWORD: temporaryPassword,
    });
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(fr.mustChangePassword);
    expect(existsSync(out)).toBe(false);
  });

  it('importing a file that does not exist says so and writes nothing', async () => {
    const t = await setUpCentre();
    await t.core.close();
    const before = snapshot(t.dataDir);
    const missing = path.join(t.dataDir, 'nulle-part.jsonl');
    const r = await cli(['import', '--data', t.dataDir, missing], {
      PARCOURS_USER: ADMIN.username,
      PARCOURS_PASSWORD: ADMIN.password,
    });
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(message(fr.fileNotFound, { file: missing }));
    expect(snapshot(t.dataDir)).toEqual(before);
  });

  it('no credentials and no terminal: a clear message and exit 2', async () => {
    const out = path.join(root, 'never.parcours-backup');
    const backup = await cli(['backup', '--data', dirInit, '--out', out]);
    expect(backup.code).toBe(2);
    expect(backup.err.trim()).toBe(fr.noCredentials);
    expect(existsSync(out)).toBe(false);
    const onlyUser = await cli(['export', '--data', dirInit, '--out', out], {
      PARCOURS_USER: ADMIN.username,
    });
    expect(onlyUser.code).toBe(2);
    expect(onlyUser.err.trim()).toBe(fr.noCredentials);
    const init = await cli(['init', '--data', path.join(root, 'no-admin'), ...INIT_ARGS]);
    expect(init.code).toBe(2);
    expect(init.err.trim()).toBe(fr.noCredentials);
    const recover = await cli(['recover', '--data', dirInit, '--user', ADMIN.username]);
    expect(recover.code).toBe(2);
    expect(recover.err.trim()).toBe(fr.noCredentials);
  });

  it('usage: an unknown command, no command, an unknown option or a missing one → exit 2; --help → exit 0', async () => {
    const unknown = await cli(['frobnicate', '--data', dirInit]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(message(fr.unknownCommand, { command: 'frobnicate' }));
    expect(unknown.err).toContain(fr.usage);
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.out).toBe(fr.usage);
    const help = await cli(['backup', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toBe(fr.usage);
    const audit = await cli(['audit', 'frobnicate', '--data', dirInit]);
    expect(audit.code).toBe(2);
    expect(audit.err).toContain(message(fr.unknownCommand, { command: 'audit frobnicate' }));
    const option = await cli(['backup', '--data', dirInit, '--frob']);
    expect(option.code).toBe(2);
    expect(option.err).toContain(fr.usage);
    const missing = await cli(['backup', '--out', path.join(root, 'x')]);
    expect(missing.code).toBe(2);
    expect(missing.err.trim()).toBe(message(fr.missingOption, { option: '--data' }));
  });

  it(
    'demo: the community centre and the CHAMS sites, their accounts, every login works with the documented password',
    async () => {
      const dir = path.join(root, 'demo');
      const r = await cli(['demo', '--data', dir]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain(message(fr.demoDone, { dir, password: 'parcours-demo-2026' }));
      expect(r.out.match(RECOVERY)).toHaveLength(1);

      // The accounts listed in README.md.
      const documented: Record<string, string> = {
        coordination: 'coordinator',
        accueil: 'community_worker',
        infirmier: 'nurse',
        medecin: 'doctor',
        specialiste: 'specialist',
        psychologue: 'psychologist',
        social: 'social_worker',
        juriste: 'legal',
      };
      expect(Object.values(documented).sort()).toEqual([...ROLES].sort());
      const t = await startCore(dir);
      const sessions = await Promise.all(
        Object.keys(documented).map((username) =>
          t.must('auth.login', { username, password: 'parcours-demo-2026' }),
        ),
      );
      for (const s of sessions) {
        expect(s.user.roles).toEqual([documented[s.user.username]]);
        expect(s.mustChangePassword).toBe(false);
      }
      const coordinator = sessions[0];
      const centre = await t.must('centre.get', {}, coordinator.token);
      expect(centre.sites.map((s) => s.code).sort()).toEqual(['AGA', 'HLM', 'MRK', 'MTP', 'TNG']);
      const users = await t.must(
        'users.list',
        { page: 1, pageSize: 50, includeInactive: true },
        coordinator.token,
      );
      // The community centre's eight, and the CHAMS team (demo-chams-people.ts), all able to log in.
      expect(users.total).toBe(8 + CHAMS_ACCOUNTS.length);
      expect(new Set(users.items.flatMap((u) => u.roles))).toEqual(new Set(ROLES));
      for (const a of CHAMS_ACCOUNTS) {
        const s = await t.must('auth.login', { username: a.username, password: 'parcours-demo-2026' });
        expect(s.user.roles).toEqual(a.roles);
        expect(s.user.sites.map((x) => x.code).sort()).toEqual([...a.sites].sort());
      }
      await t.core.close();

      const before = snapshot(dir);
      const again = await cli(['demo', '--data', dir]);
      expect(again.code).toBe(1);
      expect(again.err.trim()).toBe(fr.alreadySetUp);
      expect(snapshot(dir)).toEqual(before);
    },
    DEMO_TIMEOUT_MS,
  );

  it('recover: the recovery code gives a temporary password that logs in and must be changed', async () => {
    expect(recoveryCode).not.toBe('');
    const wrong = await cli(['recover', '--data', dirInit, '--user', ADMIN.username], {
      PARCOURS_RECOVERY_CODE: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err.trim()).toBe(fr.recoverWrong);

    const r = await cli(['recover', '--data', dirInit, '--user', ADMIN.username.toUpperCase()], {
      PARCOURS_RECOVERY_CODE: recoveryCode,
    });
    expect(r.code, r.err).toBe(0);
    const temporary = /([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})/.exec(r.out)?.[1] ?? '';
    expect(r.out).toBe(message(fr.recoverDone, { user: ADMIN.username.toUpperCase(), password: temporary }));

    const t = await startCore(dirInit);
    const s = await t.must('auth.login', { username: ADMIN.username, password: temporary });
    expect(s.mustChangePassword).toBe(true);
    const blocked = await t.call('centre.get', {}, s.token);
    expect(blocked.ok ? null : blocked.error.code).toBe('password_change_required');
    await t.must(
      'auth.changePassword',
      { currentPassword: temporary, newPassword: 'Nouveau-Depart-2026' },
      s.token,
    );
    const resets = await t.must('audit.list', { page: 1, pageSize: 5, action: 'password_reset' }, s.token);
    expect(resets.items).toEqual([
      expect.objectContaining({ action: 'password_reset', actorId: null, targetId: s.user.id }),
    ]);
    // The forgotten password no longer opens anything.
    const old = await t.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(old.ok ? null : old.error.code).toBe('wrong_credentials');
    await t.core.close();
  });

  it('recover refuses an unknown account and changes nothing', async () => {
    const t = await setUpCentre();
    await t.core.close();
    const before = snapshot(t.dataDir);
    const r = await cli(['recover', '--data', t.dataDir, '--user', 'personne'], {
      PARCOURS_RECOVERY_CODE: t.recoveryCode,
    });
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(message(fr.unknownUser, { user: 'personne' }));
    expect(snapshot(t.dataDir)).toEqual(before);
  });
});

describe('parcours in English (PARCOURS_LANG=en)', () => {
  /** A fresh copy of the CLI loaded with this environment (the language is chosen at load). */
  async function loadCli(env: Record<string, string | undefined>): Promise<Main> {
    const saved = Object.keys(env).map((k) => [k, process.env[k]] as const);
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    try {
      vi.resetModules();
      return (await import('../../electron/server/cli')).main;
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }

  it('every message a user meets is in English', async () => {
    const mainEn = await loadCli({ PARCOURS_LANG: 'en' });
    const unknown = await cli(['frobnicate'], {}, mainEn);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(message(en.unknownCommand, { command: 'frobnicate' }));
    expect(unknown.err).toContain(en.usage);

    const noCredentials = await cli(['backup', '--data', dirInit, '--out', path.join(root, 'x')], {}, mainEn);
    expect(noCredentials.err.trim()).toBe(en.noCredentials);

    const again = await cli(['init', '--data', dirInit, ...INIT_ARGS], ADMIN_ENV, mainEn);
    expect(again.code).toBe(1);
    expect(again.err.trim()).toBe(en.alreadySetUp);

    const t = await setUpCentre();
    await t.core.close();
    const wrong = await cli(
      ['audit', 'verify', '--data', t.dataDir],
      { PARCOURS_USER: ADMIN.username, PARCOURS_PASSWORD: 'Wrong-Password-2026' },
      mainEn,
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err.trim()).toBe(en.wrongCredentials);

    const unknownUser = await cli(
      ['audit', 'verify', '--data', t.dataDir],
      { PARCOURS_USER: 'personne', PARCOURS_PASSWORD: 'x' },
      mainEn,
    );
    expect(unknownUser.err.trim()).toBe(en.wrongCredentials);
  });

  it('French when nothing says otherwise, and PARCOURS_LANG=fr wins over an English LANG', async () => {
    const plain = await loadCli({ PARCOURS_LANG: undefined, LANG: undefined });
    expect((await cli(['frobnicate'], {}, plain)).err).toContain(
      message(fr.unknownCommand, { command: 'frobnicate' }),
    );
    const pinned = await loadCli({ PARCOURS_LANG: 'fr', LANG: 'en_GB.UTF-8' });
    expect((await cli(['frobnicate'], {}, pinned)).err).toContain(
      message(fr.unknownCommand, { command: 'frobnicate' }),
    );
    const english = await loadCli({ PARCOURS_LANG: 'en', LANG: 'fr_FR.UTF-8' });
    expect((await cli(['frobnicate'], {}, english)).err).toContain(
      message(en.unknownCommand, { command: 'frobnicate' }),
    );
  });
});
