/**
 * `parcours import / export` show their progress on a terminal (stderr), rewritten in place, and
 * say nothing of it with --quiet or when stderr is not a terminal (a script, a log file). The
 * progress never names a person: counts, record kinds and rates only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.PARCOURS_LANG = 'fr';
});

import { cli, stem } from './helpers/cli';
import { cliMessages } from '../../shared/i18n/cli';
import { ADMIN } from './helpers/core';

const fr = cliMessages.fr;
const ADMIN_ENV = { PARCOURS_ADMIN_USER: ADMIN.username, PARCOURS_ADMIN_PASSWORD: ADMIN.password };
const LOGIN_ENV = { PARCOURS_USER: ADMIN.username, PARCOURS_PASSWORD: ADMIN.password };
/** A name that must never reach the terminal's progress. */
const SECRET_NAME = 'Zéphyrine Quatremains';

let root: string;
let file: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'parcours-cli-progress-'));
  file = path.join(root, 'migration.jsonl');
  const lines = [
    { type: 'header', format: 'parcours-interchange', formatVersion: 1, exportedAt: '2026-01-15T10:00:00Z' },
    { type: 'centre', id: 'centre-1', name: 'SPOT Lyon', autoLockMinutes: 5, defaultLocale: 'fr' },
    { type: 'site', id: 'site-lyo', code: 'LYO', name: 'Lyon', city: 'Lyon', timezone: 'Europe/Paris' },
    ...Array.from({ length: 40 }, (_, i) => ({
      type: 'person',
      id: `old-${i}`,
      siteId: 'site-lyo',
      nameUsed: `${SECRET_NAME} ${i}`,
      birthYear: 1990,
    })),
  ];
  writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Runs the command with stderr seen as a terminal (or not). */
async function onTerminal(isTTY: boolean, run: () => ReturnType<typeof cli>) {
  const saved = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
  Object.defineProperty(process.stderr, 'isTTY', { value: isTTY, configurable: true });
  try {
    return await run();
  } finally {
    if (saved) Object.defineProperty(process.stderr, 'isTTY', saved);
    else delete (process.stderr as { isTTY?: boolean }).isTTY;
  }
}

const PROGRESS_WORDS = [
  fr.progressPhase_validate,
  fr.progressPhase_write,
  fr.progressPhase_export,
  fr.progressUnit_records,
];

function expectNoProgress(err: string): void {
  expect(err).not.toContain('\r');
  for (const word of PROGRESS_WORDS) expect(err).not.toContain(word);
}

describe('progress of parcours import and export', () => {
  it('on a terminal: both passes of the import, rewritten in place, then a summary; never a name', async () => {
    const dir = path.join(root, 'tty');
    const r = await onTerminal(true, () => cli(['import', '--data', dir, file], ADMIN_ENV));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(stem(fr.importDone));
    expect(r.err).toContain(`\r${fr.progressPhase_validate} : `);
    expect(r.err).toContain(`\r${fr.progressPhase_write} : `);
    // The summary of the write pass: 42 records (centre, site, 40 persons).
    expect(r.err.split('\x1b[K').join('')).toMatch(
      new RegExp(`\\r${fr.progressPhase_write} : 42 ${fr.progressUnit_records} en \\d+:\\d\\d`),
    );
    expect(r.err).not.toContain(SECRET_NAME);
    expect(r.out).not.toContain(SECRET_NAME);

    const out = path.join(root, 'tty-export.jsonl');
    const e = await onTerminal(true, () =>
      cli(['export', '--data', dir, '--out', out], {
        ...LOGIN_ENV,
        PARCOURS_RECOVERY_CODE: /([A-Z0-9]{4}(?:-[A-Z0-9]{4}){7})/.exec(r.out)?.[1] ?? '',
      }),
    );
    expect(e.code, e.err).toBe(0);
    expect(e.err).toContain(`\r${fr.progressPhase_export} : `);
    expect(e.err).not.toContain(SECRET_NAME);
  }, 60_000);

  it('--quiet on a terminal: no progress at all, the same result', async () => {
    const dir = path.join(root, 'quiet');
    const r = await onTerminal(true, () => cli(['import', '--quiet', '--data', dir, file], ADMIN_ENV));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(stem(fr.importDone));
    expectNoProgress(r.err);
  }, 60_000);

  it('stderr not a terminal (a script, a log file): no progress', async () => {
    const dir = path.join(root, 'piped');
    const r = await onTerminal(false, () => cli(['import', '--data', dir, file], ADMIN_ENV));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(stem(fr.importDone));
    expectNoProgress(r.err);
  }, 60_000);

  it('backup and restore on a terminal: their phases drawn in place; --quiet: nothing', async () => {
    const dir = path.join(root, 'to-back-up');
    const imported = await cli(['import', '--quiet', '--data', dir, file], ADMIN_ENV);
    expect(imported.code, imported.err).toBe(0);
    const backupFile = path.join(root, 'centre.parcours-backup');
    const b = await onTerminal(true, () => cli(['backup', '--data', dir, '--out', backupFile], LOGIN_ENV));
    expect(b.code, b.err).toBe(0);
    expect(b.err).toContain(`\r${fr.progressPhase_copy} : `);
    expect(b.err).not.toContain(SECRET_NAME);

    const r = await onTerminal(true, () =>
      cli(['restore', '--from', backupFile, '--data', path.join(root, 'restored')], LOGIN_ENV),
    );
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`\r${fr.progressPhase_read} : `);
    expect(r.err).not.toContain(SECRET_NAME);

    const quiet = await onTerminal(true, () =>
      cli(
        ['restore', '--quiet', '--from', backupFile, '--data', path.join(root, 'restored-quietly')],
        LOGIN_ENV,
      ),
    );
    expect(quiet.code, quiet.err).toBe(0);
    expect(quiet.err).not.toContain('\r');
  }, 60_000);

  it('the usage names --quiet', async () => {
    const help = await cli(['--help']);
    expect(help.out).toContain('import --data DIR FICHIER [--quiet]');
    expect(help.out).toContain('--quiet le masque');
  });
});
