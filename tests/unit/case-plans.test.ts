/**
 * Case plans on a real encrypted store (docs/violence-care.md, slice 3): one plan per person, its
 * life cycle (first action makes it active, closing needs a reason and settles open actions,
 * reopening writes a reason, every change kept), actions with an owner who may read plans, a
 * closed case refusing new work, the safety plan whose review is due at each contact, the
 * "followed, ask X" pointer seen by a nurse without the consent and by nobody when hidden, "my
 * actions" and the team view on their indexes. Every refusal names its field and writes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { actionChangeAllowed, safetyReviewDue, statusChangeAllowed } from '../../shared/domain/case-plans';
import { actionsSql } from '../../electron/core/services/case-plans/repository';
import type { Role } from '../../shared/domain/roles';
import { expectRefused, storeSnapshot } from './helpers/clinical';
import { personInput, reception, staff, type Centre } from './helpers/reception';

/** The reception helper's clock: 2026-03-02, Paris. */
async function chams() {
  const t = await reception();
  const social = await staff(t, 'sara', ['social_worker']);
  const doctor = await staff(t, 'dora', ['doctor']);
  const nurse = await staff(t, 'nina', ['nurse']);
  const legal = await staff(t, 'lina', ['legal']);
  return { t, social, doctor, nurse, legal, siteId: t.siteIds[0] };
}

/** A staff member who works at the given sites only. */
async function staffAt(t: Centre, username: string, roles: Role[], siteIds: string[]) {
  const { user, temporaryPassword } = await t.must(
    'users.create',
    { username, displayName: `${username} (test)`, roles, siteIds },
    t.token,
  );
  const first = await t.must('auth.login', { username, password: temporaryPassword });
  await t.must(
    'auth.changePassword',
    { currentPassword: temporaryPassword, newPassword: 'Nouveau-Mot-de-passe-2026' },
    first.token,
  );
  return { token: first.token, id: user.id };
}

async function survivor(t: Centre, token: string, scopes: Array<'care_team' | 'social_legal'>) {
  const p = await t.must('persons.create', personInput(t, { nameUsed: 'Salma' }), token);
  for (const scope of scopes)
    await t.must('persons.recordConsent', { personId: p.id, scope, given: true }, token);
  return p.id;
}

function action(
  personId: string,
  planId: string,
  ownerId: string | null,
  extra: Partial<ChannelInput<'casePlans.saveAction'>> = {},
): ChannelInput<'casePlans.saveAction'> {
  return {
    personId,
    planId,
    axis: 'social',
    title: 'Hébergement d’urgence',
    ownerId,
    dueOn: '2026-03-05',
    ...extra,
  };
}

const ROWS_SQL =
  'SELECT (SELECT count(*) FROM audit_log) AS a, (SELECT group_concat(status || version) FROM case_plan) AS p, (SELECT count(*) FROM case_plan_event) AS e, (SELECT count(*) FROM plan_item) AS i, (SELECT group_concat(status || version) FROM plan_action) AS x, (SELECT group_concat(version) FROM safety_plan) AS s, (SELECT count(*) FROM safety_plan_review) AS r, (SELECT count(*) FROM care_referent) AS c';

describe('the life-cycle rules (pure)', () => {
  it('allows forward moves and reopening only from closed to active; done and cancelled are final', () => {
    expect(statusChangeAllowed('open', 'active')).toBe(true);
    expect(statusChangeAllowed('active', 'on_hold')).toBe(true);
    expect(statusChangeAllowed('on_hold', 'active')).toBe(true);
    expect(statusChangeAllowed('active', 'closed')).toBe(true);
    expect(statusChangeAllowed('closed', 'active')).toBe(true);
    expect(statusChangeAllowed('closed', 'on_hold')).toBe(false);
    expect(statusChangeAllowed('active', 'open')).toBe(false);
    expect(actionChangeAllowed('planned', 'done')).toBe(true);
    expect(actionChangeAllowed('in_progress', 'planned')).toBe(false);
    expect(actionChangeAllowed('done', 'in_progress')).toBe(false);
    expect(actionChangeAllowed('cancelled', 'planned')).toBe(false);
  });

  it('a safety-plan review is due when an open visit began after the last review', () => {
    expect(safetyReviewDue(null, null)).toBe(false);
    expect(safetyReviewDue(null, '2026-03-02T09:00:00.000Z')).toBe(true);
    expect(safetyReviewDue('2026-03-01T09:00:00.000Z', '2026-03-02T09:00:00.000Z')).toBe(true);
    expect(safetyReviewDue('2026-03-02T09:30:00.000Z', '2026-03-02T09:00:00.000Z')).toBe(false);
  });
});

