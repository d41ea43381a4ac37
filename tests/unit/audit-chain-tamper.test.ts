/**
 * The tamper suite of the audit log (issue 7, item 1), run against a real centre's store through
 * the real `parcours audit verify` / `audit anchor`. An insider is someone with the data folder
 * and a staff password: they unwrap the data key, open the database with raw SQL, drop the
 * append-only triggers and rewrite what they like.
 *
 * - Without an audit key file, K_audit is derived from the data key: the insider holds it. Edits,
 *   deletions, reorderings and insertions that they re-chain with it are caught by the sealed head
 *   (audit-head.json); if they also re-seal the head, only the anchor a coordinator kept on paper
 *   catches the rewrite — a limit the threat model states (docs/architecture.md).
 * - With an audit key file (`PARCOURS_AUDIT_KEY_FILE`) the insider cannot compute a keyed entry:
 *   every re-chain is caught entry by entry; a rewrite of the whole log as plain SHA-256 entries is
 *   caught by the sealed head, or, with the head file removed as well, by the anchor.
 * - Without any key: a database rolled back to an older copy, or cut short, does not contain the
 *   sealed head (checked when the store opens, and by every verify after, while care goes on).
 */
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The CLI picks its language when it is loaded: pin French before the import below.
vi.hoisted(() => {
  process.env.PARCOURS_LANG = 'fr';
});

import { cli } from './helpers/cli';
import { currentHead, headPath, writeSealedHead } from '../../electron/core/audit/audit-head';
import { AUDIT_KEY_FILE_ENV, resolveAuditKey, type AuditKey } from '../../electron/core/audit/audit-key';
import { CHAIN_KEYED, CHAIN_PLAIN, entryHash, keyedEntryHash } from '../../electron/core/audit/audit-log';
import { BACKUP_MAGIC, openHead, readBackup, sealTables } from '../../electron/core/db/backup';
import { Keyring } from '../../electron/core/db/keyring';
import { unwrapKey } from '../../electron/core/db/keywrap';
import { openEncrypted, type SqliteHandle } from '../../electron/core/db/sqlite';
import { databasePath } from '../../electron/core/db/store';
import { ADMIN, setUpCentre, startCore, tempDir } from './helpers/core';

const LOGIN = { PARCOURS_USER: ADMIN.username, PARCOURS_PASSWORD: ADMIN.password };

afterEach(() => {
  delete process.env[AUDIT_KEY_FILE_ENV];
});

// ---------------------------------------------------------------- a centre and its commands

/** A centre with a few dozen audit entries, closed (as on disk between two runs). */
async function centreWithHistory(): Promise<string> {
  const t = await setUpCentre();
  await activity(t);
  await t.must('auth.logout', {}, t.token);
  await t.core.close();
  return t.dataDir;
}

async function activity(t: Awaited<ReturnType<typeof setUpCentre>>, n = 4, tag = 'a'): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    const { user } = await t.must(
      'users.create',
      {
        username: `agent-${tag}${i}`,
        displayName: `Agent ${tag}${i}`,
        roles: ['community_worker'],
        siteIds: [t.siteIds[0]],
      },
      t.token,
    );
    await t.must(
      'users.update',
      {
        id: user.id,
        version: user.version,
        displayName: `Agent ${tag}${i} (2)`,
        roles: ['nurse'],
        siteIds: t.siteIds,
      },
      t.token,
    );
  }
}

/** The centre opened again, the coordinator logged in: more entries are appended on it. */
async function reopen(dir: string): Promise<Awaited<ReturnType<typeof setUpCentre>>> {
  const tc = await startCore(dir);
  const session = await tc.must('auth.login', { username: ADMIN.username, password: ADMIN.password });
  return { ...tc, token: session.token, recoveryCode: '', siteIds: session.user.sites.map((s) => s.id) };
}

const verify = (dir: string, ...extra: string[]) => cli(['audit', 'verify', '--data', dir, ...extra], LOGIN);

