/**
 * Economic autonomy on a real encrypted store (docs/violence-care.md, slice 8): a social worker
 * records a vocational training and moves it forward to `employed`, starts a micro-credit
 * application and moves it along its steps; a training ending before it starts, a status that
 * may not follow, a step before the application, an amount of zero or less and a missing currency
 * are refused next to their field, writing nothing; texts are kept as typed; a nurse may not read
 * the section, and after a withdrawal a social worker sees only what they wrote; a
 * merge moves every record to the kept file.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import {
  allowedTrainingStatuses,
  endsBeforeStart,
  microCreditMoveAllowed,
  trainingMoveAllowed,
} from '../../shared/domain/economic-autonomy';
import { expectRefused, importRecords } from './helpers/clinical';
import { personInput, reception, staff, type Centre } from './helpers/reception';

/** The reception helper's clock: Monday 2026-03-02, 10:00 in Paris (09:00 UTC). */
async function centre() {
  const t = await reception();
  const social = await staff(t, 'sara', ['social_worker']);
  const psy = await staff(t, 'pauline', ['psychologist']);
  const nurse = await staff(t, 'nina', ['nurse']);
  const lender = await t.must(
    'directory.save',
    { name: 'Al Amana Microfinance', kind: 'organisation', category: 'ngo' },
    t.token,
  );
  return { t, social, psy, nurse, lenderId: lender.id };
}

async function survivor(t: Centre, token: string, nameUsed = 'Salma') {
  const p = await t.must('persons.create', personInput(t, { nameUsed }), token);
  await t.must('persons.recordConsent', { personId: p.id, scope: 'social_legal', given: true }, token);
  return p.id;
}

function training(
  personId: string,
  extra: Partial<ChannelInput<'economicAutonomy.saveTraining'>> = {},
): ChannelInput<'economicAutonomy.saveTraining'> {
  return { personId, field: 'cooking_pastry', startsOn: '2026-01-12', endsOn: '2026-06-30', ...extra };
}

function application(
  personId: string,
  extra: Partial<ChannelInput<'economicAutonomy.saveMicroCredit'>> = {},
): ChannelInput<'economicAutonomy.saveMicroCredit'> {
  return {
    personId,
    appliedOn: '2026-02-10',
    amountMinor: 500000,
    currency: 'MAD',
    purpose: '  Four et moules pour une pâtisserie à domicile ',
    ...extra,
  };
}

const ROWS_SQL =
  'SELECT (SELECT count(*) FROM audit_log) AS a, (SELECT group_concat(status || version) FROM training) AS t, (SELECT group_concat(status || amount_minor || version) FROM micro_credit) AS m, (SELECT count(*) FROM micro_credit_step) AS s';

describe('the status rules (pure)', () => {
  it('a training moves forward (skipping allowed), drops only while open, and employed or dropped is final', () => {
    expect(trainingMoveAllowed('enrolled', 'in_progress')).toBe(true);
    expect(trainingMoveAllowed('enrolled', 'completed')).toBe(true);
    expect(trainingMoveAllowed('completed', 'employed')).toBe(true);
    expect(trainingMoveAllowed('in_progress', 'in_progress')).toBe(true);
    expect(trainingMoveAllowed('in_progress', 'dropped')).toBe(true);
    expect(trainingMoveAllowed('completed', 'in_progress')).toBe(false);
    expect(trainingMoveAllowed('completed', 'dropped')).toBe(false);
    expect(trainingMoveAllowed('dropped', 'in_progress')).toBe(false);
    expect(trainingMoveAllowed('employed', 'completed')).toBe(false);
    expect(allowedTrainingStatuses('in_progress')).toEqual([
      'in_progress',
      'completed',
      'employed',
      'dropped',
    ]);
    expect(endsBeforeStart('2026-01-12', '2026-01-11')).toBe(true);
    expect(endsBeforeStart('2026-01-12', '2026-01-12')).toBe(false);
    expect(endsBeforeStart('2026-01-12', null)).toBe(false);
  });

  it('a micro-credit goes preparing → submitted → approved or refused → disbursed → repaid, withdrawn until disbursed', () => {
    expect(microCreditMoveAllowed('preparing', 'submitted')).toBe(true);
    expect(microCreditMoveAllowed('submitted', 'refused')).toBe(true);
    expect(microCreditMoveAllowed('approved', 'disbursed')).toBe(true);
    expect(microCreditMoveAllowed('disbursed', 'repaid')).toBe(true);
    expect(microCreditMoveAllowed('approved', 'withdrawn')).toBe(true);
    expect(microCreditMoveAllowed('preparing', 'approved')).toBe(false);
    expect(microCreditMoveAllowed('disbursed', 'withdrawn')).toBe(false);
    expect(microCreditMoveAllowed('refused', 'submitted')).toBe(false);
    expect(microCreditMoveAllowed('repaid', 'repaid')).toBe(false);
  });
});

