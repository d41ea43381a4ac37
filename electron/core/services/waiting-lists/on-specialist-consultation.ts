/**
 * What the waiting lists do when a specialist consultation is saved (the consultations' hook list,
 * `consultations/specialist-hooks.ts`), in the same transaction: the person has been seen by that
 * specialty, so their oldest open entry of it (waiting or booked) is seen — as arrival for its
 * appointment does. The change is audited in the referrals section.
 */
import type { HookScope } from '../appointments/arrival-hooks';
import { oldestOpenEntry, saveEntry } from './repository';

export async function seenOnSpecialistConsultation(
  consultation: { personId: string; specialty: string },
  scope: HookScope,
): Promise<void> {
  const entry = await oldestOpenEntry(scope.em, consultation.personId, consultation.specialty);
  if (!entry) return;
  await saveEntry(scope.em, {
    ...entry,
    status: 'seen',
    updatedAt: scope.now.toISOString(),
    version: entry.version + 1,
  });
  scope.wrote({
    type: 'waiting_list_entry',
    id: entry.id,
    section: 'referrals',
    personId: entry.personId,
    action: 'update',
  });
}
