import { defineConfig } from 'vitest/config';

/**
 * Two projects, both run by `npm run test:unit` (`vitest run`):
 * - unit: the core in Node, on real encrypted databases in temporary folders;
 * - component: renderer screens in a DOM (happy-dom) with Testing Library, their transport bound
 *   to an in-process core on a real temporary store (tests/component/helpers).
 * `vitest run --project component` runs one of them.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The renderer compiles JSX with the automatic runtime (tsconfig.renderer.json).
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'happy-dom',
          // The native database driver is loaded in each test file's own process.
          pool: 'forks',
          setupFiles: ['tests/component/helpers/setup.tsx'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
