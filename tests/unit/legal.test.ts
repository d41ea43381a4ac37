/**
 * Legal procedures on a real encrypted store (docs/violence-care.md, slice 5): a social worker
 * opens a civil-registration procedure with a lawyer from the directory and adds a hearing (the
 * first hearing moves it to `hearings`), stages move forward only (appeal after the decision,
 * closing with an outcome), a complaint names an incident of the same person, a hearing before
 * the opening is refused, "due this week" spans today to today + 6 days in the site's zone, the
 * calendar and the counts keep only persons who share with the social and legal team, and both
 * lists read hearings on `(status, site_id, starts_at)`. Every refusal names its field and writes
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { hearingBeforeProcedure, stageAfterHearing, stageMoveRefusal } from '../../shared/domain/legal';
import { hearingsSql } from '../../electron/core/services/legal/repository';
import { dueThisWeekScope } from '../../electron/core/services/legal/worklist';
import { expectRefused, importRecords, storeSnapshot } from './helpers/clinical';
import { personInput, reception, staff, type Centre } from './helpers/reception';

/** The reception helper's clock: Monday 2026-03-02, 10:00 in Paris (09:00 UTC). */
async function chams() {
  const t = await reception();
  const social = await staff(t, 'sara', ['social_worker']);
  const legal = await staff(t, 'lina', ['legal']);
  const nurse = await staff(t, 'nina', ['nurse']);
  const lawyer = await t.must(
    'directory.save',
    { name: 'Maître Benali', kind: 'professional', category: 'lawyer' },
    t.token,
  );
  const shelter = await t.must(
    'directory.save',
    { name: 'Foyer', kind: 'organisation', category: 'ngo' },
    t.token,
  );
  return { t, social, legal, nurse, lawyerId: lawyer.id, shelterId: shelter.id, siteId: t.siteIds[0] };
}

async function survivor(t: Centre, token: string, shares = true, nameUsed = 'Salma') {
  const p = await t.must('persons.create', personInput(t, { nameUsed }), token);
  if (shares)
    await t.must('persons.recordConsent', { personId: p.id, scope: 'social_legal', given: true }, token);
  return p.id;
}

function procedure(
  personId: string,
  extra: Partial<ChannelInput<'legal.saveProcedure'>> = {},
): ChannelInput<'legal.saveProcedure'> {
  return { personId, type: 'child_civil_registration', openedOn: '2026-02-20', ...extra };
}

function hearing(
  personId: string,
  procedureId: string,
  startsAt: string,
  extra: Partial<ChannelInput<'legal.saveHearing'>> = {},
): ChannelInput<'legal.saveHearing'> {
  return { personId, procedureId, startsAt, place: 'Tribunal de première instance', ...extra };
}

const ROWS_SQL =
  'SELECT (SELECT count(*) FROM audit_log) AS a, (SELECT group_concat(stage || version) FROM legal_procedure) AS p, (SELECT count(*) FROM legal_step) AS s, (SELECT group_concat(status || version) FROM hearing) AS h';

