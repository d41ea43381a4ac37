/**
 * Consultations on a real encrypted store: the doctor's consultation with diagnoses, ordered
 * samples and prescription; its refusals (each naming its field, each writing nothing); ending it
 * moves the visit in the same transaction; the specialist's notes; the printed prescription.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { personInput, reception, staff } from './helpers/reception';
import { pdfText } from './helpers/pdf-text';
import { importRecords as importInto } from './helpers/clinical';

async function setUp() {
  const t = await reception();
  const doctor = await staff(t, 'dr-morel', ['doctor']);
  const nurse = await staff(t, 'ines', ['nurse']);
  const p = await t.must(
    'persons.create',
    personInput(t, { nameUsed: 'Sacha', legalName: 'Alexandre Martin', birthDate: '1994-05-17' }),
    t.worker.token,
  );
  await t.must('persons.recordConsent', { personId: p.id, scope: 'care_team', given: true }, t.worker.token);
  const visit = await t.must(
    'visits.checkIn',
    { personId: p.id, siteId: t.siteIds[0] ?? '', step: 'waiting_doctor' },
    t.worker.token,
  );
  const store = t.core.ctx.vault.requireStore();
  const count = async (sql: string, ...params: unknown[]) =>
    Number((await store.manager.query<Array<{ n: number }>>(sql, params))[0]?.n ?? 0);
  return { t, doctor, nurse, p, visit, store, count };
}

function consultation(personId: string, at: Date, extra: Partial<ChannelInput<'consultations.save'>> = {}) {
  return {
    personId,
    heldAt: at.toISOString(),
    reason: 'Dépistage après rapport non protégé',
    history: 'PrEP à la demande depuis 2024',
    examination: 'Écoulement urétral',
    conclusion: 'Urétrite probable',
    ...extra,
  } satisfies ChannelInput<'consultations.save'>;
}

describe('consultations', () => {
  it('a doctor records notes, coded diagnoses, ordered samples (CT/NG per site) and a prescription', async () => {
    const { t, doctor, nurse, p, visit, count } = await setUp();
    const saved = await t.must(
      'consultations.save',
      consultation(p.id, t.clock.now(), {
        visitId: visit.id,
        diagnoses: ['A54', 'A56'],
        orderTests: [
          { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'throat' },
          { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'anus' },
          { testCode: 'hiv_trod' },
        ],
        prescription: {
          lines: [
            {
              drug: 'ceftriaxone',
              dose: '1 g',
              route: 'intramuscular',
              frequency: 'une fois',
              duration: '1 jour',
            },
          ],
          renewals: 0,
        },
      }),
      doctor.token,
    );
    expect(saved.consultation).toMatchObject({
      kind: 'gp',
      visitId: visit.id,
      siteId: t.siteIds[0],
      diagnoses: ['A54', 'A56'],
      endedAt: null,
      authorName: 'dr-morel (test)',
      prescription: { issuedOn: '2026-03-02', renewals: 0, prescriberName: 'dr-morel (test)' },
    });
    expect(saved.ordered).toEqual([
      { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'throat' },
      { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'anus' },
      { testCode: 'hiv_trod', anatomicalSite: null },
    ]);
    // The screenings capability holds them: ordered, in the day's screening, for the nurse.
    expect(
      await count("SELECT count(*) AS n FROM sample WHERE person_id = ? AND status = 'ordered'", p.id),
    ).toBe(3);

    // Re-saving with another diagnosis keeps the prescription and orders nothing again.
    const again = await t.must(
      'consultations.save',
      consultation(p.id, t.clock.now(), {
        id: saved.consultation.id,
        version: saved.consultation.version,
        visitId: visit.id,
        diagnoses: ['A54'],
        prescription: {
          lines: [
            {
              drug: 'ceftriaxone',
              dose: '1 g',
              route: 'intramuscular',
              frequency: 'une fois',
              duration: '1 jour',
            },
          ],
          renewals: 0,
        },
      }),
      doctor.token,
    );
    expect(again.consultation).toMatchObject({ diagnoses: ['A54'], version: 2 });
    expect(again.consultation.prescription?.version).toBe(1);
    expect(await count('SELECT count(*) AS n FROM sample WHERE person_id = ?', p.id)).toBe(3);

    // The nurse reads it (R on medical); the community worker may not.
    const read = await t.must('consultations.forPerson', { personId: p.id }, nurse.token);
    expect(read.items.map((c) => c.diagnoses)).toEqual([['A54']]);
    const worker = await t.must('consultations.forPerson', { personId: p.id }, t.worker.token);
    expect(worker).toMatchObject({ view: { status: 'forbidden' }, items: [] });
    expect((await t.call('consultations.save', consultation(p.id, t.clock.now()), nurse.token)).ok).toBe(
      false,
    );

    const timeline = await t.must('persons.timeline', { personId: p.id }, doctor.token);
    expect(
      timeline.items
        .filter((i) => i.section === 'medical')
        .map((i) => i.kind)
        .sort(),
    ).toEqual(['consultation', 'prescription']);
  });

  it('each bad input is refused next to its field and writes nothing', async () => {
    const { t, doctor, p, visit, count } = await setUp();
    const now = t.clock.now();
    const refusals: Array<[Partial<ChannelInput<'consultations.save'>>, string, string]> = [
      [{ diagnoses: ['A54', 'Z99.9'] }, 'diagnoses.1', 'unknown_diagnosis'],
      // Given twice: refused next to the second, never merged without a word.
      [{ diagnoses: ['A54', 'A56', 'A54'] }, 'diagnoses.2', 'diagnosis_twice'],
      // Prescription words are printed as typed: blank refused (nothing trimmed to make it so).
      [
        {
          prescription: {
            lines: [{ drug: '   ', dose: '1 g', route: null, frequency: 'une fois', duration: '1 jour' }],
            renewals: 0,
          },
        },
        'prescription.lines.0.drug',
        'required',
      ],
      [
        { orderTests: [{ testCode: 'ct_ng_pcr_poc' }] },
        'orderTests.0.anatomicalSite',
        'anatomical_site_required',
      ],
      [
        { orderTests: [{ testCode: 'hiv_trod', anatomicalSite: 'throat' }] },
        'orderTests.0.anatomicalSite',
        'anatomical_site_not_applicable',
      ],
      [
        {
          orderTests: [
            { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'urine' },
            { testCode: 'ct_ng_pcr_poc', anatomicalSite: 'urine' },
          ],
        },
        'orderTests.1.testCode',
        'test_ordered_twice',
      ],
      [{ heldAt: new Date(now.getTime() + 3600_000).toISOString() }, 'heldAt', 'date_in_future'],
      [{ heldAt: '1990-01-01T10:00:00Z' }, 'heldAt', 'before_birth'],
      [{ visitId: 'no-such-visit' }, 'visitId', 'unknown_visit'],
    ];
    for (const [extra, field, reason] of refusals) {
      const r = await t.call(
        'consultations.save',
        consultation(p.id, now, { orderTests: [{ testCode: 'hiv_trod' }], ...extra }),
        doctor.token,
      );
      expect(r.ok ? null : r.error, reason).toMatchObject({ code: 'validation', field, details: { reason } });
    }
    const emptyDrug = await t.call(
      'consultations.save',
      consultation(p.id, now, {
        prescription: {
          lines: [{ drug: '', dose: '1 g', route: null, frequency: 'x', duration: 'y' }],
          renewals: 0,
        },
      }),
      doctor.token,
    );
    expect(emptyDrug.ok ? null : emptyDrug.error).toMatchObject({ field: 'prescription.lines.0.drug' });
    // An end refused for a diagnosis leaves the visit where it was.
    const end = await t.call(
      'consultations.end',
      { ...consultation(p.id, now, { diagnoses: ['nope'] }), visitId: visit.id, nextStep: 'waiting_nurse' },
      doctor.token,
    );
    expect(end.ok ? null : end.error).toMatchObject({ field: 'diagnoses.0' });
    expect(await count('SELECT count(*) AS n FROM consultation')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM prescription')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM sample')).toBe(0);
    const board = await t.must('visits.board', { siteId: t.siteIds[0] ?? '' }, doctor.token);
    expect(board.rows[0]).toMatchObject({ id: visit.id, step: 'waiting_doctor', version: visit.version });
  });

  it('ending the consultation saves it and moves the visit to the next step in one transaction', async () => {
    const { t, doctor, p, visit, store, count } = await setUp();
    const called = await t.must(
      'visits.move',
      { visitId: visit.id, version: visit.version, step: 'with_doctor', withUserId: doctor.id },
      doctor.token,
    );
    t.clock.advance(5 * 60_000);
    const ended = await t.must(
      'consultations.end',
      {
        ...consultation(p.id, t.clock.now(), { diagnoses: ['A54'], orderTests: [{ testCode: 'hiv_trod' }] }),
        visitId: visit.id,
        nextStep: 'waiting_nurse',
      },
      doctor.token,
    );
    expect(ended.consultation.endedAt).toBe(t.clock.now().toISOString());
    const board = await t.must('visits.board', { siteId: t.siteIds[0] ?? '' }, doctor.token);
    expect(board.rows[0]).toMatchObject({
      step: 'waiting_nurse',
      withUserId: null,
      version: called.version + 1,
    });
    expect(
      await count(
        "SELECT count(*) AS n FROM visit_step WHERE visit_id = ? AND step = 'waiting_nurse'",
        visit.id,
      ),
    ).toBe(1);
    // Audited: the consultation (medical), the sample (tests) and the visit (pathway).
    const audit = await store.manager.query<Array<{ section: string; target_type: string }>>(
      "SELECT section, target_type FROM audit_log WHERE person_id = ? AND action IN ('create', 'update') AND actor_id = ?",
      [p.id, doctor.id],
    );
    expect(audit.map((a) => `${a.section}:${a.target_type}`)).toEqual(
      expect.arrayContaining(['medical:consultation', 'tests:sample', 'pathway:visit']),
    );

    // "Done" closes the visit; a closed visit cannot be ended again and nothing is written.
    const second = await t.must(
      'consultations.end',
      {
        ...consultation(p.id, t.clock.now()),
        id: ended.consultation.id,
        version: ended.consultation.version,
        visitId: visit.id,
        nextStep: 'done',
      },
      doctor.token,
    );
    expect(second.consultation.version).toBe(2);
    expect(
      await count('SELECT count(*) AS n FROM visit WHERE id = ? AND closed_at IS NOT NULL', visit.id),
    ).toBe(1);
    const closed = await t.call(
      'consultations.end',
      {
        ...consultation(p.id, t.clock.now()),
        id: ended.consultation.id,
        version: second.consultation.version,
        visitId: visit.id,
        nextStep: 'done',
      },
      doctor.token,
    );
    expect(closed.ok ? null : closed.error).toMatchObject({
      field: 'visitId',
      details: { reason: 'visit_closed' },
    });
    expect(await count('SELECT version AS n FROM consultation WHERE id = ?', ended.consultation.id)).toBe(2);
  });

  it('a specialist writes notes under a specialty of the catalogue; the policy table decides who reads them', async () => {
    const { t, doctor, nurse, p } = await setUp();
    const gyn = await staff(t, 'dr-gyn', ['specialist']);
    const unknown = await t.call(
      'consultations.saveSpecialist',
      { personId: p.id, kind: 'cardiology', heldAt: t.clock.now().toISOString(), conclusion: 'x' },
      gyn.token,
    );
    expect(unknown.ok ? null : unknown.error).toMatchObject({
      field: 'kind',
      details: { reason: 'unknown_specialty' },
    });
    const saved = await t.must(
      'consultations.saveSpecialist',
      {
        personId: p.id,
        kind: 'gynaecology',
        heldAt: t.clock.now().toISOString(),
        conclusion: 'Frottis à prévoir',
      },
      gyn.token,
    );
    expect(saved).toMatchObject({ kind: 'gynaecology', authorName: 'dr-gyn (test)' });
    // The doctor may read (R) but not write the specialist section.
    expect(
      (await t.must('consultations.specialistForPerson', { personId: p.id }, doctor.token)).items,
    ).toHaveLength(1);
    const write = await t.call(
      'consultations.saveSpecialist',
      { personId: p.id, kind: 'gynaecology', heldAt: t.clock.now().toISOString() },
      doctor.token,
    );
    expect(write.ok ? null : write.error).toMatchObject({ code: 'forbidden' });
    expect(
      (await t.must('consultations.specialistForPerson', { personId: p.id }, nurse.token)).items,
    ).toHaveLength(1);
    expect(
      (await t.must('consultations.specialistForPerson', { personId: p.id }, t.worker.token)).view.status,
    ).toBe('forbidden');
    // A specialist consultation is not in the doctor's tab, and the GP channel cannot edit it.
    expect((await t.must('consultations.forPerson', { personId: p.id }, doctor.token)).items).toEqual([]);
    const timeline = await t.must('persons.timeline', { personId: p.id }, nurse.token);
    expect(timeline.items.find((i) => i.kind === 'specialist_consultation')).toMatchObject({
      label: 'gynaecology',
    });
  });

  it('prints the French prescription with every required item, audited by its name', async () => {
    const { t, doctor, p, store } = await setUp();
    const saved = await t.must(
      'consultations.save',
      consultation(p.id, t.clock.now(), {
        prescription: {
          lines: [
            {
              drug: 'doxycycline',
              dose: '100 mg',
              route: 'oral',
              frequency: '2 fois par jour',
              duration: '7 jours',
            },
            {
              drug: 'ceftriaxone',
              dose: '1 g',
              route: 'intramuscular',
              frequency: 'une fois',
              duration: '1 jour',
            },
          ],
          renewals: 2,
        },
      }),
      doctor.token,
    );
    const prescriptionId = saved.consultation.prescription?.id ?? '';
    const missing = await t.call(
      'consultations.prescriptionPdf',
      { personId: p.id, prescriptionId },
      doctor.token,
    );
    expect(missing.ok ? null : missing.error).toMatchObject({
      code: 'validation',
      details: { reason: 'professional_number_required' },
    });

    await store.manager.query('UPDATE staff_user SET professional_number = ? WHERE id = ?', [
      '10101234567',
      doctor.id,
    ]);
    const pdf = await t.must(
      'consultations.prescriptionPdf',
      { personId: p.id, prescriptionId },
      doctor.token,
    );
    expect(pdf.filename).toBe(`ordonnance-${p.fileNumber}-2026-03-02.pdf`);
    const text = pdfText(Buffer.from(pdf.base64, 'base64'));
    for (const item of [
      'SPOT Test', // centre
      'Montpellier centre · Montpellier', // site
      'dr-morel (test) — Médecin', // prescriber, profession
      'N° RPPS / ADELI : 10101234567',
      'Le 02/03/2026', // date, site local
      'ORDONNANCE',
      'Patient·e : Alexandre Martin', // legal name before the name used
      'Né·e le 17/05/1994',
      'doxycycline',
      'Dose : 100 mg · Voie : Orale · Posologie : 2 fois par jour · Durée : 7 jours',
      'ceftriaxone',
      'Dose : 1 g · Voie : Intramusculaire · Posologie : une fois · Durée : 1 jour',
      'À renouveler 2 fois',
      'Signature du / de la prescripteur·rice',
    ])
      expect(text, item).toContain(item);
    expect(text).not.toContain('Sacha');

    const en = await t.must(
      'consultations.prescriptionPdf',
      { personId: p.id, prescriptionId, locale: 'en' },
      doctor.token,
    );
    expect(pdfText(Buffer.from(en.base64, 'base64'))).toContain('PRESCRIPTION');

    const audit = await store.manager.query<
      Array<{ target_type: string; target_id: string; section: string }>
    >(
      "SELECT target_type, target_id, section FROM audit_log WHERE action = 'read' AND target_type IS NOT NULL AND person_id = ?",
      [p.id],
    );
    expect(audit).toContainEqual({
      target_type: 'prescription_pdf',
      target_id: prescriptionId,
      section: 'medical',
    });
    // Another person's prescription is not found through this dossier.
    const other = await t.must('persons.create', personInput(t, { nameUsed: 'Autre' }), t.worker.token);
    await t.must(
      'persons.recordConsent',
      { personId: other.id, scope: 'care_team', given: true },
      t.worker.token,
    );
    const wrong = await t.call(
      'consultations.prescriptionPdf',
      { personId: other.id, prescriptionId },
      doctor.token,
    );
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'not_found' });
  });

  it('an imported consultation follows the screen’s rules, its diagnoses kept as a list', async () => {
    const { t, doctor, p, visit, count } = await setUp();
    const importRecords = (...records: object[]) => importInto(t, ...records);
    const record = {
      type: 'consultation',
      id: 'cs-import',
      personId: p.id,
      visitId: visit.id,
      siteId: t.siteIds[0],
      kind: 'gp',
      heldAt: '2026-03-01T10:00:00.000Z',
      diagnoses: ['A54', 'B18.2'],
      authorId: doctor.id,
    };
    expect(await importRecords({ ...record, diagnoses: ['A54', 'Z99'] })).toMatchObject([
      { field: 'diagnoses.1', reason: 'unknown_diagnosis' },
    ]);
    expect(await importRecords({ ...record, kind: 'cardiology' })).toMatchObject([
      { field: 'kind', reason: 'unknown_specialty' },
    ]);
    expect(await importRecords({ ...record, heldAt: '2030-01-01T10:00:00.000Z' })).toMatchObject([
      { field: 'heldAt', reason: 'date_in_future' },
    ]);
    expect(await count('SELECT count(*) AS n FROM consultation')).toBe(0);
    expect(await importRecords(record)).toEqual([]);
    const [read] = (await t.must('consultations.forPerson', { personId: p.id }, doctor.token)).items;
    expect(read).toMatchObject({ id: 'cs-import', diagnoses: ['A54', 'B18.2'] });
  });

  it("a merge moves the merged file's consultations, their diagnoses and prescriptions to the kept file", async () => {
    const { t, doctor, p } = await setUp();
    const other = await t.must('persons.create', personInput(t, { nameUsed: 'Sacha M.' }), t.worker.token);
    await t.must(
      'persons.recordConsent',
      { personId: other.id, scope: 'care_team', given: true },
      t.worker.token,
    );
    await t.must(
      'consultations.save',
      consultation(p.id, t.clock.now(), { diagnoses: ['A56'] }),
      doctor.token,
    );
    await t.must(
      'consultations.save',
      consultation(other.id, t.clock.now(), {
        diagnoses: ['A54'],
        prescription: {
          lines: [
            {
              drug: 'ceftriaxone',
              dose: '1 g',
              route: 'intramuscular',
              frequency: 'une fois',
              duration: '1 jour',
            },
          ],
        },
      }),
      doctor.token,
    );
    const kept = await t.must('persons.get', { id: p.id }, t.worker.token);
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
    const tab = await t.must('consultations.forPerson', { personId: p.id }, doctor.token);
    expect(tab.items.map((c) => [c.personId, c.diagnoses, c.prescription?.personId ?? null]).sort()).toEqual([
      [p.id, ['A54'], p.id],
      [p.id, ['A56'], null],
    ]);
  });
});
