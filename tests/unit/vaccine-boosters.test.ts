/**
 * Vaccine boosters (docs/clinical-pathway.md section 15): domain.md gives no booster for the shipped
 * vaccines, so the catalogue carries an optional `boosterAfterMonths` that none of the defaults
 * sets. Where a centre sets one, a complete course has its booster due that many calendar months
 * after the last dose (month ends clamped, leap days kept, DST never moving a date), the booster is
 * recorded into that course, and it is on the tab, the alert and the vaccine worklist.
 */
process.env.TZ = 'Europe/Paris';

import { describe, expect, it } from 'vitest';
import { DEFAULT_VACCINE_CATALOGUE, type VaccineSchedule } from '../../shared/domain/clinical-catalogues';
import { nextVaccineDose, vaccineDoseRefusal } from '../../shared/domain/schedules';
import { clinicalCentre, consentingPerson } from './helpers/clinical';
import { FakeClock, startCore, tempDir } from './helpers/core';
import { pdfText } from './helpers/pdf-text';

const { hpv, hepatitis_b: hepB } = DEFAULT_VACCINE_CATALOGUE;
const withBooster = (schedule: VaccineSchedule, months: number): VaccineSchedule => ({
  ...schedule,
  boosterAfterMonths: months,
});

describe('the booster rule of the catalogue', () => {
  it('is set for no shipped vaccine (domain.md gives none): a complete course has nothing due', () => {
    for (const schedule of Object.values(DEFAULT_VACCINE_CATALOGUE))
      expect(schedule.boosterAfterMonths, schedule.code).toBeUndefined();
    expect(nextVaccineDose(hepB, ['2026-01-31', '2026-02-28', '2026-07-31'])).toEqual({
      status: 'complete',
      doses: 3,
    });
    expect(vaccineDoseRefusal(hepB, ['2026-01-31', '2026-02-28', '2026-07-31'], '2027-07-31')).toBe(
      'vaccine_schedule_complete',
    );
  });

  it('puts the booster that many calendar months after the last dose: month ends, leap years, DST', () => {
    const hpv6 = withBooster(hpv, 6);
    // 31 August + 6 months = the last day of February (2027: the 28th; 2028: the 29th).
    expect(nextVaccineDose(hpv6, ['2026-02-28', '2026-04-30', '2026-08-31'])).toEqual({
      status: 'complete',
      doses: 3,
      boosterDueOn: '2027-02-28',
    });
    expect(nextVaccineDose(hpv6, ['2027-02-28', '2027-04-30', '2027-08-31'])).toMatchObject({
      boosterDueOn: '2028-02-29',
    });
    const hepB12 = withBooster(hepB, 12);
    // 29 February + 12 months = 28 February; a booster is followed by the next one.
    expect(nextVaccineDose(hepB12, ['2027-08-29', '2027-09-29', '2028-02-29'])).toMatchObject({
      boosterDueOn: '2029-02-28',
    });
    expect(nextVaccineDose(hepB12, ['2027-08-29', '2027-09-29', '2028-02-29', '2029-03-01'])).toEqual({
      status: 'complete',
      doses: 4,
      boosterDueOn: '2030-03-01',
    });
    // Last dose on the spring and autumn DST Sundays in Paris: the same calendar day a year on.
    expect(nextVaccineDose(hepB12, ['2025-09-29', '2025-10-29', '2026-03-29'])).toMatchObject({
      boosterDueOn: '2027-03-29',
    });
    expect(nextVaccineDose(hepB12, ['2026-04-25', '2026-05-25', '2026-10-25'])).toMatchObject({
      boosterDueOn: '2027-10-25',
    });
    // A booster is recorded, not refused as "past a complete schedule"; the same day still is.
    expect(vaccineDoseRefusal(hepB12, ['2027-08-29', '2027-09-29', '2028-02-29'], '2029-02-28')).toBeNull();
    expect(vaccineDoseRefusal(hepB12, ['2027-08-29', '2027-09-29', '2028-02-29'], '2028-02-29')).toBe(
      'vaccine_dose_same_day',
    );
  });
});

