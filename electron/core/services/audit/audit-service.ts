import type { EntityManager } from 'typeorm';
import type { ParsedInput as In } from '../../../../shared/contract';
import type {
  AuditAction,
  AuditEntryView,
  AuditPerson,
  AuditVerification,
  BreakGlassEvent,
} from '../../../../shared/contract/audit';
import { sectionAccess } from '../../../../shared/domain/access-policy';
import { SECTIONS, type Section } from '../../../../shared/domain/roles';
import type { Actor } from '../../access/gate';
import {
  findGrant,
  grantsForReview,
  insertGrantReview,
  reviewOfGrant,
  unreviewedGrantCount,
} from '../../access/repository';
import { headExpectation } from '../../audit/audit-head';
import { appendAudit, verifyChain } from '../../audit/audit-log';
import { auditPage, readsPerHourAbove, sectionsReadUnderGrant } from '../../audit/repository';
import { notFound } from '../../errors';
import { readCentre } from '../centre/centre-service';
import type { CoreContext } from '../../context';
import { searchPersons } from '../persons/persons-service';
import { personsByIds } from '../persons/repository';
import { staffNames } from '../users/staff-names';

/** How many persons a search in the person filter may stand for (the search's own maximum). */
const PERSON_FILTER_MATCHES = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The file number and name used of each person, for a reader whose roles read identity; nobody's
 * for anyone else (the UUID stays the only thing shown). Merged files keep their own number.
 */
async function personsNamed(
  em: EntityManager,
  actor: Actor,
  ids: ReadonlyArray<string | null>,
): Promise<Map<string, AuditPerson>> {
  if (sectionAccess(actor.roles, 'identity') === 'none') return new Map();
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  const rows = await personsByIds(em, unique);
  return new Map(rows.map((p) => [p.id, { fileNumber: p.fileNumber, nameUsed: p.nameUsed }]));
}

/**
 * The persons the filter text stands for: a UUID is taken as it is (a file that may since have
 * been merged or never existed still filters the log); anything else — a file number or its
 * ending, a name — goes through the persons search, so the viewer finds exactly what the search
 * box finds. Runs before the unit of work: the search takes its own.
 */
async function personsFiltered(
  ctx: CoreContext,
  actor: Actor,
  text: string | undefined,
): Promise<string[] | undefined> {
  if (!text) return undefined;
  if (UUID.test(text)) return [text];
  // Searching by name is a read of identity: a reader without it filters by id only.
  if (sectionAccess(actor.roles, 'identity') === 'none') return [];
  const found = await searchPersons(ctx, { query: text, limit: PERSON_FILTER_MATCHES }, actor.roles);
  return found.map((p) => p.id);
}

export async function listAudit(
  ctx: CoreContext,
  actor: Actor,
  input: In<'audit.list'>,
): Promise<{ items: AuditEntryView[]; total: number; page: number; pageSize: number }> {
  const personIds = await personsFiltered(ctx, actor, input.person);
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const [rows, total] = await auditPage(store.manager, {
      actorId: input.actorId,
      personId: input.personId,
      personIds,
      action: input.action,
      from: input.from ? new Date(input.from).toISOString() : undefined,
      to: input.to ? new Date(input.to).toISOString() : undefined,
      page: input.page,
      pageSize: input.pageSize,
    });
    const names = await staffNames(
      store.manager,
      rows.map((r) => r.actorId),
    );
    const persons = await personsNamed(
      store.manager,
      actor,
      rows.map((r) => r.personId),
    );
    const items = rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actorId,
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      action: r.action as AuditAction,
      section: r.section as Section | null,
      personId: r.personId,
      person: r.personId ? (persons.get(r.personId) ?? null) : null,
      targetType: r.targetType,
      targetId: r.targetId,
      reason: r.reason,
    }));
    return { items, total, page: input.page, pageSize: input.pageSize };
  });
}

/**
 * Walks the chain and checks that it contains the head sealed outside the database. The sealed
 * head is read first: it is only ever written after its entries committed, so the walk that
 * follows must find it. The one exception is a read snapshot already held on this connection when
 * the job began (a transaction open before the handler: tests hold one to stop a long read
 * half-way): that snapshot may predate the record, so a head beyond its end is not a rollback
 * there — its hash is still checked wherever the snapshot holds its entry.
 */
