/**
 * The Test and Treat hook of a laboratory file reads the to-treat items of hundreds of persons at
 * once (`itemsOfPersonsIn`, one statement per 900). With the states in the same WHERE, SQLite led
 * such a long list of persons by the worklists' `(status, site_id, opened_on)` index: every
 * treated item of the centre read for each chunk of the file — 0.4 s a chunk, 4.4 s of a
 * 10,000-line file on a ten-year centre (docs/benchmarks.md, "Clinical pathway"). The read is led
 * by the person's index; the states are kept after it.
 */
import { describe, expect, it } from 'vitest';
import type { SqliteHandle } from '../../electron/core/db/sqlite';
import { itemsOfPersonsIn } from '../../electron/core/services/treatments/repository';
import { clinicalCentre, consentingPerson } from './helpers/clinical';

/** Every SELECT on `to_treat` prepared on the handle from now on (text only: no personal data). */
function recordItemReads(handle: SqliteHandle): { texts: Set<string>; stop: () => void } {
  const texts = new Set<string>();
  const prepare = handle.prepare.bind(handle);
  handle.prepare = (sql: string) => {
    if (/^\s*SELECT\b/i.test(sql) && /\bFROM "?to_treat"?/.test(sql)) texts.add(sql);
    return prepare(sql);
  };
  return {
    texts,
    stop: () => {
      handle.prepare = prepare;
    },
  };
}

describe('the to-treat items of a laboratory file’s persons', () => {
  it('are read by the person index, in their states only, however many persons the file names', async () => {
    const { t, nurse, siteId } = await clinicalCentre();
    const personId = await consentingPerson(t, nurse.token);
    const { samples } = await t.must(
      'screenings.saveSamples',
      { personId, siteId, takenAt: t.clock.now().toISOString(), add: [{ testCode: 'hiv_trod' }] },
      nurse.token,
    );
    t.clock.advance(60_000);
    await t.must(
      'screenings.saveResult',
      {
        personId,
        sampleId: samples[0].id,
        resultedAt: t.clock.now().toISOString(),
        value: { type: 'reactivity', reactivity: 'reactive' },
      },
      nurse.token,
    );
    // A file's chunk: 900 persons, this one among them.
    const ids = [personId, ...Array.from({ length: 899 }, (_, k) => `unknown-${k}`)];
    const store = t.core.ctx.vault.requireStore();
    const handle = store.handle;
    const recorded = recordItemReads(handle);
    let open: Awaited<ReturnType<typeof itemsOfPersonsIn>>;
    let treated: Awaited<ReturnType<typeof itemsOfPersonsIn>>;
    try {
      open = await store.transaction((em) => itemsOfPersonsIn(em, ids, ['open', 'referred']));
      treated = await store.transaction((em) => itemsOfPersonsIn(em, ids, ['treated']));
    } finally {
      recorded.stop();
    }
    expect(open.map((i) => [i.personId, i.infection, i.status])).toEqual([[personId, 'hiv', 'open']]);
    expect(treated).toEqual([]);

    expect(recorded.texts.size).toBeGreaterThan(0);
    for (const sql of recorded.texts) {
      const parameters = (sql.match(/\?/g) ?? []).map((_, k) => `x${k}`);
      const plan = (
        handle.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as Array<{ detail: string }>
      )
        .map((r) => r.detail)
        .join('\n');
      expect(plan, `${sql}\n${plan}`).toMatch(/\bSEARCH \S+ USING INDEX \S+ \(person_id=\?/);
      expect(plan, `${sql}\n${plan}`).not.toMatch(/\(status=\?/);
    }
  });
});
