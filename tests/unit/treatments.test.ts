/**
 * Test and Treat on a real encrypted store: a positive opens one item per treatable infection in
 * the result's transaction; giving the treatment closes it with its delay in the site's calendar
 * (0 the same day, N days later) and the test of cure where the catalogue says so; HIV is referred
 * to the hospital service and closed when the referral is attended; every refusal names its field
 * and writes nothing; partners move forward only; the open visit's priority is set, cleared and
 * yields to PEP, and its reason reaches only readers of the tests section; the worklists read one
 * index range each.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { siteDays } from '../../electron/core/services/treatments/worklist';
import { worklistSql } from '../../electron/core/services/treatments/repository';
import { TREATMENT_WORKLISTS } from '../../shared/domain/treatments';
import { populateTreatments } from '../../electron/server/commands/demo-treatments';
import { consentingPerson, demoActors, expectRefused } from './helpers/clinical';
import { reception, staff, type Centre } from './helpers/reception';

/** The test clock starts on 2026-03-02 at 10:00 in Paris. */
const TODAY = '2026-03-02';
const DAY = 24 * 3600_000;

async function centre() {
  const t = await reception();
  const nurse = await staff(t, 'nina', ['nurse']);
  const reception_ = await staff(t, 'rita', ['community_worker']);
  return { t, nurse, worker: reception_, siteId: t.siteIds[0] };
}

const person = consentingPerson;

/** A CT/NG PCR taken now and resulted now with these targets detected. */
async function ctNgPositive(
  t: Centre,
  token: string,
  personId: string,
  detected: Array<'chlamydia' | 'gonorrhoea'>,
  visitId?: string,
  at = t.clock.now().toISOString(),
) {
  const { samples } = await t.must(
    'screenings.saveSamples',
    {
      personId,
      siteId: t.siteIds[0],
      visitId,
      takenAt: at,
      add: [{ testCode: 'ct_ng_pcr_poc', anatomicalSite: 'throat' }],
    },
    token,
  );
  const target = (i: 'chlamydia' | 'gonorrhoea') => (detected.includes(i) ? 'detected' : 'not_detected');
  await t.must(
    'screenings.saveResult',
    {
      personId,
      sampleId: samples[0].id,
      value: {
        type: 'per_target',
        targets: { chlamydia: target('chlamydia'), gonorrhoea: target('gonorrhoea') },
      },
      resultedAt: at,
    },
    token,
  );
  return (await t.must('treatments.forPerson', { personId }, token)).items;
}

function giveInput(
  personId: string,
  item: { id: string; version: number },
  givenAt: string,
  extra: Partial<ChannelInput<'treatments.give'>> = {},
): ChannelInput<'treatments.give'> {
  return {
    personId,
    toTreatId: item.id,
    version: item.version,
    drug: 'ceftriaxone',
    dose: '1 g',
    route: 'intramuscular',
    givenAt,
    ...extra,
  };
}

/** A write refused with this reason on this field, and nothing written. */
async function refused<C extends 'treatments.give' | 'treatments.savePartners' | 'treatments.close'>(
  t: Centre,
  channel: C,
  input: ChannelInput<C>,
  token: string,
  field: string,
  reason: string,
) {
  await expectRefused(
    t,
    channel,
    input,
    token,
    { field, reason },
    {
      rowsSql:
        'SELECT (SELECT count(*) FROM audit_log) AS a, (SELECT count(*) FROM to_treat) AS i, (SELECT count(*) FROM treatment) AS t, (SELECT count(*) FROM partner) AS p, (SELECT group_concat(version) FROM to_treat) AS v, (SELECT group_concat(status) FROM partner) AS s',
    },
  );
}

describe('the site of an item', () => {
  it('its dates are read in its site’s time zone; an item naming a site that is not there is an error, not dates read in Paris', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    const [item] = await ctNgPositive(t, nurse.token, personId, ['gonorrhoea']);
    await t.must('treatments.give', giveInput(personId, item, t.clock.now().toISOString()), nurse.token);
    expect((await t.call('treatments.forPerson', { personId }, nurse.token)).ok).toBe(true);
    const store = t.core.ctx.vault.requireStore();
    await store.transaction((em) =>
      em.query("UPDATE to_treat SET site_id = 'site-gone' WHERE person_id = ?", [personId]),
    );
    const r = await t.call('treatments.forPerson', { personId }, nurse.token);
    expect(r.ok ? 'read' : r.error.code).toBe('internal');
  });
});

