/**
 * The clinical catalogues' table (`catalogue_version`): every query on it. Other capabilities ask
 * `currentCatalogue(em, key)` for the catalogue the centre uses now and never read the shipped
 * defaults themselves.
 */
import type { EntityManager } from 'typeorm';
import { parseCatalogue } from '../../../../shared/contract/clinical-catalogues';
import {
  DEFAULT_CATALOGUES,
  type CatalogueContent,
  type CatalogueKey,
} from '../../../../shared/domain/clinical-catalogues';
import { hotQuery } from '../../db/fast-read';
import { CatalogueVersionEntity, type CatalogueVersionRow } from './entities';

export type { CatalogueVersionRow };

/** The highest stored version of a catalogue, or null when it was never edited. */
export function latestVersionRow(em: EntityManager, key: CatalogueKey): Promise<CatalogueVersionRow | null> {
  return em
    .getRepository(CatalogueVersionEntity)
    .findOne({ where: { catalogue: key }, order: { version: 'DESC' } });
}

/**
 * Parsed contents, per store (its DataSource: several stores may be open in one process) and per
 * stored version row. A row is never updated, so its parsed content never goes stale; keying by the
 * row's id (not its number) means a version written in a transaction that rolled back is never
 * served, whatever a later row of the same number holds. What is read each time is only which row
 * is the latest: one look-up on the (catalogue, version) index, without the content. A save needs
 * no invalidation: it appends a row with a new id, which becomes the latest.
 */
const parsedByStore = new WeakMap<object, Map<string, unknown>>();

async function contentOf<K extends CatalogueKey>(
  em: EntityManager,
  key: K,
  rowId: string,
): Promise<CatalogueContent[K]> {
  let parsed = parsedByStore.get(em.connection);
  if (!parsed) parsedByStore.set(em.connection, (parsed = new Map<string, unknown>()));
  const cached = parsed.get(rowId);
  if (cached !== undefined) return cached as CatalogueContent[K];
  const row = await em.getRepository(CatalogueVersionEntity).findOneByOrFail({ id: rowId });
  // Stored content is parsed on its first read: a row that no longer fits its schema is an error, not data.
  const content = parseCatalogue(key, JSON.parse(row.content));
  parsed.set(rowId, content);
  return content;
}

/** A catalogue as the centre uses it now, with its version (0 = the shipped default). */
export async function currentCatalogueVersion<K extends CatalogueKey>(
  em: EntityManager,
  key: K,
): Promise<{ version: number; content: CatalogueContent[K]; updatedAt: string | null }> {
  // Hot path (every worklist call, every result saved): one indexed row, plain SQL (portable).
  const [latest] = await hotQuery<{ id: string; version: number; createdAt: string }>(
    em,
    'SELECT id, version, created_at AS "createdAt" FROM catalogue_version WHERE catalogue = ? ORDER BY version DESC LIMIT 1',
    [key],
  );
  if (!latest) return { version: 0, content: DEFAULT_CATALOGUES[key], updatedAt: null };
  return {
    version: latest.version,
    content: await contentOf(em, key, latest.id),
    updatedAt: latest.createdAt,
  };
}

/** The catalogue the centre uses now; the shipped default when nobody edited it. */
export async function currentCatalogue<K extends CatalogueKey>(
  em: EntityManager,
  key: K,
): Promise<CatalogueContent[K]> {
  return (await currentCatalogueVersion(em, key)).content;
}

/** One page of a catalogue's versions, newest first, with their count (the (catalogue, version) index). */
export function catalogueHistoryPage(
  em: EntityManager,
  key: CatalogueKey,
  page: number,
  pageSize: number,
): Promise<[CatalogueVersionRow[], number]> {
  return em.getRepository(CatalogueVersionEntity).findAndCount({
    where: { catalogue: key },
    order: { version: 'DESC' },
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
}

/** Every stored version of every catalogue (interchange export), oldest first. */
export function allCatalogueVersions(em: EntityManager): Promise<CatalogueVersionRow[]> {
  return em.getRepository(CatalogueVersionEntity).find({ order: { catalogue: 'ASC', version: 'ASC' } });
}

export function findCatalogueVersion(em: EntityManager, id: string): Promise<CatalogueVersionRow | null> {
  return em.getRepository(CatalogueVersionEntity).findOneBy({ id });
}

/** Appends a version (rows are never updated: the unique (catalogue, version) refuses a race). */
export async function insertCatalogueVersion(em: EntityManager, row: CatalogueVersionRow): Promise<void> {
  await em.getRepository(CatalogueVersionEntity).insert(row);
}
