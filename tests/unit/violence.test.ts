/**
 * Violence incidents and the 72-hour protocol on a real encrypted store (docs/violence-care.md,
 * slice 1): the protocol is open while occurrence + 72 h is ahead (the end of the day in the site's
 * zone when only the date is known, daylight-saving days included), the dossier's alert and the
 * board's band with the hours left, the visit's priority set at the save and at check-in and back
 * to normal when the protocol closes, its reason hidden from reception; every refusal names its
 * field and writes nothing; the narrative is never in the tab and its read is audited by name.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import {
  hoursLeft,
  occurrenceOf,
  protocolAtSave,
  PROTOCOL_ITEMS,
  suggestGbvimsType,
} from '../../shared/domain/violence';
import { openProtocolsSql } from '../../electron/core/services/violence/repository';
import { FakeClock, startCore, tempDir } from './helpers/core';
import { expectRefused, storeSnapshot } from './helpers/clinical';
import { personInput, reception, staff, type Centre } from './helpers/reception';

const HOUR = 3600_000;
const PARIS = 'Europe/Paris';

/** The test clock: 2026-03-02 09:00 UTC, 10:00 in Paris. */
async function chams(at?: string) {
  const t = await reception(at ? await startCore(tempDir(), new FakeClock(Date.parse(at))) : undefined);
  const social = await staff(t, 'sara', ['social_worker']);
  const doctor = await staff(t, 'dora', ['doctor']);
  const nurse = await staff(t, 'nina', ['nurse']);
  const psy = await staff(t, 'paula', ['psychologist']);
  return { t, social, doctor, nurse, psy, siteId: t.siteIds[0] };
}

/** A survivor who shares with the care team and the social and legal team. */
async function survivor(t: Centre, token: string, name = 'Salma'): Promise<string> {
  const p = await t.must('persons.create', personInput(t, { nameUsed: name }), token);
  for (const scope of ['care_team', 'social_legal'] as const)
    await t.must('persons.recordConsent', { personId: p.id, scope, given: true }, token);
  return p.id;
}

function incident(
  personId: string,
  extra: Partial<ChannelInput<'violence.saveIncident'>> = {},
): ChannelInput<'violence.saveIncident'> {
  return {
    personId,
    occurredOn: '2026-03-01',
    placeKind: 'public_space',
    perpetrators: ['client'],
    seedTypes: ['rape_individual'],
    gbvimsType: 'rape',
    ...extra,
  };
}

/** Back at work after hours: a fresh login (idle sessions lock). */
async function signIn(t: Centre, username: string): Promise<string> {
  return (await t.must('auth.login', { username, password: 'Nouveau-Mot-de-passe-2026' })).token;
}

const ago = (t: Centre, hours: number) => new Date(t.clock.now().getTime() - hours * HOUR).toISOString();

const ROWS_SQL =
  'SELECT (SELECT count(*) FROM audit_log) AS a, (SELECT count(*) FROM violence_incident) AS i, (SELECT group_concat(version) FROM violence_incident) AS iv, (SELECT count(*) FROM incident_narrative) AS n, (SELECT count(*) FROM protocol_step) AS s, (SELECT group_concat(priority || version) FROM visit) AS v';