export async function verifyAudit(ctx: CoreContext): Promise<AuditVerification> {
  const store = ctx.vault.requireStore();
  return store.exclusive(() => {
    const snapshotHeld = store.handle.inTransaction;
    const head = headExpectation(store.dataDir, store.auditKey, store.handle);
    return verifyChain(store.manager, head, { headMayBeAhead: snapshotHeld });
  });
}

/** The coordination's review list: hours in which someone opened more dossiers than the centre allows. */
export async function unusualReading(ctx: CoreContext, input: In<'audit.unusualReading'>) {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const { unusualReadsPerHour: threshold } = await readCentre(store.manager);
    const since = new Date(ctx.clock().getTime() - input.days * 24 * 3600_000).toISOString();
    const rows = await readsPerHourAbove(store.manager, since, threshold);
    const names = await staffNames(
      store.manager,
      rows.map((r) => r.actorId),
    );
    return {
      threshold,
      items: rows.map((r) => ({ ...r, actorName: names.get(r.actorId) ?? null })),
    };
  });
}

function inSectionOrder(sections: readonly string[]): Section[] {
  return SECTIONS.filter((s) => sections.includes(s));
}

/** The break-the-glass grants for the coordination to review, with what was read under each. */
export async function breakGlassEvents(
  ctx: CoreContext,
  actor: Actor,
  input: In<'audit.breakGlass'>,
): Promise<{ items: BreakGlassEvent[]; total: number; page: number; pageSize: number }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const em = store.manager;
    const [rows, total] = await grantsForReview(em, input);
    const names = await staffNames(
      em,
      rows.flatMap((r) => [r.userId, r.reviewedBy]),
    );
    const persons = await personsNamed(
      em,
      actor,
      rows.map((r) => r.personId),
    );
    const items: BreakGlassEvent[] = [];
    for (const r of rows)
      items.push({
        id: r.id,
        at: r.grantedAt,
        expiresAt: r.expiresAt,
        actorId: r.userId,
        actorName: names.get(r.userId) ?? null,
        personId: r.personId,
        person: persons.get(r.personId) ?? null,
        sections: inSectionOrder(
          await sectionsReadUnderGrant(em, r.userId, r.personId, r.grantedAt, r.expiresAt),
        ),
        reason: r.reason,
        reviewedAt: r.reviewedAt,
        reviewedByName: r.reviewedBy ? (names.get(r.reviewedBy) ?? null) : null,
      });
    return { items, total, page: input.page, pageSize: input.pageSize };
  });
}

/** The navigation's badge: a count, no person, no reason. */
export async function breakGlassCount(ctx: CoreContext): Promise<{ unreviewed: number }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => ({ unreviewed: await unreviewedGrantCount(store.manager) }));
}

/**
 * Marks a grant reviewed by the caller, and appends the review to the log (action `review`, on
 * the grant; not on the person's file: the coordinator did not open it). A grant already reviewed
 * keeps its first review: the answer says who and when, with `already`, and nothing is written.
 */
export async function reviewBreakGlass(
  ctx: CoreContext,
  actor: Actor,
  input: In<'audit.reviewBreakGlass'>,
): Promise<{ reviewedAt: string; reviewedByName: string | null; already: boolean }> {
  const store = ctx.vault.requireStore();
  return store.transaction(async (em) => {
    const grant = await findGrant(em, input.id);
    if (!grant) throw notFound('break-the-glass grant');
    const existing = await reviewOfGrant(em, grant.id);
    const now = ctx.clock();
    const review = existing ?? { grantId: grant.id, reviewedBy: actor.userId, reviewedAt: now.toISOString() };
    if (!existing) {
      await insertGrantReview(em, review);
      await appendAudit(
        em,
        { actorId: actor.userId, action: 'review', targetType: 'access_grant', targetId: grant.id },
        now,
      );
    }
    const names = await staffNames(em, [review.reviewedBy]);
    return {
      reviewedAt: review.reviewedAt,
      reviewedByName: names.get(review.reviewedBy) ?? null,
      already: existing !== null,
    };
  });
}
