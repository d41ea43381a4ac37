/**
 * What other capabilities do when a specialist consultation is first saved, in its transaction,
 * each naming what it changes with `wrote` (its own section): the consultations never know the
 * capabilities that react — one line here per capability that does.
 */
import type { DossierScope } from '../../api/access';
import { seenOnSpecialistConsultation } from '../waiting-lists/on-specialist-consultation';

export interface SavedSpecialistConsultation {
  id: string;
  personId: string;
  /** The specialty code (the consultation's kind). */
  specialty: string;
}

export type SpecialistConsultationHook = (
  consultation: SavedSpecialistConsultation,
  scope: Pick<DossierScope, 'em' | 'now' | 'wrote'>,
) => Promise<void>;

export const SPECIALIST_CONSULTATION_SAVED_HOOKS: readonly SpecialistConsultationHook[] = [
  // The person's oldest open waiting-list entry of that specialty is seen.
  seenOnSpecialistConsultation,
];