describe('the plan’s life cycle', () => {
  it('opens once, becomes active with its first action, closes with a reason, reopens with one; events kept', async () => {
    const { t, social, doctor } = await chams();
    const personId = await survivor(t, social.token, ['care_team', 'social_legal']);
    const opened = await t.must('casePlans.open', { personId }, social.token);
    expect(opened).toMatchObject({
      status: 'open',
      referentId: social.id,
      showReferent: true,
      openedOn: '2026-03-02',
    });
    expect(opened.safetyPlan).toMatchObject({ risks: '', reviewedAt: null });
    await expectRefused(
      t,
      'casePlans.open',
      { personId },
      social.token,
      { field: 'personId', reason: 'case_plan_exists' },
      { rowsSql: ROWS_SQL },
    );

    // The doctor owns the medical action and marks it done (the doctor writes case_plan).
    const withAction = await t.must(
      'casePlans.saveAction',
      action(personId, opened.id, doctor.id, { axis: 'medical', title: 'Sérologies à 6 semaines' }),
      social.token,
    );
    expect(withAction.status).toBe('active');
    const medical = withAction.actions[0];
    const done = await t.must(
      'casePlans.saveAction',
      action(personId, opened.id, doctor.id, {
        id: medical.id,
        version: medical.version,
        axis: 'medical',
        title: medical.title,
        status: 'done',
      }),
      doctor.token,
    );
    expect(done.actions[0]).toMatchObject({ status: 'done', doneOn: '2026-03-02', ownerName: 'dora (test)' });
    await expectRefused(
      t,
      'casePlans.saveAction',
      action(personId, opened.id, doctor.id, {
        id: medical.id,
        version: done.actions[0].version,
        axis: 'medical',
        title: medical.title,
        status: 'in_progress',
      }),
      doctor.token,
      { field: 'status', reason: 'action_final' },
      { rowsSql: ROWS_SQL },
    );

    await expectRefused(
      t,
      'casePlans.setStatus',
      { personId, planId: opened.id, status: 'closed', version: done.version },
      social.token,
      { field: 'closureReason', reason: 'closure_reason_required' },
      { rowsSql: ROWS_SQL },
    );
    const closed = await t.must(
      'casePlans.setStatus',
      { personId, planId: opened.id, status: 'closed', closureReason: 'goals_met', version: done.version },
      social.token,
    );
    expect(closed).toMatchObject({ status: 'closed', closureReason: 'goals_met', closedOn: '2026-03-02' });
    await expectRefused(
      t,
      'casePlans.setStatus',
      { personId, planId: opened.id, status: 'active', reason: '  ', version: closed.version },
      social.token,
      { field: 'reason', reason: 'reopen_reason_required' },
      { rowsSql: ROWS_SQL },
    );
    const reopened = await t.must(
      'casePlans.setStatus',
      // Kept exactly as typed, spaces and line break included.
      {
        personId,
        planId: opened.id,
        status: 'active',
        reason: ' Nouvelle menace\n',
        version: closed.version,
      },
      social.token,
    );
    expect(reopened).toMatchObject({ status: 'active', closureReason: null, closedOn: null });
    expect(reopened.events.map((e) => [e.fromStatus, e.toStatus, e.reason])).toEqual([
      [null, 'open', null],
      ['open', 'active', null],
      ['active', 'closed', 'goals_met'],
      ['closed', 'active', ' Nouvelle menace\n'],
    ]);
  });

  it('closing with open actions is refused unless they are cancelled with it', async () => {
    const { t, social } = await chams();
    const personId = await survivor(t, social.token, ['social_legal']);
    const plan = await t.must('casePlans.open', { personId }, social.token);
    const active = await t.must('casePlans.saveAction', action(personId, plan.id, social.id), social.token);
    const close = { personId, planId: plan.id, status: 'closed' as const, closureReason: 'moved' as const };
    const r = await t.call('casePlans.setStatus', { ...close, version: active.version }, social.token);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        field: 'cancelOpenActions',
        details: { reason: 'open_actions_remain', count: 1 },
      });
    const closed = await t.must(
      'casePlans.setStatus',
      { ...close, cancelOpenActions: true, version: active.version },
      social.token,
    );
    expect(closed.actions[0]).toMatchObject({ status: 'cancelled', cancelReason: 'case closed' });
  });

  it('a closed case refuses new actions, items and safety-plan changes, writing nothing', async () => {
    const { t, social } = await chams();
    const personId = await survivor(t, social.token, ['social_legal']);
    const plan = await t.must('casePlans.open', { personId }, social.token);
    const closed = await t.must(
      'casePlans.setStatus',
      { personId, planId: plan.id, status: 'closed', closureReason: 'declined', version: plan.version },
      social.token,
    );
    const tab = () => t.must('casePlans.forPerson', { personId }, social.token);
    const refused = { field: 'planId', reason: 'case_closed' };
    await expectRefused(
      t,
      'casePlans.saveAction',
      action(personId, plan.id, social.id),
      social.token,
      refused,
      {
        rowsSql: ROWS_SQL,
        tab,
      },
    );
    await expectRefused(
      t,
      'casePlans.saveItem',
      { personId, planId: plan.id, axis: 'legal', kind: 'need', text: 'Acte de naissance' },
      social.token,
      refused,
      { rowsSql: ROWS_SQL, tab },
    );
    await expectRefused(
      t,
      'casePlans.saveSafetyPlan',
      {
        personId,
        planId: plan.id,
        risks: 'x',
        safeContacts: [],
        safePlaces: [],
        codeWords: [],
        ifAggressorReturns: '',
        version: closed.safetyPlan!.version,
      },
      social.token,
      refused,
      { rowsSql: ROWS_SQL, tab },
    );
  });
});

