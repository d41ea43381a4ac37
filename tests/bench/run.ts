/**
 * `npm run bench`: the performance figures of Parcours, measured side by side in one run and
 * printed as ratios to their targets. Not part of the test suite: no assertion, no timing in CI.
 */
import os from 'node:os';
import { benchSqlite, formatSqlite } from './sqlite';
import { benchUnlock, formatUnlock } from './unlock';
import { benchReception } from './reception';
import { benchLongReads } from './long-reads';

async function run(): Promise<void> {
  const cpus = os.cpus();
  console.log(
    `Parcours benchmarks — Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, load ${os.loadavg()[0].toFixed(2)}`,
  );
  console.log('');
  console.log(formatUnlock(await benchUnlock(10)));
  console.log('');
  console.log(formatSqlite(await benchSqlite()));
  console.log('');
  console.log(await benchReception());
  console.log('');
  console.log(await benchLongReads());
}

run().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
