/**
 * Vaccinations on a real encrypted store: a dose starts or continues the course of its vaccine,
 * gets its number, and the next dose due follows the catalogue's schedule in calendar dates (month
 * ends, daylight-saving Sundays, the site's today at 23:30 UTC); a schedule completes; every
 * refusal of the slice names its field and writes nothing; a course stops with a reason; the
 * dossier's timeline and alert; the worklists (due / overdue, consent filter, keyset paging, query
 * plan); the certificate's text.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { rangesFor } from '../../electron/core/services/vaccinations/worklist';
import { worklistSql } from '../../electron/core/services/vaccinations/repository';
import { FakeClock, startCore, tempDir } from './helpers/core';
import { pdfText } from './helpers/pdf-text';
import {
  clinicalCentre,
  consentingPerson,
  expectRefused,
  importRecords as importInto,
} from './helpers/clinical';
import { personInput, staff, type Centre } from './helpers/reception';

/** The test clock starts on 2026-03-02 at 10:00 in Paris. */
const TODAY = '2026-03-02';

const centre = async (clock?: FakeClock) =>
  clinicalCentre(clock ? await startCore(tempDir(), clock) : undefined);
const person = consentingPerson;

function dose(
  personId: string,
  vaccineCode: ChannelInput<'vaccinations.giveDose'>['vaccineCode'],
  givenOn: string,
  extra: Partial<ChannelInput<'vaccinations.giveDose'>> = {},
): ChannelInput<'vaccinations.giveDose'> {
  return { personId, vaccineCode, givenOn, lot: 'LOT-1', ...extra };
}

/** A write refused with this reason on this field, and nothing written (rows, audit, the tab). */
async function refused<C extends 'vaccinations.giveDose' | 'vaccinations.stopCourse'>(
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
        'SELECT (SELECT count(*) FROM audit_log) AS a, (SELECT count(*) FROM vaccine_course) AS c, (SELECT count(*) FROM vaccine_dose) AS d',
      tab: async () => (await t.must('vaccinations.forPerson', { personId: input.personId }, token)).items,
    },
  );
}

