/**
 * What a saved result does to Test and Treat, inside the result's transaction (registered in
 * screenings' RESULT_SAVED_HOOKS): a positive opens one item per infection the treatments
 * catalogue names (a drug given here, or a referral to the hospital service), unless one is
 * already open or referred for that infection; any result of a test that detects what an item was
 * treated for ends that item's wait for its test of cure.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Infection } from '../../../../shared/domain/clinical-catalogues';
import { siteToday } from '../../../../shared/domain/schedules';
import type { DossierCall } from '../../api/routes';
import { allSites, requireSite } from '../centre/repository';
import { currentCatalogue } from '../clinical-catalogues/repository';
import type { SavedResult } from '../screenings/result-hooks';
import { raiseVisitPriority } from './priority';
import { insertToTreatRows, itemsOfPersonsIn, saveToTreat, type ToTreatRow } from './repository';

/** One result saved by the screen: the same rules as a file of results, for a file of one. */
export async function openToTreatOnResult(em: EntityManager, result: SavedResult, call: DossierCall) {
  await openToTreatOnResults(em, [result], () => call);
}

/**
 * Results saved in one transaction (one by the screen, thousands by the lab import), the rules
 * applied in the results' order: the items of all their persons read once, the new items
 * inserted in a few statements. A result sees what the results before it did (an item opened, a
 * test of cure ended), as it would had each run the single hook in turn; a person's open visit is
 * raised once, as the single hook's later calls find it raised already.
 */
export async function openToTreatOnResults(
  em: EntityManager,
  results: readonly SavedResult[],
  callOf: (result: SavedResult) => DossierCall,
): Promise<void> {
  if (results.length === 0) return;
  const tests = await currentCatalogue(em, 'tests');
  const catalogue = await currentCatalogue(em, 'treatments');
  const items = await itemsOfPersonsIn(
    em,
    results.map((r) => r.personId),
    ['treated', 'open', 'referred'],
  );
  const treated = new Map<string, ToTreatRow[]>();
  const pending = new Map<string, Set<Infection>>();
  for (const item of items) {
    if (item.status === 'treated') {
      const list = treated.get(item.personId);
      if (list) list.push(item);
      else treated.set(item.personId, [item]);
    } else {
      const set = pending.get(item.personId);
      if (set) set.add(item.infection);
      else pending.set(item.personId, new Set([item.infection]));
    }
  }
  const timezones = new Map((await allSites(em)).map((s) => [s.id, s.timezone]));
  const opened: ToTreatRow[] = [];
  const raise = new Map<string, DossierCall>();
  for (const result of results) {
    const call = callOf(result);
    const { actor, dossier } = call;
    const at = dossier.now.toISOString();
    const detects = new Set(tests[result.testCode]?.detects ?? []);
    const own = treated.get(result.personId) ?? [];
    for (const [i, item] of own.entries()) {
      if (!item.cureTestDueOn || !detects.has(item.infection)) continue;
      const next: ToTreatRow = {
        ...item,
        cureTestDueOn: null,
        cureResultId: result.id,
        updatedAt: at,
        version: item.version + 1,
      };
      await saveToTreat(em, next);
      own[i] = next;
      dossier.wrote({ type: 'to_treat', id: item.id, action: 'update', personId: result.personId });
    }

    if (result.interpretation !== 'positive' || result.infections.length === 0) continue;
    let open = pending.get(result.personId);
    if (!open) pending.set(result.personId, (open = new Set()));
    const timezone = timezones.get(result.siteId) ?? (await requireSite(em, result.siteId)).timezone;
    const openedOn = siteToday(new Date(result.resultedAt), timezone);
    for (const infection of new Set(result.infections)) {
      if (!catalogue[infection] || open.has(infection)) continue;
      const row: ToTreatRow = {
        id: randomUUID(),
        personId: result.personId,
        siteId: result.siteId,
        resultId: result.id,
        infection,
        openedOn,
        status: 'open',
        treatmentId: null,
        referralId: null,
        appointmentOn: null,
        treatedOn: null,
        delayDays: null,
        cureTestDueOn: null,
        cureResultId: null,
        closedReason: null,
        createdBy: actor.userId,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      opened.push(row);
      open.add(infection);
      dossier.wrote({ type: 'to_treat', id: row.id, action: 'create', personId: result.personId });
      if (!raise.has(result.personId)) raise.set(result.personId, call);
    }
  }
  await insertToTreatRows(em, opened);
  for (const [personId, call] of raise) await raiseVisitPriority(em, personId, call.dossier);
}