describe('the hospital referral of an item', () => {
  it('a referral whose directory entry is not there is an error, not a change the item silently misses', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    await t.must('persons.recordConsent', { personId, scope: 'external_referral', given: true }, nurse.token);
    const entry = await t.must(
      'directory.save',
      { name: 'Maladies infectieuses, CHU', kind: 'organisation', category: 'hospital_service' },
      t.token,
    );
    const referral = await t.must(
      'directory.refer',
      {
        personId,
        entryId: entry.id,
        reason: 'VIH',
        status: 'appointment',
        appointmentAt: '2026-03-01T08:00:00Z',
      },
      nurse.token,
    );
    // A broken store: the referral's entry gone (foreign keys off to make it so).
    const store = t.core.ctx.vault.requireStore();
    await store.exclusive(async () => {
      await store.manager.query('PRAGMA foreign_keys = OFF');
      await store.manager.query("UPDATE referral SET entry_id = 'entry-gone' WHERE id = ?", [referral.id]);
      await store.manager.query('PRAGMA foreign_keys = ON');
    });
    const r = await t.call(
      'directory.updateReferral',
      { id: referral.id, version: referral.version, status: 'attended' },
      nurse.token,
    );
    expect(r.ok ? 'saved' : r.error.code).toBe('internal');
  });
});

