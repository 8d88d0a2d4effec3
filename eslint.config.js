// Lint rules: typescript-eslint's type-checked recommendations plus the project's layer boundaries.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'bench/results/**',
      'test-artifacts/**',
      'coverage/**',
      'scripts/**',
      'public/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.test.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/content/**/*.ts', 'src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'express',
                'better-sqlite3',
                'node:fs',
                '**/db/**',
                '**/http/**',
                '**/indexer/**',
                '**/cli/**',
                '**/dev/**',
                '**/export/**',
                '**/import/**',
                '**/enquiries/**',
              ],
              message: 'content/ and lib/ are pure: text in, values out.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', message: 'http/ reaches the database only through db/ repositories.' },
          ],
          patterns: [
            { group: ['**/indexer/**'], message: 'http/ serves the index; it never runs the indexer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['express', '**/http/**', '**/indexer/**'],
              message:
                'db/ is the storage layer: the server and the indexer use it, never the other way round.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/indexer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['express', '**/http/**'],
              message: 'indexer/ writes the index; it never imports the server.',
            },
          ],
        },
      ],
    },
  },
  {
    // The index pipeline stays a set of small steps (issue 15): no function a reader cannot hold in their head.
    files: ['src/indexer/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/http/redirect.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='res'][callee.property.name='redirect']",
          message:
            'Redirect with redirectTo() from http/redirect.ts: it refuses any Location that leaves the site.',
        },
      ],
    },
  },
  { files: ['eslint.config.js', 'vitest.config.ts', 'bin/**'], ...tseslint.configs.disableTypeChecked },
);
