// The state an index run starts from: the scan with digests, the site-wide settings, what the index held
// before (from the process's memo when it is still valid, otherwise from the database) and the plan.
import type { Db } from '../db/connection.js';
import { createIndexStore } from '../db/index-store.js';
import { type StoredArticle } from '../db/stored-article.js';
import type { ContentProblem } from '../errors.js';
import type { FileStats, IndexMemo } from './memo.js';
import { planRun, type FailedFiles, type Plan } from './plan.js';
import { scanContent, type ScannedFile } from './scan.js';
import { digestFiles, rescanPaths } from './scan-update.js';
import { loadSettings, type Settings } from './settings.js';

export type IndexStore = ReturnType<typeof createIndexStore>;

export interface RunState {
  db: Db;
  started: number;
  now: number;
  store: IndexStore;
  memo: IndexMemo | undefined;
  memoValid: boolean;
  generationBefore: string | null;
  files: ScannedFile[];
  articleFiles: ScannedFile[];
  courseFiles: ScannedFile[];
  statCache: FileStats;
  scanProblems: ContentProblem[];
  scanFingerprint: string;
  settings: Settings;
  /** The render context or the rendering code changed: every file is rendered again. */
  forceAll: boolean;
  sameSettings: boolean;
  storedHashes: Map<string, string>;
  storedCourses: Map<string, { source_path: string; content_hash: string; area_slug: string; slug: string }>;
  failedBefore: FailedFiles;
  plan: Plan;
}

export interface StateOptions {
  contentDir: string;
  maxFileBytes: number;
  siteUrl: string | null;
  now?: number;
  memo?: IndexMemo;
  changedPaths?: readonly string[];
}

/** Scan, digests, settings and plan. Reads only (no write to the database). */
export function readRunState(db: Db, options: StateOptions): RunState {
  const started = performance.now();
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
  const storedHashes =
    memoValid && memo?.articles
      ? new Map([...memo.articles].map(([p, a]) => [p, a.hash]))
      : store.articleHashes();
  const storedCourses = new Map(store.loadCourses().map((c) => [c.source_path, c]));
  const failedBefore = JSON.parse(store.getState('failed_files') ?? '{}') as FailedFiles;
  const articleFiles = files.filter((f) => f.kind === 'article');
  const courseFiles = files.filter((f) => f.kind === 'course');
  const forceAll = store.getState('ctx_json') !== settings.ctxJson;
  const plan = planRun({
    articleFiles,
    courseFiles,
    forceAll,
    storedArticleHashes: storedHashes,
    storedCourseHashes: new Map([...storedCourses].map(([p, c]) => [p, c.content_hash])),
    failedBefore,
  });
  return {
    db,
    started,
    now: options.now ?? Date.now(),
    store,
    memo,
    memoValid,
    generationBefore,
    files,
    articleFiles,
    courseFiles,
    statCache,
    scanProblems,
    scanFingerprint: JSON.stringify(scanProblems.map((p) => [p.file, p.code])),
    settings,
    forceAll,
    sameSettings: store.getState('settings_digest') === settings.settingsDigest,
    storedHashes,
    storedCourses,
    failedBefore,
    plan,
  };
}

/** The previous index, from memory when this process wrote it last, otherwise from the database. */
export function previousArticles(s: RunState): Map<string, StoredArticle> {
  return s.memoValid && s.memo?.articles
    ? s.memo.articles
    : new Map(s.store.loadArticles().map((a) => [a.sourcePath, a]));
}
