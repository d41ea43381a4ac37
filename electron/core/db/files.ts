import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * Writes a small file so that a crash leaves either the old or the new content, never half of
 * one: write a sibling, flush it, rename over, flush the folder.
 */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.partial`;
  try {
    writeFileSync(tmp, content, { mode: 0o600 });
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    // Never leave a stray copy behind (a keyring's copy holds wrapped keys).
    rmSync(tmp, { force: true });
    throw err;
  }
  try {
    const dirFd = openSync(path.dirname(file), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Some platforms (Windows) cannot open a folder for fsync; the rename is still atomic there.
  }
}

export function readJsonFile<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/**
 * Removes the half-written copies a killed process left behind (`<file>.<random>.partial`): a
 * keyring's copy holds wrapped keys with old passwords. Only the folder's owner calls this.
 */
export function removePartialLeftovers(dir: string): string[] {
  const leftovers = readdirSync(dir).filter((name) => /\.[0-9a-f]{12}\.partial$/.test(name));
  for (const name of leftovers) rmSync(path.join(dir, name), { force: true });
  return leftovers;
}
