/**
 * One call through the core: find the route, parse the input with the contract, find the session,
 * apply lock / password-change / permission rules, run the handler, and shape the answer as an
 * envelope. Errors are logged by kind only: messages may carry values, and values may be personal.
 */
import {
  CONTRACT,
  isChannelName,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type ParsedInput,
} from '../../../shared/contract';
import { fail, ok, type Result } from '../../../shared/contract/envelope';
import type { Role } from '../../../shared/domain/roles';
import { hasPermission, type Actor } from '../access/gate';
import type { CoreContext } from '../context';
import { StoreError } from '../db/errors';
import { hotQuery } from '../db/fast-read';
import { DomainError } from '../errors';
import { CENTRE_ID } from '../services/centre/centre-service';
import type { CallContext } from './types';
import { createHash } from 'node:crypto';
import type { Section } from '../../../shared/domain/roles';
import type { Session } from '../services/auth/sessions';
import { appendAudits } from '../audit/audit-log';
import { ROUTES, type DossierCall, type PublicCall, type Route, type SessionCall } from './routes';
import {
  appendEvents,
  deniedEvents,
  gateList,
  PersonRefusal,
  ownReadEvents,
  readEvents,
  runGate,
  writeEvents,
  type DossierDeclaration,
  type DossierScope,
  type PersonAccess,
  type WriteTarget,
} from './access';
import { NO_PERSON } from '../access/subject';
import { readableBy } from '../dossier/reader';
import { validationError } from './validation';

export type Logger = (line: string) => void;

/**
 * Who is calling and how long the centre lets a session idle, in one query: every call of a
 * session pays this, so it stays a single round trip (roles are read fresh each time, so a role
 * removed or an account deactivated takes effect at the next call).
 */
async function loadCaller(
  ctx: CoreContext,
  userId: string,
): Promise<{ actor: Actor | null; autoLockMinutes: number }> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const rows = await hotQuery<{ active: number | boolean; role: string | null; autoLock: number | null }>(
      store.manager,
      `SELECT u.active AS active, r.role AS role, c.auto_lock_minutes AS autoLock
       FROM staff_user u LEFT JOIN staff_user_role r ON r.user_id = u.id LEFT JOIN centre c ON c.id = ?
       WHERE u.id = ?`,
      [CENTRE_ID, userId],
    );
    const autoLockMinutes = rows[0]?.autoLock ?? 10;
    if (rows.length === 0 || !rows[0].active) return { actor: null, autoLockMinutes };
    return {
      actor: { userId, roles: rows.flatMap((r) => (r.role ? [r.role as Role] : [])) },
      autoLockMinutes,
    };
  });
}

export async function dispatch(
  ctx: CoreContext,
  channel: string,
  rawInput: unknown,
  call: CallContext,
  log: Logger,
): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return fail('not_found', 'unknown channel');
  const parsed = CONTRACT[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  try {
    const value = await run(ctx, channel, parsed.data, call);
    const out = CONTRACT[channel].output.safeParse(value);
    if (!out.success) {
      log(
        `internal: output of ${channel} does not match the contract (${out.error.issues[0]?.path.join('.') ?? '?'})`,
      );
      return fail('internal', 'unexpected result');
    }
    return ok(out.data);
  } catch (err) {
    if (err instanceof DomainError)
      return fail(err.code, err.message, {
        ...(err.field ? { field: err.field } : {}),
        ...(err.details ? { details: err.details } : {}),
      });
    if (err instanceof StoreError)
      return fail('store_unavailable', err.message, { details: { problem: err.problem } });
    const kind = err instanceof Error ? err.name : typeof err;
    const code = (err as { code?: unknown } | null)?.code;
    log(`internal error on ${channel}: ${kind}${typeof code === 'string' ? ` (${code})` : ''}`);
    return fail('internal', 'internal error');
  }
}

