import type { EntityManager } from 'typeorm';
import { FileNumberCounterEntity } from './entities';

/**
 * File numbers like MTP-2026-00042: per site and year, from a counter that only goes up, so a
 * number once given is never given again (not after a merge, not after an import).
 */
export async function nextFileNumber(
  em: EntityManager,
  siteId: string,
  siteCode: string,
  year: number,
): Promise<string> {
  const repo = em.getRepository(FileNumberCounterEntity);
  const counter = await repo.findOneBy({ siteId, year });
  const next = (counter?.last ?? 0) + 1;
  if (counter) await repo.update({ siteId, year }, { last: next });
  else await repo.insert({ siteId, year, last: next });
  return `${siteCode}-${year}-${String(next).padStart(5, '0')}`;
}

/** An imported file number raises the counter so new numbers never collide with it. */
export async function reserveFileNumber(
  em: EntityManager,
  siteId: string,
  fileNumber: string,
): Promise<void> {
  const match = /-(\d{4})-(\d+)$/.exec(fileNumber);
  if (!match) return;
  const year = Number(match[1]);
  const n = Number(match[2]);
  const repo = em.getRepository(FileNumberCounterEntity);
  const counter = await repo.findOneBy({ siteId, year });
  if (!counter) await repo.insert({ siteId, year, last: n });
  else if (counter.last < n) await repo.update({ siteId, year }, { last: n });
}
