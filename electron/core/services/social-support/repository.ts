/** The `social_support` table: every query on it. */
import type { EntityManager } from 'typeorm';
import { linkedTable } from '../../dossier/section';
import { SocialSupportEntity, type SocialSupportRow } from './entities';

export type { SocialSupportRow };

/** Every support follows the file on a merge. */
export const socialSupportsTable = linkedTable('social_supports', SocialSupportEntity);

export function supportsOfPerson(em: EntityManager, personId: string): Promise<SocialSupportRow[]> {
  return em
    .getRepository(SocialSupportEntity)
    .find({ where: { personId }, order: { givenOn: 'DESC', createdAt: 'DESC', id: 'ASC' } });
}
export function findSupport(em: EntityManager, id: string): Promise<SocialSupportRow | null> {
  return em.getRepository(SocialSupportEntity).findOneBy({ id });
}
export async function saveSupportRow(em: EntityManager, row: SocialSupportRow): Promise<void> {
  await em.getRepository(SocialSupportEntity).save(row);
}