describe('actions', () => {
  it('refuses an action without owner, with an owner who may not read plans, or due in the past', async () => {
    const { t, social, nurse } = await chams();
    const personId = await survivor(t, social.token, ['care_team', 'social_legal']);
    const plan = await t.must('casePlans.open', { personId }, social.token);
    const tab = () => t.must('casePlans.forPerson', { personId }, social.token);
    await expectRefused(
      t,
      'casePlans.saveAction',
      action(personId, plan.id, null),
      social.token,
      { field: 'ownerId', reason: 'action_owner_required' },
      { rowsSql: ROWS_SQL, tab },
    );
    // A nurse does not read case plans: "my actions" would show her a line she may not open.
    await expectRefused(
      t,
      'casePlans.saveAction',
      action(personId, plan.id, nurse.id),
      social.token,
      { field: 'ownerId', reason: 'owner_cannot_read_plan' },
      { rowsSql: ROWS_SQL, tab },
    );
    await expectRefused(
      t,
      'casePlans.saveAction',
      action(personId, plan.id, t.worker.id),
      social.token,
      { field: 'ownerId', reason: 'owner_cannot_read_plan' },
      { rowsSql: ROWS_SQL, tab },
    );
    await expectRefused(
      t,
      'casePlans.saveAction',
      action(personId, plan.id, social.id, { dueOn: '2026-03-01' }),
      social.token,
      { field: 'dueOn', reason: 'due_in_past' },
      { rowsSql: ROWS_SQL, tab },
    );
    expect((await tab()).items[0]).toMatchObject({ status: 'open', actions: [] });
  });

  it('a cancelled action needs a reason, kept exactly as typed', async () => {
    const { t, social } = await chams();
    const personId = await survivor(t, social.token, ['social_legal']);
    const plan = await t.must('casePlans.open', { personId }, social.token);
    const first = (await t.must('casePlans.saveAction', action(personId, plan.id, social.id), social.token))
      .actions[0];
    const cancel = (cancelReason: string | null) =>
      action(personId, plan.id, social.id, {
        id: first.id,
        version: first.version,
        status: 'cancelled',
        cancelReason,
      });
    for (const blank of [null, '   '])
      await expectRefused(
        t,
        'casePlans.saveAction',
        cancel(blank),
        social.token,
        {
          field: 'cancelReason',
          reason: 'cancel_reason_required',
        },
        { rowsSql: ROWS_SQL },
      );
    const cancelled = await t.must('casePlans.saveAction', cancel('  Hébergée chez sa sœur '), social.token);
    expect(cancelled.actions[0]).toMatchObject({
      status: 'cancelled',
      cancelReason: '  Hébergée chez sa sœur ',
    });
  });

  it('items: needs and objectives per axis; an action may serve an objective of the plan', async () => {
    const { t, social } = await chams();
    const personId = await survivor(t, social.token, ['social_legal']);
    const plan = await t.must('casePlans.open', { personId }, social.token);
    const withItem = await t.must(
      'casePlans.saveItem',
      { personId, planId: plan.id, axis: 'legal', kind: 'objective', text: 'Acte de naissance de l’enfant' },
      social.token,
    );
    const objective = withItem.items[0];
    const saved = await t.must(
      'casePlans.saveAction',
      action(personId, plan.id, social.id, {
        axis: 'legal',
        objectiveId: objective.id,
        title: 'Dossier état civil',
      }),
      social.token,
    );
    expect(saved.actions[0]).toMatchObject({ objectiveId: objective.id, axis: 'legal' });
    const met = await t.must(
      'casePlans.saveItem',
      {
        personId,
        planId: plan.id,
        id: objective.id,
        version: objective.version,
        axis: objective.axis,
        kind: objective.kind,
        text: objective.text,
        state: 'met',
      },
      social.token,
    );
    expect(met.items[0]).toMatchObject({ state: 'met', version: 2 });
  });
});