describe('giving doses: numbers, next dose due, completion', () => {
  it('a first dose starts the course; the next one continues it; month ends clamp', async () => {
    const { t, nurse, siteId } = await centre();
    const personId = await person(t, nurse.token);
    const first = await t.must(
      'vaccinations.giveDose',
      dose(personId, 'hepatitis_b', '2026-01-31'),
      nurse.token,
    );
    expect(first).toMatchObject({
      vaccineCode: 'hepatitis_b',
      siteId,
      startedOn: '2026-01-31',
      status: 'in_progress',
      dosesNeeded: 3,
      nextDose: 2,
      nextDueOn: '2026-02-28',
      // Due at the month's end; no minimum gap in the catalogue, so no "not before" to tell.
      earliestNextOn: null,
    });
    // Given by the signed-in carer unless another is named.
    expect(first.doses).toMatchObject([
      { doseNumber: 1, givenOn: '2026-01-31', lot: 'LOT-1', givenBy: nurse.id, givenByName: 'nina (test)' },
    ]);

    const second = await t.must(
      'vaccinations.giveDose',
      dose(personId, 'hepatitis_b', '2026-02-28', { givenBy: (await staff(t, 'noe', ['nurse'])).id }),
      nurse.token,
    );
    expect(second.id).toBe(first.id);
    // Dose 3 at 6 months from the first: 31 July (not 5 months after dose 2, 28 July).
    expect(second).toMatchObject({ status: 'in_progress', nextDose: 3, nextDueOn: '2026-07-31' });
    expect(second.doses.map((d) => [d.doseNumber, d.givenByName])).toEqual([
      [1, 'nina (test)'],
      [2, 'noe (test)'],
    ]);
    const tab = await t.must('vaccinations.forPerson', { personId }, nurse.token);
    expect(tab.items).toHaveLength(1);
    expect(tab.items[0]).toEqual(second);
  });

  it('across the daylight-saving Sundays: mpox due on 30 March 2025, HBV one month after 26 October 2025', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    const mpox = await t.must('vaccinations.giveDose', dose(personId, 'mpox', '2025-03-02'), nurse.token);
    expect(mpox).toMatchObject({ nextDueOn: '2025-03-30', nextDose: 2 });
    const done = await t.must('vaccinations.giveDose', dose(personId, 'mpox', '2025-03-30'), nurse.token);
    expect(done).toMatchObject({ status: 'complete', nextDueOn: null, nextDose: null, earliestNextOn: null });
    const hbv = await t.must(
      'vaccinations.giveDose',
      dose(personId, 'hepatitis_b', '2025-10-26'),
      nurse.token,
    );
    expect(hbv).toMatchObject({ nextDueOn: '2025-11-26' });
  });

  it('mpox after a smallpox vaccination is complete with one dose', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    const course = await t.must(
      'vaccinations.giveDose',
      dose(personId, 'mpox', TODAY, { smallpoxVaccinated: true }),
      nurse.token,
    );
    expect(course).toMatchObject({ variant: 'smallpox_vaccinated', dosesNeeded: 1, status: 'complete' });
    // An mpox course already under way on the two-dose schedule is not shortened by a later tick.
    const other = await person(t, nurse.token);
    await t.must('vaccinations.giveDose', dose(other, 'mpox', '2026-01-05'), nurse.token);
    await refused(
      t,
      'vaccinations.giveDose',
      dose(other, 'mpox', TODAY, { smallpoxVaccinated: true }),
      nurse.token,
      'smallpoxVaccinated',
      'smallpox_not_applicable',
    );
    await refused(
      t,
      'vaccinations.giveDose',
      dose(personId, 'mpox', TODAY),
      nurse.token,
      'givenOn',
      'vaccine_schedule_complete',
    );
  });

  it("takes today from the site's zone: at 23:30 UTC it is already tomorrow in Paris", async () => {
    const { t, nurse } = await centre(new FakeClock(Date.parse('2026-03-02T23:30:00Z')));
    const personId = await person(t, nurse.token);
    const course = await t.must('vaccinations.giveDose', dose(personId, 'hpv', '2026-03-03'), nurse.token);
    expect(course).toMatchObject({ startedOn: '2026-03-03', nextDueOn: '2026-05-03' });
    await refused(
      t,
      'vaccinations.giveDose',
      dose(personId, 'hepatitis_a', '2026-03-04'),
      nurse.token,
      'givenOn',
      'date_in_future',
    );
  });
});

describe('a carer who sees only what they wrote', () => {
  it('sees the course they started with their own doses only, not a colleague’s', async () => {
    const { t, nurse, doctor } = await centre();
    const personId = await person(t, nurse.token);
    await t.must('vaccinations.giveDose', dose(personId, 'hepatitis_b', '2026-01-02'), nurse.token);
    await t.must(
      'vaccinations.giveDose',
      dose(personId, 'hepatitis_b', '2026-02-02', { lot: 'DOC-2' }),
      doctor.token,
    );
    t.clock.advance(60_000);
    await t.must('persons.recordConsent', { personId, scope: 'care_team', given: false }, nurse.token);
    const own = await t.must('vaccinations.forPerson', { personId }, nurse.token);
    expect(own.view.status).toBe('own_only');
    expect(own.items[0].doses.map((d) => d.lot)).toEqual(['LOT-1']);
    const timeline = await t.must('persons.timeline', { personId }, nurse.token);
    expect(timeline.items.filter((i) => i.kind === 'vaccine_dose')).toHaveLength(1);
  });
});

