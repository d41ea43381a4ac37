/**
 * How far a long piece of work is, as the core sees it: a phase and two counts. Nothing else ever
 * goes in (no name, no value from the store), so whoever shows it — a terminal, a progress bar —
 * cannot leak personal data through it, and the core stays free of any way of showing it.
 */
export type ProgressPhase =
  /** Import, first pass: the file read and checked line by line (bytes of the file). */
  | 'validate'
  /** Import, second pass: records written (records). */
  | 'write'
  /** Export: records written to the file (records). */
  | 'export'
  /** Backup: the database copied (pages). */
  | 'copy'
  /** Backup and restore: the copy checked table by table (tables). */
  | 'check'
  /** Restore: the backup file read and its checksum verified (bytes). */
  | 'read';

export interface Progress {
  phase: ProgressPhase;
  done: number;
  total: number;
}

/** Called as the work goes; `done` never goes down within a phase and ends equal to `total`. */
export type OnProgress = (progress: Progress) => void;
