/** What every `parcours` command shares: messages, options, credentials, a session on the core. */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { detailText } from '../../shared/contract/envelope';
import { cliMessages, type CliMessageKey } from '../../shared/i18n/cli';
import { createCore, type Core } from '../core';
import { StoreError } from '../core/db/errors';
import { otherOwner, readOwner, type OwnerInfo, type OwnerKind } from '../core/db/owner-lock';
import type { Actor } from '../core/access/gate';
import type { Role } from '../../shared/domain/roles';

export const lang: 'fr' | 'en' =
  /^en/i.test(process.env.PARCOURS_LANG ?? process.env.LANG ?? '') &&
  !/^fr/i.test(process.env.PARCOURS_LANG ?? '')
    ? 'en'
    : 'fr';

export function t(key: CliMessageKey, vars: Record<string, string | number> = {}): string {
  return cliMessages[lang][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/** A refusal that ends the command with a message and an exit code (2: usage, 1: refused). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function requireOption(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new CliError(t('missingOption', { option: `--${name}` }), 2);
  return v;
}

/** Asks on the terminal without echoing (passwords, recovery codes). */
export function prompt(question: string, hidden: boolean): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stderr.write('\n');
      resolve(answer);
    });
    muted = hidden;
  });
}

export async function secretFromEnvOrPrompt(
  envName: string,
  question: string,
  hidden = true,
): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new CliError(t('noCredentials'), 2);
  return prompt(question, hidden);
}

export async function credentials(): Promise<{ username: string; password: string }> {
  const username = await secretFromEnvOrPrompt('PARCOURS_USER', t('promptUser'), false);
  const password = await secretFromEnvOrPrompt('PARCOURS_PASSWORD', t('promptPassword'));
  return { username, password };
}

export async function openCore(dataDir: string, owner: OwnerKind = 'command'): Promise<Core> {
  try {
    return await createCore({ dataDir, owner, log: (line) => process.stderr.write(`${line}\n`) });
  } catch (err) {
    // Never two writers: a folder the server (or the app) holds is refused, saying which and what to do.
    if (err instanceof StoreError && err.problem === 'in_use') throw folderInUse(readOwner(dataDir));
    throw err;
  }
}

function folderInUse(holder: OwnerInfo | null): CliError {
  return new CliError(
    t('folderInUse', {
      owner: holder ? t(`owner_${holder.kind}`) : '?',
      pid: holder?.pid ?? '?',
      url: holder?.url ?? '—',
    }),
  );
}

/** For commands that replace a folder without opening it (restore): refused while it is owned. */
export function refuseIfOwned(dataDir: string): void {
  const holder = otherOwner(dataDir);
  if (holder) throw folderInUse(holder);
}

export interface CliSession {
  core: Core;
  token: string;
  actor: Actor;
}

/** Logs in through the same channel as the app: same throttling, same audit. */
export async function login(core: Core): Promise<CliSession> {
  const { username, password } = await credentials();
  const r = await core.dispatch('auth.login', { username, password }, { transport: 'http' });
  if (!r.ok) {
    const e = r.error;
    if (e.code === 'throttled')
      throw new CliError(t('throttled', { seconds: detailText(e.details, 'retryAfterSeconds') ?? '?' }));
    if (e.code === 'store_unavailable')
      throw new CliError(t('storeUnavailable', { problem: detailText(e.details, 'problem') ?? '?' }));
    if (e.code === 'wrong_credentials') throw new CliError(t('wrongCredentials'));
    throw new CliError(t('failed', { message: e.code }));
  }
  const value = r.value as {
    token: string;
    user: { id: string; roles: Role[] };
    mustChangePassword: boolean;
  };
  // A temporary password opens nothing but the password change, here as in the app.
  if (value.mustChangePassword) {
    await core.dispatch('auth.logout', {}, { token: value.token, transport: 'http' });
    throw new CliError(t('mustChangePassword'));
  }
  return { core, token: value.token, actor: { userId: value.user.id, roles: value.user.roles } };
}