async function run(
  ctx: CoreContext,
  channel: ChannelName,
  input: unknown,
  call: CallContext,
): Promise<unknown> {
  // The login throttle counts per client; an unknown one is the local window.
  const client = call.client ?? 'local';
  const route = ROUTES[channel] as Route<ChannelName>;
  if (route.access === 'public')
    return (route.handler as (i: unknown, c: PublicCall) => Promise<unknown>)(input, { ctx, client });

  const userId = ctx.vault.isOpen ? ctx.sessions.userOf(call.token) : null;
  if (!userId) throw new DomainError('unauthenticated', 'no session');
  const { actor, autoLockMinutes } = await loadCaller(ctx, userId);
  const session = ctx.sessions.find(call.token, autoLockMinutes);
  if (!session) throw new DomainError('unauthenticated', 'no session');
  if (session.locked && !route.whileLocked) throw new DomainError('locked', 'session is locked');
  if (session.mustChangePassword && !route.beforePasswordChange)
    throw new DomainError('password_change_required', 'change the temporary password first');
  if (!actor) {
    ctx.sessions.close(session.token);
    throw new DomainError('unauthenticated', 'account is no longer active');
  }
  if (route.permission && !hasPermission(actor, route.permission))
    throw new DomainError('forbidden', `permission ${route.permission} required`);
  if (!session.locked && !route.passive) ctx.sessions.touch(session);
  const sessionCall: SessionCall = { ctx, session, actor, client };
  if (route.access === 'dossier')
    return runOnDossier(channel, route.dossier, route.handler, input, { ctx, actor, client, session });
  const handler = route.handler as (i: unknown, c: SessionCall) => Promise<unknown>;
  const touches = route.touches;
  if (touches.kind === 'persons') gateList(actor, touches.section);
  // Checked above like any call; only the handler moves to the worker's read-only connection
  // (a list of persons read there is audited here, on the core's writable store).
  const out =
    route.longRead && ctx.longReads
      ? await ctx.longReads.run(channel, input, session, actor)
      : await handler(input, sessionCall);
  if (touches.kind === 'persons') {
    const sections = [touches.section, ...(touches.discloses?.(out) ?? [])];
    await auditListRead(ctx, session, channel, sections, input, out);
  }
  return out;
}

/**
 * A list over many persons (search, board, agenda, reminders) is a read of personal data: it is
 * audited with who, when, which channel and how many results — never the query's text. A polled
 * list is audited when its answer changes for this session: the same answer again discloses
 * nothing new, and an entry every few seconds per workstation would drown the log.
 */
async function auditListRead(
  ctx: CoreContext,
  session: Session,
  channel: ChannelName,
  sections: readonly Section[],
  input: unknown,
  out: unknown,
): Promise<void> {
  const results = countOf(out);
  const digest = createHash('sha256').update(JSON.stringify(out)).digest('base64url');
  const key = `${channel}:${createHash('sha256').update(JSON.stringify(input)).digest('base64url')}`;
  if (session.listReads?.get(key) === digest) return;
  const store = ctx.vault.requireStore();
  await store.transaction((em) =>
    appendAudits(
      em,
      sections.map((section) => ({
        actorId: session.userId,
        action: 'read' as const,
        section,
        detail: { channel, results },
      })),
      ctx.clock(),
    ),
  );
  const seen = (session.listReads ??= new Map());
  seen.delete(key);
  seen.set(key, digest);
  // As-you-type search makes a new input at each key: keep only the most recent ones.
  if (seen.size > LIST_READS_KEPT) seen.delete(seen.keys().next().value as string);
}

/** Answers remembered per session to skip re-auditing an unchanged poll (the board, the agenda). */
const LIST_READS_KEPT = 32;

/** How many rows a list answer holds (an array, or the `rows` / `items` of a page). */
function countOf(out: unknown): number {
  if (Array.isArray(out)) return out.length;
  const page = out as { rows?: unknown; items?: unknown } | null;
  if (Array.isArray(page?.rows)) return page.rows.length;
  if (Array.isArray(page?.items)) return page.items.length;
  return 1;
}