describe('refusals: each names its field and writes nothing', () => {
  it('same day, too early, past a complete schedule, in the future', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    await t.must('vaccinations.giveDose', dose(personId, 'mpox', '2026-01-10'), nurse.token);
    await refused(
      t,
      'vaccinations.giveDose',
      dose(personId, 'mpox', '2026-01-10'),
      nurse.token,
      'givenOn',
      'vaccine_dose_same_day',
    );
    // Mpox: 28 days at least (7 Feb is day 28).
    await refused(
      t,
      'vaccinations.giveDose',
      dose(personId, 'mpox', '2026-02-06'),
      nurse.token,
      'givenOn',
      'vaccine_dose_too_early',
    );
    await refused(
      t,
      'vaccinations.giveDose',
      dose(personId, 'mpox', '2026-03-03'),
      nurse.token,
      'givenOn',
      'date_in_future',
    );
    await t.must('vaccinations.giveDose', dose(personId, 'mpox', '2026-02-07'), nurse.token);
    await refused(
      t,
      'vaccinations.giveDose',
      dose(personId, 'mpox', TODAY),
      nurse.token,
      'givenOn',
      'vaccine_schedule_complete',
    );
    // Another vaccine the same day is fine.
    await t.must('vaccinations.giveDose', dose(personId, 'hpv', '2026-02-07'), nurse.token);
  });

  it('the lot: required, at most 40 characters, kept exactly as typed', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    await refused(
      t,
      'vaccinations.giveDose',
      dose(personId, 'hpv', TODAY, { lot: '   ' }),
      nurse.token,
      'lot',
      'lot_required',
    );
    const long = await t.call(
      'vaccinations.giveDose',
      dose(personId, 'hpv', TODAY, { lot: 'X'.repeat(41) }),
      nurse.token,
    );
    expect(long.ok ? null : long.error).toMatchObject({
      code: 'validation',
      field: 'lot',
      details: { issue: 'too_big', maximum: 40 },
    });
    const kept = await t.must(
      'vaccinations.giveDose',
      dose(personId, 'hpv', TODAY, { lot: ' ab-12/C ' }),
      nurse.token,
    );
    expect(kept.doses[0]?.lot).toBe(' ab-12/C ');
  });

  it('a carer who does not exist, a date that does not exist', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    await refused(
      t,
      'vaccinations.giveDose',
      dose(personId, 'hpv', TODAY, { givenBy: 'nobody' }),
      nurse.token,
      'givenBy',
      'unknown_user',
    );
    // "Vaccinated against smallpox" means something for mpox only: said of another vaccine, refused.
    await refused(
      t,
      'vaccinations.giveDose',
      dose(personId, 'hpv', TODAY, { smallpoxVaccinated: true }),
      nurse.token,
      'smallpoxVaccinated',
      'smallpox_not_applicable',
    );
    const r = await t.call('vaccinations.giveDose', dose(personId, 'hpv', '2026-02-30'), nurse.token);
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'validation',
      field: 'givenOn',
      details: { reason: 'invalid_date' },
    });
  });
});

describe('stopping a course', () => {
  it('stops with a reason, clears the due date; a later dose starts a new course', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    const course = await t.must('vaccinations.giveDose', dose(personId, 'hpv', '2026-01-05'), nurse.token);
    const input = {
      personId,
      courseId: course.id,
      stoppedOn: TODAY,
      reason: 'Allergie',
      version: course.version,
    };
    await refused(
      t,
      'vaccinations.stopCourse',
      { ...input, reason: ' ' },
      nurse.token,
      'reason',
      'stop_reason_required',
    );
    await refused(
      t,
      'vaccinations.stopCourse',
      { ...input, stoppedOn: '2026-01-04' },
      nurse.token,
      'stoppedOn',
      'before_start',
    );
    await refused(
      t,
      'vaccinations.stopCourse',
      { ...input, stoppedOn: '2026-03-03' },
      nurse.token,
      'stoppedOn',
      'date_in_future',
    );
    const stopped = await t.must('vaccinations.stopCourse', input, nurse.token);
    expect(stopped).toMatchObject({
      status: 'stopped',
      stoppedOn: TODAY,
      stopReason: 'Allergie',
      nextDueOn: null,
    });
    const again = await t.call(
      'vaccinations.stopCourse',
      { ...input, version: stopped.version },
      nurse.token,
    );
    expect(again.ok ? null : again.error).toMatchObject({
      field: 'courseId',
      details: { reason: 'vaccine_course_not_in_progress' },
    });
    const stale = await t.call('vaccinations.stopCourse', input, nurse.token);
    expect(stale.ok ? null : stale.error).toMatchObject({ code: 'conflict' });
    const restart = await t.must('vaccinations.giveDose', dose(personId, 'hpv', TODAY), nurse.token);
    expect(restart.id).not.toBe(course.id);
    expect(restart.doses[0]?.doseNumber).toBe(1);
  });
});