describe('the to-treat life cycle', () => {
  it('a positive opens one item per infection; treated the same day: delay 0, test of cure in 28 days', async () => {
    const { t, nurse, siteId } = await centre();
    const personId = await person(t, nurse.token);
    const items = await ctNgPositive(t, nurse.token, personId, ['chlamydia', 'gonorrhoea']);
    expect(items.map((i) => [i.infection, i.status, i.openedOn, i.kind]).sort()).toEqual([
      ['chlamydia', 'open', TODAY, 'drug'],
      ['gonorrhoea', 'open', TODAY, 'drug'],
    ]);
    const gono = items.find((i) => i.infection === 'gonorrhoea')!;
    // Pre-filled from the catalogue.
    expect(gono.defaults).toEqual({ drug: 'ceftriaxone', dose: '1 g', route: 'intramuscular' });
    t.clock.advance(5 * 60_000);
    const treated = await t.must(
      'treatments.give',
      giveInput(personId, gono, t.clock.now().toISOString()),
      nurse.token,
    );
    expect(treated).toMatchObject({
      status: 'treated',
      treatedOn: TODAY,
      delayDays: 0,
      cureTestDueOn: '2026-03-30',
      treatment: { drug: 'ceftriaxone', dose: '1 g', route: 'intramuscular' },
    });
    const dossier = await t.must('persons.dossier', { id: personId }, nurse.token);
    expect(dossier.alerts.map((a) => a.kind)).toContain('positive_to_treat');
    const { items: events } = await t.must('persons.timeline', { personId }, nurse.token);
    const timeline = events.filter((i) => i.kind === 'treatment');
    expect(timeline.map((i) => [i.label, i.detail])).toEqual([['gonorrhoea', '0']]);

    // Chlamydia treated elsewhere: closed with its reason; nothing is open any more.
    const chla = items.find((i) => i.infection === 'chlamydia')!;
    const closed = await t.must(
      'treatments.close',
      { personId, toTreatId: chla.id, version: chla.version, reason: 'treated_elsewhere' },
      nurse.token,
    );
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'treated_elsewhere', delayDays: null });
    const after = await t.must('persons.dossier', { id: personId }, nurse.token);
    expect(after.alerts.map((a) => a.kind)).not.toContain('positive_to_treat');
    expect(siteId).toBeTruthy();
  });

  it('an open item tells how many days it has waited, counted by the core on its site’s calendar; a treated one does not', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    // Resulted at 23:30 UTC on 26 February: already 27 February in Paris, the item's day.
    const [item] = await ctNgPositive(
      t,
      nurse.token,
      personId,
      ['gonorrhoea'],
      undefined,
      '2026-02-26T23:30:00.000Z',
    );
    expect(item).toMatchObject({ openedOn: '2026-02-27', status: 'open', waitingDays: 3 });
    const treated = await t.must(
      'treatments.give',
      giveInput(personId, item, t.clock.now().toISOString()),
      nurse.token,
    );
    expect(treated).toMatchObject({ status: 'treated', delayDays: 3, waitingDays: null });
  });

  it('treated 9 days after the result: delay 9, kept; the test of cure due, then ended by a later CT/NG result', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    const ago = (days: number) => new Date(t.clock.now().getTime() - days * DAY).toISOString();
    // Resulted on 21 January, treated on 30 January: the test of cure was due on 27 February.
    const [item] = await ctNgPositive(t, nurse.token, personId, ['gonorrhoea'], undefined, ago(40));
    expect(item.openedOn).toBe('2026-01-21');
    const treated = await t.must('treatments.give', giveInput(personId, item, ago(31)), nurse.token);
    expect(treated).toMatchObject({ delayDays: 9, treatedOn: '2026-01-30', cureTestDueOn: '2026-02-27' });
    const dossier = await t.must('persons.dossier', { id: personId }, nurse.token);
    expect(dossier.alerts.find((a) => a.kind === 'cure_test_due')).toMatchObject({ dueOn: '2026-02-27' });
    expect(
      (await t.must('treatments.worklist', { list: 'cure_tests_due' }, nurse.token)).rows.map((r) => r.on),
    ).toEqual(['2026-02-27']);
    await ctNgPositive(t, nurse.token, personId, []);
    const [again] = (await t.must('treatments.forPerson', { personId }, nurse.token)).items;
    expect(again).toMatchObject({ delayDays: 9, cureTestDueOn: null, status: 'treated' });
    expect(
      (await t.must('persons.dossier', { id: personId }, nurse.token)).alerts.map((a) => a.kind),
    ).not.toContain('cure_test_due');
  });

  it('HIV: referred when the hospital referral is recorded, open again when it is missed, closed when it is attended', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    await t.must('persons.recordConsent', { personId, scope: 'external_referral', given: true }, nurse.token);
    const { samples } = await t.must(
      'screenings.saveSamples',
      {
        personId,
        siteId: t.siteIds[0],
        takenAt: t.clock.now().toISOString(),
        add: [{ testCode: 'hiv_trod' }],
      },
      nurse.token,
    );
    await t.must(
      'screenings.saveResult',
      {
        personId,
        sampleId: samples[0].id,
        value: { type: 'reactivity', reactivity: 'reactive' },
        resultedAt: t.clock.now().toISOString(),
      },
      nurse.token,
    );
    const [hiv] = (await t.must('treatments.forPerson', { personId }, nurse.token)).items;
    expect(hiv).toMatchObject({ infection: 'hiv', kind: 'referral', status: 'open', defaults: null });
    const entry = await t.must(
      'directory.save',
      { name: 'Maladies infectieuses, CHU', kind: 'organisation', category: 'hospital_service' },
      t.token,
    );
    const referral = await t.must(
      'directory.refer',
      {
        personId,
        entryId: entry.id,
        reason: 'VIH',
        status: 'appointment',
        appointmentAt: '2026-03-01T08:00:00Z',
      },
      nurse.token,
    );
    const [referred] = (await t.must('treatments.forPerson', { personId }, nurse.token)).items;
    expect(referred).toMatchObject({
      status: 'referred',
      referralId: referral.id,
      appointmentOn: '2026-03-01',
    });
    // The first appointment was yesterday and the referral is not attended.
    const late = await t.must('persons.dossier', { id: personId }, nurse.token);
    expect(late.alerts.map((a) => a.kind)).toContain('referral_not_attended');
    const notAttended = await t.must('treatments.worklist', { list: 'referrals_not_attended' }, nurse.token);
    expect(notAttended.rows.map((r) => r.toTreatId)).toEqual([hiv.id]);
    // Missed: the positive is untreated again — open, and the red alert is back.
    const missed = await t.must(
      'directory.updateReferral',
      { id: referral.id, version: referral.version, status: 'missed' },
      nurse.token,
    );
    const [reopened] = (await t.must('treatments.forPerson', { personId }, nurse.token)).items;
    expect(reopened).toMatchObject({ status: 'open', referralId: referral.id });
    const again = await t.must('persons.dossier', { id: personId }, nurse.token);
    expect(again.alerts.map((a) => a.kind)).toContain('positive_to_treat');
    await t.must(
      'directory.updateReferral',
      { id: referral.id, version: missed.version, status: 'attended' },
      nurse.token,
    );
    const [closed] = (await t.must('treatments.forPerson', { personId }, nurse.token)).items;
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'referral_attended' });
  });
});

