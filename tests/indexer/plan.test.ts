// Deciding an index run from digests alone: what to render, what is unchanged, which failures are kept,
// what was removed, and when there is nothing to do.
import { describe, expect, it } from 'vitest';
import { isNoop, planRun } from '../../src/indexer/plan.js';
import type { ScannedFile } from '../../src/indexer/scan.js';

const file = (path: string, hash: string, kind: ScannedFile['kind'] = 'article'): ScannedFile => ({
  path,
  kind,
  abs: `/c/${path}`,
  size: 1,
  mtimeMs: 1,
  hash,
});
const problem = { file: 'articles/bad.md', line: 2, code: 'x', message: 'bad', severity: 'error' as const };

describe('planRun', () => {
  const input = {
    articleFiles: [
      file('articles/same.md', 'h1'),
      file('articles/edited.md', 'h2b'),
      file('articles/new.md', 'h3'),
      file('articles/bad.md', 'h4'),
    ],
    courseFiles: [file('courses/a/c.md', 'c1', 'course')],
    forceAll: false,
    storedArticleHashes: new Map([
      ['articles/same.md', 'h1'],
      ['articles/edited.md', 'h2'],
      ['articles/gone.md', 'h9'],
    ]),
    storedCourseHashes: new Map([
      ['courses/a/c.md', 'c1'],
      ['courses/a/old.md', 'c0'],
    ]),
    failedBefore: { 'articles/bad.md': { hash: 'h4', problems: [problem] } },
  };

  it('renders edited and new files, keeps unchanged ones and the problems of files that failed with the same bytes', () => {
    const plan = planRun(input);
    expect(plan.render.map((f) => f.path)).toEqual(['articles/edited.md', 'articles/new.md']);
    expect(plan.unchanged).toBe(2);
    expect(plan.keptProblems).toEqual([problem]);
    expect(plan.removedPaths).toEqual(['articles/gone.md']);
    expect(plan.coursesRemoved).toBe(true);
  });

  it('when the rendering code changed, then every file is rendered, failed ones included', () => {
    const plan = planRun({ ...input, forceAll: true });
    expect(plan.render.map((f) => f.path)).toEqual([
      'articles/same.md',
      'articles/edited.md',
      'articles/new.md',
      'articles/bad.md',
      'courses/a/c.md',
    ]);
    expect(plan.unchanged).toBe(0);
  });

  it('when a file failed because of another file, then it is queued to be checked again', () => {
    const plan = planRun({
      ...input,
      failedBefore: { 'articles/bad.md': { hash: 'h4', problems: [problem], cross: true } },
    });
    expect(plan.crossFailed.map((f) => f.path)).toEqual(['articles/bad.md']);
    expect(plan.keptProblems).toEqual([]);
  });

  it('is a no-op only when nothing is rendered or removed and settings, failures and scan problems are as before', () => {
    const quiet = planRun({
      ...input,
      articleFiles: [file('articles/same.md', 'h1')],
      courseFiles: [file('courses/a/c.md', 'c1', 'course')],
      storedArticleHashes: new Map([['articles/same.md', 'h1']]),
      storedCourseHashes: new Map([['courses/a/c.md', 'c1']]),
      failedBefore: {},
    });
    expect(isNoop(quiet, {}, { settings: true, scanProblems: true })).toBe(true);
    expect(isNoop(quiet, {}, { settings: false, scanProblems: true })).toBe(false);
    expect(
      isNoop(quiet, { 'articles/x.md': { hash: 'h', problems: [] } }, { settings: true, scanProblems: true }),
    ).toBe(false);
    expect(isNoop(planRun(input), {}, { settings: true, scanProblems: true })).toBe(false);
  });
});
