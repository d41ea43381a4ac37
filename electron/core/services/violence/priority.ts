/**
 * The board priority an open 72-hour protocol gives the person's open visit (docs/violence-care.md,
 * section 4). Changed only through the visits' repository; `pep_72h` keeps precedence (an exposure
 * the care team knows); the visit goes back to what the other capabilities ask (else `normal`)
 * once no protocol of the person is open with its deadline ahead.
 */
import type { EntityManager } from 'typeorm';
import { VISIT_PRIORITIES, type VisitPriority } from '../../../../shared/domain/catalogues';
import type { DossierScope } from '../../api/access';
import { findVisit, openVisitIdOf, updateVisitRow } from '../visits/repository';
import { openProtocolsOf } from './repository';

const VIOLENCE = 'violence_72h' satisfies VisitPriority;
const rank = (p: VisitPriority) => VISIT_PRIORITIES.indexOf(p);

async function hasRunningProtocol(em: EntityManager, personId: string, now: Date): Promise<boolean> {
  const open = await openProtocolsOf(em, personId);
  return open.some((i) => i.protocolDeadline !== null && Date.parse(i.protocolDeadline) > now.getTime());
}

/** At check-in: `violence_72h` while a protocol of the person is open and before its deadline. */
export async function violencePriorityAtCheckIn(
  em: EntityManager,
  personId: string,
  now: Date,
): Promise<VisitPriority | null> {
  return (await hasRunningProtocol(em, personId, now)) ? VIOLENCE : null;
}

/** An incident with an open protocol was saved: the open visit (if any) is raised, never lowered. */
export async function raiseViolencePriority(
  em: EntityManager,
  personId: string,
  dossier: Pick<DossierScope, 'now' | 'wrote'>,
): Promise<void> {
  const visitId = await openVisitIdOf(em, personId);
  const visit = visitId ? await findVisit(em, visitId) : null;
  if (!visit || rank(visit.priority) <= rank(VIOLENCE)) return;
  await updateVisitRow(em, visit.id, {
    priority: VIOLENCE,
    updatedAt: dossier.now.toISOString(),
    version: visit.version + 1,
  });
  dossier.wrote({ type: 'visit', id: visit.id, section: 'pathway', personId });
}

/**
 * A protocol closed: the visit set to `violence_72h` goes back to what the other reasons still ask
 * (`others`: the check-in hooks' answer without the desk's choice), unless another protocol runs.
 */
export async function settleViolencePriority(
  em: EntityManager,
  personId: string,
  dossier: Pick<DossierScope, 'now' | 'wrote'>,
  others: (em: EntityManager, personId: string, now: Date) => Promise<VisitPriority>,
): Promise<void> {
  if (await hasRunningProtocol(em, personId, dossier.now)) return;
  const visitId = await openVisitIdOf(em, personId);
  const visit = visitId ? await findVisit(em, visitId) : null;
  if (!visit || visit.priority !== VIOLENCE) return;
  await updateVisitRow(em, visit.id, {
    priority: await others(em, personId, dossier.now),
    updatedAt: dossier.now.toISOString(),
    version: visit.version + 1,
  });
  dossier.wrote({ type: 'visit', id: visit.id, section: 'pathway', personId });
}