describe('refusals name their field and write nothing', () => {
  it('a treatment before the result, in the future, on an item already treated', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    const [item] = await ctNgPositive(t, nurse.token, personId, ['gonorrhoea']);
    const before = new Date(t.clock.now().getTime() - 3600_000).toISOString();
    await refused(
      t,
      'treatments.give',
      giveInput(personId, item, before),
      nurse.token,
      'givenAt',
      'treatment_before_result',
    );
    const future = new Date(t.clock.now().getTime() + DAY).toISOString();
    await refused(
      t,
      'treatments.give',
      giveInput(personId, item, future),
      nurse.token,
      'givenAt',
      'date_in_future',
    );
    await refused(
      t,
      'treatments.give',
      giveInput(personId, item, t.clock.now().toISOString(), { drug: ' ' }),
      nurse.token,
      'drug',
      'drug_required',
    );
    const done = await t.must(
      'treatments.give',
      giveInput(personId, item, t.clock.now().toISOString()),
      nurse.token,
    );
    await refused(
      t,
      'treatments.give',
      giveInput(personId, done, t.clock.now().toISOString()),
      nurse.token,
      'toTreatId',
      'to_treat_not_open',
    );
    await refused(
      t,
      'treatments.close',
      { personId, toTreatId: done.id, version: done.version, reason: 'other' },
      nurse.token,
      'toTreatId',
      'to_treat_not_open',
    );
  });

  it('partners: pseudonyms only (no phone, no e-mail, ≤ 40), forward only (a step may be skipped)', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    const [item] = await ctNgPositive(t, nurse.token, personId, ['gonorrhoea']);
    const save = (partners: ChannelInput<'treatments.savePartners'>['partners']) => ({
      personId,
      toTreatId: item.id,
      partners,
    });
    await refused(
      t,
      'treatments.savePartners',
      save([{ pseudonym: 'Tom 06 12 34 56 78', notifier: 'person', status: 'to_notify' }]),
      nurse.token,
      'partners.0.pseudonym',
      'pseudonym_contact',
    );
    await refused(
      t,
      'treatments.savePartners',
      save([{ pseudonym: 'tom@example.org', notifier: 'person', status: 'to_notify' }]),
      nurse.token,
      'partners.0.pseudonym',
      'pseudonym_contact',
    );
    const long = await t.call(
      'treatments.savePartners',
      save([{ pseudonym: 'x'.repeat(41), notifier: 'centre', status: 'to_notify' }]),
      nurse.token,
    );
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error.field).toBe('partners.0.pseudonym');

    const listed = await t.must(
      'treatments.savePartners',
      save([
        { pseudonym: 'Tom, Grindr, mars', notifier: 'person', status: 'to_notify' },
        { pseudonym: 'Partenaire régulier', notifier: 'anonymous_message', status: 'notified' },
      ]),
      nurse.token,
    );
    expect(listed.partners.map((p) => [p.pseudonym, p.status, p.statusOn]).sort()).toEqual([
      ['Partenaire régulier', 'notified', TODAY],
      ['Tom, Grindr, mars', 'to_notify', TODAY],
    ]);
    const tom = listed.partners.find((p) => p.pseudonym.startsWith('Tom'))!;
    const regular = listed.partners.find((p) => p.pseudonym.startsWith('Partenaire'))!;
    // Skipping "notified" is allowed.
    const moved = await t.must(
      'treatments.savePartners',
      save([
        {
          id: tom.id,
          version: tom.version,
          pseudonym: tom.pseudonym,
          notifier: tom.notifier,
          status: 'tested',
        },
      ]),
      nurse.token,
    );
    const tested = moved.partners.find((p) => p.id === tom.id)!;
    expect(tested.status).toBe('tested');
    // Back from tested to notified: refused, named, nothing written (not even the other line).
    await refused(
      t,
      'treatments.savePartners',
      save([
        {
          id: regular.id,
          version: regular.version,
          pseudonym: regular.pseudonym,
          notifier: regular.notifier,
          status: 'treated',
        },
        {
          id: tom.id,
          version: tested.version,
          pseudonym: tom.pseudonym,
          notifier: tom.notifier,
          status: 'notified',
        },
      ]),
      nurse.token,
      'partners.1.status',
      'partner_status_backward',
    );
  });
});