describe('the stage rules (pure)', () => {
  it('moves forward (skipping allowed), appeal only after the decision, nothing after closing', () => {
    expect(stageMoveRefusal('documents_gathered', 'filed')).toBeNull();
    expect(stageMoveRefusal('documents_gathered', 'decision')).toBeNull();
    expect(stageMoveRefusal('decision', 'appeal')).toBeNull();
    expect(stageMoveRefusal('appeal', 'closed')).toBeNull();
    expect(stageMoveRefusal('hearings', 'closed')).toBeNull();
    expect(stageMoveRefusal('hearings', 'appeal')).toBe('stage_backwards');
    expect(stageMoveRefusal('decision', 'hearings')).toBe('stage_backwards');
    expect(stageMoveRefusal('filed', 'filed')).toBe('stage_backwards');
    expect(stageMoveRefusal('closed', 'appeal')).toBe('procedure_closed');
    expect(stageAfterHearing('filed')).toBe('hearings');
    expect(stageAfterHearing('appeal')).toBe('appeal');
    expect(hearingBeforeProcedure('2026-02-20', '2026-02-19')).toBe(true);
    expect(hearingBeforeProcedure('2026-02-20', '2026-02-20')).toBe(false);
  });

  it('"due this week" is today to the end of today + 6 days in the site’s zone', () => {
    // 2026-03-02T09:00Z is Monday 10:00 in Paris; Sunday ends at 23:00 UTC (CET).
    const paris = dueThisWeekScope(['s'], new Date('2026-03-02T09:00:00Z'), 'Europe/Paris');
    expect(paris).toMatchObject({ from: '2026-03-01T23:00:00.000Z', to: '2026-03-08T23:00:00.000Z' });
    // 00:30 UTC on Tuesday is still Monday evening in Port-au-Prince; its clocks go forward on
    // Sunday the 8th, so the week ends at 04:00 UTC, not 05:00.
    const haiti = dueThisWeekScope(['s'], new Date('2026-03-03T00:30:00Z'), 'America/Port-au-Prince');
    expect(haiti).toMatchObject({ from: '2026-03-02T05:00:00.000Z', to: '2026-03-09T04:00:00.000Z' });
  });
});