describe('the protocol’s rules (pure)', () => {
  it('an unknown time is the END of the day in the site’s zone, a daylight-saving day included', () => {
    // 29 March 2026, clocks go forward in Paris: the day ends at 23:59:59 CEST = 21:59:59 UTC.
    expect(occurrenceOf({ occurredOn: '2026-03-29', occurredAt: null }, PARIS).toISOString()).toBe(
      '2026-03-29T21:59:59.000Z',
    );
    // 25 October 2026, clocks go back: the day (25 hours long) ends at 23:59:59 CET = 22:59:59 UTC.
    expect(occurrenceOf({ occurredOn: '2026-10-25', occurredAt: null }, PARIS).toISOString()).toBe(
      '2026-10-25T22:59:59.000Z',
    );
    // Casablanca keeps UTC+1 but steps back to UTC+0 for Ramadan (mid-February to March 2026).
    expect(
      occurrenceOf({ occurredOn: '2026-03-01', occurredAt: null }, 'Africa/Casablanca').toISOString(),
    ).toBe('2026-03-01T23:59:59.000Z');
    const known = '2026-03-01T14:30:00.000Z';
    expect(occurrenceOf({ occurredOn: '2026-03-01', occurredAt: known }, PARIS).toISOString()).toBe(known);
  });

  it('open while the deadline is ahead, with hours left to one decimal; not applicable after', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    const thirtyAgo = { occurredOn: '2026-03-01', occurredAt: '2026-03-01T03:00:00.000Z' };
    expect(protocolAtSave(thirtyAgo, PARIS, now)).toEqual({
      status: 'open',
      deadline: '2026-03-04T03:00:00.000Z',
    });
    expect(hoursLeft('2026-03-04T03:00:00.000Z', now)).toBe(42);
    expect(hoursLeft('2026-03-02T10:20:00.000Z', now)).toBe(1.3);
    expect(hoursLeft('2026-03-02T09:00:00.000Z', now)).toBeNull();
    const seventyThreeAgo = { occurredOn: '2026-02-27', occurredAt: '2026-02-27T08:00:00.000Z' };
    expect(protocolAtSave(seventyThreeAgo, PARIS, now)).toEqual({ status: 'not_applicable', deadline: null });
  });

  it('proposes the first GBVIMS type in GBVIMS’s order among the seed types', () => {
    expect(suggestGbvimsType(['death_threat', 'rape_gang'])).toBe('rape');
    expect(suggestGbvimsType(['extortion', 'family_rejection'])).toBe('denial_of_resources');
    expect(suggestGbvimsType(['physical_assault', 'sexual_assault'])).toBe('sexual_assault');
    expect(suggestGbvimsType([])).toBeNull();
  });
});

describe('saving an incident decides its protocol', () => {
  it('30 h after an assault with its time: open, deadline + 72 h, 42 h left in the tab and the alert', async () => {
    const { t, social, doctor } = await chams();
    const personId = await survivor(t, social.token);
    const occurredAt = ago(t, 30);
    const saved = await t.must('violence.saveIncident', incident(personId, { occurredAt }), social.token);
    expect(saved).toMatchObject({
      protocolStatus: 'open',
      protocolDeadline: '2026-03-04T03:00:00.000Z',
      hoursLeft: 42,
      steps: [],
      hasNarrative: false,
    });
    const dossier = await t.must('persons.dossier', { id: personId }, doctor.token);
    expect(dossier.alerts.find((a) => a.kind === 'violence_72h')).toEqual({
      kind: 'violence_72h',
      at: occurredAt,
      hoursLeft: 42,
    });
    const tab = await t.must('violence.forPerson', { personId }, doctor.token);
    expect(tab.items.map((i) => [i.id, i.hoursLeft])).toEqual([[saved.id, 42]]);
  });

  it('date only: the deadline runs from the end of that day at the site, and the alert has no time', async () => {
    const { t, social } = await chams();
    const personId = await survivor(t, social.token);
    const saved = await t.must(
      'violence.saveIncident',
      incident(personId, { occurredOn: '2026-03-01' }),
      social.token,
    );
    // 1 March ends at 23:59:59 in Paris (22:59:59 UTC); + 72 h.
    expect(saved).toMatchObject({
      protocolStatus: 'open',
      protocolDeadline: '2026-03-04T22:59:59.000Z',
      hoursLeft: 62,
    });
    const dossier = await t.must('persons.dossier', { id: personId }, social.token);
    expect(dossier.alerts.find((a) => a.kind === 'violence_72h')).toEqual({
      kind: 'violence_72h',
      at: null,
      hoursLeft: 62,
    });
  });

  it('after the deadline the protocol is not applicable and no alert is raised', async () => {
    const { t, social } = await chams();
    const personId = await survivor(t, social.token);
    const old = await t.must(
      'violence.saveIncident',
      incident(personId, { occurredAt: ago(t, 73), occurredOn: '2026-02-27' }),
      social.token,
    );
    // A date only, four days ago: its end of day + 72 h has passed too.
    const dated = await t.must(
      'violence.saveIncident',
      incident(personId, { occurredOn: '2026-02-26' }),
      social.token,
    );
    expect([old.protocolStatus, dated.protocolStatus]).toEqual(['not_applicable', 'not_applicable']);
    expect([old.protocolDeadline, old.hoursLeft]).toEqual([null, null]);
    const dossier = await t.must('persons.dossier', { id: personId }, social.token);
    expect(dossier.alerts.map((a) => a.kind)).not.toContain('violence_72h');
  });

  it('the alert ends with the deadline, even while the protocol is still open', async () => {
    const { t, social } = await chams();
    const personId = await survivor(t, social.token);
    await t.must(
      'violence.saveIncident',
      incident(personId, { occurredAt: ago(t, 71), occurredOn: '2026-02-27' }),
      social.token,
    );
    let dossier = await t.must('persons.dossier', { id: personId }, social.token);
    expect(dossier.alerts.find((a) => a.kind === 'violence_72h')?.hoursLeft).toBe(1);
    t.clock.advance(2 * HOUR);
    dossier = await t.must('persons.dossier', { id: personId }, await signIn(t, 'sara'));
    expect(dossier.alerts.map((a) => a.kind)).not.toContain('violence_72h');
  });

  it('a DST day: a date-only incident on 29 March is open until 1 April 21:59:59 UTC', async () => {
    const { t, social } = await chams('2026-03-30T08:00:00Z');
    const personId = await survivor(t, social.token);
    const saved = await t.must(
      'violence.saveIncident',
      incident(personId, { occurredOn: '2026-03-29' }),
      social.token,
    );
    expect(saved.protocolDeadline).toBe('2026-04-01T21:59:59.000Z');
    // 08:00 UTC on the 30th to 21:59:59 UTC on 1 April: 62 hours (one less than a naive "+24 h a day").
    expect(saved.hoursLeft).toBe(62);
  });
});

