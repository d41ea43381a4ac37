/**
 * A person arrived for the appointment their waiting-list entry was booked on: the entry is seen.
 * Run by the appointments' arrival hooks, in the same transaction, audited as a change of the
 * referrals section.
 */
import type { DossierScope } from '../../api/access';
import { bookedEntriesOfAppointment, saveEntry } from './repository';

export async function seenOnArrival(
  appointment: { id: string; personId: string },
  dossier: DossierScope,
): Promise<void> {
  for (const entry of await bookedEntriesOfAppointment(dossier.em, appointment.id)) {
    if (entry.personId !== appointment.personId) continue;
    await saveEntry(dossier.em, {
      ...entry,
      status: 'seen',
      updatedAt: dossier.now.toISOString(),
      version: entry.version + 1,
    });
    dossier.wrote({
      type: 'waiting_list_entry',
      id: entry.id,
      section: 'referrals',
      personId: entry.personId,
      action: 'update',
    });
  }
}
