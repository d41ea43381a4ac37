/**
 * What other capabilities do when a referral is recorded or changed, in the transaction of the
 * change (Test and Treat: an HIV or hepatitis item becomes `referred` when the person is referred
 * to a hospital service, and closes when that referral is attended). Each hook names what it
 * changes with `dossier.wrote` (its own section). One line here per capability that does.
 */
import type { EntityManager } from 'typeorm';
import type { DirectoryEntryRow, ReferralRow } from './repository';
import type { DossierScope } from '../../api/access';
import type { Actor } from '../../access/gate';
import { followHospitalReferral } from '../treatments/on-referral';

export interface SavedReferral {
  id: string;
  personId: string;
  status: ReferralRow['status'];
  appointmentAt: string | null;
  /** The directory category of the service referred to (`hospital_service`…). */
  category: DirectoryEntryRow['category'];
  created: boolean;
}

/**
 * `actor` is who saved the referral: a hook writing another section writes it only through a
 * caller who may write that section (writing the referrals section is not enough).
 */
export type ReferralSavedHook = (
  em: EntityManager,
  referral: SavedReferral,
  dossier: DossierScope,
  actor: Actor,
) => Promise<void>;

export const REFERRAL_SAVED_HOOKS: readonly ReferralSavedHook[] = [
  // Test and Treat: the hospital referral of an HIV / hepatitis item.
  followHospitalReferral,
];

export async function referralSaved(
  em: EntityManager,
  referral: SavedReferral,
  dossier: DossierScope,
  actor: Actor,
) {
  for (const hook of REFERRAL_SAVED_HOOKS) await hook(em, referral, dossier, actor);
}
