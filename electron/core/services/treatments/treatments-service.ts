/**
 * Test and Treat: a positive result opens one item per treatable infection; the nurse or doctor
 * gives the treatment (pre-filled from the catalogue), or the item is referred to the hospital
 * service (HIV, hepatitis) and closed when the referral is attended, or closed with a reason; the
 * partners are listed pseudonymously and move forward only. The delay from the result to the
 * treatment is counted in the site's calendar and kept for ever.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { Partner, ToTreat, Treatment } from '../../../../shared/contract/treatments';
import type { TreatmentDefault } from '../../../../shared/domain/clinical-catalogues';
import { daysBetween, siteToday } from '../../../../shared/domain/schedules';
import { cureTestDueOn, partnerMoveAllowed } from '../../../../shared/domain/treatments';
import type { DossierCall } from '../../api/routes';
import type { Lookup } from '../../api/access';
import { conflict, invalid, notFound } from '../../errors';
import { requireSite } from '../centre/repository';
import { currentCatalogue } from '../clinical-catalogues/repository';
import { findResult } from '../screenings/repository';
import { staffNames } from '../users/staff-names';
import { findUser } from '../users/repository';
import { settleVisitPriority } from './priority';
import {
  findToTreat,
  findTreatment,
  insertTreatment,
  partnersOf,
  saveToTreat,
  savePartner,
  type PartnerRow,
  type ToTreatRow,
  type ToTreatWithDetails,
  type TreatmentRow,
} from './repository';

/** Forms give a time to the minute: a treatment in the result's own minute is not before it. */
export function minuteOf(instant: string): number {
  return Math.floor(Date.parse(instant) / 60_000) * 60_000;
}

/** A minute of clock drift between workstations is not "the future". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function toPartner(p: PartnerRow): Partner {
  return {
    id: p.id,
    pseudonym: p.pseudonym,
    notifier: p.notifier,
    status: p.status,
    statusOn: p.statusOn,
    version: p.version,
  };
}

function toTreatment(t: TreatmentRow, names: ReadonlyMap<string, string>): Treatment {
  return {
    id: t.id,
    drug: t.drug,
    dose: t.dose,
    route: t.route,
    givenAt: t.givenAt,
    givenBy: t.givenBy,
    givenByName: names.get(t.givenBy) ?? null,
  };
}

/**
 * The views of items. Given `now`, an open item carries `waitingDays`: whole days from its opening
 * to today on its site's calendar (computed here, where the site's zone is known, so every screen
 * shows the same number whatever the workstation's clock or zone says).
 */
export async function toItems(
  em: EntityManager,
  rows: readonly ToTreatWithDetails[],
  now?: Date,
): Promise<ToTreat[]> {
  if (rows.length === 0) return [];
  const todayAt = new Map<string, string>();
  const siteTodayOf = async (siteId: string): Promise<string | null> => {
    if (!now) return null;
    let today = todayAt.get(siteId);
    if (!today) {
      today = siteToday(now, (await requireSite(em, siteId)).timezone);
      todayAt.set(siteId, today);
    }
    return today;
  };
  const catalogue = await currentCatalogue(em, 'treatments');
  const names = await staffNames(
    em,
    rows.flatMap((r) => (r.treatment ? [r.treatment.givenBy] : [])),
  );
  const items: ToTreat[] = [];
  for (const r of rows) {
    const result = await findResult(em, r.resultId);
    const entry: TreatmentDefault | undefined = catalogue[r.infection];
    const today = r.status === 'open' ? await siteTodayOf(r.siteId) : null;
    items.push({
      id: r.id,
      personId: r.personId,
      siteId: r.siteId,
      resultId: r.resultId,
      testCode: result?.testCode ?? null,
      resultedAt: result?.resultedAt ?? null,
      infection: r.infection,
      kind: entry?.kind === 'referral' ? 'referral' : 'drug',
      openedOn: r.openedOn,
      status: r.status,
      referralId: r.referralId,
      appointmentOn: r.appointmentOn,
      treatedOn: r.treatedOn,
      delayDays: r.delayDays,
      waitingDays: today ? Math.max(0, daysBetween(r.openedOn, today)) : null,
      cureTestDueOn: r.cureTestDueOn,
      closedReason: r.closedReason,
      treatmentId: r.treatmentId,
      cureResultId: r.cureResultId,
      treatment: r.treatment ? toTreatment(r.treatment, names) : null,
      partners: r.partners.map(toPartner),
      defaults: entry?.kind === 'drug' ? { drug: entry.drug, dose: entry.dose, route: entry.route } : null,
      authorId: r.createdBy,
      version: r.version,
    });
  }
  return items;
}

async function itemWithDetails(
  em: EntityManager,
  row: ToTreatRow,
  treatment: TreatmentRow | null,
  now: Date,
) {
  return (await toItems(em, [{ ...row, treatment, partners: await partnersOf(em, row.id) }], now))[0];
}

/** The item the input names, of that person (else not found: the gate checked that person). */
async function itemOf(
  em: EntityManager,
  personId: string,
  id: string,
  version?: number,
): Promise<ToTreatRow> {
  const row = await findToTreat(em, id);
  if (!row || row.personId !== personId) throw notFound('to_treat');
  if (version !== undefined && row.version !== version) throw conflict('to_treat');
  return row;
}