describe('every refusal names its field and writes nothing', () => {
  it('incident: future date, future time, time not on the date, no type, report before the incident, a value twice', async () => {
    const { t, social } = await chams();
    const personId = await survivor(t, social.token);
    await t.must('visits.checkIn', { personId, siteId: t.siteIds[0] }, social.token);
    const tab = async () => (await t.must('violence.forPerson', { personId }, social.token)).items;
    const cases: Array<[Partial<ChannelInput<'violence.saveIncident'>>, string, string]> = [
      [{ occurredOn: '2026-03-03' }, 'occurredOn', 'date_in_future'],
      [{ occurredOn: '2026-03-02', occurredAt: '2026-03-02T10:00:00.000Z' }, 'occurredAt', 'date_in_future'],
      // 08:00 UTC on 2 March is 09:00 in Paris on the 2nd, not the 1st.
      [
        { occurredOn: '2026-03-01', occurredAt: '2026-03-02T08:00:00.000Z' },
        'occurredAt',
        'time_not_on_date',
      ],
      // 23:30 UTC on 1 March is already the 2nd in Paris.
      [
        { occurredOn: '2026-03-01', occurredAt: '2026-03-01T23:30:00.000Z' },
        'occurredAt',
        'time_not_on_date',
      ],
      [{ seedTypes: [] }, 'seedTypes', 'types_required'],
      [{ reported: 'police', reportedOn: '2026-02-27' }, 'reportedOn', 'before_incident'],
      [{ reported: 'police', reportedOn: '2026-03-05' }, 'reportedOn', 'date_in_future'],
      // A value ticked twice is refused, never silently dropped.
      [{ perpetrators: ['client', 'client'] }, 'perpetrators', 'values_repeated'],
      [{ seedTypes: ['rape_individual', 'rape_individual'] }, 'seedTypes', 'values_repeated'],
    ];
    for (const [extra, field, reason] of cases)
      await expectRefused(
        t,
        'violence.saveIncident',
        incident(personId, extra),
        social.token,
        { field, reason },
        { rowsSql: ROWS_SQL, tab },
      );
  });

  it('steps and narratives: future, before the incident, unknown carer, another person’s incident, empty text', async () => {
    const { t, social } = await chams();
    const personId = await survivor(t, social.token);
    const other = await survivor(t, social.token, 'Autre');
    const saved = await t.must(
      'violence.saveIncident',
      incident(personId, { occurredAt: ago(t, 30) }),
      social.token,
    );
    const theirs = await t.must(
      'violence.saveIncident',
      incident(other, { occurredAt: ago(t, 30) }),
      social.token,
    );
    const tab = async () => (await t.must('violence.forPerson', { personId }, social.token)).items;
    const step = (
      extra: Partial<ChannelInput<'violence.saveProtocolStep'>>,
    ): ChannelInput<'violence.saveProtocolStep'> => ({
      personId,
      incidentId: saved.id,
      item: 'evidence_advice',
      outcome: 'done',
      doneAt: t.clock.now().toISOString(),
      ...extra,
    });
    const written = { rowsSql: ROWS_SQL, tab };
    await expectRefused(
      t,
      'violence.saveProtocolStep',
      step({ doneAt: '2026-03-02T09:30:00.000Z' }),
      social.token,
      { field: 'doneAt', reason: 'date_in_future' },
      written,
    );
    await expectRefused(
      t,
      'violence.saveProtocolStep',
      step({ doneAt: ago(t, 31) }),
      social.token,
      { field: 'doneAt', reason: 'before_incident' },
      written,
    );
    await expectRefused(
      t,
      'violence.saveProtocolStep',
      step({ doneBy: 'nobody' }),
      social.token,
      { field: 'doneBy', reason: 'unknown_user' },
      written,
    );
    await expectRefused(
      t,
      'violence.saveProtocolStep',
      step({ incidentId: theirs.id }),
      social.token,
      { field: 'incidentId', reason: 'unknown_incident' },
      written,
    );
    await expectRefused(
      t,
      'violence.saveNarrative',
      { personId, incidentId: saved.id, text: '   ' },
      social.token,
      { field: 'text', reason: 'narrative_required' },
      written,
    );
    await expectRefused(
      t,
      'violence.saveNarrative',
      { personId, incidentId: theirs.id, text: 'Récit' },
      social.token,
      { field: 'incidentId', reason: 'unknown_incident' },
      written,
    );
    await expectRefused(
      t,
      'violence.saveIncident',
      { ...incident(personId), id: theirs.id, version: theirs.version },
      social.token,
      { field: 'id', reason: 'unknown_incident' },
      written,
    );
  });
});

