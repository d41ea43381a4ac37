/**
 * The partner directory (with the date each entry was last verified) and referrals from a
 * dossier. Referring outside the centre needs the person's `external_referral` consent, or a
 * written reason that is audited.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { DirectoryEntry, Referral } from '../../../../shared/contract/directory';
import type { Actor } from '../../access/gate';
import { appendAudit } from '../../audit/audit-log';
import type { CoreContext } from '../../context';
import { conflict, DomainError, invalid, notFound } from '../../errors';
import { loadPerson } from '../persons/repository';
import type { DossierCall } from '../../api/routes';
import type { Lookup } from '../../api/access';
import { staffNames } from '../users/staff-names';
import {
  entriesByIds,
  entriesPage,
  findEntry,
  findReferral,
  insertReferral,
  saveEntryRow,
  saveReferral,
  type DirectoryEntryRow,
  type ReferralRow,
} from './repository';
import { referralSaved } from './referral-hooks';

export function toEntry(r: DirectoryEntryRow): DirectoryEntry {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    category: r.category,
    city: r.city,
    region: r.region,
    phone: r.phone,
    email: r.email,
    address: r.address,
    languages: r.languages,
    friendliness: r.friendliness,
    notes: r.notes,
    internal: r.internal,
    active: r.active,
    lastVerifiedAt: r.lastVerifiedAt,
    version: r.version,
  };
}

export async function toReferrals(
  em: EntityManager,
  rows: ReferralRow[],
  knownNames?: ReadonlyMap<string, string>,
): Promise<Referral[]> {
  const entryIds = [...new Set(rows.map((r) => r.entryId))];
  const entries = new Map((await entriesByIds(em, entryIds)).map((e) => [e.id, e]));
  const names =
    knownNames ??
    (await staffNames(
      em,
      rows.map((r) => r.createdBy),
    ));
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    entryId: r.entryId,
    entryName: entries.get(r.entryId)?.name ?? '',
    entryCategory: entries.get(r.entryId)?.category ?? 'ngo',
    reason: r.reason,
    referredAt: r.referredAt,
    status: r.status,
    appointmentAt: r.appointmentAt,
    feedback: r.feedback,
    overrideReason: r.overrideReason,
    authorId: r.createdBy,
    authorName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
    version: r.version,
  }));
}

export async function listDirectory(ctx: CoreContext, input: In<'directory.list'>) {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const [rows, total] = await entriesPage(store.manager, input);
    return { items: rows.map(toEntry), total, page: input.page, pageSize: input.pageSize };
  });
}

export async function saveEntry(
  ctx: CoreContext,
  actor: Actor,
  input: In<'directory.save'>,
): Promise<DirectoryEntry> {
  return ctx.vault.requireStore().transaction(async (em) => {
    const now = ctx.clock().toISOString();
    const existing = input.id ? await findEntry(em, input.id) : null;
    if (input.id && !existing) throw notFound('directory entry');
    if (existing && existing.version !== input.version) throw conflict('directory entry');
    const row: DirectoryEntryRow = {
      id: existing?.id ?? randomUUID(),
      name: input.name,
      kind: input.kind,
      category: input.category,
      city: input.city ?? null,
      region: input.region ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      address: input.address ?? null,
      languages: input.languages,
      friendliness: [...new Set(input.friendliness)],
      notes: input.notes ?? null,
      internal: input.internal,
      active: input.active,
      // Creating or editing an entry is checking it: the date says when someone last did.
      lastVerifiedAt: now,
      createdBy: existing?.createdBy ?? actor.userId,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      version: (existing?.version ?? 0) + 1,
    };
    await saveEntryRow(em, row);
    await appendAudit(
      em,
      {
        actorId: actor.userId,
        action: existing ? 'update' : 'create',
        targetType: 'directory_entry',
        targetId: row.id,
      },
      ctx.clock(),
    );
    return toEntry(row);
  });
}

export async function markVerified(
  ctx: CoreContext,
  actor: Actor,
  input: In<'directory.markVerified'>,
): Promise<DirectoryEntry> {
  return ctx.vault.requireStore().transaction(async (em) => {
    const row = await findEntry(em, input.id);
    if (!row) throw notFound('directory entry');
    if (row.version !== input.version) throw conflict('directory entry');
    const now = ctx.clock().toISOString();
    const next = { ...row, lastVerifiedAt: now, updatedAt: now, version: row.version + 1 };
    await saveEntryRow(em, next);
    await appendAudit(
      em,
      {
        actorId: actor.userId,
        action: 'update',
        targetType: 'directory_entry',
        targetId: row.id,
        detail: { verified: true },
      },
      ctx.clock(),
    );
    return toEntry(next);
  });
}

export async function refer(
  input: In<'directory.refer'>,
  { actor, dossier }: DossierCall,
): Promise<Referral> {
  const { em, now } = dossier;
  const person = await loadPerson(em, input.personId);
  const subject = dossier.access[0].subject;
  if (person.mergedInto) throw invalid('personId', 'person_merged');
  const entry = await findEntry(em, input.entryId);
  if (!entry || !entry.active) throw invalid('entryId', 'unknown_entry');
  if (!entry.internal && !subject.consents.has('external_referral') && !input.overrideReason) {
    throw new DomainError(
      'consent_required',
      'external referral needs the external_referral consent or a written reason',
      'overrideReason',
      { scope: 'external_referral' },
    );
  }
  const at = now.toISOString();
  const row: ReferralRow = {
    id: randomUUID(),
    personId: person.id,
    entryId: entry.id,
    reason: input.reason,
    referredAt: at,
    status: input.status,
    appointmentAt: input.appointmentAt ?? null,
    feedback: null,
    overrideReason:
      entry.internal || subject.consents.has('external_referral') ? null : (input.overrideReason ?? null),
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await insertReferral(em, row);
  dossier.wrote({ type: 'referral', id: row.id, action: 'create', reason: row.overrideReason });
  // What other capabilities follow (a hospital referral of a positive to treat).
  await referralSaved(em, { ...row, category: entry.category, created: true }, dossier, actor);
  return (await toReferrals(em, [row]))[0];
}

/** The referral a change names: its person for the gate, its author (who may always edit it). */
async function referralOf(em: EntityManager, id: string): Promise<ReferralRow> {
  const row = await findReferral(em, id);
  if (!row) throw notFound('referral');
  return row;
}