describe('a centre that sets a booster', () => {
  it('shows the booster due on the course and the alert, lists it on the worklist, and records it into the course', async () => {
    // The clock: 2026-03-02 10:00 Paris; the course is completed a year earlier.
    const clock = new FakeClock();
    const { t, nurse, doctor } = await clinicalCentre(await startCore(tempDir(), clock));
    const current = await t.must('catalogues.current', {}, t.token);
    const vaccines = current.catalogues.find((c) => c.catalogue === 'vaccines');
    await t.must(
      'catalogues.save',
      {
        catalogue: 'vaccines',
        version: vaccines?.version ?? 0,
        content: { ...DEFAULT_VACCINE_CATALOGUE, hepatitis_b: withBooster(hepB, 12) },
        reason: 'Rappel annuel (protocole du centre)',
      },
      t.token,
    );
    const p = await consentingPerson(t, nurse.token, 'Ana');
    for (const givenOn of ['2024-08-31', '2024-09-30', '2025-02-28'])
      await t.must(
        'vaccinations.giveDose',
        { personId: p, vaccineCode: 'hepatitis_b', givenOn, lot: 'HB-1' },
        nurse.token,
      );
    const [course] = (await t.must('vaccinations.forPerson', { personId: p }, nurse.token)).items;
    expect(course).toMatchObject({ status: 'complete', nextDose: 4, nextDueOn: '2026-02-28' });

    // Two days overdue: the dossier's alert and the overdue list.
    const dossier = await t.must('persons.dossier', { id: p }, nurse.token);
    expect(dossier.alerts).toContainEqual(
      expect.objectContaining({ kind: 'vaccine_dose_due', dueOn: '2026-02-28' }),
    );
    const overdue = await t.must('vaccinations.worklist', { list: 'overdue' }, doctor.token);
    expect(overdue.rows.map((r) => [r.personId, r.vaccineCode, r.nextDose, r.nextDueOn, r.booster])).toEqual([
      [p, 'hepatitis_b', 4, '2026-02-28', true],
    ]);
    expect((await t.must('vaccinations.worklistCounts', {}, doctor.token)).overdue).toBe(1);
    // The certificate says the booster is the next dose to give.
    const certificate = await t.must('vaccinations.certificatePdf', { personId: p }, nurse.token);
    expect(pdfText(Buffer.from(certificate.base64, 'base64')).replace(/ {2,}/g, ' ')).toContain(
      'Rappel de Hépatite B à faire le 28/02/2026.',
    );

    // The booster goes into the complete course; the next one is a year after it.
    await t.must(
      'vaccinations.giveDose',
      { personId: p, vaccineCode: 'hepatitis_b', givenOn: '2026-03-02', lot: 'HB-R1' },
      nurse.token,
    );
    const courses = (await t.must('vaccinations.forPerson', { personId: p }, nurse.token)).items;
    expect(courses).toHaveLength(1);
    expect(courses[0]).toMatchObject({ status: 'complete', nextDose: 5, nextDueOn: '2027-03-02' });
    expect(courses[0].doses.map((d) => [d.doseNumber, d.givenOn])).toEqual([
      [1, '2024-08-31'],
      [2, '2024-09-30'],
      [3, '2025-02-28'],
      [4, '2026-03-02'],
    ]);
    expect((await t.must('vaccinations.worklist', { list: 'overdue' }, doctor.token)).rows).toEqual([]);
  });
});

describe('a schedule edited while courses are under way', () => {
  it('moves their due dates with it, in the same save: a booster added, a dose brought forward, a booster removed', async () => {
    // The clock: 2026-03-02 10:00 Paris.
    const clock = new FakeClock();
    const { t, nurse, doctor } = await clinicalCentre(await startCore(tempDir(), clock));
    const saveVaccines = async (content: typeof DEFAULT_VACCINE_CATALOGUE) => {
      const current = await t.must('catalogues.current', {}, t.token);
      const version = current.catalogues.find((c) => c.catalogue === 'vaccines')?.version ?? 0;
      await t.must(
        'catalogues.save',
        { catalogue: 'vaccines', version, content, reason: 'Protocole' },
        t.token,
      );
    };
    const give = (personId: string, vaccineCode: 'hepatitis_b' | 'hpv', givenOn: string) =>
      t.must('vaccinations.giveDose', { personId, vaccineCode, givenOn, lot: 'L-1' }, nurse.token);
    const courseOf = async (personId: string) =>
      (await t.must('vaccinations.forPerson', { personId }, nurse.token)).items[0];

    const complete = await consentingPerson(t, nurse.token, 'Complète');
    for (const givenOn of ['2024-08-31', '2024-09-30', '2025-02-28'])
      await give(complete, 'hepatitis_b', givenOn);
    const started = await consentingPerson(t, nurse.token, 'Commencé');
    await give(started, 'hpv', '2026-01-20'); // dose 2 due 20 March (2 months)
    const stopped = await consentingPerson(t, nurse.token, 'Arrêté');
    await give(stopped, 'hpv', '2026-01-10');
    const stoppedCourse = await courseOf(stopped);
    await t.must(
      'vaccinations.stopCourse',
      {
        personId: stopped,
        courseId: stoppedCourse.id,
        version: stoppedCourse.version,
        stoppedOn: '2026-02-01',
        reason: 'Refus',
      },
      nurse.token,
    );
    expect(await courseOf(complete)).toMatchObject({ status: 'complete', nextDueOn: null });
    expect(await courseOf(started)).toMatchObject({
      status: 'in_progress',
      nextDose: 2,
      nextDueOn: '2026-03-20',
    });

    // A yearly hepatitis B booster, and HPV's second dose at one month.
    await saveVaccines({
      ...DEFAULT_VACCINE_CATALOGUE,
      hepatitis_b: withBooster(hepB, 12),
      hpv: { ...hpv, doses: [{ months: 0 }, { months: 1 }, { months: 6 }] },
    });
    expect(await courseOf(complete)).toMatchObject({
      status: 'complete',
      nextDose: 4,
      nextDueOn: '2026-02-28',
    });
    expect(await courseOf(started)).toMatchObject({
      status: 'in_progress',
      nextDose: 2,
      nextDueOn: '2026-02-20',
    });
    expect(await courseOf(stopped)).toMatchObject({ status: 'stopped', nextDueOn: null });
    const overdue = await t.must('vaccinations.worklist', { list: 'overdue' }, doctor.token);
    expect(overdue.rows.map((r) => [r.personId, r.nextDueOn]).sort()).toEqual(
      [
        [complete, '2026-02-28'],
        [started, '2026-02-20'],
      ].sort(),
    );

    // The booster rule withdrawn: the complete course has nothing due again.
    await saveVaccines({
      ...DEFAULT_VACCINE_CATALOGUE,
      hpv: { ...hpv, doses: [{ months: 0 }, { months: 1 }, { months: 6 }] },
    });
    expect(await courseOf(complete)).toMatchObject({ status: 'complete', nextDose: null, nextDueOn: null });
    expect((await t.must('vaccinations.worklistCounts', {}, doctor.token)).overdue).toBe(1);
  });
});
