/**
 * What a saved result does to Test and Treat, inside the result's transaction (registered in
 * screenings' RESULT_SAVED_HOOKS): a positive opens one item per infection the treatments
 * catalogue names (a drug given here, or a referral to the hospital service), unless one is
 * already open or referred for that infection; any result of a test that detects what an item was
 * treated for ends that item's wait for its test of cure.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { siteToday } from '../../../../shared/domain/schedules';
import type { DossierCall } from '../../api/routes';
import { requireSite } from '../centre/repository';
import { currentCatalogue } from '../clinical-catalogues/repository';
import type { SavedResult } from '../screenings/result-hooks';
import { raiseVisitPriority } from './priority';
import { insertToTreat, itemsOfPersonIn, saveToTreat, type ToTreatRow } from './repository';

export async function openToTreatOnResult(
  em: EntityManager,
  result: SavedResult,
  { actor, dossier }: DossierCall,
) {
  const at = dossier.now.toISOString();
  const tests = await currentCatalogue(em, 'tests');
  const detects = new Set(tests[result.testCode]?.detects ?? []);

  // A test of cure: the first result after the treatment, whatever it says (a positive opens anew).
  for (const item of await itemsOfPersonIn(em, result.personId, ['treated'])) {
    if (!item.cureTestDueOn || !detects.has(item.infection)) continue;
    await saveToTreat(em, {
      ...item,
      cureTestDueOn: null,
      cureResultId: result.id,
      updatedAt: at,
      version: item.version + 1,
    });
    dossier.wrote({ type: 'to_treat', id: item.id, action: 'update', personId: result.personId });
  }

  if (result.interpretation !== 'positive' || result.infections.length === 0) return;
  const catalogue = await currentCatalogue(em, 'treatments');
  const pending = new Set(
    (await itemsOfPersonIn(em, result.personId, ['open', 'referred'])).map((i) => i.infection),
  );
  const site = await requireSite(em, result.siteId);
  const openedOn = siteToday(new Date(result.resultedAt), site.timezone);
  let opened = 0;
  for (const infection of new Set(result.infections)) {
    if (!catalogue[infection] || pending.has(infection)) continue;
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
    await insertToTreat(em, row);
    dossier.wrote({ type: 'to_treat', id: row.id, action: 'create', personId: result.personId });
    opened++;
  }
  if (opened > 0) await raiseVisitPriority(em, result.personId, dossier);
}