/**
 * A dossier call, in one transaction: the gate for every person the input touches (refusing
 * before the handler runs), the read entries written before the handler, the handler, then one
 * write entry per record the handler changed. A handler can neither skip the gate nor the audit.
 */
export async function runOnDossier(
  channel: ChannelName,
  decl: DossierDeclaration<ChannelName>,
  handler: unknown,
  input: unknown,
  call: Omit<DossierCall, 'dossier'>,
): Promise<unknown> {
  const { ctx, actor } = call;
  const store = ctx.vault.requireStore();
  try {
    return await runGatedTransaction(channel, decl, handler, input, call);
  } catch (err) {
    // A refused attempt on a concealed section is audited after the refusal, in a transaction of
    // its own: the refused call itself wrote nothing.
    if (err instanceof PersonRefusal) {
      const denied = deniedEvents(actor, decl.section, channel, [{ personId: err.personId, code: err.code }]);
      if (denied.length) await store.transaction((em) => appendEvents(em, denied, ctx.clock()));
    }
    throw err;
  }
}

async function runGatedTransaction(
  channel: ChannelName,
  decl: DossierDeclaration<ChannelName>,
  handler: unknown,
  input: unknown,
  call: Omit<DossierCall, 'dossier'>,
): Promise<unknown> {
  const { ctx, actor } = call;
  return ctx.vault.requireStore().transaction(async (em) => {
    const now = ctx.clock();
    const gate = await runGate(decl, input as ParsedInput<ChannelName>, em, actor, now);
    if (decl.action === 'read')
      await appendEvents(
        em,
        readEvents(actor, decl.section, gate.access, decl.names?.(input as ParsedInput<ChannelName>)),
        now,
      );
    const targets: WriteTarget[] = [];
    const dossier: DossierScope = {
      em,
      now,
      person: gate.person,
      access: gate.access,
      ownOnly: gate.ownOnly,
      canRead: readableBy(actor, gate.access[0]?.subject ?? NO_PERSON),
      wrote: (target) => targets.push(target),
    };
    const out = await (handler as (i: unknown, c: DossierCall) => Promise<unknown>)(input, {
      ...call,
      dossier,
    });
    if (decl.action === 'write')
      await appendEvents(em, writeEvents(actor, decl.section, gate.access, targets), now);
    else if (gate.ownOnly && shownOwnOnly(out))
      await appendEvents(em, ownReadEvents(actor, decl.section, gate.access), now);
    else if (gate.ownOnly)
      await appendEvents(em, deniedEvents(actor, decl.section, channel, refusals(gate.access)), now);
    return out;
  });
}

/** The persons the gate refused, with the refusal's code. */
function refusals(access: readonly PersonAccess[]): Array<{ personId: string | null; code: string }> {
  return access.flatMap((a) => (a.decision.allowed ? [] : [{ personId: a.personId, code: a.decision.code }]));
}

/** A partial read that showed the reader's own records (the tab's `view` says so). */
function shownOwnOnly(out: unknown): boolean {
  const view = (out as { view?: { status?: unknown } } | null)?.view;
  return view?.status === 'own_only';
}

/**
 * Runs a dossier channel as a staff member without a session — the demo centre replaying a
 * history — through the same contract, gate and audit as any call.
 */
export async function callAs<C extends ChannelName>(
  ctx: CoreContext,
  actor: Actor,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const route = ROUTES[channel] as Route<ChannelName>;
  if (route.access !== 'dossier') throw new Error(`${channel} is not a dossier channel`);
  const parsed = CONTRACT[channel].input.parse(input);
  const out = await runOnDossier(channel, route.dossier, route.handler, parsed, {
    ctx,
    actor,
    client: 'local',
  });
  return CONTRACT[channel].output.parse(out) as ChannelOutput<C>;
}