describe('a procedure’s life', () => {
  it('a social worker opens a civil-registration procedure with a lawyer and adds a hearing; legal reads it all', async () => {
    const { t, social, legal, lawyerId } = await chams();
    const personId = await survivor(t, social.token);
    const opened = await t.must(
      'legal.saveProcedure',
      procedure(personId, { lawyerEntryId: lawyerId }),
      social.token,
    );
    expect(opened).toMatchObject({
      type: 'child_civil_registration',
      stage: 'documents_gathered',
      lawyerName: 'Maître Benali',
      followerId: social.id,
      followerName: 'sara (test)',
      outcome: null,
    });
    const filed = await t.must(
      'legal.addStep',
      { personId, procedureId: opened.id, stage: 'filed', on: '2026-02-25', version: opened.version },
      social.token,
    );
    expect(filed.stage).toBe('filed');
    // The first hearing moves the procedure to `hearings`, recorded as a step of today.
    const withHearing = await t.must(
      'legal.saveHearing',
      hearing(personId, opened.id, '2026-03-06T09:00:00Z'),
      social.token,
    );
    expect(withHearing.stage).toBe('hearings');
    expect(withHearing.steps.map((s) => [s.stage, s.on])).toEqual([
      ['filed', '2026-02-25'],
      ['hearings', '2026-03-02'],
    ]);
    expect(withHearing.hearings[0]).toMatchObject({ status: 'scheduled', kind: 'hearing' });

    const tab = await t.must('legal.forPerson', { personId }, legal.token);
    expect(tab.view.status).toBe('shown');
    expect(tab.items).toHaveLength(1);
    expect(tab.items[0].hearings).toHaveLength(1);

    // Held, then a decision, an appeal, and the closing with its outcome.
    const h = withHearing.hearings[0];
    await t.must(
      'legal.saveHearing',
      hearing(personId, opened.id, h.startsAt, {
        id: h.id,
        version: h.version,
        status: 'held',
        outcomeNote: 'Renvoi',
      }),
      legal.token,
    );
    const decided = await t.must(
      'legal.addStep',
      { personId, procedureId: opened.id, stage: 'decision', on: '2026-03-02', version: withHearing.version },
      legal.token,
    );
    await expectRefused(
      t,
      'legal.addStep',
      { personId, procedureId: opened.id, stage: 'closed', on: '2026-03-02', version: decided.version },
      legal.token,
      { field: 'outcome', reason: 'outcome_required' },
      { rowsSql: ROWS_SQL },
    );
    const closed = await t.must(
      'legal.addStep',
      {
        personId,
        procedureId: opened.id,
        stage: 'closed',
        on: '2026-03-02',
        outcome: 'obtained',
        version: decided.version,
      },
      legal.token,
    );
    expect(closed).toMatchObject({ stage: 'closed', outcome: 'obtained', closedOn: '2026-03-02' });
    await expectRefused(
      t,
      'legal.saveHearing',
      hearing(personId, opened.id, '2026-03-20T09:00:00Z'),
      legal.token,
      { field: 'procedureId', reason: 'procedure_closed' },
      { rowsSql: ROWS_SQL },
    );
  });

  it('refuses, writing nothing: a hearing before the opening, a stage going back, a step before the opening, a future opening', async () => {
    const { t, social, shelterId } = await chams();
    const personId = await survivor(t, social.token);
    const opened = await t.must('legal.saveProcedure', procedure(personId), social.token);
    const decided = await t.must(
      'legal.addStep',
      { personId, procedureId: opened.id, stage: 'decision', on: '2026-02-28', version: opened.version },
      social.token,
    );
    const tab = () => t.must('legal.forPerson', { personId }, social.token);
    const refused = (
      input: Parameters<typeof expectRefused>[2],
      channel: Parameters<typeof expectRefused>[1],
      field: string,
      reason: string,
    ) =>
      expectRefused(t, channel, input as never, social.token, { field, reason }, { rowsSql: ROWS_SQL, tab });

    // 23:30 UTC on the 19th is 00:30 on the 20th in Paris: the opening day, accepted below.
    await refused(
      hearing(personId, opened.id, '2026-02-19T22:30:00Z'),
      'legal.saveHearing',
      'startsAt',
      'hearing_before_procedure',
    );
    await refused(
      { personId, procedureId: opened.id, stage: 'hearings', on: '2026-03-01', version: decided.version },
      'legal.addStep',
      'stage',
      'stage_backwards',
    );
    await refused(
      { personId, procedureId: opened.id, stage: 'appeal', on: '2026-02-19', version: decided.version },
      'legal.addStep',
      'on',
      'before_procedure_opened',
    );
    await refused(
      procedure(personId, { openedOn: '2026-03-03' }),
      'legal.saveProcedure',
      'openedOn',
      'date_in_future',
    );
    await refused(
      procedure(personId, { lawyerEntryId: shelterId }),
      'legal.saveProcedure',
      'lawyerEntryId',
      'entry_category_mismatch',
    );
    await refused(
      hearing(personId, opened.id, '2026-03-04T09:00:00Z', { place: '   ' }),
      'legal.saveHearing',
      'place',
      'text_required',
    );
    const onTheDay = await t.must(
      'legal.saveHearing',
      hearing(personId, opened.id, '2026-02-19T23:30:00Z', { place: '  Tribunal, salle 2 ' }),
      social.token,
    );
    // Kept exactly as typed; a decision already taken keeps its stage.
    expect(onTheDay.hearings[0].place).toBe('  Tribunal, salle 2 ');
    expect(onTheDay.stage).toBe('decision');
  });

  it('a complaint names an incident of the same person', async () => {
    const { t, social, legal } = await chams();
    const personId = await survivor(t, social.token);
    const other = await survivor(t, social.token, true, 'Autre');
    const incident = await t.must(
      'violence.saveIncident',
      {
        personId,
        occurredOn: '2026-02-27',
        placeKind: 'public_space',
        seedTypes: ['police_harassment_abusive_arrest'],
        gbvimsType: 'psychological_abuse',
      },
      legal.token,
    );
    await expectRefused(
      t,
      'legal.saveProcedure',
      procedure(personId, { type: 'complaint' }),
      legal.token,
      { field: 'incidentId', reason: 'incident_required' },
      { rowsSql: ROWS_SQL },
    );
    await expectRefused(
      t,
      'legal.saveProcedure',
      procedure(other, { type: 'complaint', incidentId: incident.id }),
      legal.token,
      { field: 'incidentId', reason: 'unknown_incident' },
      { rowsSql: ROWS_SQL },
    );
    const complaint = await t.must(
      'legal.saveProcedure',
      procedure(personId, { type: 'complaint', incidentId: incident.id, court: 'Parquet' }),
      legal.token,
    );
    expect(complaint).toMatchObject({ type: 'complaint', incidentId: incident.id, court: 'Parquet' });
  });

  it('a nurse may not read it; after a withdrawal a lawyer sees only what they wrote', async () => {
    const { t, social, legal, nurse } = await chams();
    const personId = await survivor(t, social.token);
    const mine = await t.must('legal.saveProcedure', procedure(personId), legal.token);
    await t.must('legal.saveProcedure', procedure(personId, { type: 'divorce' }), social.token);
    await t.must('legal.saveHearing', hearing(personId, mine.id, '2026-03-04T09:00:00Z'), social.token);
    await t.must('persons.recordConsent', { personId, scope: 'social_legal', given: false }, social.token);
    const own = await t.must('legal.forPerson', { personId }, legal.token);
    expect(own.view.status).toBe('own_only');
    expect(own.items.map((p) => p.type)).toEqual(['child_civil_registration']);
    // The hearing the social worker added to the lawyer's procedure is not the lawyer's.
    expect(own.items[0].hearings).toEqual([]);
    expect((await t.must('legal.forPerson', { personId }, nurse.token)).view.status).toBe('forbidden');
  });
});

