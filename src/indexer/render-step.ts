// Step 3 of an index run: renders the planned files on the worker pool and takes each result as it
// arrives — compact facts kept for the cross-file checks, the whole entry written to staging — so memory
// holds what is in flight, not the run.
import type { CourseEntry, LoadContext } from '../content/load-entry.js';
import { compactArticle, type StoredArticle, type StoredArticleJson } from '../db/stored-article.js';
import type { Staging } from '../db/index-staging.js';
import type { ContentProblem } from '../errors.js';
import type { FailedFiles } from './plan.js';
import type { RenderPool } from './render-pool.js';
import type { RenderOutcome, RenderTask } from './render-task.js';
import { readContentFile, type ScannedFile } from './scan.js';
import type { ProgressFn } from './progress.js';

export interface Rendered {
  /** New versions of articles, by source path (their entries wait in staging). */
  fresh: Map<string, StoredArticle>;
  courses: CourseEntry[];
  problems: ContentProblem[];
  /** Files that failed to render, with the digest they failed at. */
  failed: FailedFiles;
}

export async function renderFiles(
  files: readonly ScannedFile[],
  options: {
    pool: RenderPool;
    ctx: LoadContext;
    maxFileBytes: number;
    staging: Staging;
    onProgress?: ProgressFn;
  },
): Promise<Rendered> {
  const out: Rendered = { fresh: new Map(), courses: [], problems: [], failed: {} };
  const taskAt = (i: number): RenderTask | RenderOutcome => {
    const f = files[i] as ScannedFile;
    // Read again now rather than kept from the digest pass: a cold run over a large site would otherwise
    // hold every file's text at once.
    const read = readContentFile(f.abs, f.path, f.size, options.maxFileBytes);
    if (read.text === undefined) return { id: i, ok: false, problems: read.problem ? [read.problem] : [] };
    return {
      id: i,
      kind: f.kind === 'course' ? 'course' : 'article',
      path: f.path,
      text: read.text,
      ctx: options.ctx,
    };
  };
  // Results arrive in completion order; problems and courses are reported in file order all the same.
  const problemsAt: ContentProblem[][] = [];
  const coursesAt: CourseEntry[] = [];
  let done = 0;
  await options.pool.stream(files.length, taskAt, (o, i) => {
    options.onProgress?.(++done, files.length);
    const f = files[i] as ScannedFile;
    if (!o.ok) {
      problemsAt[i] = o.problems;
      out.failed[f.path] = { hash: f.hash ?? '', problems: o.problems };
    } else if (o.kind === 'article') {
      out.fresh.set(f.path, compactArticle(JSON.parse(o.facts) as StoredArticleJson));
      options.staging.put(f.path, o);
    } else coursesAt[i] = o.entry;
  });
  options.staging.flush();
  out.problems = problemsAt.flat();
  out.courses = coursesAt.filter((c) => c !== undefined);
  return out;
}