export async function give(input: In<'treatments.give'>, { actor, dossier }: DossierCall): Promise<ToTreat> {
  const { em, now } = dossier;
  const item = await itemOf(em, input.personId, input.toTreatId, input.version);
  if (item.status !== 'open') throw invalid('toTreatId', 'to_treat_not_open');
  if (Date.parse(input.givenAt) > now.getTime() + FUTURE_TOLERANCE_MS)
    throw invalid('givenAt', 'date_in_future');
  const result = await findResult(em, item.resultId);
  if (result && Date.parse(input.givenAt) < minuteOf(result.resultedAt))
    throw invalid('givenAt', 'treatment_before_result');
  const givenBy = input.givenBy ?? actor.userId;
  const carer = await findUser(em, givenBy);
  if (!carer || !carer.active) throw invalid('givenBy', 'unknown_user');

  const site = await requireSite(em, item.siteId);
  const givenAt = new Date(input.givenAt).toISOString();
  const treatedOn = siteToday(new Date(givenAt), site.timezone);
  const at = now.toISOString();
  const treatment: TreatmentRow = {
    id: randomUUID(),
    personId: item.personId,
    siteId: item.siteId,
    toTreatId: item.id,
    drug: input.drug,
    dose: input.dose,
    route: input.route,
    givenAt,
    givenBy,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await insertTreatment(em, treatment);
  const tests = await currentCatalogue(em, 'tests');
  const needsCure = result ? tests[result.testCode]?.testOfCure === true : false;
  const next: ToTreatRow = {
    ...item,
    status: 'treated',
    treatmentId: treatment.id,
    treatedOn,
    delayDays: daysBetween(item.openedOn, treatedOn),
    cureTestDueOn: needsCure ? cureTestDueOn(treatedOn) : null,
    updatedAt: at,
    version: item.version + 1,
  };
  await saveToTreat(em, next);
  dossier.wrote({ type: 'treatment', id: treatment.id, action: 'create' });
  dossier.wrote({ type: 'to_treat', id: item.id, action: 'update' });
  await settleVisitPriority(em, item.personId, dossier);
  return itemWithDetails(em, next, treatment, now);
}

export async function close(input: In<'treatments.close'>, { dossier }: DossierCall): Promise<ToTreat> {
  const { em, now } = dossier;
  const item = await itemOf(em, input.personId, input.toTreatId, input.version);
  if (item.status !== 'open' && item.status !== 'referred') throw invalid('toTreatId', 'to_treat_not_open');
  const next: ToTreatRow = {
    ...item,
    status: 'closed',
    closedReason: input.reason,
    updatedAt: now.toISOString(),
    version: item.version + 1,
  };
  await saveToTreat(em, next);
  dossier.wrote({ type: 'to_treat', id: item.id, action: 'update' });
  await settleVisitPriority(em, item.personId, dossier);
  return itemWithDetails(em, next, null, now);
}

export async function savePartners(
  input: In<'treatments.savePartners'>,
  { actor, dossier }: DossierCall,
): Promise<ToTreat> {
  const { em, now } = dossier;
  const item = await itemOf(em, input.personId, input.toTreatId);
  const site = await requireSite(em, item.siteId);
  const today = siteToday(now, site.timezone);
  const existing = new Map((await partnersOf(em, item.id)).map((p) => [p.id, p]));
  const at = now.toISOString();
  // Every line is checked before anything is written: a refused save writes nothing.
  const rows: PartnerRow[] = [];
  input.partners.forEach((p, i) => {
    const before = p.id ? existing.get(p.id) : undefined;
    if (p.id && !before) throw invalid(`partners.${i}.id`, 'unknown_partner');
    if (before && p.version !== before.version) throw conflict('partner');
    if (before && !partnerMoveAllowed(before.status, p.status))
      throw invalid(`partners.${i}.status`, 'partner_status_backward');
    const unchanged =
      before &&
      before.pseudonym === p.pseudonym &&
      before.notifier === p.notifier &&
      before.status === p.status;
    if (unchanged) return;
    rows.push({
      id: before?.id ?? randomUUID(),
      personId: item.personId,
      toTreatId: item.id,
      siteId: item.siteId,
      pseudonym: p.pseudonym,
      notifier: p.notifier,
      status: p.status,
      statusOn: before && before.status === p.status ? before.statusOn : today,
      createdBy: before?.createdBy ?? actor.userId,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
      version: (before?.version ?? 0) + 1,
    });
  });
  for (const row of rows) {
    await savePartner(em, row);
    dossier.wrote({ type: 'partner', id: row.id, action: existing.has(row.id) ? 'update' : 'create' });
  }
  const treatment = item.treatmentId ? await findTreatment(em, item.treatmentId) : null;
  return itemWithDetails(em, item, treatment, now);
}

/** Who opened the item the call names (an author may write their own, as for any record). */
export const authorOfToTreat = async (input: { toTreatId: string }, { em }: Lookup) =>
  (await findToTreat(em, input.toTreatId))?.createdBy ?? null;
