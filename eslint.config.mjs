// Lint is where the process boundaries of ARCHITECTURE.md are enforced:
// renderer never imports electron/, electron/core never imports the `electron` package,
// shared imports neither, and only electron/main may touch `electron`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noElectronPackage = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import the electron package.',
};

// The core's own boundaries: it never imports the Electron shell or the renderer.
const corePatterns = [
  {
    group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'],
    message: 'The core runs in any Node process: it never imports the Electron shell or the renderer.',
  },
];

// Data access (docs/architecture.md "Data access"): a capability's tables are reached through its
// repository; another module's entities are never imported (electron/core/db/entities.ts, which
// hands them all to TypeORM, is the one exception), nor the search index's dialect-specific SQL.
const foreignEntities = {
  regex: '^(\\.\\./)+(.+/)?entities$',
  message:
    "Another capability's tables are reached through its repository (`../<capability>/repository`), never its entities.",
};
const foreignSearchIndex = {
  regex: '^(\\.\\./)+(.+/)?search-index$',
  message: "The search index (FTS5) is the persons capability's: search through its services.",
};
// Inside a capability, only its repository (and its interchange adapter, which names the table it
// maps) import its entities: services, dossier sections and views go through the repository.
const ownEntities = {
  regex: '^\\./entities$',
  message: "A capability's services reach its tables through its own repository (`./repository`).",
};

// Raw SQL only in the declared hot paths (docs/architecture.md "Data access"): a later store
// (PostgreSQL) comes in behind the same repositories, so dialect-specific SQL must stay there.
const rawSqlSelectors = [
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='query']",
    message:
      'Raw SQL only in the declared hot paths (docs/architecture.md "Data access"): use the repository with TypeORM\'s repositories or query builder.',
  },
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='createQueryRunner']",
    message: 'Query runners belong to electron/core/db (migrations, store internals).',
  },
];
const rawSqlHotPaths = [
  'electron/core/db/**',
  'electron/core/api/dispatch.ts',
  'electron/core/audit/audit-log.ts',
  'electron/core/services/persons/search-index.ts',
  'electron/core/services/users/staff-names.ts',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bin/**',
      'scripts/**',
      'eslint.config.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.renderer.json', './tsconfig.component.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The router's control flow is thrown (`throw redirect(...)`, `throw notFound()` in `beforeLoad`).
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [{ from: 'package', package: '@tanstack/router-core', name: ['Redirect', 'NotFoundError'] }],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectronPackage,
            { name: 'better-sqlite3-multiple-ciphers', message: 'The database lives in the main side only.' },
            { name: 'typeorm', message: 'The database lives in the main side only.' },
          ],
          patterns: [
            {
              group: ['**/electron/**', '../electron/*', 'node:*'],
              message: 'The renderer talks to the core only through renderer/api (the typed client).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='localStorage']",
          message: 'No personal data or secret in the renderer storage.',
        },
        {
          selector: "MemberExpression[object.name='sessionStorage']",
          message: 'No personal data or secret in the renderer storage.',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectronPackage],
          patterns: [
            {
              group: [
                '**/electron/**',
                '**/renderer/**',
                '../electron/*',
                '../renderer/*',
                'node:*',
                'typeorm',
                'better-sqlite3*',
              ],
              message: 'shared/ is used by both sides and imports neither.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/server/**/*.ts', 'migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectronPackage], patterns: corePatterns }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/server/**/*.ts'],
    ignores: ['electron/core/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectronPackage], patterns: [...corePatterns, foreignEntities, foreignSearchIndex] },
      ],
    },
  },
  {
    files: ['electron/core/services/**/*.ts'],
    ignores: ['**/repository.ts', '**/interchange.ts', '**/entities.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectronPackage],
          patterns: [...corePatterns, foreignEntities, foreignSearchIndex, ownEntities],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/server/**/*.ts'],
    ignores: rawSqlHotPaths,
    rules: { 'no-restricted-syntax': ['error', ...rawSqlSelectors] },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/core/**', '**/electron/main/**', '**/renderer/**', 'node:*'],
              message: 'The preload exposes one narrow bridge and imports only the shared contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', '*.config.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
