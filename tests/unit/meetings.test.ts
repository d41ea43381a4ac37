/**
 * Coordination meetings on a real encrypted store (docs/violence-care.md, slice 6): a meeting
 * records the decisions about each person discussed and adds or changes actions in each plan
 * through the case-plans rules, in one transaction — a refusal on any person writes nothing and
 * names the field; the meeting is read person by person (a person whose consent no longer covers
 * the social and legal team is left out for anyone but the meeting's author, and the answer says
 * so); the list shows the headers of the reader's sites.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { expectRefused, storeSnapshot } from './helpers/clinical';
import { personInput, reception, staff, type Centre } from './helpers/reception';

/** The reception helper's clock: 2026-03-02, Paris. */
const TODAY = '2026-03-02';

async function chams() {
  const t = await reception();
  const social = await staff(t, 'sara', ['social_worker']);
  const doctor = await staff(t, 'dora', ['doctor']);
  const legal = await staff(t, 'lina', ['legal']);
  const nurse = await staff(t, 'nina', ['nurse']);
  return { t, social, doctor, legal, nurse, siteId: t.siteIds[0] };
}

/** A person who shares with the social and legal team, with an open plan (the social worker's). */
async function withPlan(t: Centre, token: string, nameUsed: string) {
  const p = await t.must('persons.create', personInput(t, { nameUsed }), token);
  await t.must('persons.recordConsent', { personId: p.id, scope: 'social_legal', given: true }, token);
  const plan = await t.must('casePlans.open', { personId: p.id }, token);
  return { personId: p.id, plan };
}

function meeting(
  siteId: string,
  participantIds: string[],
  cases: ChannelInput<'meetings.save'>['cases'],
  extra: Partial<ChannelInput<'meetings.save'>> = {},
): ChannelInput<'meetings.save'> {
  return { siteId, heldOn: TODAY, participantIds, cases, ...extra };
}

const ROWS_SQL =
  "SELECT (SELECT count(*) FROM audit_log) AS a, (SELECT count(*) FROM coordination_meeting) AS m, (SELECT count(*) FROM meeting_case) AS c, (SELECT group_concat(status || version || coalesce(source_meeting_id, '-')) FROM plan_action) AS x, (SELECT group_concat(status || version) FROM case_plan) AS p, (SELECT count(*) FROM case_plan_event) AS e";

describe('a meeting changes each person’s plan', () => {
  it('marks an action done and adds one, keeps the decisions, and audits each write under its person', async () => {
    const { t, social, doctor, siteId } = await chams();
    const salma = await withPlan(t, social.token, 'Salma');
    const nadia = await withPlan(t, social.token, 'Nadia');
    const withShelter = await t.must(
      'casePlans.saveAction',
      {
        personId: salma.personId,
        planId: salma.plan.id,
        axis: 'social',
        title: 'Hébergement d’urgence',
        ownerId: social.id,
        dueOn: '2026-03-05',
      },
      social.token,
    );
    const shelter = withShelter.actions[0];

    const saved = await t.must(
      'meetings.save',
      meeting(
        siteId,
        [social.id, doctor.id],
        [
          {
            personId: salma.personId,
            decisions: 'Hébergement trouvé ; orienter vers une formation.',
            actions: [
              {
                id: shelter.id,
                version: shelter.version,
                axis: shelter.axis,
                title: shelter.title,
                ownerId: shelter.ownerId,
                dueOn: shelter.dueOn,
                status: 'done',
              },
              {
                axis: 'economic',
                title: 'Inscription formation couture',
                ownerId: social.id,
                dueOn: '2026-03-20',
              },
            ],
          },
          { personId: nadia.personId, decisions: 'Revoir à la prochaine réunion.' },
        ],
        { externalParticipants: 'Avocate partenaire' },
      ),
      social.token,
    );
    expect(saved.meeting).toMatchObject({
      heldOn: TODAY,
      participantNames: ['sara (test)', 'dora (test)'],
      externalParticipants: 'Avocate partenaire',
    });
    expect(saved.items.map((c) => [c.nameUsed, c.position, c.actions.length])).toEqual([
      ['Salma', 0, 2],
      ['Nadia', 1, 0],
    ]);

    const tab = await t.must('casePlans.forPerson', { personId: salma.personId }, social.token);
    const actions = tab.items[0].actions;
    expect(actions.map((a) => [a.title, a.status, a.doneOn])).toEqual([
      ['Hébergement d’urgence', 'done', TODAY],
      ['Inscription formation couture', 'planned', null],
    ]);
    // Discussed without a new action, Nadia's plan is as it was.
    const nadiaTab = await t.must('casePlans.forPerson', { personId: nadia.personId }, social.token);
    expect(nadiaTab.items[0].status).toBe('open');

    const audit = await storeSnapshot(
      t,
      `SELECT person_id AS p, target_type AS t, action AS a FROM audit_log WHERE actor_id = '${social.id}' AND target_type IN ('meeting_case', 'plan_action') ORDER BY seq DESC LIMIT 4`,
    );
    const rows = JSON.parse(audit) as Array<{ p: string; t: string; a: string }>;
    expect(rows.map((r) => [r.p, r.t, r.a]).reverse()).toEqual([
      [salma.personId, 'meeting_case', 'create'],
      [salma.personId, 'plan_action', 'update'],
      [salma.personId, 'plan_action', 'create'],
      [nadia.personId, 'meeting_case', 'create'],
    ]);

    const read = await t.must('meetings.get', { meetingId: saved.meeting.id }, doctor.token);
    expect(read.leftOut).toBe(0);
    expect(read.items[0]).toMatchObject({
      decisions: 'Hébergement trouvé ; orienter vers une formation.',
      actions: [
        { title: 'Hébergement d’urgence', status: 'done' },
        { title: 'Inscription formation couture', status: 'planned', ownerName: 'sara (test)' },
      ],
    });
  });
});

