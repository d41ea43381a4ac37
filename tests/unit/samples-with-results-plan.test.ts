/**
 * A person's tests (the dossier's tests section, the laboratory import's matching) are read on
 * indexes: `result` has no index on `person_id`, so reading a person's results by it scanned
 * every result of the centre — ten years of a centre are 500,000 results, read again for each
 * person of a 10,000-line laboratory file (docs/benchmarks.md, "Clinical pathway"). The results
 * are read by their samples' ids instead (the unique `sample_id` index).
 */
import { describe, expect, it } from 'vitest';
import type { SqliteHandle } from '../../electron/core/db/sqlite';
import { personInput, reception, staff } from './helpers/reception';

/** Every SELECT on `result` prepared on the handle from now on (text only: no personal data). */
function recordResultReads(handle: SqliteHandle): { texts: Set<string>; stop: () => void } {
  const texts = new Set<string>();
  const prepare = handle.prepare.bind(handle);
  const spy = ((sql: string) => {
    if (/^\s*SELECT\b/i.test(sql) && /\bFROM "?result"?\b/.test(sql)) texts.add(sql);
    return prepare(sql);
  }) as SqliteHandle['prepare'];
  handle.prepare = spy;
  return {
    texts,
    stop: () => {
      handle.prepare = prepare;
    },
  };
}

describe("a person's samples and results", () => {
  it('are read without scanning the result table (the tests tab, the dossier; the lab import matches with the same read)', async () => {
    const t = await reception();
    const nurse = await staff(t, 'nina', ['nurse']);
    const handle = t.core.ctx.vault.requireStore().handle;
    const recorded = recordResultReads(handle);
    try {
      const person = await t.must('persons.create', personInput(t, { nameUsed: 'Ana' }), nurse.token);
      await t.must(
        'persons.recordConsent',
        { personId: person.id, scope: 'care_team', given: true },
        nurse.token,
      );
      const [sample] = (
        await t.must(
          'screenings.saveSamples',
          {
            personId: person.id,
            siteId: t.siteIds[0],
            takenAt: t.clock.now().toISOString(),
            add: [{ testCode: 'hiv_trod' }],
          },
          nurse.token,
        )
      ).samples;
      t.clock.advance(60_000);
      await t.must(
        'screenings.saveResult',
        {
          personId: person.id,
          sampleId: sample.id,
          resultedAt: t.clock.now().toISOString(),
          value: { type: 'reactivity', reactivity: 'non_reactive' },
        },
        nurse.token,
      );
      const tests = await t.must('screenings.forPerson', { personId: person.id }, nurse.token);
      expect(JSON.stringify(tests)).toContain(sample.id);
      await t.must('persons.dossier', { id: person.id }, nurse.token);
    } finally {
      recorded.stop();
    }
    expect(recorded.texts.size).toBeGreaterThan(0);
    for (const sql of recorded.texts) {
      const parameters = (sql.match(/\?/g) ?? []).map(() => 'x');
      const plan = (
        handle.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as Array<{ detail: string }>
      )
        .map((r) => r.detail)
        .join('\n');
      expect(plan, `${sql}\n${plan}`).not.toMatch(/\bSCAN "?result"?\b/);
    }
  });
});
