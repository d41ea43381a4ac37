/**
 * A backup of a working centre: another process commits records as fast as it can while backups
 * are taken from a second connection. Every backup succeeds, is one consistent snapshot (integrity,
 * and the fingerprint sealed in its header is exactly what it holds), and restores; the writer
 * never fails (a backup must not block or break the centre's writes).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readBackup, stageBackup, verifyStaged, writeBackup } from '../../electron/core/db/backup';
import { DATABASE_CIPHER } from '../../electron/core/db/sqlite';
import type { KeyringData } from '../../electron/core/db/keyring';
import { Store } from '../../electron/core/db/store';
import { tempDir } from './helpers/core';
import { writerChildCommand } from './helpers/writer-child';

const BACKUPS = 8;

/** A keyring as the header carries it: backups copy it, this test never unwraps it. */
const KEYRING: KeyringData = {
  format: 'parcours-keyring',
  version: 1,
  cipher: DATABASE_CIPHER,
  lookupSalt: randomBytes(16).toString('base64'),
  accounts: {},
  recovery: {} as KeyringData['recovery'],
};

describe('backup while the centre writes', () => {
  it(`takes ${BACKUPS} verified backups while another process commits, without failing its writes`, async () => {
    const dataDir = tempDir('parcours-live-backup-');
    const key = randomBytes(32);
    const cmd = await writerChildCommand();
    const child = spawn(cmd.command, cmd.args, {
      env: {
        ...process.env,
        ...cmd.env,
        TORTURE_DIR: dataDir,
        TORTURE_KEY: key.toString('hex'),
        TORTURE_TAG: 'w',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onTestFinished(() => void child.kill('SIGKILL'));
    let committed = 0;
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const enough = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const check = () => (committed >= n ? resolve() : undefined);
        child.stdout.on('data', (c: Buffer) => {
          committed += c
            .toString('utf8')
            .split('\n')
            .filter((l) => l.startsWith('w-')).length;
          check();
        });
        child.once('exit', (code) =>
          reject(new Error(`the writer stopped (code ${String(code)}): ${stderr}`)),
        );
      });
    await enough(20);

    const store = await Store.open({ dataDir, key });
    try {
      for (let i = 0; i < BACKUPS; i += 1) {
        const before = committed;
        const out = path.join(tempDir('parcours-live-backup-out-'), `b${i}.parcours-backup`);
        const { tables } = writeBackup(store.handle, key, KEYRING, out, new Date());
        const { header, database } = readBackup(out);
        const staged = stageBackup(header, database, path.join(tempDir('parcours-live-restore-'), 'data'));
        expect(verifyStaged(staged, key, header)).toEqual(tables);
        // Let the writer commit more between two backups: each backup sees a different state.
        await new Promise((r) => setTimeout(r, 30));
        expect(committed).toBeGreaterThanOrEqual(before);
      }
    } finally {
      await store.close();
    }
    expect(child.exitCode, stderr).toBeNull();
    expect(stderr).toBe('');
    expect(committed).toBeGreaterThan(20);
    // Stop the writer before its folder is removed: each of its commits also seals the audit head
    // (a new file in the folder), which would race the removal.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }, 120_000);
});
