import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: Debian's Chromium against `parcours serve` (the real renderer bundle, the real
 * core, the real encrypted store). The global set-up builds one seeded centre (seed.ts); each test
 * gets its own copy of it and its own server (fixtures.ts). Build first: `npm run build`.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  workers: 2,
  retries: 0,
  fullyParallel: true,
  reporter: 'list',
  // Password hashing is deliberately slow (every sign-in costs about 0.3 s of scrypt).
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: '../../test-results/e2e',
  use: {
    headless: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
