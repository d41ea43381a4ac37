/**
 * Psychological support on a real encrypted store (docs/violence-care.md, slice 7, psychological
 * half): a psychologist records individual and group sessions with their private note (kept as
 * typed) and refers to a psychiatrist from the directory under the external-referral rule; every
 * refusal names its field and writes nothing. The notes are the psychologist's: a doctor or a
 * social worker reads them only once the person gave the `psy` consent, and before that learns
 * nothing — no note, no count, no timeline item, no alert.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { psySupportSection } from '../../electron/core/services/psy-support/dossier-section';
import { expectRefused, storeSnapshot } from './helpers/clinical';
import { personInput, reception, staff } from './helpers/reception';

type Centre = Awaited<ReturnType<typeof reception>>;

const NOTE = '  Reviviscences la nuit ;  évitement du quartier.\nParle de sa sœur. ';

/** The reception helper's clock: Monday 2026-03-02, 10:00 in Paris (09:00 UTC). */
async function chams() {
  const t = await reception();
  const psy = await staff(t, 'paula', ['psychologist']);
  const colleague = await staff(t, 'pierre', ['psychologist']);
  const doctor = await staff(t, 'dora', ['doctor']);
  const social = await staff(t, 'sara', ['social_worker']);
  const nurse = await staff(t, 'nina', ['nurse']);
  const psychiatrist = await t.must(
    'directory.save',
    { name: 'Dr Tazi, psychiatre', kind: 'professional', category: 'psychiatrist' },
    t.token,
  );
  const lawyer = await t.must(
    'directory.save',
    { name: 'Maître Benali', kind: 'professional', category: 'lawyer' },
    t.token,
  );
  return { t, psy, colleague, doctor, social, nurse, psychiatristId: psychiatrist.id, lawyerId: lawyer.id };
}

async function survivor(t: Centre, name = 'Salma'): Promise<string> {
  const p = await t.must('persons.create', personInput(t, { nameUsed: name }), t.worker.token);
  await t.must('persons.recordConsent', { personId: p.id, scope: 'care_team', given: true }, t.worker.token);
  return p.id;
}

const sharePsy = (t: Centre, personId: string, given = true) =>
  t.must('persons.recordConsent', { personId, scope: 'psy', given }, t.worker.token);

function session(
  personId: string,
  extra: Partial<ChannelInput<'psySupport.saveSession'>> = {},
): ChannelInput<'psySupport.saveSession'> {
  return { personId, kind: 'individual', heldAt: '2026-03-02T08:00:00.000Z', ...extra };
}

const ROWS_SQL =
  'SELECT (SELECT count(*) FROM audit_log) AS a, (SELECT group_concat(id || version) FROM psy_session) AS s, ' +
  '(SELECT group_concat(status || version) FROM psy_referral) AS r';

