/**
 * Economic autonomy (docs/violence-care.md, section 4): a training's end is not before its start
 * and its status moves forward (or to `dropped` while open); a micro-credit application has a
 * positive amount in a currency, and its status moves along its steps, each dated on or after the
 * application and its previous step, never in the future. A refused save writes nothing: every
 * check runs before the first write.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { MicroCredit, Training } from '../../../../shared/contract/economic-autonomy';
import {
  endsBeforeStart,
  microCreditMoveAllowed,
  trainingMoveAllowed,
} from '../../../../shared/domain/economic-autonomy';
import { daysBetween, siteToday } from '../../../../shared/domain/schedules';
import type { Lookup } from '../../api/access';
import type { DossierCall } from '../../api/routes';
import { conflict, invalid } from '../../errors';
import { findSite } from '../centre/repository';
import { entriesByIds, findEntry } from '../directory/repository';
import { loadPerson } from '../persons/repository';
import { staffNames } from '../users/staff-names';
import {
  findMicroCredit,
  findTraining,
  insertMicroCreditStepRow,
  microCreditsOfPerson,
  saveMicroCreditRow,
  saveTrainingRow,
  type MicroCreditRow,
  type MicroCreditWithSteps,
  type TrainingRow,
} from './repository';

const DEFAULT_TIME_ZONE = 'Europe/Paris';
/** An ISO 4217 code as the form sends it (MAD, EUR, HTG). */
const CURRENCY = /^[A-Z]{3}$/;

async function entryName(em: EntityManager, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await entriesByIds(em, [id]))[0]?.name ?? null;
}

export async function toTraining(em: EntityManager, t: TrainingRow): Promise<Training> {
  return {
    kind: 'training',
    id: t.id,
    personId: t.personId,
    siteId: t.siteId,
    field: t.field,
    fieldLabel: t.fieldLabel,
    providerEntryId: t.providerEntryId,
    providerName: await entryName(em, t.providerEntryId),
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    status: t.status,
    statusOn: t.statusOn,
    authorId: t.createdBy,
    version: t.version,
  };
}

export async function toMicroCredit(em: EntityManager, a: MicroCreditWithSteps): Promise<MicroCredit> {
  const names = await staffNames(
    em,
    a.steps.map((s) => s.createdBy),
  );
  return {
    kind: 'micro_credit',
    id: a.id,
    personId: a.personId,
    siteId: a.siteId,
    lenderEntryId: a.lenderEntryId,
    lenderName: await entryName(em, a.lenderEntryId),
    appliedOn: a.appliedOn,
    amountMinor: a.amountMinor,
    currency: a.currency,
    purpose: a.purpose,
    status: a.status,
    steps: a.steps.map((s) => ({
      id: s.id,
      status: s.status,
      on: s.on,
      note: s.note,
      byName: s.createdBy ? (names.get(s.createdBy) ?? null) : null,
    })),
    authorId: a.createdBy,
    version: a.version,
  };
}

async function replyMicroCredit(em: EntityManager, row: MicroCreditRow): Promise<MicroCredit> {
  const found = (await microCreditsOfPerson(em, row.personId)).find((a) => a.id === row.id);
  if (!found) throw new Error('the application just written is not found');
  return toMicroCredit(em, found);
}

/** Who recorded the training a call touches (its author may keep working on it); the caller for a new one. */
export async function authorOfTraining(
  input: { personId: string; id?: string },
  { em, actor }: Lookup,
): Promise<string | null> {
  if (!input.id) return actor.userId;
  const training = await findTraining(em, input.id);
  return training && training.personId === input.personId ? training.createdBy : null;
}

/** Who started the application a call touches; the caller for a new one. */
export async function authorOfMicroCredit(
  input: { personId: string; id?: string; applicationId?: string },
  { em, actor }: Lookup,
): Promise<string | null> {
  const id = input.applicationId ?? input.id;
  if (!id) return actor.userId;
  const application = await findMicroCredit(em, id);
  return application && application.personId === input.personId ? application.createdBy : null;
}

function stamp(
  existing: { createdAt: string; version: number } | null,
  at: string,
): { createdAt: string; updatedAt: string; version: number } {
  return { createdAt: existing?.createdAt ?? at, updatedAt: at, version: (existing?.version ?? 0) + 1 };
}

/** The site the record is followed at and its today, or a refusal on `siteId`. */
async function siteAndToday(
  em: EntityManager,
  siteId: string,
  now: Date,
): Promise<{ siteId: string; today: string }> {
  const site = await findSite(em, siteId);
  if (!site) throw invalid('siteId', 'unknown_site');
  return { siteId: site.id, today: siteToday(now, site.timezone ?? DEFAULT_TIME_ZONE) };
}

async function checkEntry(em: EntityManager, id: string | null, field: string): Promise<void> {
  if (!id) return;
  const entry = await findEntry(em, id);
  if (!entry || !entry.active) throw invalid(field, 'unknown_entry');
}

