/** The `psy_session` and `psy_referral` tables: every query on them. */
import { In, type EntityManager } from 'typeorm';
import { linkedTable } from '../../dossier/section';
import { PsyReferralEntity, PsySessionEntity, type PsyReferralRow, type PsySessionRow } from './entities';

export type { PsyReferralRow, PsySessionRow };

/** Sessions and referrals follow the file on a merge. */
export const psySessionsTable = linkedTable('psy_sessions', PsySessionEntity);
export const psyReferralsTable = linkedTable('psy_referrals', PsyReferralEntity);

/** A session as the tab loads it: every column but the private note. */
export type PsySessionHead = Omit<PsySessionRow, 'privateNote'>;

const HEAD_COLUMNS: (keyof PsySessionHead)[] = [
  'id',
  'personId',
  'siteId',
  'heldAt',
  'kind',
  'groupLabel',
  'psychologistId',
  'durationMin',
  'createdBy',
  'createdAt',
  'updatedAt',
  'version',
];

/** A person's sessions, latest first, without their notes (the dossier loads every section). */
export function sessionsOfPerson(em: EntityManager, personId: string): Promise<PsySessionHead[]> {
  return em.getRepository(PsySessionEntity).find({
    select: HEAD_COLUMNS,
    where: { personId },
    order: { heldAt: 'DESC', id: 'ASC' },
  });
}

/** The private notes of these sessions (the ones the reader may see), by session id. */
export async function notesOf(
  em: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await em
    .getRepository(PsySessionEntity)
    .find({ select: ['id', 'privateNote'], where: { id: In([...ids]) } });
  return new Map(rows.map((r) => [r.id, r.privateNote]));
}

export function referralsOfPerson(em: EntityManager, personId: string): Promise<PsyReferralRow[]> {
  return em
    .getRepository(PsyReferralEntity)
    .find({ where: { personId }, order: { referredAt: 'DESC', id: 'ASC' } });
}

export function findSession(em: EntityManager, id: string): Promise<PsySessionRow | null> {
  return em.getRepository(PsySessionEntity).findOneBy({ id });
}
export function findPsyReferral(em: EntityManager, id: string): Promise<PsyReferralRow | null> {
  return em.getRepository(PsyReferralEntity).findOneBy({ id });
}
export async function saveSessionRow(em: EntityManager, row: PsySessionRow): Promise<void> {
  await em.getRepository(PsySessionEntity).save(row);
}
export async function savePsyReferralRow(em: EntityManager, row: PsyReferralRow): Promise<void> {
  await em.getRepository(PsyReferralEntity).save(row);
}
