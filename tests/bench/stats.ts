/** Small helpers shared by the benchmarks: timing, medians, a plain-text table. */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Wall-clock time, and the CPU time of this process (all threads: scrypt runs in libuv's pool).
 * On a busy machine the wall time grows with the queue for a core; the CPU time much less.
 */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

export function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}

/** A left-aligned first column, right-aligned others, with a rule under the header. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('   '), ...rows.map(line)]
    .map((l) => `  ${l}`)
    .join('\n');
}

/** The nearest-rank percentile (p in 0–100) of the values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** One measured call: its wall-clock time and the CPU time of this process (all threads). */
export interface Sample {
  ms: number;
  cpuMs: number;
}

export async function sample(work: () => unknown): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms: elapsed, cpuMs: (used.user + used.system) / 1000 };
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
  cpuP50: number;
  cpuMean: number;
}

export function summarise(samples: readonly Sample[]): Summary {
  const wall = samples.map((s) => s.ms);
  const cpu = samples.map((s) => s.cpuMs);
  return {
    n: samples.length,
    p50: percentile(wall, 50),
    p95: percentile(wall, 95),
    max: Math.max(...wall),
    cpuP50: percentile(cpu, 50),
    cpuMean: cpu.reduce((a, b) => a + b, 0) / Math.max(1, cpu.length),
  };
}

export interface AlternateOptions {
  /** Measured samples per side. */
  perSide: number;
  /** Samples of one side in a row before the next side runs. */
  block: number;
  /** Unmeasured calls of every side first (statements prepared, caches warm, JIT done). */
  warm: number;
}

/**
 * Runs every side the same number of times, in blocks, the order of the sides changing from one
 * round to the next (A B, B A, A B… for two sides; rotated and reversed for more), so that no
 * side always runs first or last. Each side gets its own sample index, from 0 in the warm-up and
 * on through the measured samples: sides that walk the same list of inputs do the same work.
 */
export async function alternate<K extends string>(
  sides: Record<K, (i: number) => Promise<unknown>>,
  o: AlternateOptions,
): Promise<Record<K, Sample[]>> {
  const keys = Object.keys(sides) as K[];
  const next = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const out = Object.fromEntries(keys.map((k) => [k, [] as Sample[]])) as Record<K, Sample[]>;
  for (const k of keys) for (let i = 0; i < o.warm; i++) await sides[k](next[k]++);
  const rounds = Math.ceil(o.perSide / o.block);
  for (let r = 0; r < rounds; r++) {
    const shift = r % keys.length;
    const order = [...keys.slice(shift), ...keys.slice(0, shift)];
    if (keys.length > 2 && Math.floor(r / keys.length) % 2 === 1) order.reverse();
    for (const k of order) {
      const n = Math.min(o.block, o.perSide - out[k].length);
      for (let i = 0; i < n; i++) {
        const index = next[k]++;
        out[k].push(await sample(() => sides[k](index)));
      }
    }
  }
  return out;
}

export function mib(value: number): string {
  return `${value.toFixed(0)} MiB`;
}

export function seconds(valueMs: number): string {
  return valueMs >= 100_000 ? `${(valueMs / 1000).toFixed(0)} s` : `${(valueMs / 1000).toFixed(1)} s`;
}