describe('the visit priority', () => {
  it('set when a positive is saved during the visit, back to normal when the last item is treated', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    const visit = await t.must('visits.checkIn', { personId, siteId: t.siteIds[0] }, nurse.token);
    expect(visit.priority).toBe('normal');
    const items = await ctNgPositive(t, nurse.token, personId, ['chlamydia', 'gonorrhoea'], visit.id);
    const board = async () =>
      (await t.must('visits.board', { siteId: t.siteIds[0] }, nurse.token)).rows[0].priority;
    expect(await board()).toBe('positive_to_treat');
    // Nobody lowers it by hand while a positive waits (the desk may see only "priority").
    const current = await t.must('visits.board', { siteId: t.siteIds[0] }, nurse.token);
    await t.must(
      'visits.setPriority',
      { visitId: visit.id, version: current.rows[0].version, priority: 'normal' },
      nurse.token,
    );
    expect(await board()).toBe('positive_to_treat');
    await t.must('treatments.give', giveInput(personId, items[0], t.clock.now().toISOString()), nurse.token);
    // One item still open: the priority holds.
    expect(await board()).toBe('positive_to_treat');
    await t.must('treatments.give', giveInput(personId, items[1], t.clock.now().toISOString()), nurse.token);
    expect(await board()).toBe('normal');
  });

  it('at check-in with an item still open; the reason is shown only to readers of tests', async () => {
    const { t, nurse, worker } = await centre();
    const personId = await person(t, nurse.token);
    await ctNgPositive(t, nurse.token, personId, ['gonorrhoea']);
    const withdrawn = await person(t, nurse.token, 'Bea');
    await ctNgPositive(t, nurse.token, withdrawn, ['gonorrhoea']);
    t.clock.advance(60_000);
    await t.must(
      'persons.recordConsent',
      { personId: withdrawn, scope: 'care_team', given: false },
      nurse.token,
    );
    const desk = await staff(t, 'dan', ['psychologist']);
    // Another nurse: not the author of the items (an author reads their own records).
    const reader = await staff(t, 'noa', ['nurse']);
    for (const id of [personId, withdrawn])
      await t.must('visits.checkIn', { personId: id, siteId: t.siteIds[0] }, nurse.token);
    const seen = async (token: string) =>
      (await t.must('visits.board', { siteId: t.siteIds[0] }, token)).rows
        .map((r) => [r.nameUsed, r.priority])
        .sort();
    // Without the reason, not even "a priority": being raised is itself a fact of the tests section.
    expect(await seen(reader.token)).toEqual([
      ['Ana', 'positive_to_treat'],
      ['Bea', 'normal'],
    ]);
    // The community worker reads tests (R); the psychologist does not.
    expect(await seen(worker.token)).toEqual([
      ['Ana', 'positive_to_treat'],
      ['Bea', 'normal'],
    ]);
    expect(await seen(desk.token)).toEqual([
      ['Ana', 'normal'],
      ['Bea', 'normal'],
    ]);
    const dossier = await t.must('persons.dossier', { id: withdrawn }, reader.token);
    expect(dossier.alerts.map((a) => a.kind)).not.toContain('positive_to_treat');
    expect(
      (await t.must('persons.dossier', { id: personId }, reader.token)).alerts.map((a) => a.kind),
    ).toContain('positive_to_treat');
  });

  it('pep_72h keeps precedence over a positive, and after it is treated', async () => {
    const { t, nurse } = await centre();
    const worker = await staff(t, 'cwk', ['community_worker', 'nurse']);
    const personId = await person(t, nurse.token);
    const visit = await t.must('visits.checkIn', { personId, siteId: t.siteIds[0] }, worker.token);
    await t.must(
      'interviews.save',
      {
        personId,
        visitId: visit.id,
        heldAt: t.clock.now().toISOString(),
        lastRiskAt: new Date(t.clock.now().getTime() - 10 * 3600_000).toISOString(),
        needs: ['screening'],
        summary: 'Exposition',
      },
      worker.token,
    );
    const [item] = await ctNgPositive(t, nurse.token, personId, ['gonorrhoea'], visit.id);
    const board = async () =>
      (await t.must('visits.board', { siteId: t.siteIds[0] }, nurse.token)).rows[0].priority;
    expect(await board()).toBe('pep_72h');
    await t.must('treatments.give', giveInput(personId, item, t.clock.now().toISOString()), nurse.token);
    expect(await board()).toBe('pep_72h');
  });
});