describe('the dossier', () => {
  it('timeline items per dose, and the due alert within the week', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    // Mpox on 3 Feb: dose 2 due on 3 March, tomorrow.
    await t.must('vaccinations.giveDose', dose(personId, 'mpox', '2026-02-03'), nurse.token);
    const timeline = await t.must('persons.timeline', { personId }, nurse.token);
    expect(timeline.items.filter((i) => i.kind === 'vaccine_dose')).toMatchObject([
      { section: 'vaccines', label: 'mpox', detail: '1' },
    ]);
    const dossier = await t.must('persons.dossier', { id: personId }, nurse.token);
    expect(dossier.alerts).toContainEqual({
      kind: 'vaccine_dose_due',
      at: null,
      hoursLeft: null,
      dueOn: '2026-03-03',
    });
    // HPV started today: due in two months, no alert for it.
    const other = await person(t, nurse.token, 'Bo');
    await t.must('vaccinations.giveDose', dose(other, 'hpv', TODAY), nurse.token);
    const quiet = await t.must('persons.dossier', { id: other }, nurse.token);
    expect(quiet.alerts.map((a) => a.kind)).not.toContain('vaccine_dose_due');
  });
});

describe('the interchange import', () => {
  it('applies the screen’s rules to vaccine records: same day, another person’s course, future date, blank lot', async () => {
    const { t, nurse } = await centre();
    const personId = await person(t, nurse.token);
    const other = await person(t, nurse.token, 'Bo');
    const course = await t.must(
      'vaccinations.giveDose',
      dose(personId, 'hepatitis_b', '2026-01-05'),
      nurse.token,
    );
    const importRecords = (...records: object[]) => importInto(t, ...records);
    const record = {
      type: 'vaccine_dose',
      id: 'vd-import',
      courseId: course.id,
      personId,
      siteId: t.siteIds[0],
      doseNumber: 2,
      givenOn: '2026-02-09',
      lot: 'HB-2',
      givenBy: nurse.id,
      authorId: nurse.id,
    };
    expect(await importRecords({ ...record, givenOn: '2026-01-05' })).toMatchObject([
      { field: 'givenOn', reason: 'vaccine_dose_same_day' },
    ]);
    expect(await importRecords({ ...record, personId: other })).toMatchObject([
      { field: 'courseId', reason: 'unknown_course' },
    ]);
    expect(await importRecords({ ...record, givenOn: '2099-01-01' })).toMatchObject([
      { field: 'givenOn', reason: 'date_in_future' },
    ]);
    // The centre's clock says 2 March, 10:00 in Paris: no site anywhere has reached 3 March yet,
    // whatever the machine's own calendar says.
    expect(await importRecords({ ...record, givenOn: '2026-03-03' })).toMatchObject([
      { field: 'givenOn', reason: 'date_in_future' },
    ]);
    expect(await importRecords({ ...record, lot: '  ' })).toMatchObject([
      { field: 'lot', reason: 'lot_required' },
    ]);
    expect(await importRecords(record)).toEqual([]);
    const tab = await t.must('vaccinations.forPerson', { personId }, nurse.token);
    expect(tab.items[0]?.doses.map((d) => [d.doseNumber, d.givenOn, d.lot])).toEqual([
      [1, '2026-01-05', 'LOT-1'],
      [2, '2026-02-09', 'HB-2'],
    ]);
  });
});