async function anchor(dir: string): Promise<string> {
  const r = await cli(['audit', 'anchor', '--data', dir], LOGIN);
  expect(r.code, r.err).toBe(0);
  const code = /\b\d+-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/.exec(r.out)?.[0];
  if (!code) throw new Error(`no anchor code in: ${r.out}`);
  return code;
}

function expectHeadMismatch(r: { code: number; err: string }): void {
  expect(r.code).toBe(1);
  expect(r.err).toContain('ALTÉRÉ (head_mismatch)');
}

function expectAnchorBroken(r: { code: number; err: string }, code: string): void {
  expect(r.code).toBe(1);
  expect(r.err).toContain(`Journal d’audit RÉÉCRIT : il ne contient plus la tête ancrée par ${code}`);
}

// ---------------------------------------------------------------- the insider

interface Row {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  section: string | null;
  person_id: string | null;
  target_type: string | null;
  target_id: string | null;
  site_id: string | null;
  reason: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
  chain_version: number;
}

/**
 * What someone with the folder and a staff password holds: the data key, hence the database, and
 * the K_audit they can derive from it (the real one unless an audit key file is configured).
 */
async function insider(dir: string): Promise<{ db: SqliteHandle; derivedKey: AuditKey }> {
  const ring = Keyring.load(dir);
  const account = ring?.account(ADMIN.username);
  const key = account ? await unwrapKey(account.wrapped, ADMIN.password) : null;
  if (!ring || !key) throw new Error('could not unwrap the data key');
  const configured = process.env[AUDIT_KEY_FILE_ENV];
  // The insider does not have the audit key file: only what the data key gives.
  delete process.env[AUDIT_KEY_FILE_ENV];
  try {
    const db = openEncrypted({ file: databasePath(dir), key, cipher: ring.cipher });
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    return { db, derivedKey: resolveAuditKey(key) };
  } finally {
    if (configured) process.env[AUDIT_KEY_FILE_ENV] = configured;
    key.fill(0);
  }
}

const rowsOf = (db: SqliteHandle) => db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];

/**
 * Replaces the whole log with `rows`, numbered 1…n and chained again as the core would: keyed
 * under `key` (null: every entry written as a plain SHA-256 entry, a downgrade).
 */
function rewrite(db: SqliteHandle, rows: Row[], key: AuditKey | null): void {
  let prev = '0'.repeat(64);
  const out = rows.map((r, i) => {
    const fields = {
      seq: i + 1,
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      section: r.section,
      personId: r.person_id,
      targetType: r.target_type,
      targetId: r.target_id,
      siteId: r.site_id,
      reason: r.reason,
      detail: r.detail,
      prevHash: prev,
    };
    const hash = key ? keyedEntryHash(key.key, fields) : entryHash(fields);
    prev = hash;
    return {
      ...r,
      seq: i + 1,
      prev_hash: fields.prevHash,
      hash,
      chain_version: key ? CHAIN_KEYED : CHAIN_PLAIN,
    };
  });
  db.transaction(() => {
    db.exec('DELETE FROM audit_log');
    const insert = db.prepare(
      `INSERT INTO audit_log (seq, at, actor_id, action, section, person_id, target_type, target_id, site_id, reason, detail, prev_hash, hash, chain_version)
       VALUES (@seq, @at, @actor_id, @action, @section, @person_id, @target_type, @target_id, @site_id, @reason, @detail, @prev_hash, @hash, @chain_version)`,
    );
    for (const r of out) insert.run(r);
  })();
}

type Rewrite = (rows: Row[]) => Row[];
const REWRITES: Record<string, Rewrite> = {
  'edit + re-chain': (rows) => rows.map((r) => (r.seq === 5 ? { ...r, actor_id: null } : r)),
  'delete + re-chain': (rows) => rows.filter((r) => r.seq !== 5),
  'reorder + re-chain': (rows) => [...rows.slice(0, 4), rows[5], rows[4], ...rows.slice(6)],
  'insert + re-chain': (rows) => [...rows.slice(0, 5), { ...rows[4], action: 'read' }, ...rows.slice(5)],
};

