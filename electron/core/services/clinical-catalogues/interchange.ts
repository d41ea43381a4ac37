/**
 * The catalogues' versions travel as `catalogue_version` records (centre data). A version is never
 * changed once written: the same record again is "unchanged", a different one under a stored id
 * is refused, and so is a second record for a (catalogue, version) already held.
 */
import type { EntityManager } from 'typeorm';
import { parseCatalogue } from '../../../../shared/contract/clinical-catalogues';
import type { RecordOf } from '../../../../shared/contract/interchange';
import type { RecordAdapter } from '../../interchange/adapter';
import { invalid } from '../../errors';
import { CatalogueVersionEntity, type CatalogueVersionRow } from './entities';
import { allCatalogueVersions, findCatalogueVersion, insertCatalogueVersion } from './repository';

function toRecord(row: CatalogueVersionRow): RecordOf<'catalogue_version'> {
  return {
    type: 'catalogue_version',
    id: row.id,
    catalogue: row.catalogue,
    version: row.version,
    content: parseCatalogue(row.catalogue, JSON.parse(row.content)),
    reason: row.reason,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

async function versionTaken(em: EntityManager, record: RecordOf<'catalogue_version'>): Promise<boolean> {
  const n = await em
    .getRepository(CatalogueVersionEntity)
    .countBy({ catalogue: record.catalogue, version: record.version });
  return n > 0;
}

export const catalogueVersionAdapter: RecordAdapter<'catalogue_version'> = {
  type: 'catalogue_version',
  entity: CatalogueVersionEntity,
  async exportAll(em) {
    return (await allCatalogueVersions(em)).map(toRecord);
  },
  async find(em, id) {
    const row = await findCatalogueVersion(em, id);
    return row ? toRecord(row) : null;
  },
  async existingIds(em) {
    const rows = await em.getRepository(CatalogueVersionEntity).find({ select: { id: true } });
    return new Set(rows.map((r) => r.id));
  },
  references: (r) => (r.createdBy ? [{ field: 'createdBy', type: 'user' as const, id: r.createdBy }] : []),
  async create(em, r) {
    if (await versionTaken(em, r)) throw invalid('version', 'catalogue_version_taken');
    await insertCatalogueVersion(em, {
      id: r.id,
      catalogue: r.catalogue,
      version: r.version,
      content: JSON.stringify(r.content),
      reason: r.reason,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
    });
  },
  update() {
    // Reached only when the record differs from the stored one: a version is history, never edited.
    return Promise.reject(invalid('content', 'catalogue_version_immutable'));
  },
};
