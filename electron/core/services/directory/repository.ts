/** The directory's tables (`directory_entry`, `referral`): every query on them. */
import { Brackets, In, type EntityManager } from 'typeorm';
import { findRows } from '../../db/fast-read';
import { linkedTable } from '../../dossier/section';
import { DirectoryEntryEntity, ReferralEntity, type DirectoryEntryRow, type ReferralRow } from './entities';

export type { DirectoryEntryRow, ReferralRow };

/** A person's referrals follow the file on a merge. */
export const referralsTable = linkedTable('referrals', ReferralEntity);

/** A person's referrals, newest first (the dossier's hot path: no per-row hydration). */
export function referralsOfPerson(em: EntityManager, personId: string): Promise<ReferralRow[]> {
  return findRows(em, ReferralEntity, { personId }, { column: 'referredAt', direction: 'DESC' });
}

export function findReferral(em: EntityManager, id: string): Promise<ReferralRow | null> {
  return em.getRepository(ReferralEntity).findOneBy({ id });
}

export async function insertReferral(em: EntityManager, row: ReferralRow): Promise<void> {
  await em.getRepository(ReferralEntity).insert(row);
}

export async function saveReferral(em: EntityManager, row: ReferralRow): Promise<void> {
  await em.getRepository(ReferralEntity).save(row);
}

export function findEntry(em: EntityManager, id: string): Promise<DirectoryEntryRow | null> {
  return em.getRepository(DirectoryEntryEntity).findOneBy({ id });
}

export function entriesByIds(em: EntityManager, ids: readonly string[]): Promise<DirectoryEntryRow[]> {
  return ids.length
    ? em.getRepository(DirectoryEntryEntity).findBy({ id: In([...ids]) })
    : Promise.resolve([]);
}

export async function saveEntryRow(em: EntityManager, row: DirectoryEntryRow): Promise<void> {
  await em.getRepository(DirectoryEntryEntity).save(row);
}

export interface DirectoryFilter {
  includeInactive?: boolean | undefined;
  category?: string | undefined;
  /** Found in the name, the city or the notes. */
  query?: string | undefined;
  page: number;
  pageSize: number;
}

/** One page of entries by name, with the count of all that match. */
export function entriesPage(
  em: EntityManager,
  filter: DirectoryFilter,
): Promise<[DirectoryEntryRow[], number]> {
  const qb = em.getRepository(DirectoryEntryEntity).createQueryBuilder('e');
  if (!filter.includeInactive) qb.andWhere('e.active = :active', { active: true });
  if (filter.category) qb.andWhere('e.category = :category', { category: filter.category });
  if (filter.query) {
    const like = `%${filter.query.toLowerCase()}%`;
    qb.andWhere(
      new Brackets((w) =>
        w
          .where('LOWER(e.name) LIKE :like', { like })
          .orWhere('LOWER(e.city) LIKE :like', { like })
          .orWhere('LOWER(e.notes) LIKE :like', { like }),
      ),
    );
  }
  return qb
    .orderBy('e.name', 'ASC')
    .skip((filter.page - 1) * filter.pageSize)
    .take(filter.pageSize)
    .getManyAndCount();
}
