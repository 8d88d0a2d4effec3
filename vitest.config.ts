import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { SKIPPED_MESSAGE, browserTestsEnabled } from './tests/e2e/helpers/chromium.js';

// Browser tests (tests/e2e) form their own project: one file at a time, after the other tests, so Chromium
// never competes with the unit and HTTP suites for this machine's cores.
const browserProject: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'browser',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    sequence: { groupOrder: 1 },
  },
};
// Tests that start real servers (and nginx) and hold them to time bounds: one file at a time, last, so a
// busy machine cannot make them fail. The live re-index and dev command tests are among them.
export const PROCESS_TESTS = [
  'tests/reliability/**/*.test.ts',
  'tests/scale-out/**/*.test.ts',
  'tests/cli/live-reindex.test.ts',
  'tests/dev/dev-command.test.ts',
];
const processProject: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'processes',
    include: PROCESS_TESTS,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    sequence: { groupOrder: 2 },
  },
};
const browser = browserTestsEnabled(process.env);
if (!browser) console.warn(SKIPPED_MESSAGE);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**', ...PROCESS_TESTS],
          sequence: { groupOrder: 0 },
        },
      },
      ...(browser ? [browserProject] : []),
      processProject,
    ],
  },
});
