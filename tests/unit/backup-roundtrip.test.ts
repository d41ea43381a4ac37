/**
 * Backup → restore round trip through the real `parcours` command (production scrypt cost):
 * same row counts and content hashes; the backup file is itself encrypted; a restore never
 * writes anything unless the backup is proven whole and the secret opens it.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The CLI picks its language when it is loaded: pin French before the import below.
vi.hoisted(() => {
  process.env.PARCOURS_LANG = 'fr';
});

import { cli, stem } from './helpers/cli';
import { cliMessages } from '../../shared/i18n/cli';
import { BACKUP_MAGIC, openTables, readBackup } from '../../electron/core/db/backup';
import { fingerprint, type StoreFingerprint } from '../../electron/core/db/fingerprint';
import { Keyring } from '../../electron/core/db/keyring';
import { unwrapKey } from '../../electron/core/db/keywrap';
import { openEncrypted, type SqliteHandle } from '../../electron/core/db/sqlite';
import { databasePath } from '../../electron/core/db/store';
import { startCore } from './helpers/core';

const fr = cliMessages.fr;

// ---------------------------------------------------------------- the `parcours` command in-process

// ---------------------------------------------------------------- files and stores

/** Every file under `dir` with the SHA-256 of its content: "changes nothing" means equal snapshots. */
function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  if (!existsSync(dir)) return result;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return result;
}

async function keyFromKeyring(dir: string, username: string, password: string): Promise<Buffer> {
  const ring = Keyring.load(dir);
  const account = ring?.account(username);
  const key = account ? await unwrapKey(account.wrapped, password) : null;
  if (!key) throw new Error(`no key for ${username} in ${dir}`);
  return key;
}

function withDb<T>(dir: string, key: Buffer, work: (db: SqliteHandle) => T): T {
  const db = openEncrypted({
    file: databasePath(dir),
    key,
    cipher: Keyring.load(dir)?.cipher,
    readonly: true,
  });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

type AuditRowRaw = Record<string, unknown> & { seq: number; action: string; actor_id: string | null };
function auditRows(db: SqliteHandle): AuditRowRaw[] {
  return db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRowRaw[];
}

function withoutAudit(fp: StoreFingerprint): StoreFingerprint {
  return Object.fromEntries(Object.entries(fp).filter(([table]) => table !== 'audit_log'));
}

/** Does `bytes` contain `text` in UTF-8, UTF-16LE or UTF-16BE? */
function containsText(bytes: Buffer, text: string): boolean {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(le) || bytes.includes(be);
}

/** Splits a backup file into its three parts, and puts them back together. */
function unpack(file: string): {
  header: Record<string, unknown> & {
    database: { bytes: number; sha256: string };
    sealedTables: { iv: string; ciphertext: string; tag: string };
  };
  db: Buffer;
} {
  const all = readFileSync(file);
  const end = all.indexOf(0x0a, BACKUP_MAGIC.length);
  return {
    header: JSON.parse(all.subarray(BACKUP_MAGIC.length, end).toString('utf8')) as ReturnType<
      typeof unpack
    >['header'],
    db: Buffer.from(all.subarray(end + 1)),
  };
}
function pack(header: object, db: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(BACKUP_MAGIC, 'utf8'),
    Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'),
    db,
  ]);
}

// ---------------------------------------------------------------- the centre

const ADMIN = { username: 'camille', password: 'Coordination-2026!' };
const LOGIN = { PARCOURS_USER: ADMIN.username, PARCOURS_PASSWORD: ADMIN.password };
/** Strings saved in the store that must never appear in the backup file in clear. */
const MARKERS = {
  centre: 'Centre Repère-QX7Z3 Ümlaut',
  site: 'Antenne Cachée-KW9P2',
  city: 'Villeneuve-Témoin-4RT',
  displayName: 'Zoé Témoin-MRK4V8',
  username: 'zoe.marqueur',
};

