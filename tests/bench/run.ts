/**
 * `npm run bench`: the performance figures of Parcours, measured side by side in one run and
 * printed beside their targets. Not part of the test suite: no assertion, no timing in CI.
 *
 *   npm run bench                                  every section, scales 1, 10, 60, 200 samples
 *   npm run bench -- --scales=1,10                 the scale benchmarks at 1× and 10× only
 *   npm run bench -- --only=scale --samples=50     one section, fewer samples (for development)
 *   npm run bench -- --only=scale --figures=search,dossier   only those figures of the scale section
 *                                                  (the store is still built by one import of the file)
 *   PARCOURS_BENCH_SCALES=1 PARCOURS_BENCH_ONLY=unlock,sqlite npm run bench   the same by environment
 *
 * Run it on a tree nobody edits meanwhile (the child processes load the code again), e.g.
 *   C=$(git rev-parse --short HEAD); mkdir /tmp/tree && git archive HEAD | tar -x -C /tmp/tree &&
 *   ln -s "$PWD/node_modules" /tmp/tree/ && cd /tmp/tree && PARCOURS_BENCH_COMMIT=$C npm run bench
 *
 * Sections: unlock, sqlite, long-reads, scale, clinical (figures labimport, worklists), violence, attachments. What each measures, and the last recorded figures
 * with the machine they ran on: docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchSqlite, formatSqlite } from './sqlite';
import { benchUnlock, formatUnlock, UNLOCK_TARGET_MS } from './unlock';
import { benchLongReads } from './long-reads';
import { benchScales, formatScales, SCALE_FIGURES, scaleTargets, type ScaleFigure } from './scale';
import {
  benchClinical,
  CLINICAL_FIGURES,
  clinicalTargets,
  formatClinical,
  type ClinicalFigure,
} from './clinical';
import { benchViolence, formatViolence, violenceTargets } from './violence';
import { attachmentTargets, benchAttachments, formatAttachments } from './attachments';
import { ms, seconds, table } from './stats';

const SECTIONS = ['unlock', 'sqlite', 'long-reads', 'scale', 'clinical', 'violence', 'attachments'] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  only: Section[];
  scales: number[];
  figures: ScaleFigure[];
  clinicalFigures: ClinicalFigure[];
  samples: number;
  block: number;
  warm: number;
  unlockRuns: number;
}

function option(name: string, env: string): string | undefined {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : process.env[env];
}

function parseOptions(): Options {
  const list = (v: string | undefined) =>
    v
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const only = (list(option('only', 'PARCOURS_BENCH_ONLY')) ?? [...SECTIONS]) as Section[];
  const unknown = only.filter((s) => !SECTIONS.includes(s));
  if (unknown.length)
    throw new Error(`unknown section ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})`);
  const scales = (list(option('scales', 'PARCOURS_BENCH_SCALES')) ?? ['1', '10', '60']).map(Number);
  if (scales.some((s) => !(s > 0))) throw new Error('--scales: positive numbers, e.g. --scales=1,10,60');
  // One list for both sections' figures: each section takes its own (all of them when none is named).
  const named = list(option('figures', 'PARCOURS_BENCH_FIGURES'));
  const known: readonly string[] = [...SCALE_FIGURES, ...CLINICAL_FIGURES];
  const unknownFigure = (named ?? []).filter((f) => !known.includes(f));
  if (unknownFigure.length)
    throw new Error(`unknown figure ${unknownFigure.join(', ')} (known: ${known.join(', ')})`);
  const figures = (named ?? [...SCALE_FIGURES]).filter((f): f is ScaleFigure =>
    (SCALE_FIGURES as readonly string[]).includes(f),
  );
  const clinicalFigures = (named ?? [...CLINICAL_FIGURES]).filter((f): f is ClinicalFigure =>
    (CLINICAL_FIGURES as readonly string[]).includes(f),
  );
  const samples = Number(option('samples', 'PARCOURS_BENCH_SAMPLES') ?? 200);
  return {
    only,
    scales,
    figures,
    clinicalFigures,
    samples,
    block: Math.min(25, samples),
    warm: Math.min(30, samples),
    unlockRuns: Number(option('unlock-runs', 'PARCOURS_BENCH_UNLOCK_RUNS') ?? samples),
  };
}

/** The code measured: a commit, and whether the work tree differed from it. */
function revision(): string {
  if (process.env.PARCOURS_BENCH_COMMIT) return process.env.PARCOURS_BENCH_COMMIT;
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no') ? ' + uncommitted changes' : '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function load(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

async function run(): Promise<void> {
  const o = parseOptions();
  const cpus = os.cpus();
  const started = new Date();
  const t0 = performance.now();
  console.log('Parcours benchmarks');
  console.log(`  date      ${started.toISOString()}`);
  console.log(`  command   npm run bench -- ${process.argv.slice(2).join(' ')}`.trimEnd());
  console.log(
    `  options   sections ${o.only.join(',')}; scales ${o.scales.join(',')}; figures ${[...o.figures, ...o.clinicalFigures].join(',')}; ${o.samples} samples per side (blocks of ${o.block}, ${o.warm} warm-up); unlock ${o.unlockRuns} runs`,
  );
  console.log(
    `  machine   ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()} ${os.arch()}`,
  );
  console.log(`  node      ${process.version}`);
  console.log(`  code      ${revision()}`);
  console.log(`  load      ${load()} (1, 5, 15 min) at start`);
  console.log('');
  const targets: string[][] = [];
  if (o.only.includes('unlock')) {
    const u = await benchUnlock(o.unlockRuns);
    console.log(formatUnlock(u));
    targets.push([
      `unlock, p95 of ${u.runs} (median ${ms(u.total)})`,
      ms(u.totalP95),
      `≤ ${ms(UNLOCK_TARGET_MS)}`,
      u.totalP95 <= UNLOCK_TARGET_MS ? 'met' : 'NOT MET',
    ]);
    console.log('');
  }
  if (o.only.includes('sqlite')) {
    console.log(formatSqlite(await benchSqlite()));
    console.log('');
  }
  if (o.only.includes('long-reads')) {
    console.log(await benchLongReads());
    console.log('');
  }
  if (o.only.includes('scale')) {
    const scaleOptions = { ...o, log: (line: string) => console.log(line) };
    console.log(`Scale benchmarks (${o.scales.map((s) => `${s}×`).join(', ')}); progress:`);
    const figures = await benchScales(scaleOptions);
    console.log('');
    console.log(formatScales(figures, scaleOptions));
    targets.push(...scaleTargets(figures));
    console.log('');
  }
  if (o.only.includes('clinical')) {
    const clinicalOptions = { ...o, log: (line: string) => console.log(line) };
    console.log('Clinical benchmarks (a ten-year centre); progress:');
    const figures = await benchClinical(clinicalOptions);
    console.log('');
    console.log(formatClinical(figures, clinicalOptions));
    targets.push(...clinicalTargets(figures));
    console.log('');
  }
  if (o.only.includes('violence')) {
    const violenceOptions = { ...o, log: (line: string) => console.log(line) };
    console.log('CHAMS benchmarks (a ten-year, three-site centre); progress:');
    const figures = await benchViolence(violenceOptions);
    console.log('');
    console.log(formatViolence(figures, violenceOptions));
    targets.push(...violenceTargets(figures));
    console.log('');
  }
  if (o.only.includes('attachments')) {
    console.log('Attachment benchmarks (a ten-year store); progress:');
    const figures = await benchAttachments({ ...o, log: (line: string) => console.log(line) });
    console.log('');
    console.log(formatAttachments(figures));
    targets.push(...attachmentTargets(figures));
    console.log('');
  }
  if (targets.length) {
    console.log('Targets');
    console.log(table(['figure', 'measured', 'target', 'verdict'], targets));
    console.log('');
  }
  console.log(`  load      ${load()} (1, 5, 15 min) at end; ${seconds(performance.now() - t0)} in all`);
}

run().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
