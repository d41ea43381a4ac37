/**
 * The centre's clinical catalogues as the settings screen edits them. A save appends a version
 * (never updates one) with its reason, refused when another save came in since the version the
 * editor started from; a code once published stays (it may be retired, never removed or renamed),
 * because records store codes and must keep their meaning.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import type { ChannelOutput, ParsedInput as In } from '../../../../shared/contract';
import { parseCatalogue, type CatalogueView } from '../../../../shared/contract/clinical-catalogues';
import {
  CATALOGUE_KEYS,
  type CatalogueContent,
  type CatalogueKey,
} from '../../../../shared/domain/clinical-catalogues';
import type { Actor } from '../../access/gate';
import { appendAudit } from '../../audit/audit-log';
import type { CoreContext } from '../../context';
import { conflict, DomainError } from '../../errors';
import { staffNames } from '../users/staff-names';
import { rescheduleCourses } from '../vaccinations/reschedule';
import { catalogueHistoryPage, currentCatalogueVersion, insertCatalogueVersion } from './repository';

/** The codes a catalogue's content names (the keys of a keyed catalogue, the codes of a list). */
export function codesOf<K extends CatalogueKey>(key: K, content: CatalogueContent[K]): string[] {
  if (key === 'diagnoses' || key === 'specialties')
    return (content as ReadonlyArray<{ code: string }>).map((entry) => entry.code);
  if (key === 'prep' || key === 'egfr') return [];
  return Object.keys(content);
}

/**
 * The first code of `before` missing from `after`, or null. A rename is a removal of the old code
 * and is refused the same way: old records keep the code they were saved with.
 */
export function removedCode<K extends CatalogueKey>(
  key: K,
  before: CatalogueContent[K],
  after: CatalogueContent[K],
): string | null {
  const kept = new Set(codesOf(key, after));
  return codesOf(key, before).find((code) => !kept.has(code)) ?? null;
}

export async function currentCatalogues(ctx: CoreContext): Promise<ChannelOutput<'catalogues.current'>> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const catalogues: CatalogueView[] = [];
    for (const catalogue of CATALOGUE_KEYS)
      catalogues.push({ catalogue, ...(await currentCatalogueVersion(store.manager, catalogue)) });
    return { catalogues };
  });
}

export async function catalogueVersions(
  ctx: CoreContext,
  input: In<'catalogues.history'>,
): Promise<ChannelOutput<'catalogues.history'>> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const { page, pageSize } = input;
    const [rows, total] = await catalogueHistoryPage(store.manager, input.catalogue, page, pageSize);
    const names = await staffNames(
      store.manager,
      rows.map((r) => r.createdBy),
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        version: r.version,
        reason: r.reason,
        createdBy: r.createdBy,
        createdByName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
        createdAt: r.createdAt,
      })),
      total,
      page,
      pageSize,
    };
  });
}

/**
 * What a new version changes beyond itself, in its transaction: records whose stored due date the
 * catalogue computes (vaccine courses) follow the schedule now in force. Null: nothing to follow.
 */
async function onCatalogueSaved<K extends CatalogueKey>(
  em: EntityManager,
  key: K,
  before: CatalogueContent[K],
  after: CatalogueContent[K],
  now: string,
): Promise<number | null> {
  if (key !== 'vaccines') return null;
  return rescheduleCourses(
    em,
    before as CatalogueContent['vaccines'],
    after as CatalogueContent['vaccines'],
    now,
  );
}

export async function saveCatalogue(
  ctx: CoreContext,
  actor: Actor,
  input: In<'catalogues.save'>,
): Promise<ChannelOutput<'catalogues.save'>> {
  const key = input.catalogue;
  // Checked by the contract already; parsed again for the catalogue's own type (trimmed texts).
  const content = parseCatalogue(key, input.content);
  return ctx.vault.requireStore().transaction(async (em) => {
    const current = await currentCatalogueVersion(em, key);
    if (current.version !== input.version) throw conflict('catalogue');
    const removed = removedCode(key, current.content, content);
    if (removed !== null)
      throw new DomainError('validation', `catalogue code ${removed} removed`, 'content', {
        issue: 'custom',
        reason: 'catalogue_code_removed',
        code: removed,
      });
    if (isDeepStrictEqual(current.content, content))
      throw new DomainError('validation', 'catalogue unchanged', 'content', {
        issue: 'custom',
        reason: 'catalogue_unchanged',
      });
    const now = ctx.clock().toISOString();
    const id = randomUUID();
    const version = current.version + 1;
    await insertCatalogueVersion(em, {
      id,
      catalogue: key,
      version,
      content: JSON.stringify(content),
      reason: input.reason,
      createdBy: actor.userId,
      createdAt: now,
    });
    const rescheduled = await onCatalogueSaved(em, key, current.content, content, now);
    await appendAudit(
      em,
      {
        actorId: actor.userId,
        action: 'update',
        targetType: 'catalogue_version',
        targetId: id,
        detail: { catalogue: key, version, ...(rescheduled === null ? {} : { rescheduled }) },
      },
      ctx.clock(),
    );
    return { catalogue: key, version, content, updatedAt: now };
  });
}
