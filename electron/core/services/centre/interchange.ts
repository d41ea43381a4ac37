import type { EntityManager } from 'typeorm';
import type { RecordOf } from '../../../../shared/contract/interchange';
import type { RecordAdapter } from '../../interchange/adapter';
import { invalid } from '../../errors';
import { CENTRE_ID } from './centre-service';
import { CentreEntity, SiteEntity, type SiteRow } from './entities';

/** There is one centre per store: whatever id a file gives it, it is this centre. */
export const centreAdapter: RecordAdapter<'centre'> = {
  type: 'centre',
  async exportAll(em) {
    const c = await em.getRepository(CentreEntity).findOneBy({ id: CENTRE_ID });
    return c
      ? [
          {
            type: 'centre',
            id: CENTRE_ID,
            name: c.name,
            autoLockMinutes: c.autoLockMinutes,
            defaultLocale: c.defaultLocale === 'en' ? 'en' : 'fr',
          },
        ]
      : [];
  },
  async find(em, id) {
    const [c] = await this.exportAll(em);
    return c ? { ...c, id } : null;
  },
  existingIds: () => Promise.resolve(new Set<string>()),
  references: () => [],
  async create(em, r, now) {
    await em.getRepository(CentreEntity).insert({
      id: CENTRE_ID,
      name: r.name,
      autoLockMinutes: r.autoLockMinutes,
      defaultLocale: r.defaultLocale,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  },
  async update(em, r, now) {
    const c = await em.getRepository(CentreEntity).findOneByOrFail({ id: CENTRE_ID });
    await em.getRepository(CentreEntity).update(
      { id: CENTRE_ID },
      {
        name: r.name,
        autoLockMinutes: r.autoLockMinutes,
        defaultLocale: r.defaultLocale,
        updatedAt: now,
        version: c.version + 1,
      },
    );
  },
};

function siteRecord(s: SiteRow): RecordOf<'site'> {
  return {
    type: 'site',
    id: s.id,
    code: s.code,
    name: s.name,
    city: s.city,
    timezone: s.timezone,
    active: s.active,
    openingHours: s.openingHours,
  };
}

async function assertCodeFree(em: EntityManager, code: string, id: string): Promise<void> {
  const other = await em.getRepository(SiteEntity).findOneBy({ code });
  if (other && other.id !== id) throw invalid('code', 'site_code_taken');
}

export const siteAdapter: RecordAdapter<'site'> = {
  type: 'site',
  async exportAll(em) {
    return (await em.getRepository(SiteEntity).find({ order: { id: 'ASC' } })).map(siteRecord);
  },
  async find(em, id) {
    const s = await em.getRepository(SiteEntity).findOneBy({ id });
    return s ? siteRecord(s) : null;
  },
  async existingIds(em) {
    return new Set((await em.getRepository(SiteEntity).find({ select: { id: true } })).map((s) => s.id));
  },
  references: () => [],
  async create(em, r, now) {
    await assertCodeFree(em, r.code, r.id);
    await em.getRepository(SiteEntity).insert({
      id: r.id,
      code: r.code,
      name: r.name,
      city: r.city ?? null,
      timezone: r.timezone,
      active: r.active,
      openingHours: r.openingHours ?? null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  },
  async update(em, r, now) {
    await assertCodeFree(em, r.code, r.id);
    const s = await em.getRepository(SiteEntity).findOneByOrFail({ id: r.id });
    await em.getRepository(SiteEntity).update(
      { id: r.id },
      {
        code: r.code,
        name: r.name,
        city: r.city ?? null,
        timezone: r.timezone,
        active: r.active,
        openingHours: r.openingHours ?? null,
        updatedAt: now,
        version: s.version + 1,
      },
    );
  },
};