export async function saveTraining(
  input: In<'economicAutonomy.saveTraining'>,
  call: DossierCall,
): Promise<Training> {
  const { actor, dossier } = call;
  const { em, now } = dossier;
  const person = await loadPerson(em, input.personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  const existing = input.id ? await findTraining(em, input.id) : null;
  if (input.id && (!existing || existing.personId !== person.id)) throw invalid('id', 'unknown_training');
  if (existing ? existing.version !== input.version : input.version !== undefined) throw conflict('training');
  const { siteId, today } = await siteAndToday(em, existing?.siteId ?? input.siteId ?? person.siteId, now);
  if (endsBeforeStart(input.startsOn, input.endsOn)) throw invalid('endsOn', 'end_before_start');
  if (input.field === 'other' && !input.fieldLabel) throw invalid('fieldLabel', 'field_label_required');
  await checkEntry(em, input.providerEntryId, 'providerEntryId');
  if (existing && !trainingMoveAllowed(existing.status, input.status))
    throw invalid('status', 'status_move_not_allowed');
  const statusChanged = !existing || existing.status !== input.status;
  const statusOn = input.statusOn ?? (statusChanged ? today : existing.statusOn);
  if (daysBetween(today, statusOn) > 0) throw invalid('statusOn', 'date_in_future');

  const row: TrainingRow = {
    id: existing?.id ?? randomUUID(),
    personId: person.id,
    siteId,
    field: input.field,
    fieldLabel: input.fieldLabel,
    providerEntryId: input.providerEntryId,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    status: input.status,
    statusOn,
    createdBy: existing?.createdBy ?? actor.userId,
    ...stamp(existing, now.toISOString()),
  };
  await saveTrainingRow(em, row);
  dossier.wrote({ type: 'training', id: row.id, action: existing ? 'update' : 'create' });
  return toTraining(em, row);
}

/** The application of this person, or a refusal naming the field that named it. */
async function applicationOf(
  em: EntityManager,
  personId: string,
  id: string,
  field: string,
): Promise<MicroCreditWithSteps> {
  const application = (await microCreditsOfPerson(em, personId)).find((a) => a.id === id);
  if (!application) throw invalid(field, 'unknown_application');
  return application;
}

export async function saveMicroCredit(
  input: In<'economicAutonomy.saveMicroCredit'>,
  call: DossierCall,
): Promise<MicroCredit> {
  const { actor, dossier } = call;
  const { em, now } = dossier;
  const person = await loadPerson(em, input.personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  const existing = input.id ? await applicationOf(em, person.id, input.id, 'id') : null;
  if (existing ? existing.version !== input.version : input.version !== undefined)
    throw conflict('micro_credit');
  const { siteId, today } = await siteAndToday(em, existing?.siteId ?? input.siteId ?? person.siteId, now);
  if (input.amountMinor <= 0) throw invalid('amountMinor', 'amount_not_positive');
  if (input.currency.trim() === '') throw invalid('currency', 'currency_required');
  if (!CURRENCY.test(input.currency)) throw invalid('currency', 'currency_invalid');
  if (daysBetween(today, input.appliedOn) > 0) throw invalid('appliedOn', 'date_in_future');
  const firstStep = existing?.steps[0]?.on;
  if (firstStep !== undefined && input.appliedOn > firstStep)
    throw invalid('appliedOn', 'step_before_application');
  await checkEntry(em, input.lenderEntryId, 'lenderEntryId');

  const row: MicroCreditRow = {
    id: existing?.id ?? randomUUID(),
    personId: person.id,
    siteId,
    lenderEntryId: input.lenderEntryId,
    appliedOn: input.appliedOn,
    amountMinor: input.amountMinor,
    currency: input.currency,
    purpose: input.purpose,
    status: existing?.status ?? 'preparing',
    createdBy: existing?.createdBy ?? actor.userId,
    ...stamp(existing, now.toISOString()),
  };
  await saveMicroCreditRow(em, row);
  dossier.wrote({ type: 'micro_credit', id: row.id, action: existing ? 'update' : 'create' });
  return replyMicroCredit(em, row);
}

export async function addMicroCreditStep(
  input: In<'economicAutonomy.addMicroCreditStep'>,
  call: DossierCall,
): Promise<MicroCredit> {
  const { actor, dossier } = call;
  const { em, now } = dossier;
  const application = await applicationOf(em, input.personId, input.applicationId, 'applicationId');
  if (application.version !== input.version) throw conflict('micro_credit');
  if (!microCreditMoveAllowed(application.status, input.status))
    throw invalid('status', 'status_move_not_allowed');
  if (input.on < application.appliedOn) throw invalid('on', 'step_before_application');
  const previous = application.steps[application.steps.length - 1];
  if (previous && input.on < previous.on) throw invalid('on', 'before_previous_step');
  const { today } = await siteAndToday(em, application.siteId, now);
  if (daysBetween(today, input.on) > 0) throw invalid('on', 'date_in_future');

  const at = now.toISOString();
  const { steps: _steps, ...row } = application;
  const updated: MicroCreditRow = { ...row, status: input.status, updatedAt: at, version: row.version + 1 };
  await saveMicroCreditRow(em, updated);
  dossier.wrote({ type: 'micro_credit', id: row.id, action: 'update' });
  const stepId = randomUUID();
  await insertMicroCreditStepRow(em, {
    id: stepId,
    applicationId: row.id,
    personId: row.personId,
    status: input.status,
    on: input.on,
    note: input.note,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  });
  dossier.wrote({ type: 'micro_credit_step', id: stepId, action: 'create' });
  return replyMicroCredit(em, updated);
}
