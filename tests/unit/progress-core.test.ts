/**
 * The core's long work reports how far it is (electron/core/progress.ts): counts only, `done`
 * never going down within a phase and ending at `total`, the phases in the order they run. The
 * command line draws them (progress-format.test.ts); here the core alone.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBackup, stageBackup, verifyStaged } from '../../electron/core/db/backup';
import { exportAll } from '../../electron/core/interchange/export';
import { importFile } from '../../electron/core/interchange/import';
import type { Progress, ProgressPhase } from '../../electron/core/progress';
import { takeBackup } from '../../electron/core/services/centre/backup-service';
import { tempDir } from './helpers/core';
import { reception } from './helpers/reception';

const COORDINATOR = { userId: 'x', roles: ['coordinator' as const] };

function migrationFile(siteId: string, persons: number): string {
  const lines: string[] = [];
  for (let i = 0; i < persons; i++)
    lines.push(
      JSON.stringify({ type: 'person', id: `old-${i}`, siteId, nameUsed: `Personne ${i}`, birthYear: 1990 }),
      JSON.stringify({
        type: 'visit',
        id: `visit-${i}`,
        personId: `old-${i}`,
        siteId,
        openedAt: '2024-03-02T09:00:00Z',
        closedAt: '2024-03-02T10:00:00Z',
      }),
    );
  const file = path.join(tempDir(), 'migration.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Each phase's reports: monotonic `done`, never above `total`, the last one complete. */
function expectWellFormed(reports: Progress[]): ProgressPhase[] {
  const phases: ProgressPhase[] = [];
  for (const r of reports) if (phases.at(-1) !== r.phase) phases.push(r.phase);
  // A phase runs once: no phase comes back after another.
  expect(new Set(phases).size, phases.join(',')).toBe(phases.length);
  for (const phase of phases) {
    const mine = reports.filter((r) => r.phase === phase);
    for (const [i, r] of mine.entries()) {
      expect(Number.isInteger(r.done) && Number.isInteger(r.total), phase).toBe(true);
      expect(r.done, phase).toBeLessThanOrEqual(r.total);
      if (i > 0) expect(r.done, phase).toBeGreaterThanOrEqual(mine[i - 1].done);
    }
    expect(mine[0].done, phase).toBe(0);
    expect(mine.at(-1)?.done, phase).toBe(mine.at(-1)?.total);
    // Not just a start and an end: the count moves as the work goes.
    expect(new Set(mine.map((r) => r.done)).size, phase).toBeGreaterThan(1);
  }
  // Counts and a phase: nothing else that could carry a value from the store.
  for (const r of reports) expect(Object.keys(r).sort()).toEqual(['done', 'phase', 'total']);
  return phases;
}

describe('progress reported by the core', () => {
  it('import: the file checked (bytes of the file), then the records written (every record)', async () => {
    const t = await reception();
    const file = migrationFile(t.siteIds[0], 300);
    const reports: Progress[] = [];
    const counts = await importFile(t.core.ctx, COORDINATOR, file, (p) => reports.push({ ...p }));
    expect(counts.created).toBe(600);
    expect(expectWellFormed(reports)).toEqual(['validate', 'write']);
    const write = reports.filter((r) => r.phase === 'write');
    expect(write.at(-1)).toEqual({ phase: 'write', done: 600, total: 600 });
    // One report per record written: the bar moves with the work, not in a few jumps.
    expect(new Set(write.map((r) => r.done)).size).toBe(601);
  }, 60_000);

  it('export: every record written, counted from the store before the first', async () => {
    const t = await reception();
    await importFile(t.core.ctx, COORDINATOR, migrationFile(t.siteIds[0], 200));
    const reports: Progress[] = [];
    const lines: string[] = [];
    const { count } = await exportAll(
      t.core.ctx,
      COORDINATOR,
      (line) => void lines.push(line),
      (p) => reports.push({ ...p }),
    );
    expect(expectWellFormed(reports)).toEqual(['export']);
    expect(reports.at(-1)).toEqual({ phase: 'export', done: count, total: count });
    // The total was known from the start (no bar that only grows with the work).
    expect(reports[0].total).toBe(count);
    expect(lines).toHaveLength(count + 1); // and the header
  }, 60_000);

  it('backup: the pages copied, then the copy checked table by table; restore: bytes read, tables checked', async () => {
    const t = await reception();
    await importFile(t.core.ctx, COORDINATOR, migrationFile(t.siteIds[0], 100));
    const out = path.join(tempDir(), 'centre.parcours-backup');
    const backup: Progress[] = [];
    const { tables } = await takeBackup(t.core.ctx, 'x', out, (p) => backup.push({ ...p }));
    expect(expectWellFormed(backup)).toEqual(['copy', 'check']);
    expect(backup.filter((r) => r.phase === 'check').at(-1)?.total).toBe(Object.keys(tables).length);
    expect(backup.filter((r) => r.phase === 'copy').at(-1)?.total).toBeGreaterThan(10);

    const restore: Progress[] = [];
    const { header, database } = readBackup(out, (p) => restore.push({ ...p }));
    const key = t.core.ctx.vault.requireDataKey();
    const staging = stageBackup(header, database, path.join(tempDir(), 'restored'));
    verifyStaged(staging, key, header, (p) => restore.push({ ...p }));
    expect(expectWellFormed(restore.filter((r) => r.phase === 'check'))).toEqual(['check']);
    // The read of a small backup is one chunk: a start and an end.
    const read = restore.filter((r) => r.phase === 'read');
    expect(read).toEqual([
      { phase: 'read', done: 0, total: database.length },
      { phase: 'read', done: database.length, total: database.length },
    ]);
  }, 60_000);
});
