/** backup, restore, export, import, audit verify, recover: the commands that work on a whole store. */
import { passwordSchema, usernameSchema } from '../../../shared/contract/common';
import { detailText } from '../../../shared/contract/envelope';
import { LATEST_SCHEMA_VERSION } from '../../../migrations';
import type { Core } from '../../core';
import { hasPermission } from '../../core/access/gate';
import { anchorCode, checkAnchor, currentHead, writeSealedHead } from '../../core/audit/audit-head';
import { resolveAuditKey } from '../../core/audit/audit-key';
import { appendAudit } from '../../core/audit/audit-log';
import {
  BackupError,
  isEmptyDir,
  openHead,
  promoteStaged,
  readBackup,
  stageBackup,
  verifyStaged,
} from '../../core/db/backup';
import { findAccountIn, normalizeUsername } from '../../core/db/keyring';
import { normalizeRecoveryCode, unwrapKey, wrapKey } from '../../core/db/keywrap';
import { totalRows, type StoreFingerprint } from '../../core/db/fingerprint';
import { Store } from '../../core/db/store';
import { otherOwner } from '../../core/db/owner-lock';
import { takeBackup } from '../../core/services/centre/backup-service';
import { StoreError } from '../../core/db/errors';
import { DomainError } from '../../core/errors';
import { exportAll } from '../../core/interchange/export';
import { StreamedFile } from '../../core/interchange/file-out';
import {
  ImportRefused,
  applyLines,
  importFile,
  auditRoleChange,
  parseFile,
  type LineError,
} from '../../core/interchange/import';
import { temporaryPassword } from '../../core/services/auth/passwords';
import { createCentre, removeCreatedStore } from '../../core/services/setup/setup-service';
import { findUserByUsername, updateUserRow } from '../../core/services/users/repository';
import {
  CliError,
  credentials,
  login,
  openCore,
  refuseIfOwned,
  requireOption,
  secretFromEnvOrPrompt,
  lang,
  t,
  type CliSession,
} from '../cli-support';
import { TerminalProgress } from '../progress';
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { hasText, t as text } from '../../../shared/i18n/translate';

async function withSession<T>(dataDir: string, work: (s: CliSession) => Promise<T>): Promise<T> {
  const core = await openCore(dataDir);
  try {
    return await work(await login(core));
  } finally {
    await core.close();
  }
}

/** Progress on stderr when it is a terminal, unless `--quiet` (electron/server/progress.ts). */
function progressOf(values: Record<string, unknown>): TerminalProgress {
  return new TerminalProgress({ lang, stream: process.stderr, quiet: values.quiet === true });
}

function requirePermission(
  s: CliSession,
  permission: 'data.export' | 'data.import' | 'centre.manage' | 'audit.read',
): void {
  if (!hasPermission(s.actor, permission)) throw new CliError(t('forbidden', { permission }));
}

export async function backupCommand(values: Record<string, unknown>): Promise<void> {
  const dataDir = requireOption(values, 'data');
  const out = requireOption(values, 'out');
  // A clinic server holds the folder: it takes the backup itself (never two writers on a store).
  const holder = otherOwner(dataDir);
  if (holder?.kind === 'serve' && holder.url) return backupThroughServer(holder.url, out, progressOf(values));
  await withSession(dataDir, async (s) => {
    requirePermission(s, 'centre.manage');
    let tables;
    const progress = progressOf(values);
    try {
      ({ tables } = await takeBackup(s.core.ctx, s.actor.userId, out, progress.report));
    } catch (err) {
      if (err instanceof BackupError) throw new CliError(t('backupSelfCheckFailed', { reason: err.reason }));
      throw err;
    } finally {
      progress.end();
    }
    console.log(t('backupDone', { file: out, tables: Object.keys(tables).length, rows: totalRows(tables) }));
  });
}

/**
 * `parcours backup` beside a running server: log in to it and let it write the backup. One call,
 * whose progress stays on the server (a terminal here only hears that it is under way).
 */
