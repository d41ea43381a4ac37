// `npm test` and `npm run test:quick`: the test stages in order, stopping at the first failure,
// with the time of each stage and the runners' pass/fail counts gathered at the end, so that a CI
// log shows where the minutes go and still ends with "N passed, N failed".
//
//   node scripts/test-stages.mjs            lint, electronegativity, typecheck, unit+component, build,
//                                           e2e, electron
//   node scripts/test-stages.mjs --quick    lint, typecheck, unit+component with a smaller
//                                           crash-torture count; no build, no browser
//
// TEST_STAGES_BEFORE="install=93.4" adds stages timed by the caller (.ci/run times its install)
// to the summary and the total.
import { spawn } from 'node:child_process';

const quick = process.argv.includes('--quick');
/** Iterations of the kill -9 torture in the quick command; the full count (210) runs everywhere else. */
const QUICK_TORTURE_ITERATIONS = '40';

const STAGES = [
  { name: 'lint', script: 'lint' },
  { name: 'electronegativity', script: 'security:electron' },
  { name: 'typecheck', script: 'typecheck' },
  {
    name: 'unit+component',
    script: 'test:unit',
    // The full command always runs the full count, whatever the shell exported.
    env: { TORTURE_ITERATIONS: quick ? QUICK_TORTURE_ITERATIONS : null },
  },
  ...(quick
    ? []
    : [
        { name: 'build', script: 'build' },
        { name: 'e2e', script: 'test:e2e' },
        { name: 'electron', script: 'test:electron' },
      ]),
];

// Vitest: "Tests  3 failed | 255 passed | 1 skipped (259)". Playwright: "  16 passed (1.5m)",
// "  2 failed", "  11 skipped" on lines of their own.
const ANSI = /\x1b\[[0-9;]*m/g;
function countsOf(output) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const lines = output.replace(ANSI, '').split('\n');
  const vitest = lines.filter((l) => /^\s*Tests\s+\d+ (passed|failed|skipped)/.test(l)).pop();
  if (vitest) {
    for (const [, n, kind] of vitest.matchAll(/(\d+) (passed|failed|skipped)/g)) counts[kind] += Number(n);
    return counts;
  }
  let found = false;
  for (const line of lines) {
    const m = /^\s+(\d+) (passed|failed|skipped|flaky)\b/.exec(line);
    if (!m) continue;
    found = true;
    // A flaky test failed at least once: it is not counted as a pass.
    counts[m[2] === 'flaky' ? 'failed' : m[2]] += Number(m[1]);
  }
  return found ? counts : null;
}

function run(stage) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const env = { ...process.env };
    for (const [name, value] of Object.entries(stage.env ?? {})) {
      if (value === null) delete env[name];
      else env[name] = value;
    }
    const child = spawn('npm', ['run', stage.script], {
      env,
      stdio: ['inherit', 'pipe', 'pipe'],
    });
    // Streamed as it comes (a long stage must not look stuck) and kept to read the counts after.
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({
        name: stage.name,
        seconds,
        ok: code === 0,
        code: code ?? 1,
        signal,
        counts: countsOf(output),
      });
    });
  });
}

function before() {
  return (process.env.TEST_STAGES_BEFORE ?? '')
    .split(',')
    .filter(Boolean)
    .map((entry) => {
      const [name, seconds] = entry.split('=');
      return { name, seconds: Number(seconds), ok: true, counts: null };
    })
    .filter((s) => s.name && Number.isFinite(s.seconds));
}

function summary(results, skipped) {
  const lines = ['', '── test stages ──'];
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) {
    let line = `stage ${r.name}: ${r.seconds.toFixed(1)} s`;
    if (r.counts) {
      for (const k of Object.keys(total)) total[k] += r.counts[k];
      line += ` (${r.counts.passed} passed, ${r.counts.failed} failed${r.counts.skipped ? `, ${r.counts.skipped} skipped` : ''})`;
    }
    if (!r.ok) line += ` FAILED (${r.signal ? `signal ${r.signal}` : `exit code ${r.code}`})`;
    lines.push(line);
  }
  for (const name of skipped) lines.push(`stage ${name}: not run (an earlier stage failed)`);
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  lines.push(`total: ${seconds.toFixed(1)} s`);
  const failedStage = results.find((r) => !r.ok);
  // The last line reads like a runner's: what passed and what failed over all the stages.
  lines.push(
    `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}` +
      (failedStage ? ` — stopped at stage ${failedStage.name}` : ''),
  );
  return lines.join('\n');
}

const results = before();
for (const [i, stage] of STAGES.entries()) {
  console.log(`\n── stage ${stage.name} (npm run ${stage.script}) ──`);
  const result = await run(stage);
  results.push(result);
  if (!result.ok) {
    console.log(
      summary(
        results,
        STAGES.slice(i + 1).map((s) => s.name),
      ),
    );
    process.exit(result.code || 1);
  }
}
console.log(summary(results, []));
