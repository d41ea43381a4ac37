/**
 * Social support (docs/violence-care.md, section 4): what was given, when (not in the future, in
 * the site's calendar), by whom (an active staff member who reads `social`) and its value where
 * it has one (integer minor units and an ISO 4217 currency, never negative). Shelter and
 * addiction-centre referrals name a directory entry of that category and follow the
 * external-referral rule (`directory.refer`). A refused save writes nothing: every check runs
 * before the write.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { SocialSupport } from '../../../../shared/contract/social-support';
import { sectionAccess } from '../../../../shared/domain/access-policy';
import { daysBetween, siteToday } from '../../../../shared/domain/schedules';
import { CURRENCY_PATTERN, entryCategoryOf, valueRefusal } from '../../../../shared/domain/social-support';
import type { Lookup } from '../../api/access';
import type { DossierCall } from '../../api/routes';
import { DomainError, conflict, invalid } from '../../errors';
import { findSite } from '../centre/repository';
import { entriesByIds, findEntry } from '../directory/repository';
import { loadPerson } from '../persons/repository';
import { findUser } from '../users/repository';
import { staffNames, staffRoles } from '../users/staff-names';
import { findSupport, saveSupportRow, type SocialSupportRow } from './repository';

const DEFAULT_TIME_ZONE = 'Europe/Paris';

export async function toSupports(
  em: EntityManager,
  rows: readonly SocialSupportRow[],
): Promise<SocialSupport[]> {
  if (rows.length === 0) return [];
  const names = await staffNames(em, [...new Set(rows.map((r) => r.givenBy))]);
  const entryIds = [...new Set(rows.flatMap((r) => (r.entryId ? [r.entryId] : [])))];
  const entries = new Map((await entriesByIds(em, entryIds)).map((e) => [e.id, e.name]));
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    siteId: r.siteId,
    kind: r.kind,
    givenOn: r.givenOn,
    givenBy: r.givenBy,
    givenByName: names.get(r.givenBy) ?? null,
    valueMinor: r.valueMinor,
    currency: r.currency,
    quantity: r.quantity,
    entryId: r.entryId,
    entryName: r.entryId ? (entries.get(r.entryId) ?? null) : null,
    referralStatus: r.referralStatus,
    overrideReason: r.overrideReason,
    description: r.description,
    authorId: r.createdBy,
    version: r.version,
  }));
}

/** Who recorded the support a call corrects (its author may keep working on it); the caller for a new one. */
export async function authorOfSupport(
  input: { personId: string; id?: string },
  { em, actor }: Lookup,
): Promise<string | null> {
  if (!input.id) return actor.userId;
  const support = await findSupport(em, input.id);
  return support && support.personId === input.personId ? support.createdBy : null;
}

/** A giver: an active staff member whose roles read `social`. */
async function mayGive(em: EntityManager, userId: string): Promise<boolean> {
  const user = await findUser(em, userId);
  if (!user || !user.active) return false;
  const roles = (await staffRoles(em, [userId])).get(userId) ?? [];
  return sectionAccess(roles, 'social') !== 'none';
}

export async function saveSupport(
  input: In<'socialSupport.save'>,
  call: DossierCall,
): Promise<SocialSupport> {
  const { actor, dossier } = call;
  const { em, now } = dossier;
  const person = await loadPerson(em, input.personId);
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  const existing = input.id ? await findSupport(em, input.id) : null;
  if (input.id && (!existing || existing.personId !== person.id)) throw invalid('id', 'unknown_support');
  if (existing ? existing.version !== input.version : input.version !== undefined)
    throw conflict('social_support');
  const site = await findSite(em, existing?.siteId ?? input.siteId ?? person.siteId);
  if (!site) throw invalid('siteId', 'unknown_site');
  const today = siteToday(now, site.timezone ?? DEFAULT_TIME_ZONE);
  if (daysBetween(today, input.givenOn) > 0) throw invalid('givenOn', 'date_in_future');
  // Reasons spelled out as literals: the error-texts test reads them from the source.
  switch (valueRefusal(input.valueMinor, input.currency)?.reason) {
    case 'value_negative':
      throw invalid('valueMinor', 'value_negative');
    case 'currency_required':
      throw invalid('currency', 'currency_required');
    case 'value_required':
      throw invalid('valueMinor', 'value_required');
    case undefined:
      break;
  }
  if (input.currency !== null && !CURRENCY_PATTERN.test(input.currency))
    throw invalid('currency', 'currency_invalid');
  const givenBy = input.givenBy ?? existing?.givenBy ?? actor.userId;
  if (!(await mayGive(em, givenBy))) throw invalid('givenBy', 'giver_cannot_read_social');

  const category = entryCategoryOf(input.kind);
  let overrideReason: string | null = null;
  if (category === null) {
    if (input.entryId !== null) throw invalid('entryId', 'entry_category_mismatch');
    if (input.referralStatus !== null) throw invalid('referralStatus', 'entry_required');
  } else {
    if (input.entryId === null) throw invalid('entryId', 'entry_required');
    const entry = await findEntry(em, input.entryId);
    if (!entry || !entry.active) throw invalid('entryId', 'unknown_entry');
    if (entry.category !== category) throw invalid('entryId', 'entry_category_mismatch');
    const consented = dossier.access[0].subject.consents.has('external_referral');
    // The external-referral rule of `directory.refer`: the person's consent or a written reason.
    if (!entry.internal && !consented) {
      overrideReason = input.overrideReason ?? existing?.overrideReason ?? null;
      if (overrideReason === null)
        throw new DomainError(
          'consent_required',
          'external referral needs the external_referral consent or a written reason',
          'overrideReason',
          { scope: 'external_referral' },
        );
    }
  }

  const at = now.toISOString();
  const row: SocialSupportRow = {
    id: existing?.id ?? randomUUID(),
    personId: person.id,
    siteId: site.id,
    kind: input.kind,
    givenOn: input.givenOn,
    givenBy,
    valueMinor: input.valueMinor,
    currency: input.currency,
    quantity: input.quantity,
    entryId: input.entryId,
    referralStatus: category === null ? null : (input.referralStatus ?? 'proposed'),
    overrideReason,
    description: input.description,
    createdBy: existing?.createdBy ?? actor.userId,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
  };
  await saveSupportRow(em, row);
  dossier.wrote({
    type: 'social_support',
    id: row.id,
    action: existing ? 'update' : 'create',
    ...(overrideReason ? { reason: overrideReason } : {}),
  });
  return (await toSupports(em, [row]))[0];
}