describe('the safety plan', () => {
  it('is due a review at each contact: raised during a visit not yet reviewed, cleared by a save or review', async () => {
    const { t, social, nurse } = await chams();
    const personId = await survivor(t, social.token, ['care_team', 'social_legal']);
    const plan = await t.must('casePlans.open', { personId }, social.token);
    const kinds = async (token: string) =>
      (await t.must('persons.dossier', { id: personId }, token)).alerts.map((a) => a.kind);
    expect(await kinds(social.token)).not.toContain('safety_plan_review_due');
    await t.must('visits.checkIn', { personId, siteId: t.siteIds[0] }, social.token);
    expect(await kinds(social.token)).toContain('safety_plan_review_due');
    // Derived from the case plan: never raised for a reader of the dossier who may not read it.
    expect(await kinds(nurse.token)).not.toContain('safety_plan_review_due');
    const saved = await t.must(
      'casePlans.saveSafetyPlan',
      {
        personId,
        planId: plan.id,
        risks: 'Le client revient le soir',
        safeContacts: [{ name: 'Amina', howToReach: 'voisine', note: '' }],
        safePlaces: ['Foyer'],
        codeWords: [{ word: 'thé', meaning: 'appeler l’association' }],
        ifAggressorReturns: 'Aller au foyer',
        version: plan.safetyPlan!.version,
      },
      social.token,
    );
    expect(saved.safetyPlan).toMatchObject({
      reviewDue: false,
      reviewedByName: 'sara (test)',
      safePlaces: ['Foyer'],
    });
    expect(await kinds(social.token)).not.toContain('safety_plan_review_due');
    expect(await storeSnapshot(t, 'SELECT changed, visit_id IS NOT NULL AS v FROM safety_plan_review')).toBe(
      '[{"changed":1,"v":1}]',
    );
    await t.must('casePlans.reviewSafetyPlan', { personId, planId: plan.id }, social.token);
    expect(await storeSnapshot(t, 'SELECT count(*) AS n FROM safety_plan_review WHERE changed = 0')).toBe(
      '[{"n":1}]',
    );
  });
  it('refuses a blank trusted person’s name, place, code word or meaning next to its row, writing nothing; keeps text as typed', async () => {
    const { t, social } = await chams();
    const personId = await survivor(t, social.token, ['social_legal']);
    const plan = await t.must('casePlans.open', { personId }, social.token);
    const tab = () => t.must('casePlans.forPerson', { personId }, social.token);
    const filled: ChannelInput<'casePlans.saveSafetyPlan'> = {
      personId,
      planId: plan.id,
      risks: '',
      safeContacts: [
        { name: 'Amina', howToReach: '', note: '' },
        { name: ' Lucie ', howToReach: '06 00 00 00 00', note: 'le soir' },
      ],
      safePlaces: ['Foyer', ' chez Lucie '],
      codeWords: [{ word: 'thé', meaning: 'appeler l’association' }],
      ifAggressorReturns: '',
      version: plan.safetyPlan!.version,
    };
    const blanks: Array<[Partial<ChannelInput<'casePlans.saveSafetyPlan'>>, string]> = [
      [
        { safeContacts: [filled.safeContacts[0], { name: '  ', howToReach: '06', note: '' }] },
        'safeContacts.1.name',
      ],
      [{ safePlaces: ['Foyer', ''] }, 'safePlaces.1'],
      [{ codeWords: [{ word: ' ', meaning: 'partir' }] }, 'codeWords.0.word'],
      [{ codeWords: [{ word: 'thé', meaning: '' }] }, 'codeWords.0.meaning'],
    ];
    for (const [blank, field] of blanks)
      await expectRefused(
        t,
        'casePlans.saveSafetyPlan',
        { ...filled, ...blank },
        social.token,
        { field, reason: 'text_required' },
        { rowsSql: ROWS_SQL, tab },
      );
    const saved = await t.must('casePlans.saveSafetyPlan', filled, social.token);
    expect(saved.safetyPlan).toMatchObject({
      safeContacts: filled.safeContacts,
      safePlaces: filled.safePlaces,
      codeWords: filled.codeWords,
    });
  });
});

describe('the “followed, ask X” pointer', () => {
  it('a nurse without the social/legal consent sees whom to ask and nothing of the plan', async () => {
    const { t, social, nurse } = await chams();
    const personId = await survivor(t, social.token, ['care_team']);
    await t.must('casePlans.open', { personId }, social.token);
    const dossier = await t.must('persons.dossier', { id: personId }, nurse.token);
    // Whom to ask, not why: a social worker's role would say the person has a social follow-up.
    expect(dossier.careReferent).toEqual({
      referentName: 'sara (test)',
      referentRoleKey: null,
      siteCode: dossier.siteCode,
    });
    expect(await t.must('casePlans.referent', { personId }, nurse.token)).toEqual(dossier.careReferent);
    const tab = await t.must('casePlans.forPerson', { personId }, nurse.token);
    expect(tab.items).toEqual([]);
    expect(tab.view.status).toBe('forbidden');
    // The community worker at reception too.
    expect(
      (await t.must('persons.dossier', { id: personId }, t.worker.token)).careReferent?.referentName,
    ).toBe('sara (test)');
  });

  it('nobody sees it when the person asks for full discretion; closing removes it, reopening writes it again', async () => {
    const { t, social, nurse } = await chams();
    const hidden = await survivor(t, social.token, ['care_team', 'social_legal']);
    await t.must('casePlans.open', { personId: hidden, showReferent: false }, social.token);
    for (const token of [nurse.token, social.token, t.worker.token])
      expect((await t.must('persons.dossier', { id: hidden }, token)).careReferent).toBeNull();

    const shown = await survivor(t, social.token, ['care_team', 'social_legal']);
    const plan = await t.must('casePlans.open', { personId: shown }, social.token);
    const closed = await t.must(
      'casePlans.setStatus',
      {
        personId: shown,
        planId: plan.id,
        status: 'closed',
        closureReason: 'goals_met',
        version: plan.version,
      },
      social.token,
    );
    expect((await t.must('persons.dossier', { id: shown }, nurse.token)).careReferent).toBeNull();
    await t.must(
      'casePlans.setStatus',
      { personId: shown, planId: plan.id, status: 'active', reason: 'Retour', version: closed.version },
      social.token,
    );
    expect((await t.must('persons.dossier', { id: shown }, nurse.token)).careReferent?.referentName).toBe(
      'sara (test)',
    );
  });
});