let root: string;
let dirA: string;
let backupFile: string;
let recoveryCode: string;
let keyA: Buffer;
let fingerprintA: StoreFingerprint;
let auditA: AuditRowRaw[];
let adminId: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'parcours-backup-'));
  dirA = path.join(root, 'A');
  const init = await cli(
    [
      'init',
      '--data',
      dirA,
      '--centre',
      'SPOT Montpellier',
      '--site',
      'MTP:Montpellier centre:Montpellier',
      '--site',
      'OUT:Hors les murs',
    ],
    {
      PARCOURS_ADMIN_USER: ADMIN.username,
      PARCOURS_ADMIN_PASSWORD: ADMIN.password,
    },
  );
  expect(init.code, init.err).toBe(0);
  recoveryCode = /([A-Z0-9]{4}(?:-[A-Z0-9]{4}){7})/.exec(init.out)?.[1] ?? '';
  expect(recoveryCode).not.toBe('');

  // Some data, with marker strings, through the core (new wraps at the test cost).
  const t = await startCore(dirA);
  const s = await t.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
  adminId = s.user.id;
  const centre = await t.must('centre.get', {}, s.token);
  await t.must(
    'centre.update',
    { version: centre.version, name: MARKERS.centre, autoLockMinutes: 15, defaultLocale: 'fr' },
    s.token,
  );
  const site = await t.must(
    'centre.saveSite',
    { code: 'NIM', name: MARKERS.site, city: MARKERS.city, timezone: 'Europe/Paris', active: true },
    s.token,
  );
  await t.must(
    'users.create',
    {
      username: MARKERS.username,
      displayName: MARKERS.displayName,
      roles: ['nurse', 'doctor'],
      siteIds: [site.id],
    },
    s.token,
  );
  const gone = await t.must(
    'users.create',
    { username: 'ancien', displayName: 'Ancien Compte', roles: ['legal'], siteIds: [site.id] },
    s.token,
  );
  await t.must('users.deactivate', { id: gone.user.id, version: gone.user.version }, s.token);
  keyA = Buffer.from(t.core.ctx.vault.requireDataKey());
  await t.core.close();

  const outDir = path.join(root, 'backups');
  backupFile = path.join(outDir, 'centre.parcours-backup');
  const backup = await cli(['backup', '--data', dirA, '--out', backupFile], LOGIN);
  expect(backup.code, backup.err).toBe(0);
  expect(backup.out).toContain(stem(fr.backupDone));
  // Only the backup is left in the output folder (no unverified copy, no partial file).
  expect(readdirSync(outDir)).toEqual(['centre.parcours-backup']);

  fingerprintA = withDb(dirA, keyA, fingerprint);
  auditA = withDb(dirA, keyA, auditRows);
}, 120_000);

afterAll(() => {
  keyA?.fill(0);
  if (root) rmSync(root, { recursive: true, force: true });
});

function leftovers(): string[] {
  return readdirSync(root).filter((name) => name.includes('.restoring-') || name.endsWith('.partial'));
}