/** Does the insider's job and closes the database; `reseal`: they write a new head record too. */
async function tamper(dir: string, change: Rewrite, opts: { reseal?: boolean; plain?: boolean } = {}) {
  const { db, derivedKey } = await insider(dir);
  try {
    rewrite(db, change(rowsOf(db)), opts.plain ? null : derivedKey);
    if (opts.reseal) writeSealedHead(dir, derivedKey, currentHead(db), new Date());
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------- the cases

describe('audit chain tampering — no audit key file (K_audit derived from the data key)', () => {
  it('an untouched centre verifies, anchors, and verifies against its anchor later', async () => {
    const dir = await centreWithHistory();
    const code = await anchor(dir);
    expect(existsSync(headPath(dir))).toBe(true);
    const t = await reopen(dir);
    await activity(t, 2, 'b');
    await t.core.close();
    const r = await verify(dir, '--anchor', code);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`contient toujours la tête ancrée par ${code}`);
    const plain = await verify(dir);
    expect(plain.code, plain.err).toBe(0);
  });

  it('the head record follows the log: after calls made at once and a close, it seals the last entry', async () => {
    const t = await setUpCentre();
    await Promise.all([activity(t, 3, 'p'), activity(t, 3, 'q'), activity(t, 3, 'r')]);
    await t.core.close();
    const sealed = JSON.parse(readFileSync(headPath(t.dataDir), 'utf8')) as { count: number; hash: string };
    const { db } = await insider(t.dataDir);
    try {
      expect(currentHead(db)).toEqual({ count: sealed.count, hash: sealed.hash });
      expect(sealed.count).toBeGreaterThan(18);
    } finally {
      db.close();
    }
  });

  it('every entry appended is keyed; an edited one is named (hash_mismatch)', async () => {
    const dir = await centreWithHistory();
    const { db } = await insider(dir);
    try {
      expect(rowsOf(db).every((r) => r.chain_version === CHAIN_KEYED)).toBe(true);
      db.prepare("UPDATE audit_log SET action = 'read' WHERE seq = 5").run();
    } finally {
      db.close();
    }
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('ALTÉRÉ à l’entrée 5 (hash_mismatch)');
  });

  for (const [name, change] of Object.entries(REWRITES)) {
    it(`${name} with K_audit: the log no longer contains the sealed head (head_mismatch)`, async () => {
      const dir = await centreWithHistory();
      await tamper(dir, change);
      expectHeadMismatch(await verify(dir));
    });

    it(`${name} with K_audit and a re-sealed head: verifies (a stated limit), the anchor catches it`, async () => {
      const dir = await centreWithHistory();
      const code = await anchor(dir);
      await tamper(dir, change, { reseal: true });
      // The limit: someone who holds K_audit rewrites history and seals it again.
      expect((await verify(dir)).code).toBe(0);
      expectAnchorBroken(await verify(dir, '--anchor', code), code);
    });
  }

  it('a forged append without the key (a plain hash chained on) is named (hash_mismatch)', async () => {
    const dir = await centreWithHistory();
    let forgedSeq = 0;
    await tamper(dir, (rows) => {
      forgedSeq = rows.length + 1;
      return rows;
    });
    const { db } = await insider(dir);
    try {
      const last = rowsOf(db).at(-1)!;
      const fields = { ...last, seq: forgedSeq, action: 'read', prev_hash: last.hash };
      const hash = entryHash({
        seq: fields.seq,
        at: fields.at,
        actorId: fields.actor_id,
        action: fields.action,
        section: fields.section,
        personId: fields.person_id,
        targetType: fields.target_type,
        targetId: fields.target_id,
        siteId: fields.site_id,
        reason: fields.reason,
        detail: fields.detail,
        prevHash: fields.prev_hash,
      });
      // Marked plain (a keyed mark with a plain hash fails the same way).
      db.prepare(
        `INSERT INTO audit_log (seq, at, actor_id, action, section, person_id, target_type, target_id, site_id, reason, detail, prev_hash, hash, chain_version)
         VALUES (@seq, @at, @actor_id, @action, @section, @person_id, @target_type, @target_id, @site_id, @reason, @detail, @prev_hash, @hash, 1)`,
      ).run({ ...fields, hash });
    } finally {
      db.close();
    }
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`ALTÉRÉ à l’entrée ${forgedSeq} (hash_mismatch)`);
  });

  it('a forged append with K_audit verifies: a stated limit (only a key file keeps it out)', async () => {
    const dir = await centreWithHistory();
    await tamper(dir, (rows) => [...rows, { ...rows.at(-1)!, action: 'read' }]);
    expect((await verify(dir)).code).toBe(0);
  });

  it('tail truncation: caught when the store opens (care goes on) and by every verify after', async () => {
    const dir = await centreWithHistory();
    const sealed = readFileSync(headPath(dir), 'utf8');
    await tamper(dir, (rows) => rows.slice(0, rows.length - 3));
    expectHeadMismatch(await verify(dir));
    // The store still opens and works; the head record stays as evidence, nothing re-seals it.
    const t = await reopen(dir);
    expect(t.core.ctx.vault.requireStore().headCheck).toMatchObject({ ok: false, reason: 'not_contained' });
    await activity(t, 2, 'c');
    expect(await t.must('audit.verify', {}, t.token)).toMatchObject({
      intact: false,
      problem: 'head_mismatch',
    });
    await t.core.close();
    expect(readFileSync(headPath(dir), 'utf8')).toBe(sealed);
    expectHeadMismatch(await verify(dir));
  });

  it('an older copy of the database file put back: head_mismatch (no key needed to try it)', async () => {
    const t = await setUpCentre();
    await activity(t, 2, 'a');
    await t.core.close();
    const older = path.join(tempDir(), 'older.db');
    copyFileSync(databasePath(t.dataDir), older);
    const t2 = await reopen(t.dataDir);
    await activity(t2, 3, 'b');
    await t2.core.close();
    expect(existsSync(`${databasePath(t.dataDir)}-wal`)).toBe(false);
    copyFileSync(older, databasePath(t.dataDir));
    expectHeadMismatch(await verify(t.dataDir));
  });

  it('an older copy of the whole folder (database and head record) verifies alone: the anchor catches it', async () => {
    const t = await setUpCentre();
    await activity(t, 2, 'a');
    await t.core.close();
    const keep = tempDir();
    copyFileSync(databasePath(t.dataDir), path.join(keep, 'db'));
    copyFileSync(headPath(t.dataDir), path.join(keep, 'head'));
    const t2 = await reopen(t.dataDir);
    await activity(t2, 3, 'b');
    await t2.core.close();
    const code = await anchor(t.dataDir);
    copyFileSync(path.join(keep, 'db'), databasePath(t.dataDir));
    copyFileSync(path.join(keep, 'head'), headPath(t.dataDir));
    expect((await verify(t.dataDir)).code).toBe(0);
    expectAnchorBroken(await verify(t.dataDir, '--anchor', code), code);
  });

  it('a seal cut short by a kill leaves no stray copy once the store opens again', async () => {
    const dir = await centreWithHistory();
    const stray = `${headPath(dir)}.0123456789ab.partial`;
    writeFileSync(stray, '{');
    expect((await verify(dir)).code).toBe(0);
    expect(existsSync(stray)).toBe(false);
  });

  it('a removed or edited head record: head_mismatch', async () => {
    const dir = await centreWithHistory();
    const sealed = JSON.parse(readFileSync(headPath(dir), 'utf8')) as { count: number };
    writeFileSync(headPath(dir), JSON.stringify({ ...sealed, count: sealed.count - 2 }));
    expectHeadMismatch(await verify(dir));
    rmSync(headPath(dir));
    expectHeadMismatch(await verify(dir));
  });

  it('an anchor code typed wrong is refused as unreadable; one with a wrong MAC fails', async () => {
    const dir = await centreWithHistory();
    const code = await anchor(dir);
    const bad = await verify(dir, '--anchor', 'not-a-code');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Code d’ancrage illisible');
    const [seq, a] = code.split('-');
    const wrong = `${seq}-${a === '0000' ? '1111' : '0000'}-${code.split('-').slice(2).join('-')}`;
    expectAnchorBroken(await verify(dir, '--anchor', wrong), wrong);
    // Lower case and spaces, as a person may copy it back: still the same code.
    expect((await verify(dir, '--anchor', code.toLowerCase().replace(/-/g, ' - '))).code).toBe(0);
  });
});