describe('the protocol’s steps', () => {
  it('one outcome per item, corrected with its version, never duplicated; the fifth closes the protocol', async () => {
    const { t, social, doctor, nurse } = await chams();
    const personId = await survivor(t, social.token);
    const saved = await t.must(
      'violence.saveIncident',
      incident(personId, { occurredAt: ago(t, 30) }),
      social.token,
    );
    const at = t.clock.now().toISOString();
    // The doctor (write since slice 0) records the PEP referral; the nurse gave it, the doctor ticks it.
    const first = await t.must(
      'violence.saveProtocolStep',
      { personId, incidentId: saved.id, item: 'pep_referral', outcome: 'done', doneAt: at, doneBy: nurse.id },
      doctor.token,
    );
    expect(first.steps).toMatchObject([
      { item: 'pep_referral', outcome: 'done', doneBy: nurse.id, doneByName: 'nina (test)', version: 1 },
    ]);
    // A second outcome for the same item without its version is a conflict, not a second row.
    const again = await t.call(
      'violence.saveProtocolStep',
      { personId, incidentId: saved.id, item: 'pep_referral', outcome: 'declined', doneAt: at },
      social.token,
    );
    expect(again.ok ? null : again.error.code).toBe('conflict');
    const corrected = await t.must(
      'violence.saveProtocolStep',
      {
        personId,
        incidentId: saved.id,
        item: 'pep_referral',
        outcome: 'declined',
        doneAt: at,
        version: 1,
        note: 'Refus',
      },
      social.token,
    );
    expect(corrected.steps).toMatchObject([
      { item: 'pep_referral', outcome: 'declined', version: 2, note: 'Refus' },
    ]);
    expect(corrected.protocolStatus).toBe('open');
    // The nurse does not write violence: forbidden.
    const byNurse = await t.call(
      'violence.saveProtocolStep',
      { personId, incidentId: saved.id, item: 'sti_prophylaxis', outcome: 'done', doneAt: at },
      nurse.token,
    );
    expect(byNurse.ok ? null : byNurse.error.code).toBe('forbidden');
    let last = corrected;
    for (const item of PROTOCOL_ITEMS.filter((i) => i !== 'pep_referral'))
      last = await t.must(
        'violence.saveProtocolStep',
        {
          personId,
          incidentId: saved.id,
          item,
          outcome: item === 'injury_certificate' ? 'not_applicable' : 'done',
          doneAt: at,
        },
        social.token,
      );
    expect(last.protocolStatus).toBe('closed');
    expect(last.steps.map((s) => s.item)).toEqual([...PROTOCOL_ITEMS]);
    const dossier = await t.must('persons.dossier', { id: personId }, social.token);
    expect(dossier.alerts.map((a) => a.kind)).not.toContain('violence_72h');
  });

  it('a doctor without the person’s social_legal consent is refused (consent_required)', async () => {
    const { t, social, doctor } = await chams();
    const p = await t.must('persons.create', personInput(t, { nameUsed: 'Sans accord' }), social.token);
    await t.must('persons.recordConsent', { personId: p.id, scope: 'care_team', given: true }, social.token);
    const saved = await t.must(
      'violence.saveIncident',
      incident(p.id, { occurredAt: ago(t, 30) }),
      social.token,
    );
    const r = await t.call(
      'violence.saveProtocolStep',
      {
        personId: p.id,
        incidentId: saved.id,
        item: 'pep_referral',
        outcome: 'done',
        doneAt: t.clock.now().toISOString(),
      },
      doctor.token,
    );
    expect(r.ok ? null : r.error.code).toBe('consent_required');
  });
});

