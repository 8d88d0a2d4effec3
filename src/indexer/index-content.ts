// The indexer, as a pipeline of small steps: scan (stats) → digests → settings → plan (digest diff) →
// render (worker pool, streamed to staging) → cross-file checks → apply (one transaction, so readers never
// see a half-indexed state). Each step is a module of its own.
import type { Db } from '../db/connection.js';
import { createStaging, type Staging } from '../db/index-staging.js';
import type { StoredArticle } from '../db/stored-article.js';
import { createSlugMoveStore, type SlugMoveRow } from '../db/slug-moves.js';
import type { ContentProblem } from '../errors.js';
import { applyRun, type Applied, type ApplyInput } from './apply.js';
import { checkRun, type CheckStepResult } from './check-step.js';
import type { FileStats, IndexMemo } from './memo.js';
import { isNoop } from './plan.js';
import type { ProgressFn } from './progress.js';
import type { RenderPool } from './render-pool.js';
import { renderFiles, type Rendered } from './render-step.js';
import { previousArticles, readRunState, type RunState } from './run-state.js';
import type { ScannedFile } from './scan.js';
import type { Placement } from './slug-moves.js';

export interface IndexOptions {
  contentDir: string;
  maxFileBytes: number;
  pool: RenderPool;
  /** SITE_URL, whose host counts as this site in links. */
  siteUrl: string | null;
  now?: number;
  /** Kept by long-lived processes between runs (see memo.ts). */
  memo?: IndexMemo;
  /**
   * The index being served, when this run writes elsewhere (`npm run check` indexes a scratch database):
   * slug changes are found against it, and its slug history counts.
   */
  previous?: { articles: Placement[]; moves: SlugMoveRow[] };
  /**
   * Content paths (relative, with "/") known to have changed since the last run of this process, from a
   * file watcher: with a valid memo only those are looked at again instead of listing the whole tree.
   */
  changedPaths?: readonly string[];
  /** Called as rendered files come back (see progress.ts). */
  onProgress?: ProgressFn;
  /** Make variants of local images (public/) into this cache folder; without it images are served as they are. */
  images?: { publicDir: string; cacheDir: string; readOnly?: boolean };
}

export interface IndexReport {
  scanned: number;
  rendered: number;
  unchanged: number;
  removed: number;
  articles: number;
  changed: boolean;
  problems: ContentProblem[];
  durationMs: number;
  /** Milliseconds spent in each step, for the benchmark and slow-run logs. */
  phases: { scan: number; render: number; check: number; apply: number };
}

/** A file modified this recently is not trusted to the stat cache (it may still be changing). */
const RACY_MS = 2_000;

/** Stat-cache entries for files that are settled, written with the run. */
function settledStats(files: readonly ScannedFile[], now: number): FileStats {
  const stats: FileStats = new Map();
  for (const f of files)
    if (f.hash !== undefined && (f.kind === 'article' || f.kind === 'course') && f.mtimeMs < now - RACY_MS)
      stats.set(f.path, { size: f.size, mtimeMs: f.mtimeMs, hash: f.hash });
  return stats;
}

type Phases = IndexReport['phases'];

function report(
  s: RunState,
  phases: Phases,
  r: Pick<IndexReport, 'rendered' | 'removed' | 'articles' | 'changed' | 'problems'>,
): IndexReport {
  return {
    scanned: s.files.length,
    unchanged: s.plan.unchanged,
    ...r,
    durationMs: Math.round(performance.now() - s.started),
    phases,
  };
}

/** Nothing changed: the index (and its report) stay exactly as they are. */
function isUnchanged(s: RunState): boolean {
  return isNoop(s.plan, s.failedBefore, {
    settings: s.sameSettings,
    scanProblems: s.store.getState('scan_problems') === s.scanFingerprint,
  });
}

/** Renders the planned files (and those refused before because of another file) into staging. */
async function renderStep(
  s: RunState,
  options: IndexOptions,
): Promise<{ staging: Staging | null; rendered: Rendered; count: number }> {
  for (const f of s.plan.crossFailed) delete s.plan.failedNow[f.path];
  const toRender = [...s.plan.render, ...s.plan.crossFailed];
  if (toRender.length === 0)
    return { staging: null, rendered: { fresh: new Map(), courses: [], problems: [], failed: {} }, count: 0 };
  // Variants first, so the workers find every image the files mention in the cache.
  // sharp is loaded only by runs that make variants.
  const imaged = options.images
    ? await (await import('../images/image-step.js')).imageStep(toRender, options.images)
    : null;
  const staging = createStaging(s.db);
  try {
    const rendered = await renderFiles(toRender, {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      pool: options.pool,
      ctx: options.images ? { ...s.settings.ctx, imageDirs: options.images } : s.settings.ctx,
      maxFileBytes: options.maxFileBytes,
      staging,
    });
    if (imaged) rendered.problems.push(...imaged.problems);
    Object.assign(s.plan.failedNow, rendered.failed);
    return { staging, rendered, count: toRender.length };
  } catch (error) {
    staging.close();
    throw error;
  }
}

