/**
 * The audit log is append-only in the database (triggers) and hash-chained: someone who holds the
 * key, drops the triggers and changes or deletes an entry with raw SQL is caught by
 * `parcours audit verify`, which names the entry. Re-chaining, rollback, truncation and the anchor:
 * tests/unit/audit-chain-tamper.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

// The CLI picks its language when it is loaded: pin French before the import below.
vi.hoisted(() => {
  process.env.PARCOURS_LANG = 'fr';
});

import { main } from '../../electron/server/cli';
import { cliMessages } from '../../shared/i18n/cli';
import { resolveAuditKey, type AuditKey } from '../../electron/core/audit/audit-key';
import { keyedEntryHash } from '../../electron/core/audit/audit-log';
import type { AuditRow } from '../../electron/core/audit/entities';
import { Keyring } from '../../electron/core/db/keyring';
import { unwrapKey } from '../../electron/core/db/keywrap';
import { openEncrypted, type SqliteHandle } from '../../electron/core/db/sqlite';
import { databasePath } from '../../electron/core/db/store';
import { ADMIN, setUpCentre } from './helpers/core';

const fr = cliMessages.fr;
const LOGIN_ENV = { PARCOURS_USER: ADMIN.username, PARCOURS_PASSWORD: ADMIN.password };

let savedEnv: Record<string, string | undefined> = {};
afterEach(() => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  savedEnv = {};
});

/** `parcours audit verify --data dir` as the centre's coordinator. */
async function auditVerify(dir: string): Promise<{ code: number; out: string; err: string }> {
  for (const [k, v] of Object.entries(LOGIN_ENV)) {
    if (!(k in savedEnv)) savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
  const out: string[] = [];
  const err: string[] = [];
  const log = vi
    .spyOn(console, 'log')
    .mockImplementation((...a: unknown[]) => void out.push(a.map(String).join(' ')));
  const error = vi
    .spyOn(console, 'error')
    .mockImplementation((...a: unknown[]) => void err.push(a.map(String).join(' ')));
  try {
    const code = await main(['audit', 'verify', '--data', dir]);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** A centre with a few dozen audit entries, closed (as on disk between two runs). */
async function centreWithHistory(): Promise<string> {
  const t = await setUpCentre();
  for (let i = 0; i < 5; i += 1) {
    const { user } = await t.must(
      'users.create',
      {
        username: `agent${i}`,
        displayName: `Agent ${i}`,
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
        displayName: `Agent ${i} (modifié)`,
        roles: ['community_worker', 'nurse'],
        siteIds: t.siteIds,
      },
      t.token,
    );
  }
  await t.must('auth.logout', {}, t.token);
  await t.core.close();
  return t.dataDir;
}

/**
 * Opens the store the way an insider with a password would: unwrap the key, open, raw SQL. With no
 * audit key file configured they also hold K_audit (derived from the data key).
 */
async function openWithPassword(dir: string): Promise<{ db: SqliteHandle; auditKey: AuditKey }> {
  const ring = Keyring.load(dir);
  const account = ring?.account(ADMIN.username);
  const key = account ? await unwrapKey(account.wrapped, ADMIN.password) : null;
  if (!ring || !key) throw new Error('could not unwrap the data key');
  try {
    return {
      db: openEncrypted({ file: databasePath(dir), key, cipher: ring.cipher }),
      auditKey: resolveAuditKey(key),
    };
  } finally {
    key.fill(0);
  }
}

async function tamper(dir: string, work: (db: SqliteHandle, auditKey: AuditKey) => void): Promise<void> {
  const { db, auditKey } = await openWithPassword(dir);
  try {
    work(db, auditKey);
  } finally {
    db.close();
  }
}

function entryCount(db: SqliteHandle): number {
  return (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

describe('audit log tampering', () => {
  it('an untouched store verifies: exit 0', async () => {
    const dir = await centreWithHistory();
    const r = await auditVerify(dir);
    expect(r.code, r.err).toBe(0);
    const count = /(\d+)/.exec(r.out)?.[1] ?? '?';
    expect(r.out).toBe(fr.auditIntact.replace('{{count}}', count));
    expect(Number(count)).toBeGreaterThan(10);
  });

  it('the append-only triggers refuse UPDATE and DELETE through normal SQL', async () => {
    const dir = await centreWithHistory();
    await tamper(dir, (db) => {
      const before = db.prepare('SELECT * FROM audit_log ORDER BY seq').all();
      expect(() => db.prepare("UPDATE audit_log SET action = 'read' WHERE seq = 2").run()).toThrow(
        /append-only/,
      );
      expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(db.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(before);
    });
    expect((await auditVerify(dir)).code).toBe(0);
  });

  it("one entry's action changed with raw SQL (triggers dropped) is detected and named", async () => {
    const dir = await centreWithHistory();
    await tamper(dir, (db) => {
      expect(entryCount(db)).toBeGreaterThan(8);
      db.exec('DROP TRIGGER audit_log_no_update');
      expect(db.prepare("UPDATE audit_log SET action = 'read' WHERE seq = 5").run().changes).toBe(1);
    });
    const r = await auditVerify(dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('ALTÉRÉ à l’entrée 5 (hash_mismatch)');
    expect(r.err).toContain('4 entrées vérifiées avant');
  });

  it('a deleted middle entry is detected and named', async () => {
    const dir = await centreWithHistory();
    await tamper(dir, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      expect(db.prepare('DELETE FROM audit_log WHERE seq = 6').run().changes).toBe(1);
    });
    const r = await auditVerify(dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('ALTÉRÉ à l’entrée 6 (sequence_gap)');
  });

  it('a changed entry whose own hash was recomputed (even with K_audit) breaks the link to the next entry', async () => {
    const dir = await centreWithHistory();
    await tamper(dir, (db, auditKey) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      const row = db.prepare('SELECT * FROM audit_log WHERE seq = 4').get() as Record<string, unknown>;
      const forged: Omit<AuditRow, 'hash' | 'chainVersion'> = {
        seq: row.seq as number,
        at: row.at as string,
        actorId: null,
        action: row.action as string,
        section: row.section as string | null,
        personId: row.person_id as string | null,
        targetType: row.target_type as string | null,
        targetId: row.target_id as string | null,
        siteId: row.site_id as string | null,
        reason: row.reason as string | null,
        detail: row.detail as string | null,
        prevHash: row.prev_hash as string,
      };
      db.prepare('UPDATE audit_log SET actor_id = NULL, hash = ? WHERE seq = 4').run(
        keyedEntryHash(auditKey.key, forged),
      );
    });
    const r = await auditVerify(dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('ALTÉRÉ à l’entrée 5 (chain_broken)');
  });

  it('the refusal message is the same in a store re-opened after tampering (nothing is repaired)', async () => {
    const dir = await centreWithHistory();
    await tamper(dir, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 3").run();
    });
    const first = await auditVerify(dir);
    const second = await auditVerify(dir);
    expect(first.code).toBe(1);
    expect(second.code).toBe(1);
    expect(first.err).toContain('entrée 3');
    expect(second.err).toBe(first.err);
  });
});