describe('the visit’s priority and the board', () => {
  it('set when the incident is saved during the visit, deadline only to readers of violence, back to normal when closed', async () => {
    const { t, social, nurse } = await chams();
    const site = t.siteIds[0];
    const personId = await survivor(t, social.token);
    await t.must('visits.checkIn', { personId, siteId: site }, t.worker.token);
    const saved = await t.must(
      'violence.saveIncident',
      incident(personId, { occurredAt: ago(t, 30) }),
      social.token,
    );

    const forSocial = await t.must('visits.board', { siteId: site }, social.token);
    expect(forSocial.rows[0]).toMatchObject({
      priority: 'violence_72h',
      priorityDeadline: '2026-03-04T03:00:00.000Z',
    });
    // Reception (community worker) and the nurse: "Prioritaire", no reason, no time.
    for (const reader of [t.worker, nurse]) {
      const board = await t.must('visits.board', { siteId: site }, reader.token);
      expect(board.rows[0]).toMatchObject({ priority: 'priority', priorityDeadline: null });
      const dossier = await t.must('persons.dossier', { id: personId }, reader.token);
      expect(dossier.openVisit?.priority).toBe('priority');
      expect(dossier.alerts.map((a) => a.kind)).not.toContain('violence_72h');
      expect(JSON.stringify(board)).not.toContain('violence');
    }

    for (const item of PROTOCOL_ITEMS)
      await t.must(
        'violence.saveProtocolStep',
        { personId, incidentId: saved.id, item, outcome: 'done', doneAt: t.clock.now().toISOString() },
        social.token,
      );
    const after = await t.must('visits.board', { siteId: site }, social.token);
    expect(after.rows[0]).toMatchObject({ priority: 'normal', priorityDeadline: null });
  });

  it('"Prioritaire" without a reason never points to violence: the desk’s own priority looks and ranks the same', async () => {
    const { t, social, nurse } = await chams();
    const site = t.siteIds[0];
    const desk = await t.must('persons.create', personInput(t, { nameUsed: 'Inès' }), t.worker.token);
    await t.must('visits.checkIn', { personId: desk.id, siteId: site, priority: 'urgent' }, t.worker.token);
    t.clock.advance(60_000);
    const personId = await survivor(t, social.token);
    await t.must('visits.checkIn', { personId, siteId: site }, t.worker.token);
    await t.must('violence.saveIncident', incident(personId, { occurredAt: ago(t, 30) }), social.token);

    const shape = (row: Record<string, unknown>) => ({
      priority: row.priority,
      priorityDeadline: row.priorityDeadline,
    });
    for (const reader of [t.worker, nurse]) {
      const rows = (await t.must('visits.board', { siteId: site }, reader.token)).rows;
      // In order of arrival: the assault's real rank does not lift it above the desk's priority.
      expect(rows.map((r) => r.personId)).toEqual([desk.id, personId]);
      expect(rows.map(shape)).toEqual([
        { priority: 'priority', priorityDeadline: null },
        { priority: 'priority', priorityDeadline: null },
      ]);
    }
    // A reader of violence sees the protocol; the desk's priority stays without a reason for all.
    const forSocial = (await t.must('visits.board', { siteId: site }, social.token)).rows;
    expect(forSocial.map((r) => [r.personId, r.priority])).toEqual([
      [desk.id, 'priority'],
      [personId, 'violence_72h'],
    ]);
  });

  it('at check-in: raised while a protocol runs, not after its deadline; a PEP keeps precedence', async () => {
    const { t, social } = await chams();
    const site = t.siteIds[0];
    const running = await survivor(t, social.token, 'En cours');
    const ending = await survivor(t, social.token, 'Presque');
    const pep = await survivor(t, social.token, 'Exposition');
    await t.must('violence.saveIncident', incident(running, { occurredAt: ago(t, 30) }), social.token);
    await t.must(
      'violence.saveIncident',
      incident(ending, { occurredAt: ago(t, 71), occurredOn: '2026-02-27' }),
      social.token,
    );
    await t.must('violence.saveIncident', incident(pep, { occurredAt: ago(t, 30) }), social.token);
    t.clock.advance(2 * HOUR);
    const desk = await signIn(t, 'kasey');
    const a = await t.must('visits.checkIn', { personId: running, siteId: site }, desk);
    const b = await t.must('visits.checkIn', { personId: ending, siteId: site }, desk);
    const c = await t.must('visits.checkIn', { personId: pep, siteId: site, priority: 'pep_72h' }, desk);
    // The desk sees "priority" (the reason hidden) for the survivor; the PEP it chose itself stays first.
    expect([a.priority, b.priority, c.priority]).toEqual(['priority', 'normal', 'pep_72h']);
    const board = await t.must('visits.board', { siteId: site }, await signIn(t, 'sara'));
    expect(board.rows.map((r) => [r.nameUsed, r.priority])).toEqual([
      ['Exposition', 'pep_72h'],
      ['En cours', 'violence_72h'],
      ['Presque', 'normal'],
    ]);
  });
});

