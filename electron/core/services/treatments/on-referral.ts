/**
 * The hospital referral of an HIV / hepatitis item (registered in the directory's
 * REFERRAL_SAVED_HOOKS): a referral to a hospital service makes the person's open items of a
 * referral kind `referred` (with the first appointment's date); that referral attended closes them.
 * The items are records of the tests section: they change only when whoever saves the referral may
 * write that person's tests (or wrote the item). A referral recorded by someone else (a social
 * worker, a lawyer) is kept as they saved it, and the item is left for a clinician: it stays open
 * or referred, with its alert and on the worklists, until a nurse or a doctor closes it.
 */
import type { EntityManager } from 'typeorm';
import { siteToday } from '../../../../shared/domain/schedules';
import { REFERRAL_ATTENDED } from '../../../../shared/domain/treatments';
import type { DossierScope } from '../../api/access';
import { decide, type Actor } from '../../access/gate';
import { requireSite } from '../centre/repository';
import { currentCatalogue } from '../clinical-catalogues/repository';
import type { SavedReferral } from '../directory/referral-hooks';
import { raiseVisitPriority, settleVisitPriority } from './priority';
import { itemsOfPersonIn, itemsOfReferral, saveToTreat, type ToTreatRow } from './repository';

async function appointmentOn(em: EntityManager, item: ToTreatRow, at: string | null): Promise<string | null> {
  if (!at) return null;
  return siteToday(new Date(at), (await requireSite(em, item.siteId)).timezone);
}

export async function followHospitalReferral(
  em: EntityManager,
  referral: SavedReferral,
  dossier: DossierScope,
  actor: Actor,
): Promise<void> {
  const now = dossier.now.toISOString();
  const subject = dossier.access[0]?.subject;
  if (!subject) return;
  // As `treatments.close` would decide it: the tests section written, or the item's author.
  const mayChange = (item: ToTreatRow) =>
    decide(actor, 'write', 'tests', {
      ...subject,
      authorIds: item.createdBy ? new Set([item.createdBy]) : subject.authorIds,
    }).allowed;
  const linked = await itemsOfReferral(em, referral.id);
  let candidates: ToTreatRow[] = linked;
  if (linked.length === 0 && referral.category === 'hospital_service') {
    const catalogue = await currentCatalogue(em, 'treatments');
    candidates = (await itemsOfPersonIn(em, referral.personId, ['open'])).filter(
      (i) => catalogue[i.infection]?.kind === 'referral',
    );
  }
  candidates = candidates.filter(mayChange);
  if (candidates.length === 0) return;
  for (const item of candidates) {
    if (item.status === 'closed' || item.status === 'treated') continue;
    const attended = referral.status === 'attended';
    // A referral missed or refused leaves the positive untreated: the item is open again, on the
    // board and the worklists, instead of resting as "referred".
    const fellThrough = referral.status === 'missed' || referral.status === 'refused';
    const next: ToTreatRow = {
      ...item,
      status: attended ? 'closed' : fellThrough ? 'open' : 'referred',
      referralId: referral.id,
      appointmentOn: await appointmentOn(em, item, referral.appointmentAt),
      closedReason: attended ? REFERRAL_ATTENDED : item.closedReason,
      updatedAt: now,
      version: item.version + 1,
    };
    await saveToTreat(em, next);
    dossier.wrote({ type: 'to_treat', id: item.id, section: 'tests', personId: item.personId });
  }
  if (referral.status === 'missed' || referral.status === 'refused')
    await raiseVisitPriority(em, referral.personId, dossier);
  else await settleVisitPriority(em, referral.personId, dossier);
}
