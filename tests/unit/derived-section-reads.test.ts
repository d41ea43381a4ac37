/**
 * Facts one capability shows from another section reach only readers of that section, and each
 * read that shows them is audited as a read of that section too (issue 10 review), on a real
 * encrypted store: the PrEP baseline checklist (which tests were sampled around the start) is a
 * read of `tests` beside the `prep` read.
 */
import { describe, expect, it } from 'vitest';
import { clinicalCentre, consentingPerson } from './helpers/clinical';
import { staff, type Centre } from './helpers/reception';

/** The test clock starts on 2026-03-02 at 10:00 in Paris. */
const TODAY = '2026-03-02';

/** The read entries of one reader on one person, as `section:part` (part from the detail, if any). */
async function readsOf(t: Centre, actorId: string, personId: string): Promise<string[]> {
  const store = t.core.ctx.vault.requireStore();
  const rows = await store.exclusive(() =>
    store.manager.query<Array<{ section: string; detail: string | null }>>(
      "SELECT section, detail FROM audit_log WHERE actor_id = ? AND person_id = ? AND action = 'read' ORDER BY seq",
      [actorId, personId],
    ),
  );
  return rows.map((r) => {
    const part = (JSON.parse(r.detail ?? '{}') as { part?: string }).part;
    return part ? `${r.section}:${part}` : r.section;
  });
}

describe('the PrEP baseline checklist is a read of tests', () => {
  it('shown to a reader of tests and audited as tests and prep; hidden and not audited as tests for a reader who sees only their own episode', async () => {
    const { t, nurse, doctor, siteId } = await clinicalCentre();
    const personId = await consentingPerson(t, nurse.token, 'Bilan');
    await t.must(
      'screenings.saveSamples',
      {
        personId,
        siteId,
        takenAt: new Date(t.clock.now().getTime() - 10 * 86_400_000).toISOString(),
        add: [{ testCode: 'hiv_serology_lab' }],
      },
      nurse.token,
    );
    await t.must('prep.start', { personId, siteId, startedOn: TODAY, regimen: 'daily' }, nurse.token);

    // The doctor reads prep and tests: the checklist, and a tests read beside the prep read.
    const forDoctor = await t.must('prep.forPerson', { personId }, doctor.token);
    expect(forDoctor.items[0].baseline?.find((b) => b.testCode === 'hiv_serology_lab')?.state).toBe('done');
    expect(await readsOf(t, doctor.id, personId)).toEqual(['prep', 'tests:prep_baseline']);
    // The nurse who started the episode saw the checklist in the answer: a tests read too.
    expect(await readsOf(t, nurse.id, personId)).toContain('tests:prep_baseline');

    // Consent withdrawn: the nurse still sees the episode she started, not the checklist, and her
    // read is not audited as one of tests.
    t.clock.advance(60_000);
    await t.must('persons.recordConsent', { personId, scope: 'care_team', given: false }, nurse.token);
    const before = (await readsOf(t, nurse.id, personId)).length;
    const own = await t.must('prep.forPerson', { personId }, nurse.token);
    expect(own.view.status).toBe('own_only');
    expect(own.items[0].baseline).toBeNull();
    expect((await readsOf(t, nurse.id, personId)).slice(before)).toEqual(['prep']);
  });
});

describe('the coordination’s board counts', () => {
  it('do not count a positive to treat as a priority (a tests fact); a PEP still counts', async () => {
    const { t, nurse, siteId } = await clinicalCentre();
    const positive = await consentingPerson(t, nurse.token, 'Positif');
    const at = t.clock.now().toISOString();
    const { samples } = await t.must(
      'screenings.saveSamples',
      {
        personId: positive,
        siteId,
        takenAt: at,
        add: [{ testCode: 'ct_ng_pcr_poc', anatomicalSite: 'anus' }],
      },
      nurse.token,
    );
    await t.must(
      'screenings.saveResult',
      {
        personId: positive,
        sampleId: samples[0].id,
        value: { type: 'per_target', targets: { chlamydia: 'not_detected', gonorrhoea: 'detected' } },
        resultedAt: at,
      },
      nurse.token,
    );
    const visit = await t.must('visits.checkIn', { personId: positive, siteId }, nurse.token);
    expect(visit.priority).toBe('positive_to_treat');
    expect((await t.must('visits.summary', { siteId }, t.token)).priorities).toBe(0);

    const pep = await consentingPerson(t, nurse.token, 'Exposition');
    await t.must('visits.checkIn', { personId: pep, siteId, priority: 'pep_72h' }, nurse.token);
    expect((await t.must('visits.summary', { siteId }, t.token)).priorities).toBe(1);
  });
});

describe('a visit’s priority reason in the pathway tab and in the answer of a change', () => {
  it('is audited as a read of tests where shown (positive to treat); not for a reader who sees an ordinary visit', async () => {
    const { t, nurse, doctor, siteId } = await clinicalCentre();
    const personId = await consentingPerson(t, nurse.token, 'Positif');
    const at = t.clock.now().toISOString();
    const { samples } = await t.must(
      'screenings.saveSamples',
      { personId, siteId, takenAt: at, add: [{ testCode: 'ct_ng_pcr_poc', anatomicalSite: 'anus' }] },
      nurse.token,
    );
    await t.must(
      'screenings.saveResult',
      {
        personId,
        sampleId: samples[0].id,
        value: { type: 'per_target', targets: { chlamydia: 'not_detected', gonorrhoea: 'detected' } },
        resultedAt: at,
      },
      nurse.token,
    );
    await t.must('visits.checkIn', { personId, siteId }, t.worker.token);

    const tab = await t.must('visits.forPerson', { personId }, doctor.token);
    expect(tab.items[0].priority).toBe('positive_to_treat');
    expect(await readsOf(t, doctor.id, personId)).toEqual(['pathway', 'tests:visit']);

    const moved = await t.must(
      'visits.move',
      { visitId: tab.items[0].id, version: tab.items[0].version, step: 'waiting_doctor' },
      doctor.token,
    );
    expect(moved.priority).toBe('positive_to_treat');
    expect((await readsOf(t, doctor.id, personId)).slice(2)).toEqual(['tests:visit']);

    const psy = await staff(t, 'pia', ['psychologist']);
    const forPsy = await t.must('visits.forPerson', { personId }, psy.token);
    expect(forPsy.items[0].priority).toBe('normal');
    expect(await readsOf(t, psy.id, personId)).toEqual(['pathway']);
  });
});

describe('the open visit in the dossier header', () => {
  it('its priority reason (a PEP raised at the desk: an interview fact) is audited as a read of interview with the summary', async () => {
    const { t, doctor, siteId } = await clinicalCentre();
    const personId = await consentingPerson(t, t.worker.token, 'Urgence');
    await t.must('visits.checkIn', { personId, siteId, priority: 'pep_72h' }, t.worker.token);
    const dossier = await t.must('persons.dossier', { id: personId }, doctor.token);
    expect(dossier.openVisit?.priority).toBe('pep_72h');
    expect(await readsOf(t, doctor.id, personId)).toContain('interview:summary');

    // A reader of no interview sees a plain priority: nothing of interview was shown.
    const lawyer = await staff(t, 'lou', ['legal']);
    const forLawyer = await t.must('persons.dossier', { id: personId }, lawyer.token);
    expect(forLawyer.openVisit?.priority).toBe('priority');
    expect((await readsOf(t, lawyer.id, personId)).filter((r) => r.startsWith('interview'))).toEqual([]);
  });
});
