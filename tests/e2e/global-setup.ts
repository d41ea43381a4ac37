/**
 * Builds the seeded centre once per run; every test copies it (fixtures.ts) instead of setting a
 * centre and its team up again. The folder's location and ids reach the workers through the
 * environment, and the folder is removed when the run ends.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSeededCentre, SEED_ENV } from './seed';
import { requireBuild } from './server';

export default async function globalSetup(): Promise<() => Promise<void>> {
  requireBuild();
  const dir = await mkdtemp(path.join(tmpdir(), 'parcours-e2e-seed-'));
  try {
    const started = Date.now();
    const info = await buildSeededCentre(dir);
    process.env[SEED_ENV] = JSON.stringify(info);
    console.log(`e2e: seeded centre built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return () => rm(dir, { recursive: true, force: true });
}
