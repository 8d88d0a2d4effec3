// Step 2 of an index run: from digests alone, which files to render, which are unchanged, which failed
// before with the same bytes (their problems are kept), and what was removed. Pure over its inputs.
import type { ContentProblem } from '../errors.js';
import type { ScannedFile } from './scan.js';

/** A file that failed before; `cross` when another file was the reason (checked again on any change). */
export interface FailedFile {
  hash: string;
  problems: ContentProblem[];
  cross?: boolean;
}
export type FailedFiles = Record<string, FailedFile>;

export interface PlanInput {
  articleFiles: readonly ScannedFile[];
  courseFiles: readonly ScannedFile[];
  /** Every file is rendered again (the render context or the rendering code changed). */
  forceAll: boolean;
  storedArticleHashes: ReadonlyMap<string, string>;
  storedCourseHashes: ReadonlyMap<string, string>;
  failedBefore: FailedFiles;
}

export interface Plan {
  render: ScannedFile[];
  unchanged: number;
  /** Failures carried over unchanged (their file did not change). */
  failedNow: FailedFiles;
  keptProblems: ContentProblem[];
  /** Refused because of another file: rendered again if anything else changes. */
  crossFailed: ScannedFile[];
  removedPaths: string[];
  coursesRemoved: boolean;
}

export function planRun(input: PlanInput): Plan {
  const plan: Plan = {
    render: [],
    unchanged: 0,
    failedNow: {},
    keptProblems: [],
    crossFailed: [],
    removedPaths: [],
    coursesRemoved: false,
  };
  for (const f of [...input.articleFiles, ...input.courseFiles]) {
    if (f.hash === undefined) continue;
    const prev =
      f.kind === 'article' ? input.storedArticleHashes.get(f.path) : input.storedCourseHashes.get(f.path);
    const failed = input.failedBefore[f.path];
    if (!input.forceAll && prev === f.hash) plan.unchanged++;
    else if (!input.forceAll && failed?.hash === f.hash) {
      plan.failedNow[f.path] = failed;
      if (failed.cross) plan.crossFailed.push(f);
      else plan.keptProblems.push(...failed.problems);
    } else plan.render.push(f);
  }
  const articlePaths = new Set(input.articleFiles.map((f) => f.path));
  const coursePaths = new Set(input.courseFiles.map((f) => f.path));
  plan.removedPaths = [...input.storedArticleHashes.keys()].filter((p) => !articlePaths.has(p));
  plan.coursesRemoved = [...input.storedCourseHashes.keys()].some((p) => !coursePaths.has(p));
  return plan;
}

/** Nothing to do: no file to render or remove, and the settings, failures and scan problems are as before. */
export function isNoop(
  plan: Plan,
  failedBefore: FailedFiles,
  same: { settings: boolean; scanProblems: boolean },
): boolean {
  const keys = (o: object) => JSON.stringify(Object.keys(o).sort());
  return (
    plan.render.length === 0 &&
    plan.removedPaths.length === 0 &&
    !plan.coursesRemoved &&
    same.settings &&
    same.scanProblems &&
    keys(plan.failedNow) === keys(failedBefore)
  );
}
