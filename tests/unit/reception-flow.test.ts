import { describe, expect, it } from 'vitest';
import { personInput, reception, staff } from './helpers/reception';

const HOUR = 3600_000;

describe('a walk-in at reception', () => {
  it('checks in, gets an interview with a 30 h old exposure: PEP alert, first on the board, needs become next steps', async () => {
    const t = await reception();
    const site = t.siteIds[0];
    const regular = await t.must('persons.create', personInput(t, { nameUsed: 'Régulier' }), t.worker.token);
    await t.must('visits.checkIn', { personId: regular.id, siteId: site }, t.worker.token);
    t.clock.advance(5 * 60_000);
    const p = await t.must('persons.create', personInput(t, { nameUsed: 'Jo' }), t.worker.token);
    await t.must(
      'persons.recordConsent',
      { personId: p.id, scope: 'care_team', given: true },
      t.worker.token,
    );
    const visit = await t.must('visits.checkIn', { personId: p.id, siteId: site }, t.worker.token);
    const again = await t.call('visits.checkIn', { personId: p.id, siteId: site }, t.worker.token);
    expect(again.ok ? null : again.error).toMatchObject({ code: 'validation', field: 'personId' });

    const called = await t.must(
      'visits.move',
      { visitId: visit.id, version: visit.version, step: 'in_interview' },
      t.worker.token,
    );
    expect(called.withUserId).toBe(t.worker.id);
    const now = t.clock.now();
    const interview = await t.must(
      'interviews.save',
      {
        personId: p.id,
        visitId: visit.id,
        heldAt: now.toISOString(),
        lastRiskAt: new Date(now.getTime() - 30 * HOUR).toISOString(),
        exposures: ['anal_receptive'],
        needs: ['screening', 'prep'],
        summary: 'Rapport non protégé il y a 30 h, demande dépistage et PrEP',
      },
      t.worker.token,
    );
    expect(interview).toMatchObject({ pepAlert: true, hoursSinceRisk: 30 });
    const board = await t.must('visits.board', { siteId: site }, t.worker.token);
    expect(board.rows.map((r) => r.nameUsed)).toEqual(['Jo', 'Régulier']);
    expect(board.rows[0]).toMatchObject({
      priority: 'pep_72h',
      nextSteps: ['screening', 'prep', 'pep'],
      step: 'in_interview',
    });

    const doctor = await staff(t, 'dr-house', ['doctor']);
    const dossier = await t.must('persons.dossier', { id: p.id }, doctor.token);
    const interviews = await t.must('interviews.forPerson', { personId: p.id }, doctor.token);
    expect(interviews.items[0]?.summary).toBe('Rapport non protégé il y a 30 h, demande dépistage et PrEP');
    expect(dossier.alerts[0]).toMatchObject({ kind: 'pep_72h', hoursLeft: 42 });
    expect(dossier.openVisit?.id).toBe(visit.id);
  });

  it('a person called who was not there goes back into the queue, keeping their place', async () => {
    const t = await reception();
    const site = t.siteIds[0];
    const first = await t.must('persons.create', personInput(t, { nameUsed: 'Premier' }), t.worker.token);
    const second = await t.must('persons.create', personInput(t, { nameUsed: 'Second' }), t.worker.token);
    const v1 = await t.must('visits.checkIn', { personId: first.id, siteId: site }, t.worker.token);
    t.clock.advance(60_000);
    await t.must('visits.checkIn', { personId: second.id, siteId: site }, t.worker.token);
    const called = await t.must(
      'visits.move',
      { visitId: v1.id, version: v1.version, step: 'in_interview' },
      t.worker.token,
    );
    const back = await t.must('visits.requeue', { visitId: v1.id, version: called.version }, t.worker.token);
    expect(back).toMatchObject({ step: 'waiting_interview', requeued: 1, withUserId: null });
    const board = await t.must('visits.board', { siteId: site }, t.worker.token);
    expect(board.rows.map((r) => r.nameUsed)).toEqual(['Premier', 'Second']);
    const stale = await t.call(
      'visits.move',
      { visitId: v1.id, version: called.version, step: 'done' },
      t.worker.token,
    );
    expect(stale.ok ? null : stale.error.code).toBe('conflict');
    const done = await t.must(
      'visits.move',
      { visitId: v1.id, version: back.version, step: 'done' },
      t.worker.token,
    );
    expect(done.closedAt).not.toBeNull();
    expect(
      (await t.must('visits.board', { siteId: site }, t.worker.token)).rows.map((r) => r.nameUsed),
    ).toEqual(['Second']);
  });
});