describe('a training', () => {
  it('is recorded by the social worker and moves forward to employed; the psychologist reads it', async () => {
    const { t, social, psy, nurse } = await centre();
    const personId = await survivor(t, social.token);
    const enrolled = await t.must('economicAutonomy.saveTraining', training(personId), social.token);
    // The status day defaults to today at the site.
    expect(enrolled).toMatchObject({ kind: 'training', status: 'enrolled', statusOn: '2026-03-02' });
    const completed = await t.must(
      'economicAutonomy.saveTraining',
      training(personId, {
        id: enrolled.id,
        status: 'completed',
        statusOn: '2026-02-27',
        version: enrolled.version,
      }),
      social.token,
    );
    const employed = await t.must(
      'economicAutonomy.saveTraining',
      training(personId, { id: enrolled.id, status: 'employed', version: completed.version }),
      social.token,
    );
    expect(employed).toMatchObject({ status: 'employed', statusOn: '2026-03-02', version: 3 });
    const tab = await t.must('economicAutonomy.forPerson', { personId }, psy.token);
    expect(tab.view.status).toBe('shown');
    expect(tab.items).toEqual([employed]);
    // The timeline shows the training's field and status (label keys), never to a nurse.
    const timeline = await t.must('persons.timeline', { personId }, psy.token);
    expect(timeline.items.filter((i) => i.kind === 'training')).toMatchObject([
      { refId: enrolled.id, section: 'social', label: 'employed', detail: 'cooking_pastry' },
    ]);
    const nurses = await t.must('persons.timeline', { personId }, nurse.token);
    expect(nurses.items.filter((i) => i.kind === 'training')).toEqual([]);
  });

  it('refuses, writing nothing: an end before the start, a status going back, an "other" without its name, a future status day', async () => {
    const { t, social } = await centre();
    const personId = await survivor(t, social.token);
    const done = await t.must(
      'economicAutonomy.saveTraining',
      training(personId, { field: 'sewing', status: 'completed' }),
      social.token,
    );
    const tab = () => t.must('economicAutonomy.forPerson', { personId }, social.token);
    const refused = (input: ChannelInput<'economicAutonomy.saveTraining'>, field: string, reason: string) =>
      expectRefused(
        t,
        'economicAutonomy.saveTraining',
        input,
        social.token,
        { field, reason },
        { rowsSql: ROWS_SQL, tab },
      );
    await refused(training(personId, { endsOn: '2026-01-11' }), 'endsOn', 'end_before_start');
    await refused(
      training(personId, { id: done.id, field: 'sewing', status: 'in_progress', version: done.version }),
      'status',
      'status_move_not_allowed',
    );
    await refused(
      training(personId, { id: done.id, field: 'sewing', status: 'dropped', version: done.version }),
      'status',
      'status_move_not_allowed',
    );
    await refused(training(personId, { field: 'other' }), 'fieldLabel', 'field_label_required');
    await refused(training(personId, { statusOn: '2026-03-03' }), 'statusOn', 'date_in_future');
    // The label is kept exactly as typed.
    const other = await t.must(
      'economicAutonomy.saveTraining',
      training(personId, { field: 'other', fieldLabel: ' Informatique (bureautique) ' }),
      social.token,
    );
    expect(other.fieldLabel).toBe(' Informatique (bureautique) ');
  });
});