describe('the narrative', () => {
  it('is never sent with the tab; its read is its own audited read naming it', async () => {
    const { t, social, psy } = await chams();
    const personId = await survivor(t, social.token);
    const saved = await t.must(
      'violence.saveIncident',
      incident(personId, { occurredAt: ago(t, 30) }),
      social.token,
    );
    const text = 'RÉCIT-MARQUEUR : ce qu’elle a raconté, dans ses mots.';
    const written = await t.must(
      'violence.saveNarrative',
      { personId, incidentId: saved.id, text },
      social.token,
    );
    expect(written).toMatchObject({ text, version: 1 });
    const tab = await t.must('violence.forPerson', { personId }, psy.token);
    expect(tab.items[0].hasNarrative).toBe(true);
    expect(JSON.stringify(tab)).not.toContain('RÉCIT-MARQUEUR');
    const dossier = await t.must('persons.dossier', { id: personId }, psy.token);
    expect(JSON.stringify(dossier)).not.toContain('RÉCIT-MARQUEUR');

    const read = await t.must('violence.narrative', { personId, incidentId: saved.id }, psy.token);
    expect(read?.text).toBe(text);
    const audit = await storeSnapshot(
      t,
      `SELECT action, section, target_type, target_id FROM audit_log WHERE actor_id = '${psy.id}' AND target_type = 'incident_narrative'`,
    );
    expect(JSON.parse(audit)).toEqual([
      { action: 'read', section: 'violence', target_type: 'incident_narrative', target_id: saved.id },
    ]);
    // A correction names the version it read; a stale one is a conflict.
    const stale = await t.call(
      'violence.saveNarrative',
      { personId, incidentId: saved.id, text: 'x' },
      social.token,
    );
    expect(stale.ok ? null : stale.error.code).toBe('conflict');
    const fixed = await t.must(
      'violence.saveNarrative',
      { personId, incidentId: saved.id, text: `${text} (suite)`, version: 1 },
      social.token,
    );
    expect(fixed.version).toBe(2);
  });
});

