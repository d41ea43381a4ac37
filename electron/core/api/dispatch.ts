/**
 * One call through the core: find the route, parse the input with the contract, find the session,
 * apply lock / password-change / permission rules, run the handler, and shape the answer as an
 * envelope. Errors are logged by kind only: messages may carry values, and values may be personal.
 */
import { CONTRACT, isChannelName, type ChannelName } from '../../../shared/contract';
import { fail, ok, type Result } from '../../../shared/contract/envelope';
import type { Role } from '../../../shared/domain/roles';
import { hasPermission, type Actor } from '../access/gate';
import type { CoreContext } from '../context';
import { StoreError } from '../db/errors';
import { DomainError } from '../errors';
import { readCentre } from '../services/centre/centre-service';
import { StaffUserEntity, StaffUserRoleEntity } from '../services/users/entities';
import type { CallContext } from './types';
import { ROUTES, type Route } from './routes';
import { validationError } from './validation';

export type Logger = (line: string) => void;

async function loadActor(ctx: CoreContext, userId: string): Promise<Actor | null> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => {
    const user = await store.manager.getRepository(StaffUserEntity).findOneBy({ id: userId });
    if (!user || !user.active) return null;
    const roles = await store.manager.getRepository(StaffUserRoleEntity).findBy({ userId });
    return { userId, roles: roles.map((r) => r.role as Role) };
  });
}

async function autoLockMinutes(ctx: CoreContext): Promise<number> {
  const store = ctx.vault.requireStore();
  return store.exclusive(async () => (await readCentre(store.manager)).autoLockMinutes);
}

export async function dispatch(ctx: CoreContext, channel: string, rawInput: unknown, call: CallContext, log: Logger): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return fail('not_found', 'unknown channel');
  const parsed = CONTRACT[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  try {
    const value = await run(ctx, channel, parsed.data, call);
    const out = CONTRACT[channel].output.safeParse(value);
    if (!out.success) {
      log(`internal: output of ${channel} does not match the contract (${out.error.issues[0]?.path.join('.') ?? '?'})`);
      return fail('internal', 'unexpected result');
    }
    return ok(out.data);
  } catch (err) {
    if (err instanceof DomainError) return fail(err.code, err.message, { ...(err.field ? { field: err.field } : {}), ...(err.details ? { details: err.details } : {}) });
    if (err instanceof StoreError) return fail('store_unavailable', err.message, { details: { problem: err.problem } });
    const kind = err instanceof Error ? err.name : typeof err;
    const code = (err as { code?: unknown } | null)?.code;
    log(`internal error on ${channel}: ${kind}${typeof code === 'string' ? ` (${code})` : ''}`);
    return fail('internal', 'internal error');
  }
}

async function run(ctx: CoreContext, channel: ChannelName, input: unknown, call: CallContext): Promise<unknown> {
  const route = ROUTES[channel] as Route<ChannelName>;
  if (route.access === 'public') return (route.handler as (i: unknown, c: { ctx: CoreContext }) => Promise<unknown>)(input, { ctx });

  if (!ctx.vault.isOpen) throw new DomainError('unauthenticated', 'no session');
  const session = ctx.sessions.find(call.token, await autoLockMinutes(ctx));
  if (!session) throw new DomainError('unauthenticated', 'no session');
  if (session.locked && !route.whileLocked) throw new DomainError('locked', 'session is locked');
  if (session.mustChangePassword && !route.beforePasswordChange) throw new DomainError('password_change_required', 'change the temporary password first');
  const actor = await loadActor(ctx, session.userId);
  if (!actor) {
    ctx.sessions.close(session.token);
    throw new DomainError('unauthenticated', 'account is no longer active');
  }
  if (route.permission && !hasPermission(actor, route.permission)) throw new DomainError('forbidden', `permission ${route.permission} required`);
  if (!session.locked && !route.passive) ctx.sessions.touch(session);
  return (route.handler as (i: unknown, c: unknown) => Promise<unknown>)(input, { ctx, session, actor });
}