describe('a writer let in only as the plan’s author', () => {
  it('sees and gets back only what they wrote — never a colleague’s actions, items, reasons or the safety plan', async () => {
    const { t, social, doctor } = await chams();
    const personId = await survivor(t, social.token, ['social_legal']);
    const plan = await t.must('casePlans.open', { personId }, social.token);
    await t.must('casePlans.saveAction', action(personId, plan.id, social.id), social.token);
    const medical = await t.must(
      'casePlans.saveAction',
      action(personId, plan.id, doctor.id, { axis: 'medical', title: 'Sérologie VIH à 6 semaines' }),
      doctor.token,
    );
    const doctorAction = medical.actions.find((a) => a.ownerId === doctor.id)!;
    await t.must(
      'casePlans.saveAction',
      {
        ...action(personId, plan.id, doctor.id, { axis: 'medical' }),
        id: doctorAction.id,
        version: doctorAction.version,
        title: doctorAction.title,
        status: 'done',
      },
      doctor.token,
    );
    await t.must(
      'casePlans.saveItem',
      { personId, planId: plan.id, axis: 'medical', kind: 'need', text: 'Suivi post-exposition' },
      doctor.token,
    );
    const withSafety = await t.must('casePlans.forPerson', { personId }, doctor.token);
    await t.must(
      'casePlans.saveSafetyPlan',
      {
        personId,
        planId: plan.id,
        risks: 'Le client revient le soir',
        safeContacts: [{ name: 'Amina', howToReach: 'voisine', note: '' }],
        safePlaces: ['Chez sa sœur'],
        codeWords: [{ word: 'parapluie', meaning: 'appeler la police' }],
        ifAggressorReturns: 'Sortir par la cour',
        version: withSafety.items[0].safetyPlan!.version,
      },
      doctor.token,
    );
    await t.must('persons.recordConsent', { personId, scope: 'social_legal', given: false }, social.token);

    const secrets = [
      'Sérologie',
      'Suivi post-exposition',
      'parapluie',
      'Amina',
      'Chez sa sœur',
      'Sortir par la cour',
    ];
    const shown = (await t.must('casePlans.forPerson', { personId }, social.token)).items[0];
    expect(shown.actions.map((a) => a.ownerId)).toEqual([social.id]);
    expect(shown.items).toEqual([]);
    expect(shown.safetyPlan).toBeNull();
    const answered = await t.must(
      'casePlans.saveItem',
      { personId, planId: plan.id, axis: 'social', kind: 'need', text: 'Hébergement' },
      social.token,
    );
    expect(answered.items.map((i) => i.text)).toEqual(['Hébergement']);
    expect(answered.actions.map((a) => a.ownerId)).toEqual([social.id]);
    expect(answered.safetyPlan).toBeNull();
    const timeline = await t.must('persons.timeline', { personId }, social.token);
    expect(timeline.items.filter((i) => i.kind === 'plan_action')).toEqual([]);
    const alerts = (await t.must('persons.dossier', { id: personId }, social.token)).alerts;
    expect(alerts.map((a) => a.kind)).not.toContain('safety_plan_review_due');
    for (const secret of secrets) expect(JSON.stringify([shown, answered, timeline])).not.toContain(secret);
    // The doctor, who did not open the plan, is refused it altogether.
    expect((await t.must('casePlans.forPerson', { personId }, doctor.token)).items).toEqual([]);
  });
});

