/**
 * The import writes in batches (issue 8: import at 60× within 3× a raw writer's CPU): the stored
 * version of a chunk of records is read in one query and the new ones inserted a few dozen per
 * statement, instead of a look-up, an insert and a read-back of the inserted row per record (each
 * built by TypeORM, which cost about ten times the write). Counted without timing: the SQL
 * statements that touch the records' own tables during an import, through TypeORM's query runner
 * (every statement of the store passes there). The rules stay those of the record-by-record path:
 * refusals are still reported on their line and field.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportRefused, importText } from '../../electron/core/interchange/import';
import { migrationLines } from './helpers/migration-file';
import { reception } from './helpers/reception';

const COORDINATOR = { userId: 'x', roles: ['coordinator' as const] };

/** A statement that reads or writes the person or the visit table itself (not the search index). */
const RECORD_TABLES = /\b(?:FROM|INTO|UPDATE|JOIN)\s+"?(?:person|visit)"?[\s(]/i;

afterEach(() => {
  vi.restoreAllMocks();
});

async function statementsOnRecordTables(count: number): Promise<{ statements: number; records: number }> {
  const t = await reception();
  const store = t.core.ctx.vault.requireStore();
  const runner = store.ds.createQueryRunner();
  const proto = Object.getPrototypeOf(runner) as { query: (sql: string, ...rest: unknown[]) => unknown };
  await runner.release();
  const query = vi.spyOn(proto, 'query');
  const text = [...migrationLines({ siteId: t.siteIds[0], persons: count })].join('\n');
  const counts = await importText(t.core.ctx, COORDINATOR, text);
  expect(counts).toEqual({ created: 2 * count, updated: 0, unchanged: 0 });
  const statements = query.mock.calls.filter(([sql]) => RECORD_TABLES.test(sql)).length;
  query.mockRestore();
  await t.core.close();
  return { statements, records: counts.created };
}

describe('import in batches', () => {
  it('touches the records’ tables in a few statements per hundred records, not several per record', async () => {
    const { statements, records } = await statementsOnRecordTables(1200);
    // Not vacuous: the persons and visits were written through the counted runner.
    expect(statements).toBeGreaterThan(0);
    // One look-up per 500 records and one insert per ~80: about 3 per hundred records here (the
    // record-by-record path made 3 per record: look-up, insert, read-back).
    expect(statements / records).toBeLessThan(0.1);
  }, 120_000);

  it('a refusal found while writing a batch is still reported on its line and field, and nothing is written', async () => {
    const t = await reception();
    const lines = [...migrationLines({ siteId: t.siteIds[0], persons: 30, consents: true })];
    // A consent recorded in the future is refused by the consent's own checks at write time (no
    // rule over the file catches it before): here in the middle of a batch of new consents.
    const consent = lines.findIndex((l) => l.includes('"id":"consent-12"'));
    const record = JSON.parse(lines[consent]) as Record<string, unknown>;
    lines[consent] = JSON.stringify({ ...record, recordedAt: '2999-01-01T00:00:00.000Z' });
    const err = await importText(t.core.ctx, COORDINATOR, lines.join('\n')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRefused);
    expect((err as ImportRefused).errors).toEqual([
      { line: consent + 1, field: 'recordedAt', reason: 'in_future' },
    ]);
    const handle = t.core.ctx.vault.requireStore().handle;
    for (const table of ['person', 'person_consent', 'visit'])
      expect(handle.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    await t.core.close();
  });
});