describe('backup and restore with `parcours`', () => {
  it('round trip: same row counts and content hashes; the backup file is itself encrypted', async () => {
    const bytes = readFileSync(backupFile);
    expect(bytes.subarray(0, BACKUP_MAGIC.length).toString('utf8')).toBe(BACKUP_MAGIC);
    expect(bytes.includes(Buffer.from('SQLite format 3', 'latin1'))).toBe(false);
    for (const marker of Object.values(MARKERS)) expect(containsText(bytes, marker), marker).toBe(false);
    // The check above can fail: the same markers are really in the store.
    withDb(dirA, keyA, (db) => {
      expect(db.prepare('SELECT name FROM centre').get()).toEqual({ name: MARKERS.centre });
      expect(
        db.prepare('SELECT count(*) AS n FROM staff_user WHERE username = ?').get(MARKERS.username),
      ).toEqual({ n: 1 });
    });
    // The header carries the fingerprint of the store as it was backed up, sealed: without the key
    // not even the table names, row counts or hashes can be read from the file.
    const { header } = readBackup(backupFile);
    expect(openTables(keyA, header)).toEqual(fingerprintA);
    expect(JSON.stringify(header)).not.toContain('staff_user');
    expect(auditA.at(-1)).toMatchObject({ action: 'backup', actor_id: adminId });

    const dirB = path.join(root, 'B');
    const restore = await cli(['restore', '--from', backupFile, '--data', dirB], LOGIN);
    expect(restore.code, restore.err).toBe(0);
    expect(restore.out).toContain(stem(fr.restoreDone));
    expect(leftovers()).toEqual([]);

    // B opens with the same account's password; every table is identical except the audit log,
    // which has exactly one more entry: the restore.
    const keyB = await keyFromKeyring(dirB, ADMIN.username, ADMIN.password);
    const [fingerprintB, auditB] = withDb(dirB, keyB, (db) => [fingerprint(db), auditRows(db)] as const);
    keyB.fill(0);
    expect(Object.keys(fingerprintB).sort()).toEqual(Object.keys(fingerprintA).sort());
    expect(withoutAudit(fingerprintB)).toEqual(withoutAudit(fingerprintA));
    expect(fingerprintB.audit_log.rows).toBe(fingerprintA.audit_log.rows + 1);
    expect(auditB.slice(0, auditA.length)).toEqual(auditA);
    expect(auditB).toHaveLength(auditA.length + 1);
    expect(auditB.at(-1)).toMatchObject({
      seq: auditA.length + 1,
      action: 'restore',
      actor_id: adminId,
      prev_hash: auditA.at(-1)?.hash,
    });

    // And the restored centre works: log in through a core, read, verify the chain.
    const b = await startCore(dirB);
    const s = await b.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(s.centreName).toBe(MARKERS.centre);
    const users = await b.must('users.list', { page: 1, pageSize: 50, includeInactive: true }, s.token);
    expect(users.items.map((u) => u.username).sort()).toEqual(
      ['ancien', ADMIN.username, MARKERS.username].sort(),
    );
    expect(await b.must('audit.verify', {}, s.token)).toMatchObject({ intact: true });
  });

  it('refuses a folder that is not empty without --replace and changes nothing; --replace keeps the old folder aside', async () => {
    const dirC = path.join(root, 'C');
    mkdirSync(dirC);
    writeFileSync(path.join(dirC, 'notes.txt'), 'un autre centre était ici\n');
    mkdirSync(path.join(dirC, 'sub'));
    writeFileSync(path.join(dirC, 'sub', 'data.bin'), randomBytes(512));
    const before = snapshot(dirC);

    const refused = await cli(['restore', '--from', backupFile, '--data', dirC], LOGIN);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(stem(fr.restoreTargetNotEmpty));
    expect(snapshot(dirC)).toEqual(before);
    expect(leftovers()).toEqual([]);

    const replaced = await cli(['restore', '--from', backupFile, '--data', dirC, '--replace'], LOGIN);
    expect(replaced.code, replaced.err).toBe(0);
    const aside = readdirSync(root).filter((name) => name.startsWith('C.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(snapshot(path.join(root, aside[0]))).toEqual(before);
    expect(existsSync(path.join(dirC, 'notes.txt'))).toBe(false);
    expect(withDb(dirC, keyA, (db) => withoutAudit(fingerprint(db)))).toEqual(withoutAudit(fingerprintA));
    expect(leftovers()).toEqual([]);
  });

  const corruptions: Array<[string, (file: string) => void]> = [
    [
      'a byte flipped in the database part',
      (file) => {
        const { header, db } = unpack(backupFile);
        db[Math.floor(db.length / 2)] ^= 0x01;
        writeFileSync(file, pack(header, db));
      },
    ],
    [
      'a byte flipped in the database part, with the checksum recomputed to match',
      (file) => {
        const { header, db } = unpack(backupFile);
        db[db.length - 100] ^= 0x01;
        writeFileSync(
          file,
          pack(
            {
              ...header,
              database: { bytes: db.length, sha256: createHash('sha256').update(db).digest('hex') },
            },
            db,
          ),
        );
      },
    ],
    [
      'a byte changed in the sealed table fingerprint',
      (file) => {
        const { header, db } = unpack(backupFile);
        const sealed = Buffer.from(header.sealedTables.ciphertext, 'base64');
        sealed[0] ^= 0x01;
        writeFileSync(
          file,
          pack(
            { ...header, sealedTables: { ...header.sealedTables, ciphertext: sealed.toString('base64') } },
            db,
          ),
        );
      },
    ],
    [
      'the file truncated',
      (file) => writeFileSync(file, readFileSync(backupFile).subarray(0, statSync(backupFile).size - 4096)),
    ],
    ['a random file', (file) => writeFileSync(file, randomBytes(64 * 1024))],
    ['an empty file', (file) => writeFileSync(file, '')],
  ];

  it.each(corruptions)(
    'refuses a corrupted backup (%s) with a clear message and writes nothing',
    async (_name, corrupt) => {
      const bad = path.join(root, `bad-${randomBytes(4).toString('hex')}.parcours-backup`);
      corrupt(bad);
      const target = path.join(root, `target-${randomBytes(4).toString('hex')}`);
      const r = await cli(['restore', '--from', bad, '--data', target], LOGIN);
      expect(r.code).toBe(1);
      expect(r.err).toContain(stem(fr.backupInvalid));
      expect(r.err).toContain('Rien n’a été écrit');
      expect(existsSync(target)).toBe(false);
      expect(leftovers()).toEqual([]);
      rmSync(bad);
    },
  );

  it('refuses a wrong password or an unknown account and writes nothing', async () => {
    const target = path.join(root, 'wrong');
    const wrong = await cli(['restore', '--from', backupFile, '--data', target], {
      PARCOURS_USER: ADMIN.username,
      PARCOURS_PASSWORD: 'Pas-le-bon-2026!',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err.trim()).toBe(fr.wrongCredentials);
    expect(wrong.err).not.toContain('Pas-le-bon-2026!');
    const unknown = await cli(['restore', '--from', backupFile, '--data', target], {
      PARCOURS_USER: 'personne',
      PARCOURS_PASSWORD: ADMIN.password,
    });
    expect(unknown.code).toBe(1);
    expect(unknown.err.trim()).toBe(fr.wrongCredentials);
    // A deactivated account's key was removed: it cannot open the backup either.
    const deactivated = await cli(['restore', '--from', backupFile, '--data', target], {
      PARCOURS_USER: 'ancien',
      PARCOURS_PASSWORD: ADMIN.password,
    });
    expect(deactivated.code).toBe(1);
    expect(existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('restores with the recovery code, and refuses a wrong one', async () => {
    const target = path.join(root, 'recovered');
    const wrong = await cli(['restore', '--from', backupFile, '--data', target], {
      PARCOURS_RECOVERY_CODE: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err.trim()).toBe(fr.recoverWrong);
    expect(existsSync(target)).toBe(false);

    // People type the code by hand: lower case and spaces instead of dashes are fine.
    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ');
    const r = await cli(['restore', '--from', backupFile, '--data', target], {
      PARCOURS_RECOVERY_CODE: typed,
    });
    expect(r.code, r.err).toBe(0);
    const keyR = await keyFromKeyring(target, ADMIN.username, ADMIN.password);
    const [fp, audit] = withDb(target, keyR, (db) => [fingerprint(db), auditRows(db)] as const);
    keyR.fill(0);
    expect(withoutAudit(fp)).toEqual(withoutAudit(fingerprintA));
    expect(audit.slice(0, auditA.length)).toEqual(auditA);
    expect(audit.at(-1)).toMatchObject({ action: 'restore', actor_id: null });
  });
});
