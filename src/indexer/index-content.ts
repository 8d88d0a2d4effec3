// The indexer, as a pipeline of small steps: scan (stats) → digests → settings → plan (digest diff) →
// render (worker pool, streamed to staging) → cross-file checks → apply (one transaction, so readers never
// see a half-indexed state). Each step is a module of its own.
import type { Db } from '../db/connection.js';
import { createStaging, type Staging } from '../db/index-staging.js';
import { createIndexStore, type StoredArticle } from '../db/index-store.js';
import { createSlugMoveStore, type SlugMoveRow } from '../db/slug-moves.js';
import type { ContentProblem } from '../errors.js';
import { applyRun } from './apply.js';
import { checkRun } from './check-step.js';
import type { FileStats, IndexMemo } from './memo.js';
import { isNoop, planRun, type FailedFiles } from './plan.js';
import type { RenderPool } from './render-pool.js';
import { renderFiles, type Rendered } from './render-step.js';
import { digestFiles, rescanPaths, scanContent, type ScannedFile } from './scan.js';
import { loadSettings } from './settings.js';
import type { Placement } from './slug-moves.js';
import type { ProgressFn } from './progress.js';

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

export async function indexContent(db: Db, options: IndexOptions): Promise<IndexReport> {
  const started = performance.now();
  const now = options.now ?? Date.now();
  const store = createIndexStore(db);
  const memo = options.memo;
  const generationBefore = store.getState('generation');
  const memoValid = memo?.valid(generationBefore) ?? false;
  const files =
    (memoValid && memo?.scan && options.changedPaths
      ? rescanPaths(memo.scan, options.contentDir, options.changedPaths)
      : null) ?? scanContent(options.contentDir);
  const statCache = memoValid && memo?.files ? memo.files : store.fileCache();
  digestFiles(files, statCache, options.maxFileBytes);
  const scanProblems = files.flatMap((f) => (f.problem ? [f.problem] : []));
  const settings = loadSettings(files, store.getState('site_json'), options.siteUrl);
  const forceAll = store.getState('ctx_json') !== settings.ctxJson;

  const storedHashes =
    memoValid && memo?.articles
      ? new Map([...memo.articles].map(([p, a]) => [p, a.hash]))
      : store.articleHashes();
  const storedCourses = new Map(store.loadCourses().map((c) => [c.source_path, c]));
  const failedBefore = JSON.parse(store.getState('failed_files') ?? '{}') as FailedFiles;
  const articleFiles = files.filter((f) => f.kind === 'article');
  const courseFiles = files.filter((f) => f.kind === 'course');
  const plan = planRun({
    articleFiles,
    courseFiles,
    forceAll,
    storedArticleHashes: storedHashes,
    storedCourseHashes: new Map([...storedCourses].map(([p, c]) => [p, c.content_hash])),
    failedBefore,
  });
  const scanFingerprint = JSON.stringify(scanProblems.map((p) => [p.file, p.code]));
  const phases = { scan: Math.round(performance.now() - started), render: 0, check: 0, apply: 0 };
  const report = (r: Omit<IndexReport, 'scanned' | 'unchanged' | 'durationMs' | 'phases'>): IndexReport => ({
    scanned: files.length,
    unchanged: plan.unchanged,
    ...r,
    durationMs: Math.round(performance.now() - started),
    phases,
  });

  // Nothing changed: keep the index (and its report) exactly as it is.
  const sameSettings = store.getState('settings_digest') === settings.settingsDigest;
  const sameScan = store.getState('scan_problems') === scanFingerprint;
  if (isNoop(plan, failedBefore, { settings: sameSettings, scanProblems: sameScan })) {
    store.setState('last_indexed_at', new Date(now).toISOString());
    const kept = store.storedProblems();
    return report({ rendered: 0, removed: 0, articles: storedHashes.size, changed: false, problems: kept });
  }
  const problems: ContentProblem[] = [...scanProblems, ...settings.problems, ...plan.keptProblems];
  for (const f of plan.crossFailed) delete plan.failedNow[f.path];
  const toRender = [...plan.render, ...plan.crossFailed];

  const staging = toRender.length > 0 ? createStaging(db) : null;
  let rendered: Rendered;
  try {
    rendered = staging
      ? await renderFiles(toRender, {
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          pool: options.pool,
          ctx: settings.ctx,
          maxFileBytes: options.maxFileBytes,
          staging,
        })
      : { fresh: new Map(), courses: [], problems: [], failed: {} };
  } catch (error) {
    staging?.close();
    throw error;
  }
  problems.push(...rendered.problems);
  Object.assign(plan.failedNow, rendered.failed);
  const renderedAt = performance.now();
  phases.render = Math.round(renderedAt - started) - phases.scan;

  // The previous index, from memory when this process wrote it last, otherwise from the database.
  const storedByPath =
    memoValid && memo?.articles ? memo.articles : new Map(store.loadArticles().map((a) => [a.sourcePath, a]));
  const checked = checkRun({
    db,
    store,
    settings,
    articleFiles,
    textOf: (name) => files.find((f) => f.path === name)?.text,
    coursePaths: new Set(courseFiles.map((f) => f.path)),
    storedCourses,
    storedByPath,
    rendered,
    removedPaths: plan.removedPaths,
    previous: options.previous,
    now,
  });
  problems.push(...checked.problems);
  for (const [path, failed] of Object.entries(checked.crossFailed)) plan.failedNow[path] = failed;

  const changed =
    checked.writes.length > 0 ||
    checked.removed.length > 0 ||
    rendered.courses.length > 0 ||
    plan.coursesRemoved ||
    forceAll ||
    !sameSettings;
  const fileStats = settledStats(files, now);
  const next = new Map<string, StoredArticle>(storedByPath);
  phases.check = Math.round(performance.now() - renderedAt);
  return finish(db, {
    store,
    staging,
    memo,
    report,
    phases,
    apply: {
      store,
      moveStore: createSlugMoveStore(db),
      staging: staging as Staging | null,
      settings,
      now,
      courses: {
        removedPaths: [...storedCourses.keys()].filter((p) => !checked.coursePaths.has(p)),
        fresh: rendered.courses,
      },
      removed: checked.removed,
      writes: checked.writes,
      next,
      scannedPaths: new Set(articleFiles.map((f) => f.path)),
      resolveCourse: checked.resolveCourse,
      aliasOwners: checked.aliasOwners,
      moves: checked.moves,
      changed,
      incremental: !forceAll && generationBefore !== null,
      problems,
      state: { statCache, fileStats, scanFingerprint, failedNow: plan.failedNow },
      generationBefore,
    },
    rendered: toRender.length,
    articles: checked.articleCount,
    scan: files,
  });
}

/** Applies the run, remembers it for the next one, and reports it. */
function finish(
  db: Db,
  run: {
    store: ReturnType<typeof createIndexStore>;
    staging: Staging | null;
    memo: IndexMemo | undefined;
    report: (r: Omit<IndexReport, 'scanned' | 'unchanged' | 'durationMs' | 'phases'>) => IndexReport;
    phases: IndexReport['phases'];
    apply: Parameters<typeof applyRun>[1];
    rendered: number;
    articles: number;
    scan: ScannedFile[];
  },
): IndexReport {
  let generationAfter: string | null;
  const applying = performance.now();
  try {
    generationAfter = applyRun(db, run.apply);
    run.phases.apply = Math.round(performance.now() - applying);
  } catch (error) {
    run.memo?.forget();
    throw error;
  } finally {
    run.staging?.close();
  }
  run.memo?.remember(generationAfter, run.apply.next, run.apply.state.fileStats, run.scan);
  return run.report({
    rendered: run.rendered,
    removed: run.apply.removed.length,
    articles: run.articles,
    changed: run.apply.changed,
    problems: [...run.apply.problems],
  });
}
