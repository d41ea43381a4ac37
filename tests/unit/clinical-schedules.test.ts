/**
 * The clinical follow-up schedules give the date a nurse would give: month ends clamp to the last
 * day of the month, leap days are kept when they exist, and a daylight-saving change never moves a
 * date. The process runs in Europe/Paris (each unit test file has its own process), so the DST
 * cases cross real transitions (last Sundays of March and October); one block also reruns the key
 * dates under other process zones.
 */
process.env.TZ = 'Europe/Paris';

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIAGNOSES,
  DEFAULT_PREP_FOLLOW_UP,
  DEFAULT_TEST_CATALOGUE,
  DEFAULT_TREATMENTS,
  DEFAULT_VACCINE_CATALOGUE,
  INFECTIONS,
  TEST_CODES,
} from '../../shared/domain/clinical-catalogues';
import {
  addCalendar,
  classifyFollowUp,
  daysBetween,
  earliestNextDose,
  nextPrepFollowUp,
  nextVaccineDose,
  parseCalendarDate,
  siteToday,
  vaccineDoseRefusal,
} from '../../shared/domain/schedules';

const { hpv, hepatitis_a: hepA, hepatitis_b: hepB, mpox } = DEFAULT_VACCINE_CATALOGUE;

describe('calendar arithmetic', () => {
  it('clamps a month added to a month end to the last day of the shorter month', () => {
    expect(addCalendar('2026-01-31', { months: 1 })).toBe('2026-02-28');
    expect(addCalendar('2028-01-31', { months: 1 })).toBe('2028-02-29');
    expect(addCalendar('2026-11-30', { months: 3 })).toBe('2027-02-28');
    expect(addCalendar('2027-11-30', { months: 3 })).toBe('2028-02-29');
    expect(addCalendar('2026-08-31', { months: 1 })).toBe('2026-09-30');
  });

  it('keeps the leap day only where it exists', () => {
    expect(addCalendar('2028-02-29', { months: 12 })).toBe('2029-02-28');
    expect(addCalendar('2028-02-29', { months: 3 })).toBe('2028-05-29');
    expect(addCalendar('2028-02-28', { days: 1 })).toBe('2028-02-29');
    expect(addCalendar('2027-02-28', { days: 1 })).toBe('2027-03-01');
  });

  it('never shifts a date across the Paris daylight-saving changes', () => {
    // Summer time starts on Sunday 29 March 2026, ends on Sunday 25 October 2026.
    expect(addCalendar('2026-03-28', { days: 1 })).toBe('2026-03-29');
    expect(addCalendar('2026-03-29', { days: 1 })).toBe('2026-03-30');
    expect(addCalendar('2026-03-15', { days: 28 })).toBe('2026-04-12');
    expect(addCalendar('2026-10-24', { days: 1 })).toBe('2026-10-25');
    expect(addCalendar('2026-10-25', { days: 1 })).toBe('2026-10-26');
    expect(addCalendar('2026-10-10', { days: 28 })).toBe('2026-11-07');
    expect(addCalendar('2026-02-28', { months: 1 })).toBe('2026-03-28');
    expect(addCalendar('2026-03-29', { months: 1 })).toBe('2026-04-29');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it("takes today's date from the site's zone, on both sides of a DST change", () => {
    expect(siteToday(new Date('2026-03-28T23:30:00Z'), 'Europe/Paris')).toBe('2026-03-29');
    expect(siteToday(new Date('2026-03-29T21:30:00Z'), 'Europe/Paris')).toBe('2026-03-29');
    expect(siteToday(new Date('2026-03-29T22:30:00Z'), 'Europe/Paris')).toBe('2026-03-30');
    expect(siteToday(new Date('2026-10-24T22:30:00Z'), 'Europe/Paris')).toBe('2026-10-25');
    expect(siteToday(new Date('2026-10-25T22:30:00Z'), 'Europe/Paris')).toBe('2026-10-25');
    expect(siteToday(new Date('2026-10-25T23:30:00Z'), 'Europe/Paris')).toBe('2026-10-26');
    expect(siteToday(new Date('2026-10-25T23:30:00Z'), 'Europe/London')).toBe('2026-10-25');
  });

  it('gives the same dates whatever zone the process itself runs in', () => {
    const zones = ['UTC', 'America/Santiago', 'America/Sao_Paulo', 'Pacific/Chatham', 'Europe/Paris'];
    for (const zone of zones) {
      process.env.TZ = zone;
      expect(addCalendar('2026-01-31', { months: 1 }), zone).toBe('2026-02-28');
      expect(addCalendar('2026-03-28', { days: 2 }), zone).toBe('2026-03-30');
      // Chile's clocks jump at midnight (6 Sep 2026): the day still exists.
      expect(addCalendar('2026-09-05', { days: 1 }), zone).toBe('2026-09-06');
      expect(addCalendar('2026-09-05', { days: 2 }), zone).toBe('2026-09-07');
      expect(addCalendar('2026-10-10', { days: 28 }), zone).toBe('2026-11-07');
    }
    expect(process.env.TZ).toBe('Europe/Paris');
  });

  it('reads only real calendar dates', () => {
    expect(parseCalendarDate('2028-02-29')).not.toBeNull();
    expect(parseCalendarDate('2027-02-29')).toBeNull();
    expect(parseCalendarDate('2026-13-01')).toBeNull();
    expect(parseCalendarDate('1/2/2026')).toBeNull();
    expect(() => addCalendar('2026-02-30', { days: 1 })).toThrow(RangeError);
  });
});

describe('PrEP follow-up', () => {
  it('is due one month after the start while no follow-up has been made', () => {
    expect(nextPrepFollowUp({ startedOn: '2026-12-01' })).toBe('2027-01-01');
    expect(nextPrepFollowUp({ startedOn: '2026-01-31' })).toBe('2026-02-28');
    expect(nextPrepFollowUp({ startedOn: '2028-01-31' })).toBe('2028-02-29');
    // The initiation visit on the start day is not a follow-up.
    expect(nextPrepFollowUp({ startedOn: '2026-03-29', lastFollowUpOn: '2026-03-29' })).toBe('2026-04-29');
  });

  it('is due every three months after the last follow-up actually made', () => {
    expect(nextPrepFollowUp({ startedOn: '2026-01-05', lastFollowUpOn: '2026-02-05' })).toBe('2026-05-05');
    // Came late (due 5 May, seen 20 May): the next one counts from the visit.
    expect(nextPrepFollowUp({ startedOn: '2026-01-05', lastFollowUpOn: '2026-05-20' })).toBe('2026-08-20');
    expect(nextPrepFollowUp({ startedOn: '2026-10-30', lastFollowUpOn: '2026-11-30' })).toBe('2027-02-28');
    expect(nextPrepFollowUp({ startedOn: '2027-10-30', lastFollowUpOn: '2027-11-30' })).toBe('2028-02-29');
    expect(nextPrepFollowUp({ startedOn: '2027-12-15', lastFollowUpOn: '2028-02-29' })).toBe('2028-05-29');
  });

  it('restarts the count at a restart', () => {
    expect(nextPrepFollowUp({ startedOn: '2026-09-10', lastFollowUpOn: null })).toBe('2026-10-10');
  });

  it('follows the configured intervals', () => {
    const rules = { ...DEFAULT_PREP_FOLLOW_UP, firstAfterMonths: 2, everyMonths: 6 };
    expect(nextPrepFollowUp({ startedOn: '2025-12-31' }, rules)).toBe('2026-02-28');
    expect(nextPrepFollowUp({ startedOn: '2026-01-01', lastFollowUpOn: '2026-08-31' }, rules)).toBe(
      '2027-02-28',
    );
  });
});

describe('PrEP worklist classification (due 15 January 2026, lost from 15 April)', () => {
  const due = '2026-01-15';
  it.each([
    ['2026-01-01', 'not_yet_due'],
    ['2026-01-08', 'not_yet_due'],
    ['2026-01-09', 'due_this_week'],
    ['2026-01-14', 'due_this_week'],
    ['2026-01-15', 'due_this_week'],
    ['2026-01-16', 'overdue'],
    ['2026-04-14', 'overdue'],
    ['2026-04-15', 'lost_to_follow_up'],
    ['2026-04-16', 'lost_to_follow_up'],
    ['2026-05-15', 'lost_to_follow_up'],
  ])('on %s it is %s', (today, state) => {
    expect(classifyFollowUp(due, today)).toBe(state);
  });

  it('counts "three months after" a month-end due date as a nurse does', () => {
    expect(classifyFollowUp('2026-11-30', '2027-02-27')).toBe('overdue');
    expect(classifyFollowUp('2026-11-30', '2027-02-28')).toBe('lost_to_follow_up');
    expect(classifyFollowUp('2027-11-30', '2028-02-28')).toBe('overdue');
    expect(classifyFollowUp('2027-11-30', '2028-02-29')).toBe('lost_to_follow_up');
  });

  it('counts the week across a DST change in whole days', () => {
    expect(classifyFollowUp('2026-03-30', '2026-03-23')).toBe('not_yet_due');
    expect(classifyFollowUp('2026-03-30', '2026-03-24')).toBe('due_this_week');
    expect(classifyFollowUp('2026-10-31', '2026-10-25')).toBe('due_this_week');
  });

  it('follows the configured thresholds', () => {
    const rules = { ...DEFAULT_PREP_FOLLOW_UP, lostAfterMonths: 1, dueSoonDays: 14 };
    expect(classifyFollowUp(due, '2026-01-02', rules)).toBe('due_this_week');
    expect(classifyFollowUp(due, '2026-02-14', rules)).toBe('overdue');
    expect(classifyFollowUp(due, '2026-02-15', rules)).toBe('lost_to_follow_up');
  });

  it('PrEP started today is due in one month and not yet on the week list', () => {
    const dueOn = nextPrepFollowUp({ startedOn: '2026-12-01' });
    expect(dueOn).toBe('2027-01-01');
    expect(classifyFollowUp(dueOn, '2026-12-01')).toBe('not_yet_due');
  });
});

describe('next vaccine dose', () => {
  it('has nothing due before a first dose', () => {
    expect(nextVaccineDose(hpv, [])).toEqual({ status: 'not_started' });
  });

  it('HPV: 0, 2, 6 months counted from the first dose', () => {
    expect(nextVaccineDose(hpv, ['2026-12-31'])).toEqual({
      status: 'due',
      dose: 2,
      dueOn: '2027-02-28',
    });
    expect(nextVaccineDose(hpv, ['2026-12-31', '2027-02-28'])).toEqual({
      status: 'due',
      dose: 3,
      dueOn: '2027-06-30',
    });
    expect(nextVaccineDose(hpv, ['2026-12-31', '2027-02-28', '2027-06-30'])).toEqual({
      status: 'complete',
      doses: 3,
    });
  });

  it('HPV: a late second dose pushes the third so the gap stays four months', () => {
    expect(nextVaccineDose(hpv, ['2026-01-10', '2026-04-05'])).toMatchObject({
      dose: 3,
      dueOn: '2026-08-05',
    });
    // Doses listed out of order are read in date order.
    expect(nextVaccineDose(hpv, ['2026-04-05', '2026-01-10'])).toMatchObject({
      dose: 3,
      dueOn: '2026-08-05',
    });
  });

  it('hepatitis A: second dose from 6 months, at the latest 12 months, after the first', () => {
    expect(nextVaccineDose(hepA, ['2026-01-31'])).toEqual({
      status: 'due',
      dose: 2,
      dueOn: '2026-07-31',
      latestOn: '2027-01-31',
    });
    expect(nextVaccineDose(hepA, ['2027-08-31'])).toMatchObject({
      dueOn: '2028-02-29',
      latestOn: '2028-08-31',
    });
    expect(nextVaccineDose(hepA, ['2026-01-31', '2026-08-01'])).toEqual({
      status: 'complete',
      doses: 2,
    });
  });

  it('hepatitis B: 0, 1, 6 months', () => {
    expect(nextVaccineDose(hepB, ['2026-01-31'])).toEqual({
      status: 'due',
      dose: 2,
      dueOn: '2026-02-28',
    });
    expect(nextVaccineDose(hepB, ['2026-01-31', '2026-02-28'])).toEqual({
      status: 'due',
      dose: 3,
      dueOn: '2026-07-31',
    });
    expect(nextVaccineDose(hepB, ['2028-02-29', '2028-03-29'])).toMatchObject({
      dueOn: '2028-08-29',
    });
  });

  it('mpox: second dose 28 days after the first, across the DST change', () => {
    expect(nextVaccineDose(mpox, ['2026-03-15'])).toEqual({
      status: 'due',
      dose: 2,
      dueOn: '2026-04-12',
    });
    expect(nextVaccineDose(mpox, ['2028-02-10'])).toMatchObject({ dueOn: '2028-03-09' });
    expect(nextVaccineDose(mpox, ['2026-03-15', '2026-04-12'])).toEqual({
      status: 'complete',
      doses: 2,
    });
  });

  it('mpox: one dose is enough after a smallpox vaccination', () => {
    expect(nextVaccineDose(mpox, ['2026-03-15'], { smallpoxVaccinated: true })).toEqual({
      status: 'complete',
      doses: 1,
    });
  });
});

describe('recording a vaccine dose', () => {
  it('refuses a second dose of the same vaccine on the same day', () => {
    expect(vaccineDoseRefusal(hepB, ['2026-03-02'], '2026-03-02')).toBe('vaccine_dose_same_day');
  });

  it('accepts the next dose once its interval is reached, and another vaccine the same day', () => {
    expect(vaccineDoseRefusal(hepB, ['2026-03-02'], '2026-04-02')).toBeNull();
    expect(vaccineDoseRefusal(hpv, [], '2026-03-02')).toBeNull();
  });

  it("refuses a dose before the catalogue's minimum interval since the last dose (mpox: 28 days)", () => {
    expect(vaccineDoseRefusal(mpox, ['2026-03-15'], '2026-04-11')).toBe('vaccine_dose_too_early');
    expect(vaccineDoseRefusal(mpox, ['2026-03-15'], '2026-04-12')).toBeNull();
    // Across the spring DST Sunday (29 March 2026) the count is still in calendar days.
    expect(vaccineDoseRefusal(mpox, ['2026-03-01'], '2026-03-28')).toBe('vaccine_dose_too_early');
    expect(vaccineDoseRefusal(mpox, ['2026-03-01'], '2026-03-29')).toBeNull();
    // Autumn DST Sunday (25 October 2026) between two mpox doses.
    expect(earliestNextDose(mpox, ['2026-10-10'])).toBe('2026-11-07');
    // A dose dated before the last one given is too early as well.
    expect(vaccineDoseRefusal(hepB, ['2026-03-02'], '2026-02-01')).toBe('vaccine_dose_too_early');
  });

  it('records a dose given before it was due where the catalogue sets no minimum interval', () => {
    expect(earliestNextDose(hepB, [])).toBeNull();
    // HBV dose 2 is due on 28 February after 31 January (month end clamped), but a dose given
    // earlier was given: it is recorded as it happened, and the next due date follows from it.
    expect(nextVaccineDose(hepB, ['2026-01-31'])).toMatchObject({ dose: 2, dueOn: '2026-02-28' });
    expect(earliestNextDose(hepB, ['2026-01-31'])).toBe('2026-02-01');
    expect(vaccineDoseRefusal(hepB, ['2026-01-31'], '2026-02-20')).toBeNull();
    expect(vaccineDoseRefusal(hepB, ['2026-03-02'], '2026-03-03')).toBeNull();
    expect(earliestNextDose(hpv, ['2026-08-31', '2026-10-31'])).toBe('2026-11-01');
  });

  it('refuses a dose past a complete schedule and a date that does not exist', () => {
    expect(vaccineDoseRefusal(mpox, ['2026-03-15', '2026-04-12'], '2026-05-01')).toBe(
      'vaccine_schedule_complete',
    );
    expect(vaccineDoseRefusal(mpox, ['2026-03-15'], '2026-05-01', { smallpoxVaccinated: true })).toBe(
      'vaccine_schedule_complete',
    );
    expect(vaccineDoseRefusal(hpv, [], '2027-02-29')).toBe('invalid_date');
  });
});

describe('default catalogues (domain.md)', () => {
  it('lists every test once, keyed by its own code', () => {
    expect(Object.keys(DEFAULT_TEST_CATALOGUE).sort()).toEqual([...TEST_CODES].sort());
    for (const code of TEST_CODES) expect(DEFAULT_TEST_CATALOGUE[code].code).toBe(code);
  });

  it('asks for a confirmation of a reactive rapid test, and only of those', () => {
    const confirmed = TEST_CODES.filter((c) => DEFAULT_TEST_CATALOGUE[c].reactiveNeedsConfirmation);
    expect(confirmed).toEqual(['hiv_trod', 'hcv_trod', 'hbv_trod']);
  });

  it('takes CT/NG one sample per site and reads CT and NG separately', () => {
    const ctng = DEFAULT_TEST_CATALOGUE.ct_ng_pcr_poc;
    expect(ctng.sites).toEqual(['throat', 'anus', 'urine', 'vagina']);
    expect(ctng.result).toEqual({ type: 'per_target', targets: ['chlamydia', 'gonorrhoea'] });
  });

  it('treats gonorrhoea with ceftriaxone 1 g IM once and refers HIV / HCV', () => {
    expect(DEFAULT_TREATMENTS.gonorrhoea).toMatchObject({
      drug: 'ceftriaxone',
      dose: '1 g',
      route: 'intramuscular',
      durationDays: 1,
    });
    expect(DEFAULT_TREATMENTS.chlamydia).toMatchObject({
      drug: 'doxycycline',
      timesPerDay: 2,
      durationDays: 7,
    });
    expect(DEFAULT_TREATMENTS.hiv).toEqual({ kind: 'referral', to: 'hospital_service' });
    expect(DEFAULT_TREATMENTS.hcv).toEqual({ kind: 'referral', to: 'hospital_service' });
  });
});

describe('coded diagnoses (ICD-10)', () => {
  it('codes each infection of the catalogue, each code once, in the ICD-10 shape', () => {
    const codes = DEFAULT_DIAGNOSES.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z][0-9]{2}(\.[0-9])?$/);
    const coded = new Set(DEFAULT_DIAGNOSES.flatMap((d) => ('infection' in d ? [d.infection] : [])));
    expect([...coded].sort()).toEqual([...INFECTIONS].sort());
    expect(DEFAULT_DIAGNOSES.find((d) => d.code === 'A54')).toMatchObject({ infection: 'gonorrhoea' });
    expect(DEFAULT_DIAGNOSES.find((d) => d.code === 'B04')).toMatchObject({ infection: 'mpox' });
  });
});
