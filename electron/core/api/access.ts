/**
 * What a channel touches, declared next to its handler in the route table, and the gate the
 * dispatcher runs from that declaration before the handler. A handler of a dossier channel never
 * checks access itself: it receives the gate's decision, inside the same transaction as the audit
 * entry the dispatcher writes, so forgetting the gate or the audit is impossible.
 *
 * - `centre`: centre-level data (staff, settings, the directory's entries, the audit log).
 * - `persons`: lists over many persons (search, board, agenda, reminders): the caller's roles must
 *   read the section; per-person detail is shaped by the handler with the same policy.
 * - `dossier`: one person's dossier section, read or written: role × consent × author ×
 *   break-the-glass, decided by `decide` for every person the input touches.
 */
import type { EntityManager } from 'typeorm';
import type { ChannelName, ParsedInput } from '../../../shared/contract';
import type { Section } from '../../../shared/domain/roles';
import { decide, type AccessDecision, type Actor, type DossierSubject } from '../access/gate';
import { NO_PERSON, refusal, subjectOf } from '../access/subject';
import { appendAudits, type AuditEvent } from '../audit/audit-log';
import { DomainError } from '../errors';
import { loadPerson, type PersonRow } from '../services/persons/repository';
import { isConcealedSection, sectionAccess } from '../../../shared/domain/access-policy';

export interface Lookup {
  em: EntityManager;
  actor: Actor;
}

/** The person (or persons) a call touches; `null`: a record without a person (a new file, a free slot). */
export type PersonOf<C extends ChannelName> = (
  input: ParsedInput<C>,
  lookup: Lookup,
) => Promise<string | null | ReadonlyArray<string | null>> | string | null;

/** Who wrote the record the call touches: an author may read their own notes, and write their own. */
export type AuthorOf<C extends ChannelName> = (
  input: ParsedInput<C>,
  lookup: Lookup,
) => Promise<string | null> | string | null;

export interface DossierDeclaration<C extends ChannelName> {
  section: Section;
  action: 'read' | 'write';
  person: PersonOf<C>;
  author?: AuthorOf<C>;
  /**
   * A reader refused by role or consent still gets the records they wrote themselves (status
   * `own_only`); the output then carries a `view` the dispatcher reads to audit what was shown.
   */
  partial?: true;
  /**
   * The record or document a read hands out (a printed prescription): named in the read entries,
   * so the "who looked at my file" report says which document was printed.
   */
  names?: (input: ParsedInput<C>) => { type: string; id: string };
}

/** The gate's refusal of a call on one person: kept so a refused attempt can be audited (`denied`). */
export class PersonRefusal extends DomainError {
  constructor(
    cause: DomainError,
    readonly personId: string | null,
  ) {
    super(cause.code, cause.message, cause.field, cause.details);
  }
}

/**
 * The `denied` entries of a call on a concealed section (`isConcealedSection`) that showed
 * nothing: who tried, on whom, through which channel, and why it was refused. Refusals on other
 * sections are not audited: only a read is, and nothing was read.
 */
export function deniedEvents(
  actor: Actor,
  section: Section,
  channel: ChannelName,
  refused: ReadonlyArray<{ personId: string | null; code: string }>,
): AuditEvent[] {
  if (!isConcealedSection(section)) return [];
  return refused
    .filter((r) => r.personId)
    .map((r) => ({
      actorId: actor.userId,
      action: 'denied' as const,
      section,
      personId: r.personId,
      detail: { channel, code: r.code },
    }));
}

/** What the gate decided for one person touched by the call. */
export interface PersonAccess {
  personId: string | null;
  subject: DossierSubject;
  decision: AccessDecision;
}

export interface WriteTarget {
  type: string;
  id: string;
  /** Defaults to the declared section: a side effect on another section names its own. */
  section?: Section;
  /** Defaults to the first person of the call. */
  personId?: string | null;
  action?: 'create' | 'update' | 'delete';
  /** A written reason that goes with the change (an external referral without consent). */
  reason?: string | null;
}

/** What a dossier handler receives besides its input: the transaction, the clock, the gate's word. */
export interface DossierScope {
  em: EntityManager;
  now: Date;
  /** The first person the declaration found, loaded (null for a call on no existing person). */
  person: PersonRow | null;
  access: readonly PersonAccess[];
  /** True when the reader sees only what they wrote (a partial read refused by role or consent). */
  ownOnly: boolean;
  /** May the reader see this section of the (first) person in full? Derived data follows it. */
  canRead: (section: Section) => boolean;
  /** Names what a write created or changed: the dispatcher audits each, in the same transaction. */
  wrote: (target: WriteTarget) => void;
}

