import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Bytes gathered before one write call: few system calls, and memory that does not grow with the file. */
const CHUNK = 1 << 20;

/**
 * An export file written as it is produced: into a sibling `.partial` file readable by its owner
 * only (0600), then flushed and renamed over the target, so the target is either absent or whole.
 * Memory is one chunk, whatever the size of the file.
 */
export class StreamedFile {
  private readonly tmp: string;
  private fd: number | null;
  private pending: string[] = [];
  private pendingBytes = 0;

  constructor(private readonly file: string) {
    this.tmp = `${file}.${randomBytes(6).toString('hex')}.partial`;
    this.fd = openSync(this.tmp, 'wx', 0o600);
  }

  write(text: string): void {
    this.pending.push(text);
    this.pendingBytes += text.length;
    if (this.pendingBytes >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.fd === null) throw new Error('the file is closed');
    if (this.pending.length) writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Flushes to the disk and puts the file in place. */
  commit(): void {
    this.flush();
    const fd = this.fd as number;
    fsyncSync(fd);
    closeSync(fd);
    this.fd = null;
    renameSync(this.tmp, this.file);
    try {
      const dir = openSync(path.dirname(this.file), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    } catch {
      // Some platforms (Windows) cannot open a folder for fsync; the rename is still atomic there.
    }
  }

  /** Removes what was written: a failed export leaves no copy of the data behind. */
  abort(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.tmp, { force: true });
  }
}
