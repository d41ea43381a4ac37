import type { EntityManager } from 'typeorm';
import type { RecordAdapter } from '../../interchange/adapter';
import { entityAdapter, recordFromView } from '../../interchange/entity-adapter';
import { invalid } from '../../errors';
import { phonePrefixChanged } from '../persons/persons-service';
import { toSite } from './centre-service';
import { CentreEntity, SiteEntity } from './entities';
import { CENTRE_ID, findCentre, insertCentre, siteByCode, updateCentreRow } from './repository';

/** There is one centre per store: whatever id a file gives it, it is this centre. */
export const centreAdapter: RecordAdapter<'centre'> = {
  type: 'centre',
  entity: CentreEntity,
  async exportAll(em) {
    const c = await findCentre(em);
    return c ? [recordFromView('centre', c)] : [];
  },
  async find(em, id) {
    const [c] = await this.exportAll(em);
    return c ? { ...c, id } : null;
  },
  existingIds: () => Promise.resolve(new Set<string>()),
  references: () => [],
  async create(em, r, now) {
    await insertCentre(em, {
      id: CENTRE_ID,
      name: r.name,
      autoLockMinutes: r.autoLockMinutes,
      unusualReadsPerHour: r.unusualReadsPerHour,
      phoneCountryCode: r.phoneCountryCode,
      phoneTrunkPrefix: r.phoneTrunkPrefix,
      defaultLocale: r.defaultLocale,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  },
  async update(em, r, now) {
    const c = await findCentre(em);
    if (!c) throw new Error('the store has no centre');
    await updateCentreRow(em, {
      name: r.name,
      autoLockMinutes: r.autoLockMinutes,
      unusualReadsPerHour: r.unusualReadsPerHour,
      phoneCountryCode: r.phoneCountryCode,
      phoneTrunkPrefix: r.phoneTrunkPrefix,
      defaultLocale: r.defaultLocale,
      updatedAt: now,
      version: c.version + 1,
    });
    // The index holds phones in the national form of the setting, as after a change in the app.
    if (r.phoneCountryCode !== c.phoneCountryCode || r.phoneTrunkPrefix !== c.phoneTrunkPrefix) {
      await phonePrefixChanged(em, { countryCode: r.phoneCountryCode, trunkPrefix: r.phoneTrunkPrefix });
    }
  },
};

async function assertCodeFree(em: EntityManager, code: string, id: string): Promise<void> {
  const other = await siteByCode(em, code);
  if (other && other.id !== id) throw invalid('code', 'site_code_taken');
}

export const siteAdapter = entityAdapter({
  type: 'site',
  entity: SiteEntity,
  view: (rows) => rows.map(toSite),
  references: () => [],
  beforeWrite: (em, r) => assertCodeFree(em, r.code, r.id),
});