describe('the legal calendar and the hearings due this week', () => {
  it('lists the week’s scheduled hearings at the reader’s sites, in the site’s calendar, paged, with counts', async () => {
    const { t, social, legal } = await chams();
    const personId = await survivor(t, social.token);
    const p = await t.must('legal.saveProcedure', procedure(personId), social.token);
    // Sunday 23:30 in Paris is in the week; Monday 00:30 (next week) is not.
    for (const at of [
      '2026-03-08T22:30:00Z',
      '2026-03-03T08:00:00Z',
      '2026-03-08T23:30:00Z',
      '2026-03-05T13:00:00Z',
    ])
      await t.must('legal.saveHearing', hearing(personId, p.id, at), social.token);
    const tab = await t.must('legal.forPerson', { personId }, social.token);
    const cancelled = tab.items[0].hearings.find((h) => h.startsAt === '2026-03-05T13:00:00.000Z')!;
    await t.must(
      'legal.saveHearing',
      hearing(personId, p.id, cancelled.startsAt, {
        id: cancelled.id,
        version: cancelled.version,
        status: 'cancelled',
      }),
      social.token,
    );

    const due = await t.must('legal.dueThisWeek', { limit: 1 }, legal.token);
    expect(due.rows.map((r) => r.startsAt)).toEqual(['2026-03-03T08:00:00.000Z']);
    expect(due.rows[0]).toMatchObject({ nameUsed: 'Salma', procedureType: 'child_civil_registration' });
    const next = await t.must('legal.dueThisWeek', { limit: 1, cursor: due.nextCursor! }, legal.token);
    expect(next.rows.map((r) => r.startsAt)).toEqual(['2026-03-08T22:30:00.000Z']);
    expect(next.nextCursor).toBeNull();
    expect(await t.must('legal.hearingsCounts', {}, legal.token)).toEqual({ dueThisWeek: 2 });

    const week = await t.must('legal.calendar', { from: '2026-03-09', days: 7 }, legal.token);
    expect(week.rows.map((r) => r.startsAt)).toEqual(['2026-03-08T23:30:00.000Z']);
    // The other site's calendar is empty; a site not the reader's is refused.
    expect(
      (await t.must('legal.calendar', { from: '2026-03-02', siteIds: [t.siteIds[1]] }, legal.token)).rows,
    ).toEqual([]);
  });

  it('a person who does not share with the social and legal team is on no list or count, except for who recorded the hearing', async () => {
    const { t, social, legal } = await chams();
    const personId = await survivor(t, social.token);
    const p = await t.must('legal.saveProcedure', procedure(personId), social.token);
    await t.must('legal.saveHearing', hearing(personId, p.id, '2026-03-04T09:00:00Z'), social.token);
    await t.must('persons.recordConsent', { personId, scope: 'social_legal', given: false }, social.token);
    expect((await t.must('legal.dueThisWeek', {}, legal.token)).rows).toEqual([]);
    expect((await t.must('legal.calendar', { from: '2026-03-02' }, legal.token)).rows).toEqual([]);
    expect(await t.must('legal.hearingsCounts', {}, legal.token)).toEqual({ dueThisWeek: 0 });
    expect((await t.must('legal.dueThisWeek', {}, social.token)).rows).toHaveLength(1);
  });

  it('reads each hearing’s week in its own site’s calendar when the reader’s sites are in zones on different days', async () => {
    const { t, social, legal } = await chams();
    const centre = await t.must('centre.get', {}, t.token);
    const out = centre.sites.find((s) => s.code === 'OUT')!;
    // 09:00 UTC on 2 March is still 1 March, 22:00, in Pago Pago: its week ends on 8 March at 11:00 UTC.
    await t.must(
      'centre.saveSite',
      { id: out.id, version: out.version, code: 'OUT', name: out.name, timezone: 'Pacific/Pago_Pago' },
      t.token,
    );
    const paris = centre.sites.find((s) => s.code === 'MTP')!.id;
    const personId = await survivor(t, social.token);
    const here = await t.must('legal.saveProcedure', procedure(personId, { siteId: paris }), social.token);
    const there = await t.must('legal.saveProcedure', procedure(personId, { siteId: out.id }), social.token);
    // 21:00 in Paris on the 8th: this week there. 01:00 in Pago Pago on the 8th: next week there.
    await t.must('legal.saveHearing', hearing(personId, here.id, '2026-03-08T20:00:00Z'), social.token);
    await t.must('legal.saveHearing', hearing(personId, there.id, '2026-03-08T12:00:00Z'), social.token);

    const week = await t.must('legal.dueThisWeek', {}, legal.token);
    expect(week.rows.map((r) => [r.siteId === paris ? 'paris' : 'pago', r.startsAt])).toEqual([
      ['paris', '2026-03-08T20:00:00.000Z'],
    ]);
    expect(await t.must('legal.hearingsCounts', {}, legal.token)).toEqual({ dueThisWeek: 1 });
    const store = t.core.ctx.vault.requireStore();
    const plan = await store.exclusive(async () => {
      const [sql, params] = hearingsSql(
        store.manager,
        [
          dueThisWeekScope([paris], t.clock.now(), 'Europe/Paris'),
          dueThisWeekScope([out.id], t.clock.now(), 'Pacific/Pago_Pago'),
        ],
        'reader',
      );
      return (await store.manager.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`, params))
        .map((r) => r.detail)
        .join('\n');
    });
    expect(plan, plan).not.toMatch(/SCAN (h|hearing)\b/);
  });

  it('reads hearings on (status, site_id, starts_at), never scanning hearing', async () => {
    const { t } = await chams();
    const store = t.core.ctx.vault.requireStore();
    const plan = await store.exclusive(async () => {
      const [sql, params] = hearingsSql(
        store.manager,
        dueThisWeekScope(t.siteIds, t.clock.now(), 'Europe/Paris'),
        'reader',
      );
      return (await store.manager.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`, params))
        .map((r) => r.detail)
        .join('\n');
    });
    expect(plan, plan).not.toMatch(/SCAN (h|hearing)\b/);
    expect(plan, plan).toMatch(
      /SEARCH h USING INDEX \S+ \(status=\? AND site_id=\? AND starts_at>\? AND starts_at<\?\)/,
    );
  });
});