async function backupThroughServer(url: string, out: string, progress: TerminalProgress): Promise<void> {
  const { username, password } = await credentials();
  const post = async (channel: string, body: unknown, token?: string) => {
    const res = await fetch(`${url}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await res.json()) as {
      ok: boolean;
      value?: unknown;
      error?: { code: string; details?: unknown };
    };
  };
  const login = await post('auth.login', { username, password });
  if (!login.ok)
    throw new CliError(
      t(login.error?.code === 'throttled' ? 'failed' : 'wrongCredentials', {
        message: login.error?.code ?? '?',
      }),
    );
  const token = (login.value as { token: string }).token;
  try {
    if (progress.enabled) process.stderr.write(`${t('backupOnServer')}\n`);
    const r = await post('centre.backup', { out: path.resolve(out) }, token);
    if (!r.ok) {
      const code = r.error?.code ?? '?';
      if (code === 'forbidden') throw new CliError(t('forbidden', { permission: 'centre.manage' }));
      if (code === 'password_change_required') throw new CliError(t('mustChangePassword'));
      const reason = detailText(r.error?.details as Record<string, unknown> | undefined, 'reason');
      // The server's reason, in words, from the same catalogue the app uses.
      const key = `validation.reason.${reason ?? ''}`;
      throw new CliError(t('failed', { message: reason && hasText(lang, key) ? text(lang, key) : code }));
    }
    const v = r.value as { file: string; tables: number; rows: number };
    console.log(t('backupDone', { file: v.file, tables: v.tables, rows: v.rows }));
  } finally {
    await post('auth.logout', {}, token).catch(() => undefined);
  }
}

/** The key of a backup: from the recovery code if given, else from a staff account in it. */
async function backupKey(
  header: ReturnType<typeof readBackup>['header'],
): Promise<{ key: Buffer; actorId: string | null }> {
  const code = process.env.PARCOURS_RECOVERY_CODE;
  if (code) {
    const key = await unwrapKey(header.keyring.recovery, normalizeRecoveryCode(code));
    if (!key) throw new CliError(t('recoverWrong'));
    return { key, actorId: null };
  }
  const { username, password } = await credentials();
  const account = findAccountIn(header.keyring, username);
  const key = account ? await unwrapKey(account.wrapped, password) : null;
  if (!account || !key) throw new CliError(t('wrongCredentials'));
  return { key, actorId: account.userId };
}

export async function restoreCommand(values: Record<string, unknown>): Promise<void> {
  const from = requireOption(values, 'from');
  const dataDir = requireOption(values, 'data');
  // A running server keeps writing into the folder it opened: never restore under it.
  refuseIfOwned(dataDir);
  if (!isEmptyDir(dataDir) && values.replace !== true)
    throw new CliError(t('restoreTargetNotEmpty', { dir: dataDir }));
  let backup;
  const progress = progressOf(values);
  try {
    backup = readBackup(from, progress.report);
  } catch (err) {
    if (err instanceof BackupError) throw new CliError(t('backupInvalid', { reason: err.reason }));
    throw err;
  } finally {
    // Before a prompt for the password, the line is ended.
    progress.end();
  }
  const { header, database } = backup;
  if (header.schemaVersion > LATEST_SCHEMA_VERSION)
    throw new CliError(t('backupInvalid', { reason: 'from_future' }));
  const { key, actorId } = await backupKey(header);
  const staging = stageBackup(header, database, dataDir);
  let restored: StoreFingerprint;
  try {
    restored = verifyStaged(staging, key, header, progress.report);
    progress.end();
    // The restored folder starts with the head its backup carried (verifyStaged proved the log
    // contains it), sealed under this folder's K_audit: opening it then holds the log to that head.
    const head = openHead(key, header);
    if (head) writeSealedHead(staging, resolveAuditKey(key), head, new Date());
  } catch (err) {
    progress.end();
    rmSync(staging, { recursive: true, force: true });
    if (err instanceof BackupError) throw new CliError(t('backupInvalid', { reason: err.reason }));
    throw err;
  }
  promoteStaged(staging, dataDir, new Date());
  const store = await Store.open({ dataDir, key, cipher: header.cipher });
  try {
    await store.transaction((em) =>
      appendAudit(
        em,
        { actorId, action: 'restore', detail: { backupCreatedAt: header.createdAt } },
        new Date(),
      ),
    );
  } finally {
    await store.close();
    key.fill(0);
  }
  console.log(t('restoreDone', { dir: dataDir, rows: totalRows(restored) }));
}

export async function exportCommand(values: Record<string, unknown>): Promise<void> {
  const dataDir = requireOption(values, 'data');
  const out = requireOption(values, 'out');
  await withSession(dataDir, async (s) => {
    requirePermission(s, 'data.export');
    // The whole centre in clear is worth the key itself: the coordinator's password is not enough,
    // the centre's recovery code is asked too.
    await requireRecoveryCode(s.core);
    console.error(t('exportWarning'));
    // Streamed record by record into the file: memory stays the same whatever the centre's size.
    const file = new StreamedFile(out);
    let count: number;
    const progress = progressOf(values);
    try {
      ({ count } = await exportAll(s.core.ctx, s.actor, (line) => file.write(line), progress.report));
      file.commit();
    } catch (err) {
      file.abort();
      throw err;
    } finally {
      progress.end();
    }
    console.log(t('exportDone', { count, file: out }));
  });
}

/** The centre's recovery code must open its recovery wrap and give this store's data key. */
async function requireRecoveryCode(core: Core): Promise<void> {
  const code = await secretFromEnvOrPrompt('PARCOURS_RECOVERY_CODE', t('promptRecovery'));
  const key = await unwrapKey(core.ctx.vault.getKeyring().snapshot().recovery, normalizeRecoveryCode(code));
  const same = key !== null && key.equals(core.ctx.vault.requireDataKey());
  key?.fill(0);
  if (!same) throw new CliError(t('recoverWrong'));
}

function refused(errors: LineError[]): CliError {
  const lines = [
    t('importFailed', { count: errors.length }),
    ...errors
      .slice(0, 50)
      .map((e) => t('importLineError', { line: e.line, field: e.field ?? '-', reason: e.reason })),
  ];
  return new CliError(lines.join('\n'));
}

/** Import into a folder with no centre yet: the file's centre and sites found it (migration). */
async function importIntoEmpty(
  core: Core,
  file: string,
  progress: TerminalProgress,
): Promise<{ created: number; updated: number; unchanged: number; recoveryCode: string }> {
  const { lines, errors } = await parseFile(file, progress.report);
  // Before a prompt for the founding account, the line is ended.
  progress.end();
  if (errors.length) throw refused(errors);
  const centre = lines.find((l) => l.record.type === 'centre')?.record;
  const sites = lines.flatMap((l) => (l.record.type === 'site' ? [l.record] : []));
  if (!centre || centre.type !== 'centre' || sites.length === 0)
    throw refused([{ line: 1, field: 'type', reason: 'centre_and_site_required' }]);
  const username = await secretFromEnvOrPrompt('PARCOURS_ADMIN_USER', t('promptUser'), false);
  const password = await secretFromEnvOrPrompt('PARCOURS_ADMIN_PASSWORD', t('promptPassword'));
  // The founding account is checked as `init` checks it (the contract of setup.initialize).
  for (const [field, schema, value] of [
    ['PARCOURS_ADMIN_USER', usernameSchema, username],
    ['PARCOURS_ADMIN_PASSWORD', passwordSchema, password],
  ] as const) {
    const issue = schema.safeParse(value).error?.issues[0];
    if (issue)
      throw new CliError(
        t('invalidField', { field, reason: /^[a-z_]+$/.test(issue.message) ? issue.message : issue.code }),
      );
  }
  const existing = lines.find(
    (l) => l.record.type === 'user' && normalizeUsername(l.record.username) === normalizeUsername(username),
  )?.record;
  const admin =
    existing && existing.type === 'user'
      ? {
          id: existing.id,
          username,
          displayName: existing.displayName,
          password,
          roles: existing.roles,
          siteIds: existing.siteIds,
        }
      : { username, displayName: process.env.PARCOURS_ADMIN_NAME || username, password };
  const { recoveryCode } = await createCentre(core.ctx, {
    centreName: centre.name,
    locale: centre.defaultLocale,
    sites: sites.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      city: s.city ?? undefined,
      timezone: s.timezone,
      openingHours: s.openingHours,
    })),
    admin,
  }).catch((err: unknown): never => {
    if (err instanceof DomainError && err.code === 'validation')
      throw new CliError(
        t('invalidField', {
          field: err.field ?? '?',
          reason: detailText(err.details, 'reason', 'issue') ?? err.code,
        }),
      );
    throw err;
  });
  try {
    const counts = await core.ctx.vault.requireStore().transaction(async (em) => {
      const c = await applyLines(
        em,
        lines,
        core.ctx.clock().toISOString(),
        (change) => auditRoleChange(em, admin.id ?? null, change, core.ctx.clock()),
        progress.report,
      );
      await appendAudit(
        em,
        { actorId: admin.id ?? null, action: 'import', detail: { ...c } },
        core.ctx.clock(),
      );
      return c;
    });
    return { ...counts, recoveryCode };
  } catch (err) {
    await core.ctx.vault.close();
    removeCreatedStore(core.ctx.vault.dataDir);
    throw err;
  }
}

export async function importCommand(values: Record<string, unknown>, positionals: string[]): Promise<void> {
  const dataDir = requireOption(values, 'data');
  const file = positionals[0];
  if (!file) throw new CliError(t('missingOption', { option: 'FILE' }), 2);
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(t('fileNotFound', { file }));
  const core = await openCore(dataDir);
  const progress = progressOf(values);
  try {
    if (core.ctx.vault.state().state === 'needs_setup') {
      const r = await importIntoEmpty(core, file, progress);
      progress.end();
      console.log(t('importDone', r));
      console.log(t('recoveryCode', { code: r.recoveryCode }));
      return;
    }
    const s = await login(core);
    requirePermission(s, 'data.import');
    const counts = await importFile(core.ctx, s.actor, file, progress.report);
    progress.end();
    console.log(t('importDone', { ...counts }));
  } catch (err) {
    progress.end();
    if (err instanceof ImportRefused) throw refused(err.errors);
    throw err;
  } finally {
    await core.close();
  }
}

/** `audit.verify` through the core (the same check as the coordinator's screen); throws if broken. */
async function verifiedCount(s: CliSession): Promise<number> {
  const r = await s.core.dispatch('audit.verify', {}, { token: s.token, transport: 'http' });
  if (!r.ok) throw new CliError(t('failed', { message: r.error.code }));
  const v = r.value as {
    intact: boolean;
    checked: number;
    firstBrokenSeq: number | null;
    problem: string | null;
  };
  if (v.intact) return v.checked;
  if (v.problem === 'head_mismatch')
    throw new CliError(t('auditHeadMismatch', { seq: v.firstBrokenSeq ?? '?', count: v.checked }));
  throw new CliError(
    t('auditBroken', { seq: v.firstBrokenSeq ?? '?', problem: v.problem ?? '?', count: v.checked }),
  );
}

/**
 * `parcours audit verify --data DIR [--anchor CODE]`: the chain, the sealed head, and — with a
 * code kept on paper — that the log still contains the head the code was taken of.
 */
export async function auditVerifyCommand(values: Record<string, unknown>): Promise<void> {
  const dataDir = requireOption(values, 'data');
  const anchor = typeof values.anchor === 'string' ? values.anchor : null;
  await withSession(dataDir, async (s) => {
    requirePermission(s, 'audit.read');
    const count = await verifiedCount(s);
    if (anchor !== null) {
      const store = s.core.ctx.vault.requireStore();
      const held = await store.exclusive(() => checkAnchor(store.handle, store.auditKey, anchor));
      if (held === 'invalid_code') throw new CliError(t('auditAnchorInvalid', { code: anchor }));
      if (held !== 'held') throw new CliError(t('auditAnchorBroken', { code: anchor, count }));
      console.log(t('auditAnchorHeld', { code: anchor, count }));
      return;
    }
    console.log(t('auditIntact', { count }));
  });
}

/**
 * `parcours audit anchor --data DIR`: a short code of the current head, for a coordinator to keep
 * on paper. Only an intact log is anchored (an anchor vouches for everything before it).
 */
export async function auditAnchorCommand(values: Record<string, unknown>): Promise<void> {
  const dataDir = requireOption(values, 'data');
  await withSession(dataDir, async (s) => {
    requirePermission(s, 'audit.read');
    await verifiedCount(s);
    const store = s.core.ctx.vault.requireStore();
    const { code, count } = await store.exclusive(() => {
      const head = currentHead(store.handle);
      return { code: anchorCode(store.auditKey, head), count: head.count };
    });
    console.log(t('auditAnchor', { code, count }));
  });
}

/** `parcours recover`: the recovery code gives an account a new temporary password. */
export async function recoverCommand(values: Record<string, unknown>): Promise<void> {
  const dataDir = requireOption(values, 'data');
  const user = requireOption(values, 'user');
  const code = await secretFromEnvOrPrompt('PARCOURS_RECOVERY_CODE', t('promptRecovery'));
  const core = await openCore(dataDir);
  try {
    const { vault, clock, kdfCost } = core.ctx;
    let store;
    try {
      store = await vault.unlockWithRecoveryCode(code);
    } catch (err) {
      if (err instanceof StoreError) throw new CliError(t('storeUnavailable', { problem: err.problem }));
      throw err;
    }
    if (!store) throw new CliError(t('recoverWrong'));
    const password = temporaryPassword();
    const wrapped = await wrapKey(vault.requireDataKey(), password, kdfCost);
    // The keyring changes last, in the same unit of work: both change, or neither (vault.ts).
    await vault.keyringTransaction(async (em, keyring) => {
      const row = await findUserByUsername(em, normalizeUsername(user));
      if (!row || !row.active) throw new CliError(t('unknownUser', { user }));
      await updateUserRow(em, row.id, {
        mustChangePassword: true,
        updatedAt: clock().toISOString(),
        version: row.version + 1,
      });
      await appendAudit(
        em,
        {
          actorId: null,
          action: 'password_reset',
          targetType: 'staff_user',
          targetId: row.id,
          reason: 'recovery code',
        },
        clock(),
      );
      keyring.setAccount(row.username, { userId: row.id, wrapped });
    });
    console.log(t('recoverDone', { user, password }));
  } finally {
    await core.close();
  }
}
