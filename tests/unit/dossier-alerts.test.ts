/**
 * Nothing derived from a section reaches a reader who may not read that section: the dossier's
 * alerts, a visit's priority reason and next steps — in the dossier's header, the pathway tab, the
 * board and the answer to a change. Expectations come from the policy table, for every role and
 * every alert kind, on a person who shares everything and one who withdrew the care-team consent.
 */
import { describe, expect, it } from 'vitest';
import { SCOPE_HOLDERS, SECTION_POLICY, SECTION_SCOPE } from '../../shared/domain/access-policy';
import { ROLES, type ConsentScope, type Role, type Section } from '../../shared/domain/roles';
import { personInput, reception, staff } from './helpers/reception';

/** The section each alert kind is derived from. */
const ALERT_SECTION = {
  pep_72h: 'interview',
  never_contact: 'identity',
  open_visit_elsewhere: 'pathway',
  vaccine_dose_due: 'vaccines',
  result_to_give: 'tests',
  confirmation_pending: 'tests',
  positive_to_treat: 'tests',
  violence_72h: 'violence',
  safety_plan_review_due: 'case_plan',
  legal_hearing_soon: 'legal',
} as const satisfies Record<string, Section>;

function mayRead(role: Role, section: Section, consents: ReadonlySet<ConsentScope>): boolean {
  if (SECTION_POLICY[section][role] === 'none') return false;
  const scope = SECTION_SCOPE[section];
  return scope === null || consents.has(scope) || (SCOPE_HOLDERS[scope] ?? []).includes(role);
}

/** `assault`: each person also told of an assault the same night (its protocol raises the visit). */
async function eveningWithAnExposure({ assault = true } = {}) {
  const t = await reception();
  const seed = await staff(t, 'seed', ['community_worker', 'nurse']);
  const social = await staff(t, 'seed-social', ['social_worker']);
  const [main, outreach] = t.siteIds;
  const risk = new Date(t.clock.now().getTime() - 30 * 3600_000).toISOString();
  const persons: Array<{ id: string; visitId: string; consents: Set<ConsentScope> }> = [];
  for (const withdrawn of [false, true]) {
    // Filed at the outreach site, seen tonight at the centre: an open visit elsewhere.
    const p = await t.must(
      'persons.create',
      personInput(t, {
        nameUsed: withdrawn ? 'Sans partage' : 'Partage',
        siteId: outreach,
        contact: { channels: [], neverContact: true },
      }),
      seed.token,
    );
    const consents = new Set<ConsentScope>(['care_team', 'social_legal', 'psy']);
    for (const scope of consents)
      await t.must('persons.recordConsent', { personId: p.id, scope, given: true }, seed.token);
    if (withdrawn) {
      t.clock.advance(60_000);
      await t.must('persons.recordConsent', { personId: p.id, scope: 'care_team', given: false }, seed.token);
      consents.delete('care_team');
    }
    const visit = await t.must('visits.checkIn', { personId: p.id, siteId: main }, seed.token);
    await t.must(
      'interviews.save',
      {
        personId: p.id,
        visitId: visit.id,
        heldAt: t.clock.now().toISOString(),
        lastRiskAt: risk,
        needs: ['screening'],
        summary: 'Exposition',
      },
      seed.token,
    );
    // A reactive HIV rapid test: its result is to give and its confirmation is pending.
    const { samples } = await t.must(
      'screenings.saveSamples',
      {
        personId: p.id,
        siteId: main,
        visitId: visit.id,
        takenAt: t.clock.now().toISOString(),
        add: [{ testCode: 'hiv_trod' }],
      },
      seed.token,
    );
    await t.must(
      'screenings.saveResult',
      {
        personId: p.id,
        sampleId: samples[0].id,
        value: { type: 'reactivity', reactivity: 'reactive' },
        resultedAt: t.clock.now().toISOString(),
      },
      seed.token,
    );
    // A first mpox dose 27 days ago: the second is due tomorrow.
    await t.must(
      'vaccinations.giveDose',
      { personId: p.id, vaccineCode: 'mpox', givenOn: '2026-02-03', lot: 'MPX-1' },
      seed.token,
    );
    // An assault an hour after the exposure, told to the social worker: its 72-hour protocol is open.
    const assaultAt = new Date(Date.parse(risk) + 3600_000).toISOString();
    if (assault)
      await t.must(
        'violence.saveIncident',
        {
          personId: p.id,
          occurredOn: assaultAt.slice(0, 10),
          occurredAt: assaultAt,
          placeKind: 'client_place',
          seedTypes: ['rape_individual'],
          gbvimsType: 'rape',
        },
        social.token,
      );
    // A case plan whose safety plan was never reviewed: a review is due during tonight's visit.
    if (assault) await t.must('casePlans.open', { personId: p.id }, social.token);
    // A civil-registration procedure whose hearing is in two days: "due this week".
    if (assault) {
      const procedure = await t.must(
        'legal.saveProcedure',
        { personId: p.id, type: 'child_civil_registration', openedOn: '2026-02-20' },
        social.token,
      );
      await t.must(
        'legal.saveHearing',
        {
          personId: p.id,
          procedureId: procedure.id,
          startsAt: new Date(t.clock.now().getTime() + 48 * 3600_000).toISOString(),
          place: 'Tribunal',
        },
        social.token,
      );
    }
    persons.push({ id: p.id, visitId: visit.id, consents });
  }
  const users = new Map<Role, { token: string }>();
  for (const role of ROLES) users.set(role, await staff(t, `u-${role}`, [role]));
  return { t, seed, main, risk, persons, users };
}