describe('a micro-credit application', () => {
  it('moves along its steps from preparing to repaid, each step dated and named', async () => {
    const { t, social, lenderId } = await centre();
    const personId = await survivor(t, social.token);
    const started = await t.must(
      'economicAutonomy.saveMicroCredit',
      application(personId, { lenderEntryId: lenderId }),
      social.token,
    );
    expect(started).toMatchObject({
      kind: 'micro_credit',
      status: 'preparing',
      amountMinor: 500000,
      currency: 'MAD',
      lenderName: 'Al Amana Microfinance',
      purpose: '  Four et moules pour une pâtisserie à domicile ',
      steps: [],
    });
    let current = started;
    for (const [status, on] of [
      ['submitted', '2026-02-12'],
      ['approved', '2026-02-20'],
      ['disbursed', '2026-02-20'],
      ['repaid', '2026-03-02'],
    ] as const)
      current = await t.must(
        'economicAutonomy.addMicroCreditStep',
        { personId, applicationId: started.id, status, on, version: current.version },
        social.token,
      );
    expect(current.status).toBe('repaid');
    expect(current.steps.map((s) => [s.status, s.on, s.byName])).toEqual([
      ['submitted', '2026-02-12', 'sara (test)'],
      ['approved', '2026-02-20', 'sara (test)'],
      ['disbursed', '2026-02-20', 'sara (test)'],
      ['repaid', '2026-03-02', 'sara (test)'],
    ]);
  });

  it('refuses, writing nothing: amount ≤ 0, no currency, a step before the application or the previous step, a move not allowed, a future step', async () => {
    const { t, social } = await centre();
    const personId = await survivor(t, social.token);
    const started = await t.must('economicAutonomy.saveMicroCredit', application(personId), social.token);
    const submitted = await t.must(
      'economicAutonomy.addMicroCreditStep',
      {
        personId,
        applicationId: started.id,
        status: 'submitted',
        on: '2026-02-15',
        version: started.version,
      },
      social.token,
    );
    const tab = () => t.must('economicAutonomy.forPerson', { personId }, social.token);
    const save = (input: ChannelInput<'economicAutonomy.saveMicroCredit'>, field: string, reason: string) =>
      expectRefused(
        t,
        'economicAutonomy.saveMicroCredit',
        input,
        social.token,
        { field, reason },
        { rowsSql: ROWS_SQL, tab },
      );
    const step = (
      extra: Partial<ChannelInput<'economicAutonomy.addMicroCreditStep'>>,
      field: string,
      reason: string,
    ) =>
      expectRefused(
        t,
        'economicAutonomy.addMicroCreditStep',
        {
          personId,
          applicationId: started.id,
          status: 'approved',
          on: '2026-02-20',
          version: submitted.version,
          ...extra,
        },
        social.token,
        { field, reason },
        { rowsSql: ROWS_SQL, tab },
      );
    await save(application(personId, { amountMinor: 0 }), 'amountMinor', 'amount_not_positive');
    await save(application(personId, { amountMinor: -100 }), 'amountMinor', 'amount_not_positive');
    await save(application(personId, { currency: '' }), 'currency', 'currency_required');
    await save(application(personId, { currency: 'mad' }), 'currency', 'currency_invalid');
    await save(application(personId, { appliedOn: '2026-03-03' }), 'appliedOn', 'date_in_future');
    // A correction may not move the application after its first step.
    await save(
      application(personId, { id: started.id, appliedOn: '2026-02-16', version: submitted.version }),
      'appliedOn',
      'step_before_application',
    );
    await step({ on: '2026-02-09' }, 'on', 'step_before_application');
    await step({ on: '2026-02-14' }, 'on', 'before_previous_step');
    await step({ status: 'repaid' }, 'status', 'status_move_not_allowed');
    await step({ status: 'preparing' }, 'status', 'status_move_not_allowed');
    await step({ on: '2026-03-03' }, 'on', 'date_in_future');
    const other = await survivor(t, social.token, 'Nadia');
    await expectRefused(
      t,
      'economicAutonomy.addMicroCreditStep',
      {
        personId: other,
        applicationId: started.id,
        status: 'approved',
        on: '2026-02-20',
        version: submitted.version,
      },
      social.token,
      { field: 'applicationId', reason: 'unknown_application' },
      { rowsSql: ROWS_SQL },
    );
  });
});

