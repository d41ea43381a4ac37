/**
 * The clinical record a protocol step links (docs/violence-care.md, "The medical axis reuses the
 * clinical slices"): the violence capability never writes one, it only names it — checked through
 * the owner's repository to exist and belong to the same person — and shows the link only to a
 * reader of that record's section.
 */
import type { EntityManager } from 'typeorm';
import type { Section } from '../../../../shared/domain/roles';
import { PROTOCOL_LINK_SECTION, type ProtocolLinkType } from '../../../../shared/domain/violence';
import { findPrescription } from '../consultations/repository';
import { findReferral } from '../directory/repository';
import { findScreening } from '../screenings/repository';
import { findCertificate } from './repository';

/** The person the linked record belongs to, or null when there is no such record. */
export async function personOfLinked(
  em: EntityManager,
  type: ProtocolLinkType,
  id: string,
): Promise<string | null> {
  switch (type) {
    case 'referral':
      return (await findReferral(em, id))?.personId ?? null;
    case 'prescription':
      return (await findPrescription(em, id))?.personId ?? null;
    case 'screening':
      return (await findScreening(em, id))?.personId ?? null;
    case 'injury_certificate':
      return (await findCertificate(em, id))?.personId ?? null;
  }
}

/** Whether this reader may see a link of this type (the linked record's section). */
export function linkShown(type: ProtocolLinkType | null, canRead: (section: Section) => boolean): boolean {
  return type !== null && canRead(PROTOCOL_LINK_SECTION[type]);
}
