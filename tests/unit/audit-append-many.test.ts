/**
 * One unit of work may append thousands of audit entries at once (a laboratory file naming 5,000
 * persons: their preview reads and their updates). They are all written, in order, on one intact
 * chain: SQLite takes at most 32,766 parameters per statement, and one INSERT of every entry
 * (14 parameters each) failed beyond 2,340 entries — the import answered an internal error.
 */
import { describe, expect, it } from 'vitest';
import { appendAudits, AUDIT_ROWS_PER_INSERT } from '../../electron/core/audit/audit-log';
import { verifyAudit } from '../../electron/core/services/audit/audit-service';
import { setUpCentre } from './helpers/core';

describe('appending many audit entries in one unit', () => {
  it('writes every entry on one intact chain, whatever their number', async () => {
    const t = await setUpCentre();
    const store = t.core.ctx.vault.requireStore();
    const count = () =>
      (store.handle.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = count();
    const entries = 2 * AUDIT_ROWS_PER_INSERT + 2_500;
    const rows = await store.transaction((em) =>
      appendAudits(
        em,
        Array.from({ length: entries }, (_, i) => ({
          actorId: null,
          action: 'read' as const,
          section: 'tests' as const,
          personId: `person-${i}`,
          detail: { channel: 'screenings.importPreview', lines: 2 },
        })),
        t.clock.now(),
      ),
    );
    expect(rows).toHaveLength(entries);
    expect(count() - before).toBe(entries);
    expect(await verifyAudit(t.core.ctx)).toMatchObject({ intact: true, problem: null });
  });
});
