import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { Centre, Site } from '../../../../shared/contract/centre';
import type { OpeningHours } from '../../../../shared/contract/setup';
import type { Actor } from '../../access/gate';
import { appendAudit } from '../../audit/audit-log';
import type { CoreContext } from '../../context';
import { conflict, invalid, notFound } from '../../errors';
import { DEFAULT_PHONE_PREFIX } from '../persons/normalize';
import { centrePhonePrefix, phonePrefixChanged } from '../persons/persons-service';
import {
  CENTRE_ID,
  allSites,
  findCentre,
  findSite,
  insertSiteRow,
  saveSiteRow,
  siteByCode,
  siteCodeTaken,
  updateCentreRow,
  type SiteRow,
} from './repository';

export { CENTRE_ID };

export function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    city: row.city,
    address: row.address,
    phone: row.phone,
    timezone: row.timezone,
    active: row.active,
    openingHours: row.openingHours,
    version: row.version,
  };
}

export async function readCentre(em: EntityManager): Promise<Centre> {
  const centre = await findCentre(em);
  if (!centre) throw notFound('centre');
  const sites = await allSites(em);
  return {
    name: centre.name,
    autoLockMinutes: centre.autoLockMinutes,
    unusualReadsPerHour: centre.unusualReadsPerHour,
    phoneCountryCode: centre.phoneCountryCode ?? DEFAULT_PHONE_PREFIX.countryCode,
    phoneTrunkPrefix: centre.phoneTrunkPrefix ?? DEFAULT_PHONE_PREFIX.trunkPrefix,
    defaultLocale: centre.defaultLocale === 'en' ? 'en' : 'fr',
    sites: sites.map(toSite),
    version: centre.version,
    updatedAt: centre.updatedAt,
  };
}

export async function getCentre(ctx: CoreContext): Promise<Centre> {
  const store = ctx.vault.requireStore();
  return store.exclusive(() => readCentre(store.manager));
}

export async function updateCentre(
  ctx: CoreContext,
  actor: Actor,
  input: In<'centre.update'>,
): Promise<Centre> {
  return ctx.vault.requireStore().transaction(async (em) => {
    const centre = await findCentre(em);
    if (!centre) throw notFound('centre');
    if (centre.version !== input.version) throw conflict('centre');
    const before = await centrePhonePrefix(em);
    const prefix = {
      countryCode: input.phoneCountryCode ?? before.countryCode,
      trunkPrefix: input.phoneTrunkPrefix ?? before.trunkPrefix,
    };
    await updateCentreRow(em, {
      name: input.name,
      autoLockMinutes: input.autoLockMinutes,
      unusualReadsPerHour: input.unusualReadsPerHour,
      phoneCountryCode: prefix.countryCode,
      phoneTrunkPrefix: prefix.trunkPrefix,
      defaultLocale: input.defaultLocale,
      updatedAt: ctx.clock().toISOString(),
      version: centre.version + 1,
    });
    // The index holds phones in the national form of the setting: a new setting rewrites them
    // here, so a search never sees two forms (a refused save rolls both back).
    if (prefix.countryCode !== before.countryCode || prefix.trunkPrefix !== before.trunkPrefix)
      await phonePrefixChanged(em, prefix);
    await appendAudit(
      em,
      { actorId: actor.userId, action: 'update', targetType: 'centre', targetId: CENTRE_ID },
      ctx.clock(),
    );
    return readCentre(em);
  });
}

/** An empty address or phone is none. */
const orNull = (value: string | null | undefined): string | null => (value ? value : null);

export async function insertSite(
  em: EntityManager,
  input: {
    code: string;
    name: string;
    city?: string | undefined;
    address?: string | null | undefined;
    phone?: string | null | undefined;
    timezone: string;
    id?: string | undefined;
    openingHours?: OpeningHours | undefined;
  },
  now: string,
): Promise<SiteRow> {
  if (await siteCodeTaken(em, input.code)) throw invalid('code', 'site_code_taken');
  const row: SiteRow = {
    id: input.id ?? randomUUID(),
    code: input.code,
    name: input.name,
    city: input.city ?? null,
    address: orNull(input.address),
    phone: orNull(input.phone),
    timezone: input.timezone,
    active: true,
    openingHours: input.openingHours ?? null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await insertSiteRow(em, row);
  return row;
}

export async function saveSite(ctx: CoreContext, actor: Actor, input: In<'centre.saveSite'>): Promise<Site> {
  return ctx.vault.requireStore().transaction(async (em) => {
    const now = ctx.clock().toISOString();
    if (!input.id) {
      const row = await insertSite(em, input, now);
      await appendAudit(
        em,
        { actorId: actor.userId, action: 'create', targetType: 'site', targetId: row.id },
        ctx.clock(),
      );
      return toSite(row);
    }
    const row = await findSite(em, input.id);
    if (!row) throw invalid('id', 'unknown_site');
    if (row.version !== input.version) throw conflict('site');
    const other = await siteByCode(em, input.code);
    if (other && other.id !== row.id) throw invalid('code', 'site_code_taken');
    const next: SiteRow = {
      ...row,
      code: input.code,
      name: input.name,
      city: input.city ?? null,
      // Left out: kept (a client that knows nothing of them does not erase them); empty: removed.
      address: input.address === undefined ? row.address : orNull(input.address),
      phone: input.phone === undefined ? row.phone : orNull(input.phone),
      timezone: input.timezone,
      active: input.active,
      openingHours: input.openingHours === undefined ? row.openingHours : input.openingHours,
      updatedAt: now,
      version: row.version + 1,
    };
    await saveSiteRow(em, next);
    await appendAudit(
      em,
      { actorId: actor.userId, action: 'update', targetType: 'site', targetId: row.id },
      ctx.clock(),
    );
    return toSite(next);
  });
}