describe('the worklists', () => {
  it('to treat and partners to notify, on the consent filter, paged by date then id', async () => {
    const { t, nurse } = await centre();
    const ids: string[] = [];
    for (const [i, name] of ['A', 'B', 'C'].entries()) {
      const id = await person(t, nurse.token, name);
      ids.push(id);
      const at = new Date(t.clock.now().getTime() - (3 - i) * DAY).toISOString();
      await ctNgPositive(t, nurse.token, id, ['gonorrhoea'], undefined, at);
    }
    const hidden = await person(t, nurse.token, 'Hidden', false);
    const other = await staff(t, 'other', ['doctor']);
    // The seed nurse opened it (she may see her own item); the doctor may not without consent.
    await ctNgPositive(t, nurse.token, hidden, ['gonorrhoea']);
    const first = await t.must('treatments.worklist', { list: 'to_treat', limit: 2 }, other.token);
    expect(first.rows.map((r) => r.nameUsed)).toEqual(['A', 'B']);
    const second = await t.must(
      'treatments.worklist',
      { list: 'to_treat', limit: 2, cursor: first.nextCursor! },
      other.token,
    );
    expect(second.rows.map((r) => r.nameUsed)).toEqual(['C']);
    expect(second.nextCursor).toBeNull();
    expect((await t.must('treatments.worklistCounts', {}, other.token)).to_treat).toBe(3);
    expect((await t.must('treatments.worklistCounts', {}, nurse.token)).to_treat).toBe(4);

    const [item] = (await t.must('treatments.forPerson', { personId: ids[0] }, nurse.token)).items;
    await t.must(
      'treatments.savePartners',
      {
        personId: ids[0],
        toTreatId: item.id,
        partners: [{ pseudonym: 'P1', notifier: 'centre', status: 'to_notify' }],
      },
      nurse.token,
    );
    const partners = await t.must('treatments.worklist', { list: 'partners_to_notify' }, other.token);
    expect(partners.rows.map((r) => [r.nameUsed, r.pseudonym, r.infection])).toEqual([
      ['A', 'P1', 'gonorrhoea'],
    ]);
  });

  it('each list reads its leading-state index: no SCAN of the Test and Treat tables', async () => {
    const { t } = await centre();
    const store = t.core.ctx.vault.requireStore();
    for (const list of TREATMENT_WORKLISTS) {
      const plan = await store.exclusive(async () => {
        const em = store.manager;
        const days = await siteDays(em, t.clock.now(), t.siteIds);
        const [sql, params] = worklistSql(em, list, days, 'reader');
        const rows = await em.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`, params);
        return rows.map((r) => r.detail).join('\n');
      });
      expect(plan, `${list}\n${plan}`).not.toMatch(/SCAN (tt|pa|to_treat|partner|treatment)\b/);
      expect(plan, `${list}\n${plan}`).toMatch(/SEARCH (tt|pa) USING INDEX/);
    }
  });
});

describe('the demo history', () => {
  it('HIV referred then closed when attended, HCV referred with the appointment to come, one open on the board', async () => {
    const { t, nurse } = await centre();
    const doctor = await staff(t, 'dora', ['doctor']);
    const persons = [];
    for (let i = 0; i < 24; i++) persons.push({ id: await person(t, nurse.token, `Démo ${i}`) });
    await t.must(
      'directory.save',
      { name: 'CHU, maladies infectieuses', kind: 'organisation', category: 'hospital_service' },
      t.token,
    );
    await t.must('visits.checkIn', { personId: persons[2].id, siteId: t.siteIds[0] }, nurse.token);
    const opened = await populateTreatments(t.core, demoActors(t, nurse, doctor), persons);
    expect(opened).toBe(3);
    const items = [];
    for (const p of persons)
      items.push(...(await t.must('treatments.forPerson', { personId: p.id }, nurse.token)).items);
    expect(items.find((i) => i.infection === 'hiv')).toMatchObject({
      status: 'closed',
      closedReason: 'referral_attended',
    });
    const hcv = items.find((i) => i.infection === 'hcv');
    expect(hcv?.status).toBe('referred');
    expect(hcv!.appointmentOn! > TODAY).toBe(true);
    expect(items.filter((i) => i.status === 'open').map((i) => i.personId)).toEqual([persons[2].id]);
    const board = await t.must('visits.board', { siteId: t.siteIds[0] }, nurse.token);
    expect(board.rows.map((r) => r.priority)).toEqual(['positive_to_treat']);
  });
});

describe('a hospital referral saved by someone who may not write tests', () => {
  it('is kept as saved, and the to-treat item is left for a clinician: still open or referred, with its alert', async () => {
    const { t, nurse } = await centre();
    const social = await staff(t, 'sofia', ['social_worker']);
    const personId = await person(t, nurse.token);
    await t.must('persons.recordConsent', { personId, scope: 'external_referral', given: true }, nurse.token);
    const { samples } = await t.must(
      'screenings.saveSamples',
      {
        personId,
        siteId: t.siteIds[0],
        takenAt: t.clock.now().toISOString(),
        add: [{ testCode: 'hiv_trod' }],
      },
      nurse.token,
    );
    await t.must(
      'screenings.saveResult',
      {
        personId,
        sampleId: samples[0].id,
        value: { type: 'reactivity', reactivity: 'reactive' },
        resultedAt: t.clock.now().toISOString(),
      },
      nurse.token,
    );
    const entry = await t.must(
      'directory.save',
      { name: 'Maladies infectieuses, CHU', kind: 'organisation', category: 'hospital_service' },
      t.token,
    );
    const status = async () => (await t.must('treatments.forPerson', { personId }, nurse.token)).items[0];
    const alerts = async () =>
      (await t.must('persons.dossier', { id: personId }, nurse.token)).alerts.map((a) => a.kind);

    // The social worker refers and then marks it attended: the referral is theirs, the item is not.
    const byThem = await t.must(
      'directory.refer',
      {
        personId,
        entryId: entry.id,
        reason: 'VIH',
        status: 'appointment',
        appointmentAt: '2026-03-01T08:00:00Z',
      },
      social.token,
    );
    expect(await status()).toMatchObject({ status: 'open', referralId: null });
    const attended = await t.must(
      'directory.updateReferral',
      { id: byThem.id, version: byThem.version, status: 'attended' },
      social.token,
    );
    expect(attended.status).toBe('attended');
    expect(await status()).toMatchObject({ status: 'open' });
    expect(await alerts()).toContain('positive_to_treat');

    // The nurse's referral makes it referred; the social worker marking it attended does not close it.
    const byNurse = await t.must(
      'directory.refer',
      {
        personId,
        entryId: entry.id,
        reason: 'VIH',
        status: 'appointment',
        appointmentAt: '2026-03-01T08:00:00Z',
      },
      nurse.token,
    );
    expect(await status()).toMatchObject({ status: 'referred', referralId: byNurse.id });
    await t.must(
      'directory.updateReferral',
      { id: byNurse.id, version: byNurse.version, status: 'attended' },
      social.token,
    );
    const left = await status();
    expect(left).toMatchObject({ status: 'referred' });
    expect(await alerts()).toContain('referral_not_attended');
    // The social worker wrote nothing in tests: no audit entry of theirs there.
    const store = t.core.ctx.vault.requireStore();
    const written = await store.exclusive(() =>
      store.manager.query<Array<{ n: number }>>(
        "SELECT count(*) AS n FROM audit_log WHERE actor_id = ? AND section = 'tests' AND action <> 'read'",
        [social.id],
      ),
    );
    expect(written[0].n).toBe(0);
    // A clinician closes it.
    await t.must(
      'treatments.close',
      { personId, toTreatId: left.id, version: left.version, reason: 'treated_elsewhere' },
      nurse.token,
    );
    expect(await status()).toMatchObject({ status: 'closed' });
  });
});