describe('the narrative’s writer', () => {
  it('is whom the narrative belongs to: once the consent is withdrawn, the incident’s author may neither read nor overwrite a narrative a colleague wrote', async () => {
    const { t, social, doctor } = await chams();
    const personId = await survivor(t, social.token);
    const saved = await t.must('violence.saveIncident', incident(personId), social.token);
    const text = 'Récit recueilli par la médecin.';
    await t.must('violence.saveNarrative', { personId, incidentId: saved.id, text }, doctor.token);
    await t.must('persons.recordConsent', { personId, scope: 'social_legal', given: false }, social.token);

    const read = await t.call('violence.narrative', { personId, incidentId: saved.id }, social.token);
    expect(read.ok).toBe(false);
    const before = await storeSnapshot(t, 'SELECT text, version FROM incident_narrative');
    const overwrite = await t.call(
      'violence.saveNarrative',
      { personId, incidentId: saved.id, text: 'autre', version: 1 },
      social.token,
    );
    expect(overwrite.ok).toBe(false);
    expect(await storeSnapshot(t, 'SELECT text, version FROM incident_narrative')).toBe(before);
    // Its writer still reads what she wrote.
    expect((await t.must('violence.narrative', { personId, incidentId: saved.id }, doctor.token))?.text).toBe(
      text,
    );
  });
});

describe('a writer let in only as the incident’s author', () => {
  it('gets back only their own steps, and no word of a colleague’s narrative, in every write’s answer', async () => {
    const { t, social, doctor } = await chams();
    const personId = await survivor(t, social.token);
    const saved = await t.must('violence.saveIncident', incident(personId), social.token);
    const step = (item: ChannelInput<'violence.saveProtocolStep'>['item'], note: string | null = null) => ({
      personId,
      incidentId: saved.id,
      item,
      outcome: 'done' as const,
      doneAt: t.clock.now().toISOString(),
      note,
    });
    await t.must('violence.saveProtocolStep', step('pep_referral', 'TPE aux urgences'), doctor.token);
    await t.must(
      'violence.saveNarrative',
      { personId, incidentId: saved.id, text: 'Son récit.' },
      doctor.token,
    );
    await t.must('persons.recordConsent', { personId, scope: 'social_legal', given: false }, social.token);

    const current = (await t.must('violence.forPerson', { personId }, social.token)).items[0];
    const corrected = await t.must(
      'violence.saveIncident',
      { ...incident(personId, { placeKind: 'home' }), id: saved.id, version: current.version },
      social.token,
    );
    expect(corrected.steps).toEqual([]);
    expect(corrected.hasNarrative).toBe(false);
    const stepped = await t.must('violence.saveProtocolStep', step('evidence_advice'), social.token);
    expect(stepped.steps.map((s) => s.item)).toEqual(['evidence_advice']);
    expect(stepped.hasNarrative).toBe(false);
    expect(JSON.stringify([corrected, stepped])).not.toContain('TPE aux urgences');
  });
});

describe('open protocols on "À faire"', () => {
  it('lists the running protocols of the reader’s sites, soonest first, with hours left; consent filter on lines and count', async () => {
    const { t, social, doctor } = await chams();
    const soon = await survivor(t, social.token, 'Bientôt');
    const later = await survivor(t, social.token, 'Plus tard');
    const past = await survivor(t, social.token, 'Hors délai');
    const withdrawn = await survivor(t, social.token, 'Retrait');
    await t.must(
      'violence.saveIncident',
      incident(later, { occurredAt: ago(t, 10), occurredOn: '2026-03-02' }),
      social.token,
    );
    await t.must(
      'violence.saveIncident',
      incident(soon, { occurredAt: ago(t, 60), occurredOn: '2026-02-27' }),
      social.token,
    );
    await t.must('violence.saveIncident', incident(past, { occurredOn: '2026-02-20' }), social.token);
    await t.must(
      'violence.saveIncident',
      incident(withdrawn, { occurredAt: ago(t, 5), occurredOn: '2026-03-02' }),
      social.token,
    );
    await t.must(
      'persons.recordConsent',
      { personId: withdrawn, scope: 'social_legal', given: false },
      social.token,
    );
    // The doctor recorded none of them: the withdrawn person's line is not hers to see.
    const page = await t.must('violence.openProtocols', { list: 'open' }, doctor.token);
    expect(page.rows.map((r) => [r.nameUsed, r.hoursLeft, r.timeKnown])).toEqual([
      ['Bientôt', 12, true],
      ['Plus tard', 62, true],
    ]);
    expect(await t.must('violence.openProtocolsCounts', {}, doctor.token)).toEqual({ open: 2 });
    // The social worker recorded the withdrawn person's incident: her own line stays on her list.
    expect(await t.must('violence.openProtocolsCounts', {}, social.token)).toEqual({ open: 3 });
    // Paged by the deadline.
    const first = await t.must('violence.openProtocols', { list: 'open', limit: 1 }, doctor.token);
    const second = await t.must(
      'violence.openProtocols',
      { list: 'open', limit: 1, cursor: first.nextCursor! },
      doctor.token,
    );
    expect([first.rows[0]?.nameUsed, second.rows[0]?.nameUsed, second.nextCursor]).toEqual([
      'Bientôt',
      'Plus tard',
      null,
    ]);
    // Reception may not read violence: not even the list.
    const desk = await t.call('violence.openProtocolsCounts', {}, t.worker.token);
    expect(desk.ok ? null : desk.error.code).toBe('forbidden');
  });
});

