/**
 * Set-up of the component project, before each test file: the renderer's start-up imports (zod
 * without eval, the i18next catalogues), as renderer/main.tsx does them, and the same rule as the
 * end-to-end tests: anything the page logs as an error (a value outside the contract, a React
 * error) fails the test.
 */
import '../../../renderer/zod-config';
import '../../../renderer/i18n/setup';
import { configure } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';

// A screen waits for the core and for lazy routes; on a loaded 2-core CI machine the default
// second is too short. The waits still end as soon as the condition holds.
configure({ asyncUtilTimeout: 10_000 });

let logged: string[] = [];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
  });
});
afterEach(() => {
  vi.mocked(console.error).mockRestore();
  expect(logged, 'the page logged errors').toEqual([]);
});
