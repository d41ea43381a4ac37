/**
 * The terminal progress of the long commands (electron/server/progress.ts): what the line says for
 * given counts and elapsed time (a fake clock, no waiting), when it is drawn, and that nothing at
 * all is written when stderr is not a terminal or with --quiet.
 */
import { describe, expect, it } from 'vitest';
import {
  TerminalProgress,
  clockTime,
  formatProgress,
  formatSummary,
  type ProgressStream,
} from '../../electron/server/progress';

/** Removes the terminal's control sequences and the narrow spaces of French number grouping. */
const plain = (s: string) =>
  s
    .split('\x1b[K')
    .join('')
    .replace(/[\u202f\u00a0]/g, ' ');

function fakeTerminal(isTTY = true): ProgressStream & { chunks: string[] } {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (chunk: string) => chunks.push(chunk) };
}

function fakeClock(): { now: () => number; advance(ms: number): void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('progress line', () => {
  it('says done / total, percent, rate per second and time left', () => {
    // 25,000 of 100,000 records in 10 s: 2,500/s, 75,000 left → 30 s.
    const en = formatProgress('en', { phase: 'write', done: 25_000, total: 100_000 }, 10_000);
    expect(plain(en)).toBe('Writing: 25,000 / 100,000 records (25%) · 2,500/s · 0:30 left');
    const fr = formatProgress('fr', { phase: 'write', done: 25_000, total: 100_000 }, 10_000);
    expect(plain(fr)).toBe('Écriture : 25 000 / 100 000 enregistrements (25 %) · 2 500/s · reste 0:30');
  });

  it('counts bytes in megabytes, and hours past an hour', () => {
    // 10 MB of 7,210 MB in 10 s: 1 MB/s, 7,200 s left → 2:00:00.
    const line = formatProgress('en', { phase: 'validate', done: 10e6, total: 7_210e6 }, 10_000);
    expect(plain(line)).toBe('Checking the file: 10.0 / 7,210.0 MB (0%) · 1.0/s · 2:00:00 left');
    expect(clockTime(61_000)).toBe('1:01');
    expect(clockTime(3_725_000)).toBe('1:02:05');
  });

  it('gives no rate nor time left before anything is done or measurable', () => {
    expect(plain(formatProgress('en', { phase: 'export', done: 0, total: 50 }, 5_000))).toBe(
      'Exporting: 0 / 50 records (0%)',
    );
    expect(plain(formatProgress('en', { phase: 'copy', done: 10, total: 40 }, 100))).toBe(
      'Copying: 10 / 40 pages (25%)',
    );
  });

  it('the summary of a finished phase: how much, in how long, at what rate', () => {
    expect(plain(formatSummary('en', { phase: 'check', done: 24, total: 24 }, 12_000))).toBe(
      'Checking: 24 tables in 0:12 (2 tables/s)',
    );
    expect(plain(formatSummary('fr', { phase: 'export', done: 1200, total: 1200 }, 60_000))).toBe(
      'Export : 1 200 enregistrements en 1:00 (20 enregistrements/s)',
    );
  });
});

describe('progress on a terminal', () => {
  it('rewrites one line in place at most every 100 ms, always draws the end, then a summary line', () => {
    const term = fakeTerminal();
    const clock = fakeClock();
    const progress = new TerminalProgress({ lang: 'en', stream: term, clock: clock.now });
    expect(progress.enabled).toBe(true);
    progress.report({ phase: 'write', done: 0, total: 4 });
    clock.advance(40);
    progress.report({ phase: 'write', done: 1, total: 4 }); // throttled
    clock.advance(40);
    progress.report({ phase: 'write', done: 2, total: 4 }); // throttled
    clock.advance(40);
    progress.report({ phase: 'write', done: 3, total: 4 }); // 120 ms after the first: drawn
    clock.advance(10);
    progress.report({ phase: 'write', done: 4, total: 4 }); // the end: drawn whatever the time
    progress.end();
    const draws = term.chunks.filter((c) => c.startsWith('\r')).map(plain);
    expect(draws).toEqual([
      '\rWriting: 0 / 4 records (0%)',
      '\rWriting: 3 / 4 records (75%)',
      '\rWriting: 4 / 4 records (100%)',
      '\rWriting: 4 records in 0:00 (31 records/s)',
    ]);
    expect(term.chunks.at(-1)).toBe('\n');
    // No line break before the end: the line is rewritten in place.
    expect(term.chunks.slice(0, -1).join('')).not.toContain('\n');
  });

  it('a new phase leaves the previous one as a summary line and starts its own clock', () => {
    const term = fakeTerminal();
    const clock = fakeClock();
    const progress = new TerminalProgress({ lang: 'en', stream: term, clock: clock.now });
    progress.report({ phase: 'validate', done: 0, total: 2e6 });
    clock.advance(2_000);
    progress.report({ phase: 'validate', done: 2e6, total: 2e6 });
    clock.advance(1_000);
    progress.report({ phase: 'write', done: 0, total: 10 });
    clock.advance(5_000);
    progress.report({ phase: 'write', done: 5, total: 10 });
    const text = plain(term.chunks.join(''));
    expect(text).toContain('\rChecking the file: 2.0 MB in 0:03 (0.7 MB/s)\n');
    expect(text).toContain('\rWriting: 5 / 10 records (50%) · 1/s · 0:05 left');
  });

  it('an interrupted phase ends its line as it stood (no summary claiming it finished)', () => {
    const term = fakeTerminal();
    const clock = fakeClock();
    const progress = new TerminalProgress({ lang: 'en', stream: term, clock: clock.now });
    progress.report({ phase: 'export', done: 3, total: 10 });
    progress.end();
    progress.end(); // twice is harmless
    expect(term.chunks.map(plain)).toEqual([
      '\rExporting: 3 / 10 records (30%)',
      '\rExporting: 3 / 10 records (30%)',
      '\n',
    ]);
  });

  it('a line wider than the terminal is cut to fit (a wrapped line could not be rewritten in place)', () => {
    const term = { ...fakeTerminal(), columns: 20 };
    const progress = new TerminalProgress({ lang: 'en', stream: term, clock: fakeClock().now });
    progress.report({ phase: 'write', done: 1, total: 1000 });
    expect(term.chunks.map(plain)).toEqual(['\rWriting: 1 / 1,000…']);
  });

  it('writes nothing when the stream is not a terminal, or when quiet', () => {
    for (const [term, quiet] of [
      [fakeTerminal(false), false],
      [fakeTerminal(true), true],
    ] as const) {
      const clock = fakeClock();
      const progress = new TerminalProgress({ lang: 'fr', stream: term, clock: clock.now, quiet });
      expect(progress.enabled).toBe(false);
      progress.report({ phase: 'write', done: 0, total: 2 });
      clock.advance(1_000);
      progress.report({ phase: 'write', done: 2, total: 2 });
      progress.end();
      expect(term.chunks).toEqual([]);
    }
  });
});