/** The standard person finder: the input names the person in `field`. */
export function personField<C extends ChannelName>(field: keyof ParsedInput<C> & string): PersonOf<C> {
  return (input) => {
    const value = (input as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : null;
  };
}

function distinct(found: string | null | ReadonlyArray<string | null>): Array<string | null> {
  const list: ReadonlyArray<string | null> = typeof found === 'string' || found === null ? [found] : found;
  return [...new Set(list)];
}

/**
 * Runs the gate of a dossier declaration for every person the input touches. Throws
 * `forbidden` / `consent_required` unless the declaration allows a partial (own records) read.
 */
export async function runGate<C extends ChannelName>(
  decl: DossierDeclaration<C>,
  input: ParsedInput<C>,
  em: EntityManager,
  actor: Actor,
  now: Date,
): Promise<{ access: PersonAccess[]; person: PersonRow | null; ownOnly: boolean }> {
  const lookup = { em, actor };
  const ids = distinct(await decl.person(input, lookup));
  const author = decl.author ? await decl.author(input, lookup) : null;
  const access: PersonAccess[] = [];
  let person: PersonRow | null = null;
  let ownOnly = false;
  for (const personId of ids) {
    let subject = NO_PERSON;
    if (personId) {
      const row = await loadPerson(em, personId);
      person ??= row;
      subject = await subjectOf(em, actor, personId, now);
    }
    const decision = decide(
      actor,
      decl.action,
      decl.section,
      author ? { ...subject, authorIds: new Set([author]) } : subject,
    );
    if (!decision.allowed) {
      if (!(decl.partial && decl.action === 'read'))
        throw new PersonRefusal(refusal(decision, decl.section), personId);
      ownOnly = true;
    }
    access.push({ personId, subject, decision });
  }
  return { access, person, ownOnly };
}

function via(decision: AccessDecision): Pick<AuditEvent, 'detail'> {
  return decision.allowed && decision.via === 'break_glass' ? { detail: { via: 'break_glass' } } : {};
}

/** The read entries of a dossier call, written before its handler runs. */
export function readEvents(
  actor: Actor,
  section: Section,
  access: readonly PersonAccess[],
  named?: { type: string; id: string },
): AuditEvent[] {
  return access
    .filter((a) => a.personId && a.decision.allowed)
    .map((a) => ({
      actorId: actor.userId,
      action: 'read' as const,
      section,
      personId: a.personId,
      ...(named ? { targetType: named.type, targetId: named.id } : {}),
      ...via(a.decision),
    }));
}

/** A partial read that showed only the reader's own records: audited as read by their author. */
export function ownReadEvents(actor: Actor, section: Section, access: readonly PersonAccess[]): AuditEvent[] {
  return access
    .filter((a) => a.personId)
    .map((a) => ({
      actorId: actor.userId,
      action: 'read' as const,
      section,
      personId: a.personId,
      detail: { via: 'author' },
    }));
}

/** The write entries of a dossier call: one per target the handler named, or one for the call. */
export function writeEvents(
  actor: Actor,
  section: Section,
  access: readonly PersonAccess[],
  targets: readonly WriteTarget[],
): AuditEvent[] {
  const first = access[0]?.personId ?? null;
  if (targets.length === 0)
    return access
      .filter((a) => a.personId)
      .map((a) => ({ actorId: actor.userId, action: 'update' as const, section, personId: a.personId }));
  return targets
    .filter((t) => (t.personId === undefined ? first : t.personId))
    .map((t) => ({
      actorId: actor.userId,
      action: t.action ?? 'update',
      section: t.section ?? section,
      personId: t.personId === undefined ? first : t.personId,
      targetType: t.type,
      targetId: t.id,
      reason: t.reason ?? null,
    }));
}

export async function appendEvents(em: EntityManager, events: AuditEvent[], now: Date): Promise<void> {
  if (events.length) await appendAudits(em, events, now);
}

/** Lists over many persons: the caller's roles must read the section at all. */
export function gateList(actor: Actor, section: Section): void {
  if (sectionAccess(actor.roles, section) === 'none')
    throw new DomainError('forbidden', `no access to ${section}`, undefined, { section });
}
