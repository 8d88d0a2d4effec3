// The suite itself: every test that starts a real server runs in the serial `processes` project.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { PROCESS_TESTS } from '../../vitest.config.js';

/** The `dir/**\/*.test.ts` and exact-file patterns vitest.config.ts uses, matched the same way. */
function inProcessesProject(file: string): boolean {
  return PROCESS_TESTS.some((pattern) =>
    pattern.endsWith('/**/*.test.ts')
      ? file.startsWith(pattern.slice(0, -'**/*.test.ts'.length)) && file.endsWith('.test.ts')
      : file === pattern,
  );
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return e.name.endsWith('.test.ts') ? [relative(projectRoot, path)] : [];
  });
}

// Starting Folio (the server or `npm run dev`) as a process, which then races the clock of a busy machine.
const STARTS_A_SERVER = /\bstartFolio\(|'cli', 'dev\.js'/;

describe('test projects', () => {
  it('when a test file starts a real server, then it runs in the serial processes project (browser tests have their own)', () => {
    const starters = testFiles(join(projectRoot, 'tests'))
      .filter((file) => !file.startsWith('tests/e2e/'))
      .filter((file) => STARTS_A_SERVER.test(readFileSync(join(projectRoot, file), 'utf8')));
    expect(starters).toContain('tests/cli/live-reindex.test.ts');
    expect(starters).toContain('tests/dev/dev-command.test.ts');
    expect(starters.filter((file) => !inProcessesProject(file))).toEqual([]);
  });
});