describe('the open protocols’ query', () => {
  it('reads the (protocol_status, site_id, protocol_deadline) index, never a scan of the incidents', async () => {
    const { t } = await chams();
    const store = t.core.ctx.vault.requireStore();
    const plan = await store.exclusive(async () => {
      const [sql, params] = openProtocolsSql(store.manager, t.siteIds, t.clock.now(), 'reader');
      const rows = await store.manager.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`, params);
      return rows.map((r) => r.detail).join('\n');
    });
    expect(plan, plan).not.toMatch(/SCAN (vi|violence_incident)\b/);
    expect(plan, plan).toMatch(
      /SEARCH vi USING INDEX \S+ \(protocol_status=\? AND site_id=\? AND protocol_deadline>\?\)/,
    );
  });
});

describe('a step links the clinical record made for it', () => {
  it('a record of the same person only; the link shown only to a reader of that record’s section', async () => {
    const { t, social, doctor, psy } = await chams();
    const personId = await survivor(t, social.token);
    const other = await survivor(t, social.token, 'Autre');
    const saved = await t.must(
      'violence.saveIncident',
      incident(personId, { occurredAt: ago(t, 30) }),
      social.token,
    );
    const sampleOf = async (who: string) =>
      (
        await t.must(
          'screenings.saveSamples',
          { personId: who, siteId: t.siteIds[0], add: [{ testCode: 'hiv_trod' }] },
          doctor.token,
        )
      ).samples[0];
    const theirs = await sampleOf(other);
    const hers = await sampleOf(personId);
    const step = (
      extra: Partial<ChannelInput<'violence.saveProtocolStep'>>,
    ): ChannelInput<'violence.saveProtocolStep'> => ({
      personId,
      incidentId: saved.id,
      item: 'sti_prophylaxis',
      outcome: 'done',
      doneAt: t.clock.now().toISOString(),
      ...extra,
    });
    const written = {
      rowsSql: ROWS_SQL,
      tab: async () => (await t.must('violence.forPerson', { personId }, doctor.token)).items,
    };
    await expectRefused(
      t,
      'violence.saveProtocolStep',
      step({ linkedType: 'screening', linkedId: theirs.screeningId }),
      doctor.token,
      { field: 'linkedId', reason: 'linked_record_mismatch' },
      written,
    );
    await expectRefused(
      t,
      'violence.saveProtocolStep',
      step({ linkedType: 'screening', linkedId: null }),
      doctor.token,
      { field: 'linkedId', reason: 'linked_record_mismatch' },
      written,
    );
    const linked = await t.must(
      'violence.saveProtocolStep',
      step({ linkedType: 'screening', linkedId: hers.screeningId }),
      doctor.token,
    );
    expect(linked.steps[0]).toMatchObject({ linkedType: 'screening', linkedId: hers.screeningId });
    // A correction that does not name the link keeps it.
    const corrected = await t.must(
      'violence.saveProtocolStep',
      step({ outcome: 'declined', version: 1 }),
      social.token,
    );
    expect(corrected.steps[0]).toMatchObject({ outcome: 'declined', version: 2 });
    const tab = async (token: string) =>
      (await t.must('violence.forPerson', { personId }, token)).items[0].steps[0];
    expect(await tab(doctor.token)).toMatchObject({ linkedType: 'screening', linkedId: hers.screeningId });
    // The social worker and the psychologist read violence, not the tests: no link, no screening id.
    for (const reader of [social, psy]) {
      expect(await tab(reader.token)).toMatchObject({ linkedType: null, linkedId: null });
      expect(JSON.stringify(await t.must('violence.forPerson', { personId }, reader.token))).not.toContain(
        hers.screeningId,
      );
    }
  });
});
