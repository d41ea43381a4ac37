/**
 * Progress of the long commands (import, export, backup, restore) on a terminal: one line on
 * stderr, rewritten in place (`\r`) at most every `intervalMs`, then a summary line per phase.
 * Silent when stderr is not a terminal (a script, a log file, cron) or with `--quiet`.
 *
 * The core reports counts only (electron/core/progress.ts); this file turns them into words. The
 * formatting is a pure function of the counts and the elapsed time, and the writer takes its clock
 * and its stream, so both are tested without a terminal and without waiting.
 */
import { cliMessages, type CliMessageKey } from '../../shared/i18n/cli';
import type { OnProgress, Progress, ProgressPhase } from '../core/progress';

export type Lang = 'fr' | 'en';

/** What each phase counts. */
const UNIT: Record<ProgressPhase, 'bytes' | 'records' | 'pages' | 'tables'> = {
  validate: 'bytes',
  write: 'records',
  export: 'records',
  copy: 'pages',
  check: 'tables',
  read: 'bytes',
};

/** Below this, a rate (and so a time left) would be noise. */
const MIN_ELAPSED_FOR_RATE_MS = 500;

function fill(lang: Lang, key: CliMessageKey, vars: Record<string, string>): string {
  return cliMessages[lang][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '');
}

function number(lang: Lang, value: number, digits = 0): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
}

/** A count in its unit: bytes as megabytes with one decimal, the rest as whole numbers. */
function amount(lang: Lang, phase: ProgressPhase, value: number): string {
  return UNIT[phase] === 'bytes' ? number(lang, value / 1e6, 1) : number(lang, value);
}

/** A duration as m:ss, or h:mm:ss past an hour. */
export function clockTime(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function parts(lang: Lang, p: Progress): Record<string, string> {
  return {
    phase: cliMessages[lang][`progressPhase_${p.phase}`],
    unit: cliMessages[lang][`progressUnit_${UNIT[p.phase]}`],
    done: amount(lang, p.phase, p.done),
    total: amount(lang, p.phase, p.total),
    percent: number(lang, p.total > 0 ? Math.min(100, (100 * p.done) / p.total) : 100),
  };
}

/** The line shown while a phase runs: done / total, and once measurable the rate and time left. */
export function formatProgress(lang: Lang, p: Progress, elapsedMs: number): string {
  const base = parts(lang, p);
  if (elapsedMs < MIN_ELAPSED_FOR_RATE_MS || p.done <= 0) return fill(lang, 'progressLineStarting', base);
  const perSecond = p.done / (elapsedMs / 1000);
  const leftMs = (Math.max(0, p.total - p.done) / perSecond) * 1000;
  return fill(lang, 'progressLine', {
    ...base,
    rate: amount(lang, p.phase, perSecond),
    eta: clockTime(leftMs),
  });
}

/** The line a finished phase leaves behind: how much, in how long, at what rate. */
export function formatSummary(lang: Lang, p: Progress, elapsedMs: number): string {
  const seconds = Math.max(elapsedMs, 1) / 1000;
  return fill(lang, 'progressSummary', {
    ...parts(lang, p),
    elapsed: clockTime(elapsedMs),
    rate: amount(lang, p.phase, p.done / seconds),
  });
}

export interface ProgressStream {
  isTTY?: boolean;
  /** The terminal's width: a longer line would wrap, and `\r` would then rewrite only its end. */
  columns?: number;
  write(chunk: string): unknown;
}

export interface TerminalProgressOptions {
  lang: Lang;
  stream: ProgressStream;
  /** Milliseconds, monotonic enough for rates (Date.now by default). */
  clock?: () => number;
  quiet?: boolean;
  /** The shortest time between two redraws (default 100 ms: at most ten a second). */
  intervalMs?: number;
}

/** Clears from the cursor to the end of the line (a shorter line leaves nothing behind). */
const CLEAR_TO_END = '\x1b[K';

export class TerminalProgress {
  /** False when nothing will ever be written (not a terminal, or quiet). */
  readonly enabled: boolean;
  private readonly clock: () => number;
  private readonly intervalMs: number;
  private last: Progress | null = null;
  private phaseStart = 0;
  private lastDraw = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: TerminalProgressOptions) {
    this.enabled = options.quiet !== true && options.stream.isTTY === true;
    this.clock = options.clock ?? Date.now;
    this.intervalMs = options.intervalMs ?? 100;
  }

  /** The callback handed to the core. */
  readonly report: OnProgress = (p) => {
    if (!this.enabled) return;
    const now = this.clock();
    if (this.last?.phase !== p.phase) {
      this.closePhase(now);
      this.phaseStart = now;
      this.lastDraw = Number.NEGATIVE_INFINITY;
    }
    this.last = p;
    // Throttled, except the end of a phase, which is always drawn.
    if (now - this.lastDraw < this.intervalMs && p.done < p.total) return;
    this.lastDraw = now;
    this.draw(formatProgress(this.options.lang, p, now - this.phaseStart));
  };

  /** Ends the last phase's line: its summary if it finished, else the line as it stood. */
  end(): void {
    if (this.enabled) this.closePhase(this.clock());
  }

  private closePhase(now: number): void {
    const p = this.last;
    if (!p) return;
    const elapsed = now - this.phaseStart;
    const { lang } = this.options;
    this.draw(p.done >= p.total ? formatSummary(lang, p, elapsed) : formatProgress(lang, p, elapsed));
    this.options.stream.write('\n');
    this.last = null;
  }

  private draw(line: string): void {
    const { columns } = this.options.stream;
    const fitted = columns && columns > 1 && line.length >= columns ? `${line.slice(0, columns - 2)}…` : line;
    this.options.stream.write(`\r${fitted}${CLEAR_TO_END}`);
  }
}
