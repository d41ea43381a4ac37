/**
 * The screenings' worklists: results to give and confirmations pending, oldest first, a page at a
 * time on the reader's sites; nobody who does not share with the care team is listed or counted
 * (unless the reader wrote the item); each page one statement on its leading-state index.
 */
import { describe, expect, it } from 'vitest';
import { screeningWorklistSql as worklistSql } from '../../electron/core/services/screenings/repository';
import type { ChannelInput } from '../../shared/contract';
import { personInput, reception, staff, type Centre } from './helpers/reception';

async function centre() {
  const t = await reception();
  const nurse = await staff(t, 'nina', ['nurse']);
  const doctor = await staff(t, 'dora', ['doctor']);
  const worker = await staff(t, 'wes', ['community_worker']);
  return { t, nurse, doctor, worker };
}

/** A person sharing with the care team, with a rapid HIV test taken and read by `token`. */
async function tested(
  t: Centre,
  token: string,
  nameUsed: string,
  reactivity: 'reactive' | 'non_reactive',
  siteId = t.siteIds[0],
) {
  const person = await t.must('persons.create', personInput(t, { nameUsed, siteId }), token);
  await t.must('persons.recordConsent', { personId: person.id, scope: 'care_team', given: true }, token);
  const at = t.clock.now().toISOString();
  const [sample] = (
    await t.must(
      'screenings.saveSamples',
      { personId: person.id, siteId, takenAt: at, add: [{ testCode: 'hiv_trod' }] },
      token,
    )
  ).samples;
  t.clock.advance(60_000);
  const saved = await t.must(
    'screenings.saveResult',
    {
      personId: person.id,
      sampleId: sample.id,
      resultedAt: t.clock.now().toISOString(),
      value: { type: 'reactivity', reactivity },
    },
    token,
  );
  t.clock.advance(60_000);
  return { person, result: saved.sample.result!, confirmation: saved.confirmation };
}

const names = (page: { rows: Array<{ nameUsed: string }> }) => page.rows.map((r) => r.nameUsed);

describe('screenings worklists', () => {
  it('lists results to give oldest first, in pages, until they are given', async () => {
    const { t, nurse, doctor } = await centre();
    const ana = await tested(t, nurse.token, 'Ana', 'non_reactive');
    await tested(t, nurse.token, 'Bea', 'reactive');
    await tested(t, doctor.token, 'Cléo', 'non_reactive');
    const list = (input: Partial<ChannelInput<'screenings.worklist'>> = {}) =>
      t.must('screenings.worklist', { list: 'results_to_give', ...input }, nurse.token);

    const first = await list({ limit: 2 });
    expect(names(first)).toEqual(['Ana', 'Bea']);
    expect(first.rows[0]).toMatchObject({
      id: ana.result.id,
      personId: ana.person.id,
      testCode: 'hiv_trod',
      interpretation: 'negative',
      siteId: t.siteIds[0],
    });
    expect(first.nextCursor).toEqual({ at: first.rows[1].at, id: first.rows[1].id });
    const second = await list({ limit: 2, cursor: first.nextCursor! });
    expect(names(second)).toEqual(['Cléo']);
    expect(second.nextCursor).toBeNull();
    expect(await t.must('screenings.worklistCounts', {}, nurse.token)).toEqual({
      results_to_give: 3,
      confirmations_pending: 1,
    });

    await t.must(
      'screenings.give',
      {
        personId: ana.person.id,
        resultId: ana.result.id,
        version: ana.result.version,
        givenAt: t.clock.now().toISOString(),
      },
      nurse.token,
    );
    expect(names(await list())).toEqual(['Bea', 'Cléo']);
    // Another site only: nothing here.
    expect(names(await list({ siteIds: [t.siteIds[1]] }))).toEqual([]);
  });

  it('lists the confirmations of reactive rapid tests until they are resulted', async () => {
    const { t, nurse, doctor } = await centre();
    const bea = await tested(t, nurse.token, 'Bea', 'reactive');
    await tested(t, nurse.token, 'Ana', 'non_reactive');
    const pending = () => t.must('screenings.worklist', { list: 'confirmations_pending' }, doctor.token);
    const page = await pending();
    expect(page.rows).toMatchObject([
      {
        id: bea.confirmation!.id,
        personId: bea.person.id,
        testCode: 'hiv_serology_lab',
        interpretation: null,
      },
    ]);

    // Taken: still awaited. Resulted: off the list.
    const [taken] = (
      await t.must(
        'screenings.saveSamples',
        {
          personId: bea.person.id,
          siteId: t.siteIds[0],
          takenAt: t.clock.now().toISOString(),
          take: [{ id: bea.confirmation!.id, version: bea.confirmation!.version }],
        },
        nurse.token,
      )
    ).samples.filter((s) => s.id === bea.confirmation!.id);
    expect(taken).toMatchObject({ status: 'taken' });
    expect(names(await pending())).toEqual(['Bea']);
    t.clock.advance(60_000);
    await t.must(
      'screenings.saveResult',
      {
        personId: bea.person.id,
        sampleId: bea.confirmation!.id,
        resultedAt: t.clock.now().toISOString(),
        value: { type: 'positivity', positivity: 'positive' },
      },
      nurse.token,
    );
    expect(names(await pending())).toEqual([]);
    expect((await t.must('screenings.worklistCounts', {}, doctor.token)).confirmations_pending).toBe(0);
  });

  it('never lists nor counts a person who withdrew the care-team consent, except for who wrote the item', async () => {
    const { t, nurse, doctor, worker } = await centre();
    const ana = await tested(t, nurse.token, 'Ana', 'reactive');
    await tested(t, nurse.token, 'Bea', 'non_reactive');
    await t.must(
      'persons.recordConsent',
      { personId: ana.person.id, scope: 'care_team', given: false },
      worker.token,
    );
    for (const list of ['results_to_give', 'confirmations_pending'] as const)
      expect(names(await t.must('screenings.worklist', { list }, doctor.token))).not.toContain('Ana');
    expect(await t.must('screenings.worklistCounts', {}, doctor.token)).toEqual({
      results_to_give: 1,
      confirmations_pending: 0,
    });
    // The nurse who took and read the test keeps it on her lists.
    expect(names(await t.must('screenings.worklist', { list: 'results_to_give' }, nurse.token))).toEqual([
      'Ana',
      'Bea',
    ]);
    expect(await t.must('screenings.worklistCounts', {}, nurse.token)).toEqual({
      results_to_give: 2,
      confirmations_pending: 1,
    });
  });

  it('reads each list in one statement on its leading-state index, without scanning a clinical table', async () => {
    const { t } = await centre();
    const store = t.core.ctx.vault.requireStore();
    const plans = await store.exclusive(async () => {
      const em = store.manager;
      const out: Record<string, string> = {};
      for (const list of ['results_to_give', 'confirmations_pending'] as const) {
        const [sql, params] = worklistSql(em, list, t.siteIds, 'reader');
        const rows = await em.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`, params);
        out[list] = rows.map((r) => r.detail).join('\n');
      }
      return out;
    });
    for (const plan of Object.values(plans))
      expect(plan, plan).not.toMatch(/SCAN (r|s|result|sample|screening)\b/);
    expect(plans.results_to_give, plans.results_to_give).toMatch(
      /SEARCH r USING INDEX \S+ \(to_give=\? AND site_id=\?/,
    );
    expect(plans.confirmations_pending, plans.confirmations_pending).toMatch(
      /SEARCH s USING INDEX \S+ \(status=\? AND site_id=\?/,
    );
  });
});