export const personOfReferral = async (input: { id: string }, { em }: Lookup) =>
  (await referralOf(em, input.id)).personId;
export const authorOfReferral = async (input: { id: string }, { em }: Lookup) =>
  (await referralOf(em, input.id)).createdBy;

export async function updateReferral(
  input: In<'directory.updateReferral'>,
  { actor, dossier }: DossierCall,
): Promise<Referral> {
  const { em, now } = dossier;
  const row = await referralOf(em, input.id);
  if (row.version !== input.version) throw conflict('referral');
  const next: ReferralRow = {
    ...row,
    status: input.status,
    appointmentAt: input.appointmentAt === undefined ? row.appointmentAt : input.appointmentAt,
    feedback: input.feedback === undefined ? row.feedback : input.feedback,
    updatedAt: now.toISOString(),
    version: row.version + 1,
  };
  await saveReferral(em, next);
  dossier.wrote({ type: 'referral', id: row.id });
  // Entries are never deleted and a referral's entry is a foreign key: a missing one is a broken
  // store, raised, rather than a change the hooks (an HIV item closing on attendance) silently miss.
  const entry = await findEntry(em, next.entryId);
  if (!entry) throw new Error(`referral ${next.id}: directory entry ${next.entryId} not found`);
  await referralSaved(em, { ...next, category: entry.category, created: false }, dossier, actor);
  return (await toReferrals(em, [next]))[0];
}