describe('consent', () => {
  it('withdrawing care_team hides the interview from the nurse with a plain notice, the author still sees it, and it is audited', async () => {
    const t = await reception();
    const nurse = await staff(t, 'nina', ['nurse']);
    const p = await t.must('persons.create', personInput(t), t.worker.token);
    await t.must(
      'persons.recordConsent',
      { personId: p.id, scope: 'care_team', given: true },
      t.worker.token,
    );
    await t.must(
      'interviews.save',
      { personId: p.id, heldAt: t.clock.now().toISOString(), summary: 'résumé' },
      t.worker.token,
    );
    expect((await t.must('interviews.forPerson', { personId: p.id }, nurse.token)).items).toHaveLength(1);

    t.clock.advance(60_000);
    const consents = await t.must(
      'persons.recordConsent',
      { personId: p.id, scope: 'care_team', given: false, note: 'ne souhaite plus partager' },
      t.worker.token,
    );
    expect(consents.current.find((c) => c.scope === 'care_team')).toMatchObject({
      given: false,
      recordedByName: 'kasey (test)',
    });
    expect(consents.history.map((h) => h.given)).toEqual([false, true]);

    const hidden = await t.must('persons.dossier', { id: p.id }, nurse.token);
    expect((await t.must('interviews.forPerson', { personId: p.id }, nurse.token)).items).toEqual([]);
    expect(hidden.sections.find((s) => s.section === 'interview')).toMatchObject({
      status: 'hidden_consent',
      scope: 'care_team',
      hiddenCount: 1,
    });
    const author = await t.must('persons.dossier', { id: p.id }, t.worker.token);
    expect((await t.must('interviews.forPerson', { personId: p.id }, t.worker.token)).items).toHaveLength(1);
    expect(author.sections.find((s) => s.section === 'interview')?.status).toBe('own_only');

    const log = await t.must('persons.accessLog', { personId: p.id }, t.worker.token);
    expect(
      log.entries.filter((e) => e.action === 'read' && e.section === 'interview').map((e) => e.userName),
    ).toEqual(expect.arrayContaining(['nina (test)', 'kasey (test)']));
  });

  it('break the glass: a written reason opens the hidden section for an hour, audited', async () => {
    const t = await reception();
    const doctor = await staff(t, 'doc', ['doctor']);
    const p = await t.must('persons.create', personInput(t), t.worker.token);
    await t.must(
      'interviews.save',
      { personId: p.id, heldAt: t.clock.now().toISOString(), summary: 'urgence' },
      t.worker.token,
    );
    expect((await t.must('interviews.forPerson', { personId: p.id }, doctor.token)).items).toEqual([]);
    const tooShort = await t.call('persons.breakGlass', { personId: p.id, reason: 'urgent' }, doctor.token);
    expect(tooShort.ok ? null : tooShort.error).toMatchObject({ code: 'validation', field: 'reason' });
    await t.must(
      'persons.breakGlass',
      { personId: p.id, reason: 'Malaise en salle d’attente, besoin des antécédents' },
      doctor.token,
    );
    const open = await t.must('persons.dossier', { id: p.id }, doctor.token);
    expect((await t.must('interviews.forPerson', { personId: p.id }, doctor.token)).items).toHaveLength(1);
    expect(open.sections.find((s) => s.section === 'interview')?.via).toBe('break_glass');
    t.clock.advance(61 * 60_000);
    // An hour idle also locked the session: unlocking does not renew the emergency access.
    await t.must('auth.unlock', { password: 'Nouveau-Mot-de-passe-2026' }, doctor.token);
    expect((await t.must('interviews.forPerson', { personId: p.id }, doctor.token)).items).toEqual([]);
    await t.must('auth.unlock', { password: 'Coordination-2026!' }, t.token);
    const audit = await t.must('audit.list', { action: 'break_glass', page: 1, pageSize: 5 }, t.token);
    expect(audit.items[0]).toMatchObject({
      personId: p.id,
      reason: 'Malaise en salle d’attente, besoin des antécédents',
    });
  });

  it('prints a consent form and the access report as PDFs', async () => {
    const t = await reception();
    const p = await t.must('persons.create', personInput(t), t.worker.token);
    const form = await t.must('persons.consentForm', { personId: p.id }, t.worker.token);
    expect(Buffer.from(form.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(form.filename).toBe(`consentement-${p.fileNumber}.pdf`);
    const report = await t.must('persons.accessLogPdf', { personId: p.id }, t.worker.token);
    expect(Buffer.from(report.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('referrals', () => {
  it('an external referral needs the external_referral consent or a written, audited override', async () => {
    const t = await reception();
    const p = await t.must('persons.create', personInput(t), t.worker.token);
    await t.must(
      'persons.recordConsent',
      { personId: p.id, scope: 'care_team', given: true },
      t.worker.token,
    );
    const entry = await t.must(
      'directory.save',
      {
        name: 'CeGIDD Montpellier',
        kind: 'organisation',
        category: 'cegidd',
        city: 'Montpellier',
        friendliness: ['lgbtqi'],
      },
      t.worker.token,
    );
    expect(entry.lastVerifiedAt).not.toBeNull();
    const refused = await t.call(
      'directory.refer',
      { personId: p.id, entryId: entry.id, reason: 'Confirmation VIH' },
      t.worker.token,
    );
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'consent_required',
      field: 'overrideReason',
    });
    const forced = await t.must(
      'directory.refer',
      {
        personId: p.id,
        entryId: entry.id,
        reason: 'Confirmation VIH',
        overrideReason: 'Accord oral de la personne, formulaire à signer',
      },
      t.worker.token,
    );
    expect(forced.overrideReason).toBe('Accord oral de la personne, formulaire à signer');
    const updated = await t.must(
      'directory.updateReferral',
      { id: forced.id, version: forced.version, status: 'attended', feedback: 'Vu le 12' },
      t.worker.token,
    );
    expect(updated).toMatchObject({ status: 'attended', feedback: 'Vu le 12' });
    await t.must(
      'persons.recordConsent',
      { personId: p.id, scope: 'external_referral', given: true },
      t.worker.token,
    );
    const plain = await t.must(
      'directory.refer',
      { personId: p.id, entryId: entry.id, reason: 'Suivi' },
      t.worker.token,
    );
    expect(plain.overrideReason).toBeNull();
    const audit = await t.must(
      'audit.list',
      { personId: p.id, action: 'create', page: 1, pageSize: 50 },
      t.token,
    );
    expect(audit.items.some((e) => e.reason === 'Accord oral de la personne, formulaire à signer')).toBe(
      true,
    );
  });
});
