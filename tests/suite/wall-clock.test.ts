// The suite itself: no test decides an expected value from the wall clock; every read of it is listed here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

const TESTS = join(projectRoot, 'tests');
const SELF = relative(projectRoot, fileURLToPath(import.meta.url));

/** `Date.now` (called or passed as a clock), `new Date()` and `Date()` without a moment: the wall clock. */
export const WALL_CLOCK = /\bDate\.now\b|\bnew Date\(\s*\)|(?<![\w.])Date\(\s*\)/;

interface Allowed {
  /** How many lines of the file read the wall clock. */
  lines: number;
  /** Why none of them decides an expected value. */
  reason: string;
}

// Legitimate reads only: deadlines, timeouts and elapsed-time bounds, where the clock measures the test
// itself. A new read anywhere fails below until it is justified here (or replaced by a fixed clock).
export const ALLOWED: Record<string, Allowed> = {
  'tests/helpers/process.ts': { lines: 2, reason: "waitFor's deadline" },
  'tests/scale-out/nginx.test.ts': {
    lines: 4,
    reason: 'elapsed time after a re-index and a restart, against the documented bounds',
  },
  'tests/indexer/hostile-files.test.ts': { lines: 2, reason: 'elapsed time of the hostile index run' },
  'tests/reliability/load-while-editing.test.ts': { lines: 3, reason: 'how long the load runs' },
  'tests/reliability/crash-during-indexing.test.ts': {
    lines: 4,
    reason: 'a deadline for the kill loop, and the restart time bound',
  },
  'tests/reliability/graceful-shutdown.test.ts': {
    lines: 6,
    reason: 'shutdown time bounds, and the 10 s limit',
  },
  'tests/content/front-matter.test.ts': { lines: 2, reason: 'a YAML alias bomb is refused quickly' },
  'tests/cli/live-reindex.test.ts': { lines: 2, reason: 'the server notices a new index within 1 s' },
  'tests/cli/preview.test.ts': {
    lines: 2,
    reason:
      'the command signs an expiry from its own clock: the expiry is bounded by the time before and after the run',
  },
  'tests/cli/report.test.ts': {
    lines: 2,
    reason:
      'the report command counts back from its own clock: stored days are placed relative to now so --since 30d sees them',
  },
  'tests/cli/new.test.ts': {
    lines: 1,
    reason: 'the command writes "today" and has no clock to inject: the day is read before and after the run',
  },
};

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return testSources(path);
    return e.name.endsWith('.ts') ? [relative(projectRoot, path)] : [];
  });
}

/** `file:line: text` for every line of code (not comment) that reads the wall clock. */
export function wallClockReads(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const code = line.trim();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return [];
    return WALL_CLOCK.test(code) ? [`${file}:${i + 1}: ${code}`] : [];
  });
}

describe('the wall clock in tests', () => {
  it('when a line reads the clock, then the scanner finds it; comments and fixed moments are ignored', () => {
    const sample = [
      'const a = Date.now();',
      'const b = options.now ?? Date.now;',
      'const c = new Date().toISOString();',
      'const d = String(Date());',
      "const e = new Date('2026-01-01');",
      'const f = Date.parse(x) + performance.now();',
      '// Date.now() in a comment',
      'const g = myDate();',
    ].join('\n');
    expect(wallClockReads('x.ts', sample).map((l) => l.split(':')[1])).toEqual(['1', '2', '3', '4']);
  });

  it('when the test sources are scanned, then every wall-clock read is in a file allowed to have exactly that many', () => {
    const found: Record<string, string[]> = {};
    for (const file of testSources(TESTS)) {
      if (file === SELF) continue; // its own patterns and samples
      const reads = wallClockReads(file, readFileSync(join(projectRoot, file), 'utf8'));
      if (reads.length > 0) found[file] = reads;
    }
    const unexplained = Object.entries(found)
      .filter(([file, reads]) => reads.length !== ALLOWED[file]?.lines)
      .flatMap(([file, reads]) => [
        `${file}: ${reads.length} (allowed ${ALLOWED[file]?.lines ?? 0})`,
        ...reads,
      ]);
    expect(unexplained, 'use a fixed clock (tests/helpers/clock.ts) or justify the read in ALLOWED').toEqual(
      [],
    );
    // An allowance nobody needs any more is removed, so the list stays short and true.
    expect(Object.keys(ALLOWED).filter((file) => !found[file])).toEqual([]);
  });
});
