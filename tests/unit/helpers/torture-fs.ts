/**
 * File-level helpers for the store proofs: hashes, folder snapshots, marker scans. They only read.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export function sha256File(file: string): string | null {
  if (!existsSync(file)) return null;
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** name → SHA-256 of every regular file directly in `dir`. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (lstatSync(file).isFile()) out[name] = sha256File(file) ?? '';
  }
  return out;
}

/** Every regular file under `root` (recursively) whose mtime is at or after `sinceMs`; unreadable entries are skipped. */
export function filesModifiedSince(
  root: string,
  sinceMs: number,
  skip: (p: string) => boolean = () => false,
): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return; // removed meanwhile, or not ours to read
    }
    for (const name of names) {
      const p = path.join(dir, name);
      if (skip(p)) continue;
      try {
        const st = lstatSync(p);
        if (st.isDirectory()) walk(p);
        else if (st.isFile() && st.mtimeMs >= sinceMs) found.push(p);
      } catch {
        // vanished between readdir and stat (other tests clean up their folders)
      }
    }
  };
  walk(root);
  return found;
}

/** Every regular file under `root`, recursively. */
export function allFiles(root: string): string[] {
  return filesModifiedSince(root, 0);
}

/** The files among `files` that contain `marker` in UTF-8 or UTF-16LE. */
export function filesContaining(files: readonly string[], marker: string): string[] {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];
  return files.filter((file) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return false;
    }
    return needles.some((n) => bytes.includes(n));
  });
}