describe('one transaction', () => {
  it('a refused action of the second person writes nothing for the first, and names the field', async () => {
    const { t, social, nurse, siteId } = await chams();
    const salma = await withPlan(t, social.token, 'Salma');
    const nadia = await withPlan(t, social.token, 'Nadia');
    await expectRefused(
      t,
      'meetings.save',
      meeting(
        siteId,
        [social.id],
        [
          {
            personId: salma.personId,
            decisions: 'Action sociale',
            actions: [{ axis: 'social', title: 'Bon alimentaire', ownerId: social.id, dueOn: '2026-03-04' }],
          },
          {
            personId: nadia.personId,
            actions: [{ axis: 'medical', title: 'Vaccin', ownerId: nurse.id, dueOn: '2026-03-04' }],
          },
        ],
      ),
      social.token,
      { field: 'cases.1.actions.0.ownerId', reason: 'owner_cannot_read_plan' },
      { rowsSql: ROWS_SQL },
    );
    await expectRefused(
      t,
      'meetings.save',
      meeting(
        siteId,
        [social.id],
        [
          {
            personId: salma.personId,
            actions: [{ axis: 'social', title: 'Bon', ownerId: null, dueOn: TODAY }],
          },
        ],
      ),
      social.token,
      { field: 'cases.0.actions.0.ownerId', reason: 'action_owner_required' },
      { rowsSql: ROWS_SQL },
    );
    await expectRefused(
      t,
      'meetings.save',
      meeting(
        siteId,
        [social.id],
        [
          {
            personId: salma.personId,
            actions: [{ axis: 'social', title: 'Bon', ownerId: social.id, dueOn: '2026-03-01' }],
          },
        ],
      ),
      social.token,
      { field: 'cases.0.actions.0.dueOn', reason: 'due_in_past' },
      { rowsSql: ROWS_SQL },
    );
  });

  it('a person whose consent is withdrawn is refused for the whole meeting, writing nothing', async () => {
    const { t, social, siteId } = await chams();
    const salma = await withPlan(t, social.token, 'Salma');
    const nadia = await withPlan(t, social.token, 'Nadia');
    t.clock.advance(60_000);
    await t.must(
      'persons.recordConsent',
      { personId: nadia.personId, scope: 'social_legal', given: false },
      social.token,
    );
    const before = await storeSnapshot(
      t,
      'SELECT (SELECT count(*) FROM coordination_meeting) AS m, (SELECT count(*) FROM meeting_case) AS c',
    );
    const r = await t.call(
      'meetings.save',
      meeting(siteId, [social.id], [{ personId: salma.personId }, { personId: nadia.personId }]),
      social.token,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({ code: 'consent_required', details: { scope: 'social_legal' } });
    expect(
      await storeSnapshot(
        t,
        'SELECT (SELECT count(*) FROM coordination_meeting) AS m, (SELECT count(*) FROM meeting_case) AS c',
      ),
    ).toBe(before);
  });
});

describe('refusals name their field and write nothing', () => {
  it('participants, date, site, plan, closed case, site followed, a person twice', async () => {
    const { t, social, nurse, siteId } = await chams();
    const salma = await withPlan(t, social.token, 'Salma');
    const closed = await withPlan(t, social.token, 'Amal');
    await t.must(
      'casePlans.setStatus',
      {
        personId: closed.personId,
        planId: closed.plan.id,
        status: 'closed',
        closureReason: 'goals_met',
        version: closed.plan.version,
      },
      social.token,
    );
    const noPlan = await t.must('persons.create', personInput(t, { nameUsed: 'Hind' }), social.token);
    await t.must(
      'persons.recordConsent',
      { personId: noPlan.id, scope: 'social_legal', given: true },
      social.token,
    );
    const one = [{ personId: salma.personId }];
    const cases: Array<[ChannelInput<'meetings.save'>, string, string]> = [
      [meeting(siteId, [], one), 'participantIds', 'meeting_participants_required'],
      [meeting(siteId, [social.id, nurse.id], one), 'participantIds', 'participant_cannot_read_plan'],
      [meeting(siteId, [social.id], one, { heldOn: '2026-03-03' }), 'heldOn', 'date_in_future'],
      [meeting(siteId, [social.id], []), 'cases', 'meeting_cases_required'],
      [meeting(siteId, [social.id], [...one, { personId: noPlan.id }]), 'cases.1.personId', 'no_case_plan'],
      [meeting(siteId, [social.id], [{ personId: closed.personId }]), 'cases.0.personId', 'case_closed'],
      [meeting(t.siteIds[1], [social.id], one), 'cases.0.personId', 'person_not_followed_at_site'],
      [meeting(siteId, [social.id], [...one, ...one]), 'cases.1.personId', 'person_discussed_twice'],
    ];
    // Texts are kept as typed: one of spaces only is refused next to its field, not stored as none.
    cases.push(
      [
        meeting(siteId, [social.id], one, { externalParticipants: '   ' }),
        'externalParticipants',
        'text_required',
      ],
      [meeting(siteId, [social.id], one, { generalNotes: ' \n ' }), 'generalNotes', 'text_required'],
    );
    for (const [input, field, reason] of cases)
      await expectRefused(t, 'meetings.save', input, social.token, { field, reason }, { rowsSql: ROWS_SQL });
    // Held yesterday: recorded, its texts exactly as typed.
    const saved = await t.must(
      'meetings.save',
      meeting(siteId, [social.id], one, {
        heldOn: '2026-03-01',
        externalParticipants: '  Me Alaoui (avocate) ',
        generalNotes: 'Points :\n - hébergement\n',
      }),
      social.token,
    );
    expect(saved.meeting).toMatchObject({
      externalParticipants: '  Me Alaoui (avocate) ',
      generalNotes: 'Points :\n - hébergement\n',
    });
  });
});

describe('reading a meeting', () => {
  it('leaves out, for anyone but its author, a person whose consent was withdrawn — and says so', async () => {
    const { t, social, legal, nurse, siteId } = await chams();
    const salma = await withPlan(t, social.token, 'Salma');
    const nadia = await withPlan(t, social.token, 'Nadia');
    const saved = await t.must(
      'meetings.save',
      meeting(
        siteId,
        [social.id, legal.id],
        [
          { personId: salma.personId, decisions: 'Plainte à déposer' },
          { personId: nadia.personId, decisions: 'Hébergement' },
        ],
      ),
      social.token,
    );
    t.clock.advance(60_000);
    await t.must(
      'persons.recordConsent',
      { personId: nadia.personId, scope: 'social_legal', given: false },
      social.token,
    );

    const byLegal = await t.must('meetings.get', { meetingId: saved.meeting.id }, legal.token);
    expect(byLegal.items.map((c) => c.nameUsed)).toEqual(['Salma']);
    expect(byLegal.leftOut).toBe(1);
    expect(JSON.stringify(byLegal)).not.toContain('Hébergement');
    const audit = JSON.parse(
      await storeSnapshot(
        t,
        `SELECT person_id AS p, action AS a FROM audit_log WHERE actor_id = '${legal.id}' AND person_id IS NOT NULL ORDER BY seq`,
      ),
    ) as Array<{ p: string; a: string }>;
    expect(audit).toEqual([
      { p: salma.personId, a: 'read' },
      { p: nadia.personId, a: 'denied' },
    ]);

    // The author wrote every decision: she reads them all.
    const byAuthor = await t.must('meetings.get', { meetingId: saved.meeting.id }, social.token);
    expect(byAuthor.items.map((c) => c.decisions)).toEqual(['Plainte à déposer', 'Hébergement']);
    expect(byAuthor.leftOut).toBe(0);

    // The plan tab's panel follows the same rule, person by person.
    const salmaPanel = await t.must('meetings.forPerson', { personId: salma.personId }, legal.token);
    expect(salmaPanel.items.map((m) => m.decisions)).toEqual(['Plainte à déposer']);
    const nadiaPanel = await t.must('meetings.forPerson', { personId: nadia.personId }, legal.token);
    expect(nadiaPanel).toMatchObject({ view: { status: 'hidden_consent', hiddenCount: 0 }, items: [] });
    const ownPanel = await t.must('meetings.forPerson', { personId: nadia.personId }, social.token);
    expect(ownPanel).toMatchObject({ view: { status: 'own_only' }, items: [{ decisions: 'Hébergement' }] });

    // A nurse does not work on plans: nothing of the meeting, not even its header.
    const byNurse = await t.must('meetings.get', { meetingId: saved.meeting.id }, nurse.token);
    expect(byNurse).toMatchObject({ view: { status: 'forbidden' }, meeting: null, items: [] });
  });

  it('lists the meetings of the reader’s sites, latest first, paged, with the number of persons discussed', async () => {
    const { t, social, legal, siteId } = await chams();
    const salma = await withPlan(t, social.token, 'Salma');
    const nadia = await withPlan(t, social.token, 'Nadia');
    for (const heldOn of ['2026-02-20', '2026-02-27', TODAY])
      await t.must(
        'meetings.save',
        meeting(
          siteId,
          [social.id, legal.id],
          heldOn === TODAY
            ? [{ personId: salma.personId }, { personId: nadia.personId }]
            : [{ personId: salma.personId }],
          { heldOn },
        ),
        social.token,
      );
    const first = await t.must('meetings.list', { limit: 2 }, legal.token);
    expect(first.rows.map((r) => [r.heldOn, r.casesCount])).toEqual([
      [TODAY, 2],
      ['2026-02-27', 1],
    ]);
    expect(first.rows[0].participantNames).toEqual(['sara (test)', 'lina (test)']);
    const next = await t.must('meetings.list', { limit: 2, cursor: first.nextCursor! }, legal.token);
    expect(next.rows.map((r) => r.heldOn)).toEqual(['2026-02-20']);
    expect(next.nextCursor).toBeNull();
    expect(JSON.stringify(first)).not.toContain('Salma');

    // Nadia withdraws her consent: the lawyer's list no longer counts her (the meeting would not
    // show her), the meeting's recorder still does.
    await t.must(
      'persons.recordConsent',
      { personId: nadia.personId, scope: 'social_legal', given: false },
      social.token,
    );
    expect((await t.must('meetings.list', { limit: 1 }, legal.token)).rows[0].casesCount).toBe(1);
    expect((await t.must('meetings.list', { limit: 1 }, social.token)).rows[0].casesCount).toBe(2);
  });

  it('a plan followed at a second site is discussed at that site’s meeting, and listed there', async () => {
    const { t, social, legal } = await chams();
    const [mtp, out] = t.siteIds;
    const salma = await withPlan(t, social.token, 'Salma');
    await expectRefused(
      t,
      'meetings.save',
      meeting(out, [social.id, legal.id], [{ personId: salma.personId }]),
      social.token,
      { field: 'cases.0.personId', reason: 'person_not_followed_at_site' },
      { rowsSql: ROWS_SQL },
    );
    await t.must(
      'casePlans.setSites',
      { personId: salma.personId, planId: salma.plan.id, siteIds: [mtp, out], version: salma.plan.version },
      social.token,
    );
    const saved = await t.must(
      'meetings.save',
      meeting(out, [social.id, legal.id], [{ personId: salma.personId, decisions: 'Suivi sur ce site' }]),
      social.token,
    );
    const there = await t.must('meetings.list', { siteIds: [out] }, legal.token);
    expect(there.rows.map((r) => [r.id, r.casesCount])).toEqual([[saved.meeting.id, 1]]);
    expect((await t.must('meetings.list', { siteIds: [mtp] }, legal.token)).rows).toEqual([]);
  });
});