describe('who reads it', () => {
  it('a nurse may not; after a withdrawal a social worker sees only the records and steps they wrote', async () => {
    const { t, social, nurse } = await centre();
    const colleague = await staff(t, 'samir', ['social_worker']);
    const personId = await survivor(t, social.token);
    const mine = await t.must('economicAutonomy.saveMicroCredit', application(personId), social.token);
    await t.must('economicAutonomy.saveTraining', training(personId), colleague.token);
    await t.must(
      'economicAutonomy.addMicroCreditStep',
      { personId, applicationId: mine.id, status: 'submitted', on: '2026-02-12', version: mine.version },
      colleague.token,
    );
    await t.must('persons.recordConsent', { personId, scope: 'social_legal', given: false }, social.token);
    const own = await t.must('economicAutonomy.forPerson', { personId }, social.token);
    expect(own.view.status).toBe('own_only');
    expect(own.items.map((i) => i.kind)).toEqual(['micro_credit']);
    // The step the colleague added to this application is not the reader's.
    expect(own.items[0].kind === 'micro_credit' && own.items[0].steps).toEqual([]);
    expect((await t.must('economicAutonomy.forPerson', { personId }, nurse.token)).view.status).toBe(
      'forbidden',
    );
    const r = await t.call('economicAutonomy.saveTraining', training(personId), nurse.token);
    expect(r.ok).toBe(false);
  });

  it('a merge moves the trainings, applications and steps to the kept file', async () => {
    const { t, social } = await centre();
    const kept = await survivor(t, social.token);
    const other = await survivor(t, social.token, 'Salma B.');
    const tr = await t.must('economicAutonomy.saveTraining', training(other), social.token);
    const mc = await t.must('economicAutonomy.saveMicroCredit', application(other), social.token);
    await t.must(
      'economicAutonomy.addMicroCreditStep',
      { personId: other, applicationId: mc.id, status: 'submitted', on: '2026-02-12', version: mc.version },
      social.token,
    );
    const version = async (id: string) => (await t.must('persons.get', { id }, t.worker.token)).version;
    await t.must(
      'persons.merge',
      {
        survivorId: kept,
        mergedId: other,
        survivorVersion: await version(kept),
        mergedVersion: await version(other),
      },
      t.token,
    );
    const tab = await t.must('economicAutonomy.forPerson', { personId: kept }, social.token);
    expect(
      tab.items.map((i) => [i.kind, i.id, i.personId, i.kind === 'micro_credit' ? i.steps.length : null]),
    ).toEqual([
      ['training', tr.id, kept, null],
      ['micro_credit', mc.id, kept, 1],
    ]);
  });

  it('the import applies the same rules: an end before the start, a step of another person or before the application', async () => {
    const { t, social } = await centre();
    const personId = await survivor(t, social.token);
    const other = await survivor(t, social.token, 'Nadia');
    const siteId = t.siteIds[0];
    const trainingRecord = {
      type: 'training',
      id: 'tr-import',
      personId,
      siteId,
      field: 'sewing',
      startsOn: '2026-01-12',
      endsOn: '2026-01-11',
      status: 'completed',
      statusOn: '2026-02-01',
    };
    expect(await importRecords(t, trainingRecord)).toMatchObject([
      { field: 'endsOn', reason: 'end_before_start' },
    ]);
    const applicationRecord = {
      type: 'micro_credit',
      id: 'mc-import',
      personId,
      siteId,
      appliedOn: '2026-02-10',
      amountMinor: 300000,
      currency: 'MAD',
      purpose: 'Machine à coudre',
      status: 'submitted',
    };
    const stepRecord = {
      type: 'micro_credit_step',
      id: 'mcs-import',
      applicationId: 'mc-import',
      personId,
      status: 'submitted',
      on: '2026-02-12',
    };
    expect(await importRecords(t, applicationRecord, { ...stepRecord, personId: other })).toMatchObject([
      { field: 'applicationId', reason: 'unknown_application' },
    ]);
    expect(await importRecords(t, applicationRecord, { ...stepRecord, on: '2026-02-09' })).toMatchObject([
      { field: 'on', reason: 'step_before_application' },
    ]);
    expect(
      await importRecords(t, { ...trainingRecord, endsOn: '2026-06-30' }, applicationRecord, stepRecord),
    ).toEqual([]);
    const tab = await t.must('economicAutonomy.forPerson', { personId }, social.token);
    expect(
      tab.items.map((i) => [i.kind, i.status, i.kind === 'micro_credit' ? i.steps.length : null]),
    ).toEqual([
      ['training', 'completed', null],
      ['micro_credit', 'submitted', 1],
    ]);
  });
});
