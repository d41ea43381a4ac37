/**
 * Child process of the kill -9 torture (tests/unit/store-torture.test.ts). Run with
 * `node --import tsx tests/unit/helpers/torture-child.ts`.
 *
 * Environment:
 *   TORTURE_DIR  data folder (the store is created there on the first run)
 *   TORTURE_KEY  the 32-byte data key, hex
 *   TORTURE_TAG  a prefix for the ids of this run (so that ids are unique across runs)
 *   TORTURE_WAIT set to 1: load everything, then wait for a line on stdin before opening the store
 *                (the parent starts the next child while the current one runs, then says go)
 *
 * It commits records as fast as it can, forever, until the parent kills it. Each transaction
 * inserts one site and appends one audit entry that names it (a hash-chained append, so every
 * entry depends on the previous one); every few transactions it also appends a burst of entries in
 * the same transaction. Only after a transaction has committed does it print
 * `<site id> <last audit seq>` on stdout (a pipe: the write is synchronous on Linux, so a line the
 * parent receives was written before the kill). It prints `ready` once the store is open.
 */
import { existsSync } from 'node:fs';
import { appendAudit } from '../../../electron/core/audit/audit-log';
import { Store, databasePath } from '../../../electron/core/db/store';
import { SiteEntity } from '../../../electron/core/services/centre/entities';

function lineOnStdin(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.once('data', () => {
      process.stdin.pause();
      resolve();
    });
  });
}

async function main(): Promise<void> {
  if (process.env.TORTURE_WAIT === '1') await lineOnStdin();
  const dataDir = process.env.TORTURE_DIR;
  const keyHex = process.env.TORTURE_KEY;
  const tag = process.env.TORTURE_TAG ?? 'x';
  if (!dataDir || !keyHex || !/^[0-9a-f]{64}$/.test(keyHex))
    throw new Error('TORTURE_DIR and TORTURE_KEY (64 hex chars) are required');
  const key = Buffer.from(keyHex, 'hex');
  const store = await Store.open({ dataDir, key, create: !existsSync(databasePath(dataDir)) });
  process.stdout.write('ready\n');
  for (let n = 0; ; n += 1) {
    const id = `${tag}-${n}`;
    const seq = await store.transaction(async (em) => {
      const now = new Date().toISOString();
      await em.getRepository(SiteEntity).insert({
        id,
        code: id,
        name: `Torture ${id}`,
        city: null,
        timezone: 'Europe/Paris',
        active: true,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      let row = await appendAudit(
        em,
        { actorId: null, action: 'create', targetType: 'site', targetId: id },
        new Date(),
      );
      // A burst: several chained entries in one transaction, all or none.
      if (n % 4 === 3) {
        for (let i = 0; i < 5; i += 1)
          row = await appendAudit(
            em,
            { actorId: null, action: 'update', targetType: 'site', targetId: id, detail: { burst: i } },
            new Date(),
          );
      }
      return row.seq;
    });
    process.stdout.write(`${id} ${seq}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `torture child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(2);
});
