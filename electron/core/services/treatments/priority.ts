/**
 * The board priority a positive to treat gives the person's open visit (docs/clinical-pathway.md,
 * "Unmissable"). Changed only through the visits' repository; `pep_72h` keeps precedence; the
 * visit goes back to `normal` when the person's last open item is treated, referred or closed.
 */
import type { EntityManager } from 'typeorm';
import type { VisitPriority } from '../../../../shared/domain/catalogues';
import type { DossierScope } from '../../api/access';
import { findVisit, openVisitIdOf, updateVisitRow } from '../visits/repository';
import { itemsOfPersonIn } from './repository';

const POSITIVE = 'positive_to_treat' satisfies VisitPriority;

/** The person has an open item: their open visit (if any) becomes `positive_to_treat` unless PEP. */
export async function raiseVisitPriority(
  em: EntityManager,
  personId: string,
  dossier: Pick<DossierScope, 'now' | 'wrote'>,
): Promise<void> {
  const visitId = await openVisitIdOf(em, personId);
  const visit = visitId ? await findVisit(em, visitId) : null;
  if (!visit || visit.priority !== 'normal') return;
  await updateVisitRow(em, visit.id, {
    priority: POSITIVE,
    updatedAt: dossier.now.toISOString(),
    version: visit.version + 1,
  });
  dossier.wrote({ type: 'visit', id: visit.id, section: 'pathway', personId });
}

/** After an item left `open`: the visit is `normal` again when nothing else is open. */
export async function settleVisitPriority(
  em: EntityManager,
  personId: string,
  dossier: Pick<DossierScope, 'now' | 'wrote'>,
): Promise<void> {
  if ((await itemsOfPersonIn(em, personId, ['open'])).length > 0) return;
  const visitId = await openVisitIdOf(em, personId);
  const visit = visitId ? await findVisit(em, visitId) : null;
  if (!visit || visit.priority !== POSITIVE) return;
  await updateVisitRow(em, visit.id, {
    priority: 'normal',
    updatedAt: dossier.now.toISOString(),
    version: visit.version + 1,
  });
  dossier.wrote({ type: 'visit', id: visit.id, section: 'pathway', personId });
}

/** At check-in: the priority a visit opens with when the person still has something to treat. */
export async function priorityAtCheckIn(em: EntityManager, personId: string): Promise<VisitPriority | null> {
  return (await itemsOfPersonIn(em, personId, ['open'])).length > 0 ? POSITIVE : null;
}
