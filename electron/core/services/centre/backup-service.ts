/**
 * A backup of the centre, taken by the process that owns the store: the command line on a folder
 * it opened, or the clinic server on behalf of `parcours backup` run beside it (one owner per
 * folder: a second process never opens a store a server holds).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ParsedInput as In } from '../../../../shared/contract';
import type { Actor } from '../../access/gate';
import { appendAudit } from '../../audit/audit-log';
import type { CoreContext } from '../../context';
import { writeBackup } from '../../db/backup';
import { totalRows, type StoreFingerprint } from '../../db/fingerprint';
import { invalid } from '../../errors';
import type { OnProgress } from '../../progress';

/** Appends the `backup` entry (the backup then holds it), then writes the verified backup file. */
export async function takeBackup(
  ctx: CoreContext,
  actorId: string,
  out: string,
  onProgress?: OnProgress,
): Promise<{ tables: StoreFingerprint }> {
  const { vault, clock } = ctx;
  const store = vault.requireStore();
  await store.transaction((em) => appendAudit(em, { actorId, action: 'backup' }, clock()));
  return store.exclusive(() =>
    writeBackup(
      store.handle,
      vault.requireDataKey(),
      vault.getKeyring().snapshot(),
      out,
      clock(),
      onProgress,
    ),
  );
}

/** Where the command line runs beside the server: the only callers that may ask for a file. */
// Not 'local' (the desktop window): the app's renderer never asks the core to write files.
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * `centre.backup`: the server writes the backup for `parcours backup` run on the same machine. A
 * browser elsewhere on the network cannot make the server write files; an existing file is never
 * overwritten.
 */
export async function backupOnServer(
  ctx: CoreContext,
  actor: Actor,
  input: In<'centre.backup'>,
  client: string,
): Promise<{ file: string; tables: number; rows: number }> {
  if (!LOOPBACK.has(client)) throw invalid('out', 'loopback_only');
  const file = path.resolve(input.out);
  if (existsSync(file)) throw invalid('out', 'file_exists');
  const dir = path.dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw invalid('out', 'missing_folder');
  const { tables } = await takeBackup(ctx, actor.userId, file);
  return { file, tables: Object.keys(tables).length, rows: totalRows(tables) };
}