describe('psychological support', () => {
  it('records individual and group sessions, the private note exactly as typed; the tab lists sessions and referrals latest first', async () => {
    const { t, psy, colleague, psychiatristId } = await chams();
    const personId = await survivor(t);
    const first = await t.must(
      'psySupport.saveSession',
      session(personId, { durationMin: 50, privateNote: NOTE }),
      psy.token,
    );
    expect(first).toMatchObject({
      record: 'session',
      kind: 'individual',
      heldAt: '2026-03-02T08:00:00.000Z',
      psychologistId: psy.id,
      psychologistName: 'paula (test)',
      durationMin: 50,
      privateNote: NOTE,
      groupLabel: null,
      authorId: psy.id,
    });
    await t.must(
      'psySupport.saveSession',
      session(personId, {
        kind: 'group',
        groupLabel: 'Groupe de parole du jeudi',
        heldAt: '2026-02-26T17:00:00.000Z',
        psychologistId: colleague.id,
      }),
      psy.token,
    );
    // A correction keeps who recorded it and bumps the version.
    const corrected = await t.must(
      'psySupport.saveSession',
      session(personId, { id: first.id, version: first.version, durationMin: 45, privateNote: NOTE }),
      psy.token,
    );
    expect(corrected).toMatchObject({ durationMin: 45, version: first.version + 1, authorId: psy.id });
    await t.must(
      'persons.recordConsent',
      { personId, scope: 'external_referral', given: true },
      t.worker.token,
    );
    await t.must(
      'psySupport.refer',
      { personId, entryId: psychiatristId, reason: 'Idées noires persistantes' },
      psy.token,
    );

    // The psychologists hold the notes: no `psy` consent needed to read them.
    const tab = await t.must('psySupport.forPerson', { personId }, colleague.token);
    expect(tab.view).toMatchObject({ status: 'shown', hiddenCount: 0 });
    expect(
      tab.items.map((i) =>
        i.record === 'session' ? [i.kind, i.heldAt, i.privateNote] : [i.record, i.entryName],
      ),
    ).toEqual([
      ['referral', 'Dr Tazi, psychiatre'],
      ['individual', '2026-03-02T08:00:00.000Z', NOTE],
      ['group', '2026-02-26T17:00:00.000Z', null],
    ]);
  });

  it('a doctor without the `psy` consent never gets session notes (nor their count, nor via timeline/alerts)', async () => {
    const { t, psy, doctor, social, nurse, psychiatristId } = await chams();
    const personId = await survivor(t);
    const untouched = await survivor(t, 'Nadia');
    await t.must('psySupport.saveSession', session(personId, { privateNote: NOTE }), psy.token);
    await t.must(
      'psySupport.refer',
      {
        personId,
        entryId: psychiatristId,
        reason: 'Idées noires persistantes',
        overrideReason: 'Urgence, accord oral de la personne',
      },
      psy.token,
    );

    const seenBy = async (token: string, id: string) => ({
      tab: await t.must('psySupport.forPerson', { personId: id }, token),
      dossier: await t.must('persons.dossier', { id }, token),
      timeline: await t.must('persons.timeline', { personId: id }, token),
    });
    for (const reader of [doctor, social]) {
      const seen = await seenBy(reader.token, personId);
      expect(seen.tab).toEqual({
        view: { section: 'psy', status: 'hidden_consent', scope: 'psy', via: null, hiddenCount: 0 },
        items: [],
      });
      expect(JSON.stringify(seen)).not.toContain('Reviviscences');
      expect(JSON.stringify(seen)).not.toContain('Idées noires');
      expect(seen.timeline.items.filter((i) => i.section === 'psy')).toEqual([]);
      expect(seen.dossier.alerts).toEqual([]);
      // The same as a person with no psychological follow-up at all: the count is the secret.
      const nothing = await seenBy(reader.token, untouched);
      expect(seen.tab).toEqual(nothing.tab);
      expect(seen.dossier.sections.find((s) => s.section === 'psy')).toEqual(
        nothing.dossier.sections.find((s) => s.section === 'psy'),
      );
    }
    // A nurse's work never includes it; the doctor reads but never writes it.
    expect((await t.must('psySupport.forPerson', { personId }, nurse.token)).view.status).toBe('forbidden');
    const write = await t.call('psySupport.saveSession', session(personId), doctor.token);
    expect(write.ok ? null : write.error.code).toBe('forbidden');

    await sharePsy(t, personId);
    const shared = await t.must('psySupport.forPerson', { personId }, doctor.token);
    expect(shared.view.status).toBe('shown');
    expect(shared.items.flatMap((i) => (i.record === 'session' ? [i.privateNote] : [i.reason]))).toEqual([
      'Idées noires persistantes',
      NOTE,
    ]);
    // Her timeline now shows the session and the referral, by their kind and status only.
    const timeline = await t.must('persons.timeline', { personId }, doctor.token);
    expect(timeline.items.filter((i) => i.section === 'psy').map((i) => [i.kind, i.label, i.detail])).toEqual(
      [
        ['psy_referral', 'proposed', null],
        ['psy_session', 'individual', null],
      ],
    );
    expect(JSON.stringify(timeline)).not.toContain('Reviviscences');

    // A withdrawal hides them again.
    await sharePsy(t, personId, false);
    expect((await t.must('psySupport.forPerson', { personId }, doctor.token)).items).toEqual([]);
  });

  it('refuses, writing nothing and naming the field', async () => {
    const { t, psy, doctor, psychiatristId, lawyerId } = await chams();
    const personId = await survivor(t);
    const other = await survivor(t, 'Nadia');
    const tab = () => t.must('psySupport.forPerson', { personId }, psy.token);
    const refused = <C extends 'psySupport.saveSession' | 'psySupport.refer' | 'psySupport.updateReferral'>(
      channel: C,
      input: ChannelInput<C>,
      field: string,
      reason: string,
    ) => expectRefused(t, channel, input, psy.token, { field, reason }, { rowsSql: ROWS_SQL, tab });

    // One minute after the clock's now.
    await refused(
      'psySupport.saveSession',
      session(personId, { heldAt: '2026-03-02T09:01:00.000Z' }),
      'heldAt',
      'date_in_future',
    );
    await refused(
      'psySupport.saveSession',
      session(personId, { kind: 'group' }),
      'groupLabel',
      'group_label_required',
    );
    await refused(
      'psySupport.saveSession',
      session(personId, { groupLabel: 'Groupe du jeudi' }),
      'groupLabel',
      'group_label_individual',
    );
    await refused(
      'psySupport.saveSession',
      session(personId, { kind: 'group', groupLabel: '   ' }),
      'groupLabel',
      'text_required',
    );
    await refused(
      'psySupport.saveSession',
      session(personId, { privateNote: '  \n ' }),
      'privateNote',
      'text_required',
    );
    await refused(
      'psySupport.saveSession',
      session(personId, { psychologistId: doctor.id }),
      'psychologistId',
      'psychologist_required',
    );
    const elsewhere = await t.must('psySupport.saveSession', session(other), psy.token);
    await refused(
      'psySupport.saveSession',
      session(personId, { id: elsewhere.id, version: elsewhere.version }),
      'id',
      'unknown_psy_session',
    );

    const referral = { personId, entryId: psychiatristId, reason: 'Avis psychiatrique' };
    await refused(
      'psySupport.refer',
      { ...referral, entryId: lawyerId },
      'entryId',
      'entry_category_mismatch',
    );
    await refused('psySupport.refer', { ...referral, reason: '  ' }, 'reason', 'text_required');
    const noConsent = await t.call('psySupport.refer', referral, psy.token);
    expect(noConsent.ok ? null : noConsent.error).toMatchObject({
      code: 'consent_required',
      field: 'overrideReason',
      details: { scope: 'external_referral' },
    });
    const theirs = await t.must(
      'psySupport.refer',
      { ...referral, personId: other, overrideReason: 'Urgence, accord oral de la personne' },
      psy.token,
    );
    await refused(
      'psySupport.updateReferral',
      { personId, id: theirs.id, version: theirs.version, status: 'attended' },
      'id',
      'unknown_psy_referral',
    );
    expect(
      await storeSnapshot(
        t,
        `SELECT (SELECT count(*) FROM psy_session WHERE person_id = '${personId}') AS s, ` +
          `(SELECT count(*) FROM psy_referral WHERE person_id = '${personId}') AS r`,
      ),
    ).toBe('[{"s":0,"r":0}]');
  });

  it('a psychiatric referral goes ahead with a written reason, then follows its status, appointment and feedback', async () => {
    const { t, psy, psychiatristId } = await chams();
    const personId = await survivor(t);
    const made = await t.must(
      'psySupport.refer',
      {
        personId,
        entryId: psychiatristId,
        reason: 'Idées noires persistantes',
        overrideReason: 'Urgence, accord oral de la personne',
      },
      psy.token,
    );
    expect(made).toMatchObject({
      record: 'referral',
      status: 'proposed',
      referredAt: '2026-03-02T09:00:00.000Z',
      overrideReason: 'Urgence, accord oral de la personne',
      feedback: null,
    });
    const booked = await t.must(
      'psySupport.updateReferral',
      {
        personId,
        id: made.id,
        version: made.version,
        status: 'appointment',
        appointmentAt: '2026-03-09T14:30:00.000Z',
      },
      psy.token,
    );
    const attended = await t.must(
      'psySupport.updateReferral',
      {
        personId,
        id: booked.id,
        version: booked.version,
        status: 'attended',
        feedback: ' Traitement débuté ',
      },
      psy.token,
    );
    expect(attended).toMatchObject({
      status: 'attended',
      appointmentAt: '2026-03-09T14:30:00.000Z',
      feedback: ' Traitement débuté ',
      version: 3,
    });
    const stale = await t.call(
      'psySupport.updateReferral',
      { personId, id: made.id, version: made.version, status: 'missed' },
      psy.token,
    );
    expect(stale.ok ? null : stale.error.code).toBe('conflict');
  });

  it('a merge moves the sessions and referrals, notes untouched, to the file kept', async () => {
    const { t, psy, psychiatristId } = await chams();
    const personId = await survivor(t);
    const kept = await t.must('persons.create', personInput(t, { nameUsed: 'Salma B' }), t.worker.token);
    await t.must('psySupport.saveSession', session(personId, { privateNote: NOTE }), psy.token);
    await t.must(
      'psySupport.refer',
      {
        personId,
        entryId: psychiatristId,
        reason: 'Avis psychiatrique',
        overrideReason: 'Urgence, accord oral de la personne',
      },
      psy.token,
    );
    const merged = await t.must('persons.get', { id: personId }, t.token);
    await t.must(
      'persons.merge',
      {
        survivorId: kept.id,
        mergedId: personId,
        survivorVersion: kept.version,
        mergedVersion: merged.version,
      },
      t.token,
    );
    const tab = await t.must('psySupport.forPerson', { personId: kept.id }, psy.token);
    expect(tab.items.map((i) => (i.record === 'session' ? i.privateNote : i.reason))).toEqual([
      'Avis psychiatrique',
      NOTE,
    ]);
  });

  it('a psychologist who moved to the social team keeps only the sessions she recorded (no consent); the note is never loaded with the dossier', async () => {
    const { t, psy, colleague } = await chams();
    const personId = await survivor(t);
    await t.must('psySupport.saveSession', session(personId, { privateNote: 'La mienne' }), psy.token);
    await t.must(
      'psySupport.saveSession',
      session(personId, { heldAt: '2026-03-01T08:00:00.000Z', privateNote: 'La sienne' }),
      colleague.token,
    );
    const { items } = await t.must('users.list', { query: 'paula' }, t.token);
    const paula = items.find((u) => u.id === psy.id)!;
    await t.must(
      'users.update',
      {
        id: paula.id,
        version: paula.version,
        displayName: paula.displayName,
        roles: ['social_worker'],
        siteIds: paula.siteIds,
      },
      t.token,
    );
    const again = await t.must('auth.login', { username: 'paula', password: 'Nouveau-Mot-de-passe-2026' });
    const own = await t.must('psySupport.forPerson', { personId }, again.token);
    expect(own.view).toMatchObject({ status: 'own_only', hiddenCount: 0 });
    expect(own.items.map((i) => (i.record === 'session' ? i.privateNote : null))).toEqual(['La mienne']);

    // Opening a dossier loads every section: the session rows come without their note.
    const store = t.core.ctx.vault.requireStore();
    const { rows } = await store.transaction((em) => psySupportSection.load(em, personId));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).not.toHaveProperty('privateNote');
  });
});