describe('alerts and priority reasons follow the access of the section they come from', () => {
  it('every alert kind, for every role, on a person sharing everything and one who withdrew care_team', async () => {
    const { t, risk, persons, users } = await eveningWithAnExposure();
    const mismatches: string[] = [];
    for (const person of persons) {
      for (const role of ROLES) {
        const dossier = await t.must('persons.dossier', { id: person.id }, users.get(role)!.token);
        const kinds = new Set(dossier.alerts.map((a) => a.kind));
        for (const [kind, section] of Object.entries(ALERT_SECTION)) {
          const want = mayRead(role, section, person.consents);
          if (kinds.has(kind as keyof typeof ALERT_SECTION) !== want)
            mismatches.push(
              `${role} ${want ? 'misses' : 'receives'} ${kind} (care_team ${person.consents.has('care_team')})`,
            );
        }
        // Not the reason, not the time of exposure, anywhere in what the reader receives.
        if (!mayRead(role, 'interview', person.consents)) {
          const text = JSON.stringify(dossier);
          if (text.includes(risk) || text.includes('pep') || text.includes('screening'))
            mismatches.push(`${role} receives a clinical detail of the interview in the dossier header`);
          if (dossier.openVisit && dossier.openVisit.priority !== 'priority')
            mismatches.push(`${role} sees the reason of the priority: ${dossier.openVisit.priority}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('the psychologist (no interview role) sees only that the visit is a priority — dossier, tab, board, change', async () => {
    const { t, main, persons, users } = await eveningWithAnExposure();
    const psy = users.get('psychologist')!.token;
    const [person] = persons;

    const dossier = await t.must('persons.dossier', { id: person.id }, psy);
    expect(dossier.alerts.map((a) => a.kind)).not.toContain('pep_72h');
    expect(dossier.openVisit).toMatchObject({ priority: 'priority', nextSteps: [] });

    const tab = await t.must('visits.forPerson', { personId: person.id }, psy);
    expect(tab.items[0]).toMatchObject({ priority: 'priority', nextSteps: [] });

    const board = await t.must('visits.board', { siteId: main }, psy);
    expect(board.rows.map((r) => [r.priority, r.nextSteps])).toEqual([
      ['priority', []],
      ['priority', []],
    ]);

    const moved = await t.must(
      'visits.move',
      { visitId: person.visitId, version: tab.items[0].version, step: 'waiting_doctor' },
      psy,
    );
    expect(moved).toMatchObject({ priority: 'priority', nextSteps: [] });

    // The doctor, with the consent, sees the reason and the time left.
    const doctor = await t.must('persons.dossier', { id: person.id }, users.get('doctor')!.token);
    expect(doctor.alerts.find((a) => a.kind === 'pep_72h')).toMatchObject({ hoursLeft: 42 });
    expect(doctor.openVisit).toMatchObject({ priority: 'pep_72h', nextSteps: ['screening', 'pep'] });
    // On the board, the nurse sees the reason only where the person shares it with the care team.
    const nurseBoard = await t.must('visits.board', { siteId: main }, users.get('nurse')!.token);
    expect(nurseBoard.rows.map((r) => [r.nameUsed, r.priority])).toEqual([
      ['Partage', 'pep_72h'],
      ['Sans partage', 'priority'],
    ]);
  });

  it('a result to treat is a reason from the tests section: an ordinary visit for roles without it', async () => {
    // No assault: an open 72-hour protocol would keep the visit above a result to treat.
    const { t, persons, users } = await eveningWithAnExposure({ assault: false });
    const [person] = persons;
    const nurse = users.get('nurse')!.token;
    const tab = await t.must('visits.forPerson', { personId: person.id }, nurse);
    await t.must(
      'visits.setPriority',
      { visitId: person.visitId, version: tab.items[0].version, priority: 'positive_to_treat' },
      nurse,
    );
    for (const role of ROLES) {
      const r = await t.call('visits.forPerson', { personId: person.id }, users.get(role)!.token);
      if (!r.ok || r.value.view.status === 'forbidden') continue; // no pathway: nothing shown at all
      const shown = r.value.items[0]?.priority;
      expect([role, shown]).toEqual([
        role,
        // Not even "a priority": that the visit was raised is itself a fact of the tests section.
        mayRead(role, 'tests', person.consents) ? 'positive_to_treat' : 'normal',
      ]);
    }
  });

  it('PrEP alerts (overdue, lost, eGFR low) reach only readers of the prep section', async () => {
    const t = await reception();
    const seed = await staff(t, 'seed', ['nurse']);
    const siteId = t.siteIds[0];
    const persons: Array<{ id: string; consents: Set<ConsentScope>; kinds: string[] }> = [];
    for (const withdrawn of [false, true]) {
      // Lost: due 2 Nov 2025, 4 months ago. Overdue with a low eGFR: seen 1 Nov, due 1 Feb.
      for (const plan of ['lost', 'overdue'] as const) {
        const p = await t.must(
          'persons.create',
          personInput(t, { nameUsed: `${plan} ${withdrawn}` }),
          seed.token,
        );
        await t.must(
          'persons.recordConsent',
          { personId: p.id, scope: 'care_team', given: true },
          seed.token,
        );
        const startedOn = plan === 'lost' ? '2025-10-02' : '2025-10-01';
        const e = await t.must(
          'prep.start',
          { personId: p.id, siteId, startedOn, regimen: 'daily' },
          seed.token,
        );
        if (plan === 'overdue')
          await t.must(
            'prep.followUp',
            { personId: p.id, siteId, episodeId: e.id, version: e.version, heldOn: '2025-11-01', egfr: 48 },
            seed.token,
          );
        const consents = new Set<ConsentScope>(['care_team']);
        if (withdrawn) {
          t.clock.advance(60_000);
          await t.must(
            'persons.recordConsent',
            { personId: p.id, scope: 'care_team', given: false },
            seed.token,
          );
          consents.delete('care_team');
        }
        persons.push({
          id: p.id,
          consents,
          kinds: plan === 'lost' ? ['prep_lost'] : ['prep_overdue', 'egfr_low'],
        });
      }
    }
    const mismatches: string[] = [];
    for (const role of ROLES) {
      const user = await staff(t, `u-${role}`, [role]);
      for (const person of persons) {
        const dossier = await t.must('persons.dossier', { id: person.id }, user.token);
        const got = dossier.alerts
          .map((a) => a.kind)
          .filter((k) => k.startsWith('prep_') || k === 'egfr_low');
        const want = mayRead(role, 'prep', person.consents) ? person.kinds : [];
        if (JSON.stringify(got.sort()) !== JSON.stringify([...want].sort()))
          mismatches.push(
            `${role} (care_team ${person.consents.has('care_team')}): ${got.join(',')} ≠ ${want.join(',')}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });
  it('Test and Treat alerts (test of cure due, hospital referral not attended) reach only readers of tests', async () => {
    const t = await reception();
    const seed = await staff(t, 'seed', ['nurse']);
    const siteId = t.siteIds[0];
    const ago = (days: number) => new Date(t.clock.now().getTime() - days * 86_400_000).toISOString();
    const hospital = await t.must(
      'directory.save',
      { name: 'CHU, maladies infectieuses', kind: 'organisation', category: 'hospital_service' },
      t.token,
    );
    const persons: Array<{ id: string; consents: Set<ConsentScope> }> = [];
    for (const withdrawn of [false, true]) {
      const p = await t.must('persons.create', personInput(t, { nameUsed: `TT ${withdrawn}` }), seed.token);
      await t.must('persons.recordConsent', { personId: p.id, scope: 'care_team', given: true }, seed.token);
      // Gonorrhoea resulted 40 days ago, treated 31 days ago: its test of cure was due 3 days ago.
      const ctng = await t.must(
        'screenings.saveSamples',
        {
          personId: p.id,
          siteId,
          takenAt: ago(40),
          add: [{ testCode: 'ct_ng_pcr_poc', anatomicalSite: 'anus' }],
        },
        seed.token,
      );
      await t.must(
        'screenings.saveResult',
        {
          personId: p.id,
          sampleId: ctng.samples[0].id,
          value: { type: 'per_target', targets: { chlamydia: 'not_detected', gonorrhoea: 'detected' } },
          resultedAt: ago(40),
        },
        seed.token,
      );
      // A reactive HIV TROD referred to the hospital, the appointment yesterday not attended.
      const trod = await t.must(
        'screenings.saveSamples',
        { personId: p.id, siteId, takenAt: ago(5), add: [{ testCode: 'hiv_trod' }] },
        seed.token,
      );
      await t.must(
        'screenings.saveResult',
        {
          personId: p.id,
          sampleId: trod.samples[0].id,
          value: { type: 'reactivity', reactivity: 'reactive' },
          resultedAt: ago(5),
        },
        seed.token,
      );
      const items = (await t.must('treatments.forPerson', { personId: p.id }, seed.token)).items;
      const gono = items.find((i) => i.infection === 'gonorrhoea')!;
      await t.must(
        'treatments.give',
        {
          personId: p.id,
          toTreatId: gono.id,
          version: gono.version,
          drug: 'ceftriaxone',
          dose: '1 g',
          route: 'intramuscular',
          givenAt: ago(31),
        },
        seed.token,
      );
      await t.must(
        'directory.refer',
        {
          personId: p.id,
          entryId: hospital.id,
          reason: 'VIH',
          status: 'appointment',
          appointmentAt: ago(1),
          overrideReason: 'Accord oral de la personne',
        },
        seed.token,
      );
      const consents = new Set<ConsentScope>(['care_team']);
      if (withdrawn) {
        t.clock.advance(60_000);
        await t.must(
          'persons.recordConsent',
          { personId: p.id, scope: 'care_team', given: false },
          seed.token,
        );
        consents.delete('care_team');
      }
      persons.push({ id: p.id, consents });
    }
    const kinds = ['cure_test_due', 'referral_not_attended'];
    const mismatches: string[] = [];
    for (const role of ROLES) {
      const user = await staff(t, `u-${role}`, [role]);
      for (const person of persons) {
        const dossier = await t.must('persons.dossier', { id: person.id }, user.token);
        const got = dossier.alerts.map((a) => a.kind as string).filter((k) => kinds.includes(k));
        const want = mayRead(role, 'tests', person.consents) ? kinds : [];
        if (JSON.stringify(got.sort()) !== JSON.stringify([...want].sort()))
          mismatches.push(
            `${role} (care_team ${person.consents.has('care_team')}): ${got.join(',')} ≠ ${want.join(',')}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });
});