describe('audit chain tampering — with an audit key file the insider does not hold', () => {
  function useKeyFile(): string {
    const file = path.join(tempDir(), 'audit.key');
    process.env[AUDIT_KEY_FILE_ENV] = file;
    return file;
  }

  it('the key file is created on first use, private; the chain is keyed under it', async () => {
    const file = useKeyFile();
    const dir = await centreWithHistory();
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect((await verify(dir)).code).toBe(0);
    // The same folder without its key file: nothing verifies (the derived key is not the chain's).
    delete process.env[AUDIT_KEY_FILE_ENV];
    expect((await verify(dir)).code).toBe(1);
  });

  it('a key file that holds no key is named and refused before anything is opened', async () => {
    const file = useKeyFile();
    const dir = await centreWithHistory();
    const before = readFileSync(databasePath(dir));
    writeFileSync(file, 'not a key\n');
    const r = await cli(['audit', 'verify', '--data', dir, '--audit-key-file', file], LOGIN);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Le fichier de clé du journal d’audit ${file} ne contient pas une clé Parcours`);
    expect(readFileSync(file, 'utf8')).toBe('not a key\n');
    expect(readFileSync(databasePath(dir)).equals(before)).toBe(true);
  });

  for (const [name, change] of Object.entries(REWRITES)) {
    it(`${name} with the only key the insider can derive, head re-sealed: hash_mismatch`, async () => {
      useKeyFile();
      const dir = await centreWithHistory();
      await tamper(dir, change, { reseal: true });
      const r = await verify(dir);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/ALTÉRÉ (à l’entrée 1 \(hash_mismatch\)|\(head_mismatch\))/);
    });
  }

  it('the whole log rewritten as plain SHA-256 (a downgrade): head_mismatch; with the head removed too, the anchor', async () => {
    useKeyFile();
    const dir = await centreWithHistory();
    const code = await anchor(dir);
    await tamper(dir, REWRITES['edit + re-chain'], { plain: true });
    expectHeadMismatch(await verify(dir));
    // Again (that verify appended keyed entries: its login), and the head record removed as well.
    await tamper(dir, (rows) => rows, { plain: true });
    rmSync(headPath(dir));
    // No keyed entry left and no head record: it looks like a store from before the keyed chain.
    expect((await verify(dir)).code).toBe(0);
    expectAnchorBroken(await verify(dir, '--anchor', code), code);
  });

  it('a forged append keyed with the derived key: named (hash_mismatch)', async () => {
    useKeyFile();
    const dir = await centreWithHistory();
    const { db, derivedKey } = await insider(dir);
    let seq = 0;
    try {
      const last = rowsOf(db).at(-1)!;
      seq = last.seq + 1;
      const fields = {
        seq,
        at: last.at,
        actorId: last.actor_id,
        action: 'read',
        section: last.section,
        personId: last.person_id,
        targetType: last.target_type,
        targetId: last.target_id,
        siteId: last.site_id,
        reason: last.reason,
        detail: last.detail,
        prevHash: last.hash,
      };
      db.prepare(
        `INSERT INTO audit_log (seq, at, actor_id, action, section, person_id, target_type, target_id, site_id, reason, detail, prev_hash, hash, chain_version)
         VALUES (?, ?, ?, 'read', ?, ?, ?, ?, ?, ?, ?, ?, ?, 2)`,
      ).run(
        seq,
        fields.at,
        fields.actorId,
        fields.section,
        fields.personId,
        fields.targetType,
        fields.targetId,
        fields.siteId,
        fields.reason,
        fields.detail,
        fields.prevHash,
        keyedEntryHash(derivedKey.key, fields),
      );
      writeSealedHead(dir, derivedKey, currentHead(db), new Date());
    } finally {
      db.close();
    }
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`ALTÉRÉ à l’entrée ${seq} (hash_mismatch)`);
  });
});

describe('a store from before the keyed chain', () => {
  it('keeps its plain entries, is sealed at its first open, and keyed entries follow; no way back to plain', async () => {
    const dir = await centreWithHistory();
    // As an older Parcours left it: plain SHA-256 entries, no head record.
    await tamper(dir, (rows) => rows, { plain: true });
    rmSync(headPath(dir));
    const t = await reopen(dir);
    expect(t.core.ctx.vault.requireStore().headCheck.ok).toBe(true);
    await activity(t, 1, 'u');
    await t.core.close();
    expect((await verify(dir)).code).toBe(0);
    const { db } = await insider(dir);
    let firstKeyed = 0;
    try {
      const versions = rowsOf(db).map((r) => r.chain_version);
      firstKeyed = versions.indexOf(CHAIN_KEYED) + 1;
      expect(firstKeyed).toBeGreaterThan(1);
      expect(versions.slice(firstKeyed - 1).every((v) => v === CHAIN_KEYED)).toBe(true);
    } finally {
      db.close();
    }
    // Rewriting the keyed part as plain entries (downgrade) is caught by the head.
    await tamper(dir, (rows) => rows, { plain: true });
    expectHeadMismatch(await verify(dir));
  });
});

describe('backups carry the head; restore holds the restored log to it', () => {
  async function dataKey(dir: string): Promise<Buffer> {
    const account = Keyring.load(dir)?.account(ADMIN.username);
    const key = account ? await unwrapKey(account.wrapped, ADMIN.password) : null;
    if (!key) throw new Error('no key');
    return key;
  }

  it('the head sealed in the header is the copy’s; the restored folder starts from it and verifies', async () => {
    const dir = await centreWithHistory();
    const file = path.join(tempDir(), 'centre.parcours-backup');
    const b = await cli(['backup', '--data', dir, '--out', file], LOGIN);
    expect(b.code, b.err).toBe(0);
    const { header } = readBackup(file);
    const key = await dataKey(dir);
    const head = openHead(key, header);
    const { db } = await insider(dir);
    try {
      expect(head).not.toBeNull();
      expect(head!.count).toBeGreaterThan(10);
      expect(db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(head!.count)).toEqual({
        hash: head!.hash,
      });
    } finally {
      db.close();
    }
    const target = path.join(tempDir(), 'restored');
    const r = await cli(['restore', '--from', file, '--data', target], LOGIN);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(headPath(target))).toBe(true);
    expect((await verify(target)).code).toBe(0);
  });

  it('a backup whose log does not contain the head in its header is refused, nothing written', async () => {
    const dir = await centreWithHistory();
    const file = path.join(tempDir(), 'centre.parcours-backup');
    expect((await cli(['backup', '--data', dir, '--out', file], LOGIN)).code).toBe(0);
    const { header, database } = readBackup(file);
    const key = await dataKey(dir);
    const head = openHead(key, header)!;
    // Someone with the data key re-seals a head the copy's log does not reach (as a copy cut short).
    const forged = { ...header, sealedHead: sealTables(key, { count: head.count + 5, hash: head.hash }) };
    writeFileSync(
      file,
      Buffer.concat([Buffer.from(BACKUP_MAGIC), Buffer.from(`${JSON.stringify(forged)}\n`), database]),
    );
    const target = path.join(tempDir(), 'restored');
    const r = await cli(['restore', '--from', file, '--data', target], LOGIN);
    expect(r.code).toBe(1);
    expect(r.err).toContain('(audit_head)');
    expect(existsSync(target)).toBe(false);
  });
});