/** What the apply step needs, from the run state, the render and the checks. */
function applyInput(
  s: RunState,
  staging: Staging | null,
  rendered: Rendered,
  checked: CheckStepResult,
  storedByPath: Map<string, StoredArticle>,
  problems: ContentProblem[],
): ApplyInput {
  const changed =
    checked.writes.length > 0 ||
    checked.removed.length > 0 ||
    rendered.courses.length > 0 ||
    s.plan.coursesRemoved ||
    s.forceAll ||
    !s.sameSettings;
  return {
    store: s.store,
    moveStore: createSlugMoveStore(s.db),
    staging,
    settings: s.settings,
    now: s.now,
    courses: {
      removedPaths: [...s.storedCourses.keys()].filter((p) => !checked.coursePaths.has(p)),
      fresh: rendered.courses,
    },
    removed: checked.removed,
    writes: checked.writes,
    next: new Map(storedByPath),
    scannedPaths: new Set(s.articleFiles.map((f) => f.path)),
    resolveCourse: checked.resolveCourse,
    aliasOwners: checked.aliasOwners,
    moves: checked.moves,
    changed,
    incremental: !s.forceAll && s.generationBefore !== null,
    problems,
    state: {
      statCache: s.statCache,
      fileStats: settledStats(s.files, s.now),
      scanFingerprint: s.scanFingerprint,
      failedNow: s.plan.failedNow,
    },
    generationBefore: s.generationBefore,
    keptRelated: s.memoValid ? (s.memo?.related ?? null) : null,
    warmRelated: s.memo !== undefined && !s.memoValid,
  };
}

export async function indexContent(db: Db, options: IndexOptions): Promise<IndexReport> {
  const s = readRunState(db, options);
  const phases: Phases = { scan: Math.round(performance.now() - s.started), render: 0, check: 0, apply: 0 };
  // Nothing changed: done, unless a long-lived process has no kept state yet (its first run after start),
  // which then goes through the checks and builds the related index, so the first saved file is cheap too.
  if (isUnchanged(s) && (s.memo === undefined || s.memoValid)) {
    s.store.setState('last_indexed_at', new Date(s.now).toISOString());
    const kept = s.store.storedProblems();
    return report(s, phases, {
      rendered: 0,
      removed: 0,
      articles: s.storedHashes.size,
      changed: false,
      problems: kept,
    });
  }
  const problems: ContentProblem[] = [...s.scanProblems, ...s.settings.problems, ...s.plan.keptProblems];
  const { staging, rendered, count } = await renderStep(s, options);
  problems.push(...rendered.problems);
  const renderedAt = performance.now();
  phases.render = Math.round(renderedAt - s.started) - phases.scan;

  const storedByPath = previousArticles(s);
  const checked = checkRun({
    db,
    store: s.store,
    settings: s.settings,
    articleFiles: s.articleFiles,
    textOf: (name) => s.files.find((f) => f.path === name)?.text,
    coursePaths: new Set(s.courseFiles.map((f) => f.path)),
    storedCourses: s.storedCourses,
    storedByPath,
    rendered,
    removedPaths: s.plan.removedPaths,
    previous: options.previous,
    now: s.now,
    checkMemo: s.memo?.checksFor(s.memoValid),
  });
  problems.push(...checked.problems);
  for (const [path, failed] of Object.entries(checked.crossFailed)) s.plan.failedNow[path] = failed;
  phases.check = Math.round(performance.now() - renderedAt);

  const input = applyInput(s, staging, rendered, checked, storedByPath, problems);
  const applying = performance.now();
  let applied: Applied;
  try {
    applied = applyRun(db, input);
  } catch (error) {
    s.memo?.forget();
    throw error;
  } finally {
    staging?.close();
  }
  phases.apply = Math.round(performance.now() - applying);
  s.memo?.remember(applied.generation, input.next, input.state.fileStats, s.files, applied.related);
  return report(s, phases, {
    rendered: count,
    removed: input.removed.length,
    articles: checked.articleCount,
    changed: input.changed,
    problems,
  });
}