describe('merging two files', () => {
  it("moves the merged file's courses and doses to the kept file", async () => {
    const { t, nurse } = await centre();
    const kept = await t.must('persons.create', personInput(t, { nameUsed: 'Awa' }), nurse.token);
    const other = await t.must('persons.create', personInput(t, { nameUsed: 'Awa D.' }), nurse.token);
    for (const p of [kept, other])
      await t.must('persons.recordConsent', { personId: p.id, scope: 'care_team', given: true }, nurse.token);
    await t.must('vaccinations.giveDose', dose(kept.id, 'hpv', '2026-01-05'), nurse.token);
    await t.must('vaccinations.giveDose', dose(other.id, 'mpox', '2026-01-10'), nurse.token);
    await t.must(
      'persons.merge',
      {
        survivorId: kept.id,
        mergedId: other.id,
        survivorVersion: kept.version,
        mergedVersion: other.version,
      },
      t.token,
    );
    const tab = await t.must('vaccinations.forPerson', { personId: kept.id }, nurse.token);
    expect(tab.items.map((c) => [c.vaccineCode, c.personId, c.doses.map((d) => d.personId)])).toEqual([
      ['mpox', kept.id, [kept.id]],
      ['hpv', kept.id, [kept.id]],
    ]);
  });
});

describe('worklists', () => {
  it('due this week and overdue, by due date, with the consent filter and keyset paging', async () => {
    const { t, nurse, doctor } = await centre();
    const due = async (name: string, givenOn: string, consent = true) => {
      const id = await person(t, nurse.token, name, consent);
      await t.must('vaccinations.giveDose', dose(id, 'mpox', givenOn), nurse.token);
      return id;
    };
    const a = await due('Ana', '2026-02-03'); // due 3 March
    const b = await due('Bo', '2026-02-02'); // due today
    const c = await due('Cy', '2026-02-01'); // overdue (1 March)
    await due('Di', '2026-02-20'); // due 20 March: not yet
    const hidden = await due('Ed', '2026-02-04', false); // due 4 March, no care-team consent

    const page1 = await t.must('vaccinations.worklist', { list: 'due', limit: 1 }, doctor.token);
    expect(page1.rows.map((r) => [r.personId, r.nextDueOn, r.nextDose, r.vaccineCode])).toEqual([
      [b, TODAY, 2, 'mpox'],
    ]);
    expect(page1.rows[0]).toMatchObject({ nameUsed: 'Bo' });
    const page2 = await t.must(
      'vaccinations.worklist',
      { list: 'due', limit: 1, cursor: page1.nextCursor! },
      doctor.token,
    );
    expect(page2.rows.map((r) => r.personId)).toEqual([a]);
    expect(page2.nextCursor).toBeNull();
    const overdue = await t.must('vaccinations.worklist', { list: 'overdue' }, doctor.token);
    expect(overdue.rows.map((r) => r.personId)).toEqual([c]);
    expect(await t.must('vaccinations.worklistCounts', {}, doctor.token)).toEqual({ due: 2, overdue: 1 });

    // The nurse who started the course without consent sees it; the doctor does not.
    const nurseDue = await t.must('vaccinations.worklist', { list: 'due' }, nurse.token);
    expect(nurseDue.rows.map((r) => r.personId)).toEqual([b, a, hidden]);
    expect(await t.must('vaccinations.worklistCounts', {}, nurse.token)).toEqual({ due: 3, overdue: 1 });

    // Another site's list is empty; roles without the vaccines section are refused.
    const out = await t.must('vaccinations.worklist', { list: 'due', siteIds: [t.siteIds[1]] }, doctor.token);
    expect(out.rows).toEqual([]);
    const psy = await staff(t, 'paul', ['psychologist']);
    const refusedList = await t.call('vaccinations.worklist', { list: 'due' }, psy.token);
    expect(refusedList.ok ? null : refusedList.error.code).toBe('forbidden');
  });

  it('is one statement on the (status, site_id, next_due_on) index: no SCAN of the vaccine tables', async () => {
    const { t } = await centre();
    for (const list of ['due', 'overdue'] as const) {
      const store = t.core.ctx.vault.requireStore();
      const plan = await store.exclusive(async () => {
        const em = store.manager;
        const ranges = await rangesFor(em, t.clock.now(), t.siteIds, list);
        const [sql, params] = worklistSql(em, ranges, 'reader');
        const rows = await em.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`, params);
        return rows.map((r) => r.detail);
      });
      const text = plan.join('\n');
      expect(text, text).not.toMatch(/SCAN (vc|vaccine_course|vaccine_dose)\b/);
      expect(text, text).toMatch(/SEARCH vc USING INDEX \S+ \(status=\? AND site_id=\? AND next_due_on/);
    }
  });
});

describe('the vaccination certificate', () => {
  it('names the centre, the person, each dose with its lot and carer, the next dose, the issue date', async () => {
    const { t, nurse } = await centre();
    const p = await t.must(
      'persons.create',
      personInput(t, { nameUsed: 'Ana', legalName: 'Ana Martin', birthDate: '1990-05-14' }),
      nurse.token,
    );
    await t.must('persons.recordConsent', { personId: p.id, scope: 'care_team', given: true }, nurse.token);
    await t.must(
      'vaccinations.giveDose',
      dose(p.id, 'hepatitis_b', '2026-01-31', { lot: 'HB-778' }),
      nurse.token,
    );
    await t.must('vaccinations.giveDose', dose(p.id, 'mpox', '2026-01-10', { lot: 'MPX 01' }), nurse.token);
    await t.must('vaccinations.giveDose', dose(p.id, 'mpox', '2026-02-07', { lot: 'MPX 02' }), nurse.token);
    const pdf = await t.must('vaccinations.certificatePdf', { personId: p.id }, nurse.token);
    expect(pdf.filename).toBe(`certificat-vaccination-${p.fileNumber}.pdf`);
    // The title (large, bold: drawn with ligatures) is checked in the document's information.
    expect(Buffer.from(pdf.base64, 'base64').toString('latin1')).toContain('(Certificat de vaccination)');
    const text = pdfText(Buffer.from(pdf.base64, 'base64'));
    for (const line of [
      'SPOT Test',
      'Montpellier centre, Montpellier',
      'Nom : Ana Martin',
      'Date de naissance : 14/05/1990',
      'Mpox1/210/01/2026MPX 01nina (test)',
      'Mpox2/207/02/2026MPX 02nina (test)',
      'Hépatite B1/331/01/2026HB-778nina (test)',
      'Prochaine dose de Hépatite B : dose 2 à faire le 28/02/2026.',
      'Fait le 02/03/2026',
      'Signature et cachet',
    ])
      expect(text.replace(/ {2,}/g, ' ')).toContain(line);
    // The read is audited by the document's name (the person's access report says it was printed).
    const store = t.core.ctx.vault.requireStore();
    const audit = await store.exclusive(() =>
      store.manager.query<Array<{ target_type: string; target_id: string; section: string }>>(
        "SELECT target_type, target_id, section FROM audit_log WHERE action = 'read' AND target_type IS NOT NULL AND person_id = ?",
        [p.id],
      ),
    );
    expect(audit).toContainEqual({
      target_type: 'vaccination_certificate',
      target_id: p.id,
      section: 'vaccines',
    });
    const en = await t.must('vaccinations.certificatePdf', { personId: p.id, locale: 'en' }, nurse.token);
    expect(pdfText(Buffer.from(en.base64, 'base64'))).toContain(
      'Next Hepatitis B dose: dose 2 due on 28/02/2026.',
    );
  });
});
