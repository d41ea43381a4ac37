/**
 * Playwright `_electron` tests of the desktop shell. They launch the built app (`npm run build`
 * first) wherever an Electron binary is installed; without one, shell.spec.ts skips and prints
 * "skipped: no Electron binary", and only the pure policy checks run.
 */
import { defineConfig } from '@playwright/test';
import path from 'node:path';

export default defineConfig({
  testDir: __dirname,
  testMatch: /.*\.spec\.ts$/,
  // One Electron app at a time: each launch is a whole browser plus the core.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: path.join(__dirname, '..', '..', 'test-results', 'electron'),
  forbidOnly: Boolean(process.env.CI),
});