describe('the import and merging files', () => {
  it('the import applies the screens’ rules: a complaint names an incident of its person, a step or hearing its procedure', async () => {
    const { t, social, lawyerId, shelterId, siteId } = await chams();
    const personId = await survivor(t, social.token);
    const other = await survivor(t, social.token, true, 'Autre');
    const record = {
      type: 'legal_procedure',
      id: 'lp-import',
      personId,
      siteId,
      procedureType: 'complaint',
      incidentId: null,
      openedOn: '2026-02-20',
      lawyerEntryId: lawyerId,
      followerId: social.id,
      stage: 'filed',
    };
    expect(await importRecords(t, record)).toMatchObject([
      { field: 'incidentId', reason: 'incident_required' },
    ]);
    expect(
      await importRecords(t, { ...record, procedureType: 'divorce', openedOn: '2026-03-04' }),
    ).toMatchObject([{ field: 'openedOn', reason: 'date_in_future' }]);
    expect(
      await importRecords(t, { ...record, procedureType: 'divorce', lawyerEntryId: shelterId }),
    ).toMatchObject([{ field: 'lawyerEntryId', reason: 'entry_category_mismatch' }]);
    const divorce = { ...record, procedureType: 'divorce' };
    const hearingRecord = {
      type: 'hearing',
      id: 'hr-import',
      procedureId: 'lp-import',
      personId,
      siteId,
      startsAt: '2026-03-04T09:00:00.000Z',
      place: 'Tribunal',
    };
    expect(await importRecords(t, divorce, { ...hearingRecord, personId: other })).toMatchObject([
      { field: 'procedureId', reason: 'unknown_procedure' },
    ]);
    expect(
      await importRecords(t, divorce, { ...hearingRecord, startsAt: '2026-02-10T09:00:00.000Z' }),
    ).toMatchObject([{ field: 'startsAt', reason: 'hearing_before_procedure' }]);
    expect(await importRecords(t, divorce, hearingRecord)).toEqual([]);
    const tab = await t.must('legal.forPerson', { personId }, social.token);
    expect(tab.items.map((p) => [p.type, p.stage, p.hearings.length])).toEqual([['divorce', 'filed', 1]]);
  });

  it('moves the merged file’s procedures, steps and hearings to the kept file', async () => {
    const { t, social } = await chams();
    const kept = await survivor(t, social.token);
    const other = await survivor(t, social.token, true, 'Salma B.');
    const p = await t.must('legal.saveProcedure', procedure(other), social.token);
    await t.must('legal.saveHearing', hearing(other, p.id, '2026-03-04T09:00:00Z'), social.token);
    const version = async (id: string) => (await t.must('persons.get', { id }, t.worker.token)).version;
    const input = {
      survivorId: kept,
      mergedId: other,
      survivorVersion: await version(kept),
      mergedVersion: await version(other),
    };
    await t.must('persons.merge', input, t.token);
    const tab = await t.must('legal.forPerson', { personId: kept }, social.token);
    expect(tab.items.map((i) => [i.id, i.personId, i.stage, i.hearings.length, i.steps.length])).toEqual([
      [p.id, kept, 'hearings', 1, 1],
    ]);
    expect((await t.must('legal.dueThisWeek', {}, social.token)).rows.map((r) => r.personId)).toEqual([kept]);
  });

  it('refuses a follower who may not read legal procedures, and a correction moving the opening after a step', async () => {
    const { t, social, nurse } = await chams();
    const personId = await survivor(t, social.token);
    await expectRefused(
      t,
      'legal.saveProcedure',
      procedure(personId, { followerId: nurse.id }),
      social.token,
      { field: 'followerId', reason: 'follower_cannot_read_legal' },
      { rowsSql: ROWS_SQL },
    );
    const opened = await t.must('legal.saveProcedure', procedure(personId), social.token);
    const filed = await t.must(
      'legal.addStep',
      { personId, procedureId: opened.id, stage: 'filed', on: '2026-02-22', version: opened.version },
      social.token,
    );
    await expectRefused(
      t,
      'legal.saveProcedure',
      procedure(personId, { id: opened.id, version: filed.version, openedOn: '2026-02-25' }),
      social.token,
      { field: 'openedOn', reason: 'before_procedure_opened' },
      { rowsSql: ROWS_SQL },
    );
    const before = await storeSnapshot(t, ROWS_SQL);
    const corrected = await t.must(
      'legal.saveProcedure',
      procedure(personId, { id: opened.id, version: filed.version, openedOn: '2026-02-21', court: 'TPI' }),
      social.token,
    );
    expect(corrected).toMatchObject({ openedOn: '2026-02-21', court: 'TPI', stage: 'filed' });
    expect(await storeSnapshot(t, ROWS_SQL)).not.toBe(before);
  });
});