describe('my actions and the team view', () => {
  it('lists the reader’s open actions due this week, the team’s at the reader’s sites, with counts', async () => {
    const { t, social, doctor, legal } = await chams();
    const personId = await survivor(t, social.token, ['social_legal']);
    const plan = await t.must('casePlans.open', { personId }, social.token);
    await t.must(
      'casePlans.saveAction',
      action(personId, plan.id, doctor.id, { axis: 'medical', dueOn: '2026-03-08' }),
      social.token,
    );
    await t.must(
      'casePlans.saveAction',
      action(personId, plan.id, doctor.id, { dueOn: '2026-03-09' }),
      social.token,
    );
    await t.must(
      'casePlans.saveAction',
      action(personId, plan.id, legal.id, { axis: 'legal', dueOn: '2026-03-03' }),
      social.token,
    );

    const mine = await t.must('casePlans.myActions', {}, doctor.token);
    expect(mine.rows.map((r) => r.dueOn)).toEqual(['2026-03-08']);
    expect(mine.rows[0]).toMatchObject({ nameUsed: 'Salma', ownerName: 'dora (test)', overdue: false });
    const all = await t.must('casePlans.myActions', { list: 'all' }, doctor.token);
    expect(all.rows.map((r) => r.dueOn)).toEqual(['2026-03-08', '2026-03-09']);
    const team = await t.must('casePlans.teamActions', { list: 'all', limit: 2 }, social.token);
    expect(team.rows.map((r) => r.dueOn)).toEqual(['2026-03-03', '2026-03-08']);
    const next = await t.must(
      'casePlans.teamActions',
      { list: 'all', limit: 2, cursor: team.nextCursor! },
      social.token,
    );
    expect(next.rows.map((r) => r.dueOn)).toEqual(['2026-03-09']);
    expect(await t.must('casePlans.actionsCounts', {}, doctor.token)).toEqual({
      mineThisWeek: 1,
      teamOverdue: 0,
    });
  });

  it('a withdrawn consent takes the person off every list and count, except for the action’s owner', async () => {
    const { t, social, doctor, legal } = await chams();
    const personId = await survivor(t, social.token, ['social_legal']);
    const plan = await t.must('casePlans.open', { personId }, social.token);
    await t.must(
      'casePlans.saveAction',
      action(personId, plan.id, doctor.id, { axis: 'medical' }),
      social.token,
    );
    await t.must('persons.recordConsent', { personId, scope: 'social_legal', given: false }, social.token);
    expect((await t.must('casePlans.teamActions', {}, legal.token)).rows).toEqual([]);
    expect((await t.must('casePlans.myActions', {}, doctor.token)).rows).toHaveLength(1);
  });

  it('reads one owner’s or the sites’ open actions on their index, never scanning plan_action', async () => {
    const { t } = await chams();
    const store = t.core.ctx.vault.requireStore();
    const plans = await store.exclusive(async () => {
      const explain = async ([sql, params]: [string, unknown[]]) =>
        (await store.manager.query<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`, params))
          .map((r) => r.detail)
          .join('\n');
      return {
        mine: await explain(
          actionsSql(store.manager, { ownerId: 'owner', siteIds: null }, 'reader', [
            { siteIds: t.siteIds, dueBy: '2026-03-08' },
          ]),
        ),
        team: await explain(actionsSql(store.manager, { siteIds: t.siteIds }, 'reader', null)),
        // Sites on two dates (zones either side of midnight): one bound per site, still on the index.
        split: await explain(
          actionsSql(store.manager, { siteIds: t.siteIds }, 'reader', [
            { siteIds: [t.siteIds[0]], dueBy: '2026-03-08' },
            { siteIds: [t.siteIds[1]], dueBy: '2026-03-07' },
          ]),
        ),
      };
    });
    expect(plans.mine, plans.mine).not.toMatch(/SCAN (pa|plan_action)\b/);
    expect(plans.mine, plans.mine).toMatch(
      /SEARCH pa USING INDEX \S+ \(owner_id=\? AND status=\? AND due_on<\?\)/,
    );
    expect(plans.team, plans.team).not.toMatch(/SCAN (pa|plan_action)\b/);
    // A site's list reads the plans the site follows (a plan may be followed at two), then their actions.
    expect(plans.team, plans.team).toMatch(/SEARCH cps USING COVERING INDEX \S+ \(site_id=\?\)/);
    expect(plans.team, plans.team).toMatch(/SEARCH pa USING INDEX \S+ \(plan_id=\?\)/);
    expect(plans.split, plans.split).not.toMatch(/SCAN (pa|plan_action)\b/);
  });

  it('counts each action’s week from its own site’s today, and keeps to the sites the filter names', async () => {
    const { t, social } = await chams();
    const centre = await t.must('centre.get', {}, t.token);
    const out = centre.sites.find((s) => s.code === 'OUT')!;
    // 09:00 UTC on 2 March is still 1 March, 22:00, in Pago Pago.
    await t.must(
      'centre.saveSite',
      { id: out.id, version: out.version, code: 'OUT', name: out.name, timezone: 'Pacific/Pago_Pago' },
      t.token,
    );
    const paris = centre.sites.find((s) => s.code === 'MTP')!.id;
    const here = await survivor(t, social.token, ['social_legal']);
    const there = await survivor(t, social.token, ['social_legal']);
    const herePlan = await t.must('casePlans.open', { personId: here, siteId: paris }, social.token);
    const therePlan = await t.must('casePlans.open', { personId: there, siteId: out.id }, social.token);
    await t.must(
      'casePlans.saveAction',
      action(here, herePlan.id, social.id, { dueOn: '2026-03-08' }),
      social.token,
    );
    // Pago Pago's week runs from 1 to 7 March: the 8th is next week there.
    await t.must(
      'casePlans.saveAction',
      action(there, therePlan.id, social.id, { dueOn: '2026-03-08' }),
      social.token,
    );
    // Due today in Pago Pago, yesterday in Paris: not overdue.
    await t.must(
      'casePlans.saveAction',
      action(there, therePlan.id, social.id, { dueOn: '2026-03-01' }),
      social.token,
    );

    const week = await t.must('casePlans.myActions', {}, social.token);
    expect(week.rows.map((r) => [r.personId === here ? 'paris' : 'pago', r.dueOn, r.overdue])).toEqual([
      ['pago', '2026-03-01', false],
      ['paris', '2026-03-08', false],
    ]);
    const team = await t.must('casePlans.teamActions', {}, social.token);
    expect(team.rows.map((r) => r.dueOn)).toEqual(['2026-03-01', '2026-03-08']);
    const parisOnly = await t.must('casePlans.myActions', { list: 'all', siteIds: [paris] }, social.token);
    expect(parisOnly.rows.map((r) => r.personId)).toEqual([here]);
    expect(await t.must('casePlans.actionsCounts', { siteIds: [paris] }, social.token)).toEqual({
      mineThisWeek: 1,
      teamOverdue: 0,
    });
    expect(await t.must('casePlans.actionsCounts', {}, social.token)).toEqual({
      mineThisWeek: 2,
      teamOverdue: 0,
    });
  });
});

describe('a plan followed at two sites, and its referent', () => {
  const SITES_SQL = `${ROWS_SQL}, (SELECT group_concat(site_id) FROM case_plan_site) AS cs`;

  it('a writer adds or removes only sites they work at, one at least; the other site’s team then sees the plan', async () => {
    const { t, social } = await chams();
    const [mtp, out] = t.siteIds;
    const mtpLawyer = await staffAt(t, 'lara', ['legal'], [mtp]);
    const outWorker = await staffAt(t, 'sofia', ['social_worker'], [out]);
    const personId = await survivor(t, social.token, ['social_legal']);
    const plan = await t.must('casePlans.open', { personId, siteId: mtp }, social.token);
    expect(plan.siteIds).toEqual([mtp]);
    const withAction = await t.must(
      'casePlans.saveAction',
      action(personId, plan.id, social.id),
      social.token,
    );
    // The team at the other site does not see it yet.
    expect((await t.must('casePlans.teamActions', {}, outWorker.token)).rows).toEqual([]);

    // A site one does not work at is neither added nor removed; none at all is refused.
    await expectRefused(
      t,
      'casePlans.setSites',
      { personId, planId: plan.id, siteIds: [mtp, out], version: withAction.version },
      mtpLawyer.token,
      { field: 'siteIds', reason: 'site_not_yours' },
      { rowsSql: SITES_SQL },
    );
    await expectRefused(
      t,
      'casePlans.setSites',
      { personId, planId: plan.id, siteIds: [], version: withAction.version },
      social.token,
      { field: 'siteIds', reason: 'plan_sites_required' },
      { rowsSql: SITES_SQL },
    );

    const both = await t.must(
      'casePlans.setSites',
      { personId, planId: plan.id, siteIds: [mtp, out], version: withAction.version },
      social.token,
    );
    expect(both).toMatchObject({ siteId: mtp, siteIds: [mtp, out] });
    expect(
      await storeSnapshot(
        t,
        `SELECT group_concat(action) AS a FROM audit_log WHERE actor_id = '${social.id}' AND person_id = '${personId}' AND target_type = 'case_plan_site'`,
      ),
    ).toContain('create,create');
    // The action written at Montpellier is now the team's work at the other site too.
    const there = await t.must('casePlans.teamActions', {}, outWorker.token);
    expect(there.rows.map((r) => r.actionId)).toEqual([withAction.actions[0].id]);
    expect(await t.must('casePlans.actionsCounts', {}, outWorker.token)).toMatchObject({ teamOverdue: 0 });
    // "My actions" filtered on the other site follows the plan's sites as well.
    expect(
      (await t.must('casePlans.myActions', { siteIds: [out] }, social.token)).rows.map((r) => r.actionId),
    ).toEqual([withAction.actions[0].id]);

    // The lawyer of Montpellier may not remove the other site; the social worker, who works at
    // both, removes the lead site: the other becomes the lead, and the pointer names it.
    await expectRefused(
      t,
      'casePlans.setSites',
      { personId, planId: plan.id, siteIds: [mtp], version: both.version },
      mtpLawyer.token,
      { field: 'siteIds', reason: 'site_not_yours' },
      { rowsSql: SITES_SQL },
    );
    const moved = await t.must(
      'casePlans.setSites',
      { personId, planId: plan.id, siteIds: [out], version: both.version },
      social.token,
    );
    expect(moved).toMatchObject({ siteId: out, siteIds: [out] });
    const centre = await t.must('centre.get', {}, t.token);
    expect((await t.must('casePlans.referent', { personId }, social.token))?.siteCode).toBe(
      centre.sites.find((s) => s.id === out)!.code,
    );
    expect((await t.must('casePlans.teamActions', {}, mtpLawyer.token)).rows).toEqual([]);
  });

  it('the referent writes plans at one of the plan’s sites, else refused next to the field; the pointer follows', async () => {
    const { t, social, doctor, nurse } = await chams();
    const [mtp, out] = t.siteIds;
    const outLawyer = await staffAt(t, 'lou', ['legal'], [out]);
    const mtpLawyer = await staffAt(t, 'lara', ['legal'], [mtp]);
    const personId = await survivor(t, social.token, ['care_team', 'social_legal']);
    const plan = await t.must('casePlans.open', { personId, siteId: mtp }, social.token);
    // The nurse reads no plan; the lawyer of the other site works at no site of this plan.
    for (const referentId of [nurse.id, outLawyer.id])
      await expectRefused(
        t,
        'casePlans.setReferent',
        { personId, planId: plan.id, referentId, showReferent: true, version: plan.version },
        social.token,
        { field: 'referentId', reason: 'referent_cannot_write_plan' },
        { rowsSql: ROWS_SQL },
      );

    const lawyer = await t.must(
      'casePlans.setReferent',
      { personId, planId: plan.id, referentId: mtpLawyer.id, showReferent: true, version: plan.version },
      social.token,
    );
    expect(lawyer).toMatchObject({ referentId: mtpLawyer.id, referentName: 'lara (test)' });
    expect((await t.must('persons.dossier', { id: personId }, nurse.token)).careReferent?.referentName).toBe(
      'lara (test)',
    );
    // The doctor, a writer of the plan, hides the pointer at the person's request.
    const hidden = await t.must(
      'casePlans.setReferent',
      { personId, planId: plan.id, referentId: doctor.id, showReferent: false, version: lawyer.version },
      doctor.token,
    );
    expect(hidden).toMatchObject({ referentId: doctor.id, showReferent: false });
    expect((await t.must('persons.dossier', { id: personId }, nurse.token)).careReferent).toBeNull();
  });
});

describe('the coordinator’s counts', () => {
  it('per site and per owner, due this week and overdue, plans by status: numbers only, to reports.read only', async () => {
    const { t, social, doctor } = await chams();
    const [mtp, out] = t.siteIds;
    await staff(t, 'cora', ['coordinator']);
    await staffAt(t, 'coline', ['coordinator'], [mtp]);
    const a = await survivor(t, social.token, ['social_legal']);
    const b = await survivor(t, social.token, ['social_legal']);
    const c = await survivor(t, social.token, ['social_legal']);
    const planA = await t.must('casePlans.open', { personId: a, siteId: mtp }, social.token);
    await t.must(
      'casePlans.saveAction',
      action(a, planA.id, doctor.id, { dueOn: '2026-03-03' }),
      social.token,
    );
    await t.must(
      'casePlans.saveAction',
      action(a, planA.id, social.id, { dueOn: '2026-03-20' }),
      social.token,
    );
    const planB = await t.must('casePlans.open', { personId: b, siteId: mtp }, social.token);
    const withAction = await t.must(
      'casePlans.saveAction',
      action(b, planB.id, social.id, { dueOn: '2026-03-06' }),
      social.token,
    );
    await t.must(
      'casePlans.setSites',
      { personId: b, planId: planB.id, siteIds: [mtp, out], version: withAction.version },
      social.token,
    );
    await t.must('casePlans.open', { personId: c, siteId: mtp }, social.token);
    // The workload counts whatever the consent: B withdraws hers, her action still waits.
    await t.must('persons.recordConsent', { personId: b, scope: 'social_legal', given: false }, social.token);
    // Three days later: A's action of the 3rd is overdue, B's of the 6th due this week.
    t.clock.advance(3 * 24 * 3_600_000);
    // Sessions do not last three days: everyone logs in again.
    const login = (username: string) =>
      t.must('auth.login', { username, password: 'Nouveau-Mot-de-passe-2026' });
    const coordinator = await login('cora');
    const mtpCoordinator = await login('coline');
    const socialToday = await login('sara');

    const counts = await t.must('casePlans.teamCounts', {}, coordinator.token);
    expect(counts.sites).toEqual([
      { siteId: mtp, dueThisWeek: 1, overdue: 1, plans: { open: 1, active: 2, on_hold: 0, closed: 0 } },
      { siteId: out, dueThisWeek: 1, overdue: 0, plans: { open: 0, active: 1, on_hold: 0, closed: 0 } },
    ]);
    // B's action counts once for its owner though two sites follow the plan.
    expect(counts.owners).toEqual([
      { ownerId: doctor.id, ownerName: 'dora (test)', dueThisWeek: 0, overdue: 1 },
      { ownerId: social.id, ownerName: 'sara (test)', dueThisWeek: 1, overdue: 0 },
    ]);
    for (const personId of [a, b, c]) expect(JSON.stringify(counts)).not.toContain(personId);
    expect(JSON.stringify(counts)).not.toContain('Salma');

    // One site asked for; a site the coordinator does not work at is refused, not left out.
    expect(
      (await t.must('casePlans.teamCounts', {}, mtpCoordinator.token)).sites.map((l) => l.siteId),
    ).toEqual([mtp]);
    const elsewhere = await t.call('casePlans.teamCounts', { siteIds: [out] }, mtpCoordinator.token);
    expect(elsewhere.ok ? null : elsewhere.error).toMatchObject({
      field: 'siteIds',
      details: { reason: 'site_not_yours' },
    });
    // The team reads its actions, not the coordination's counts; the coordinator no list of actions.
    const bySocial = await t.call('casePlans.teamCounts', {}, socialToday.token);
    expect(bySocial.ok ? null : bySocial.error.code).toBe('forbidden');
    const list = await t.call('casePlans.teamActions', {}, coordinator.token);
    expect(list.ok ? null : list.error.code).toBe('forbidden');
  });
});

describe('merging files', () => {
  it('moves a plan and its pointer to the kept file; two plans are refused, writing nothing', async () => {
    const { t, social, nurse } = await chams();
    const kept = await survivor(t, social.token, ['care_team', 'social_legal']);
    const other = await survivor(t, social.token, ['care_team', 'social_legal']);
    const third = await survivor(t, social.token, ['care_team', 'social_legal']);
    await t.must('casePlans.open', { personId: other }, social.token);
    await t.must('casePlans.open', { personId: third }, social.token);
    // The versions are read first: reading a file is itself an audited read.
    const mergeInput = async (survivorId: string, mergedId: string) => ({
      survivorId,
      mergedId,
      survivorVersion: (await t.must('persons.get', { id: survivorId }, t.worker.token)).version,
      mergedVersion: (await t.must('persons.get', { id: mergedId }, t.worker.token)).version,
    });
    expect((await t.call('persons.merge', await mergeInput(kept, other), t.token)).ok).toBe(true);
    expect((await t.must('casePlans.forPerson', { personId: kept }, social.token)).items).toHaveLength(1);
    expect((await t.must('persons.dossier', { id: kept }, nurse.token)).careReferent?.referentName).toBe(
      'sara (test)',
    );
    const input = await mergeInput(kept, third);
    const before = await storeSnapshot(t, ROWS_SQL);
    const refused = await t.call('persons.merge', input, t.token);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toMatchObject({ field: 'mergedId', details: { reason: 'case_plan_exists' } });
    expect(await storeSnapshot(t, ROWS_SQL)).toBe(before);
  });
});
