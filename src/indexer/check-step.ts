// Step 4 of an index run: the set of articles after this run (new versions, or the last good one when a
// new version is invalid), slug changes against the previous index, and the cross-file checks over it.
import type { Db } from '../db/connection.js';
import type { createIndexStore } from '../db/index-store.js';
import type { StoredArticle } from '../db/stored-article.js';
import { createSlugMoveStore, type SlugMoveRow } from '../db/slug-moves.js';
import type { ContentProblem } from '../errors.js';
import { checkArticles, type CheckMemo, type CourseRef } from './cross-checks.js';
import { listedSlugs } from './load-config-files.js';
import type { FailedFiles } from './plan.js';
import type { Rendered } from './render-step.js';
import type { ScannedFile } from './scan.js';
import type { Settings } from './settings.js';
import { detectMoves, type Placement, type SlugMove } from './slug-moves.js';

export interface CheckStepInput {
  db: Db;
  store: ReturnType<typeof createIndexStore>;
  settings: Settings;
  articleFiles: readonly ScannedFile[];
  /** The text of a site-wide file (categories.yml, authors.yml) as scanned. */
  textOf: (name: string) => string | undefined;
  coursePaths: ReadonlySet<string>;
  storedCourses: ReadonlyMap<string, { area_slug: string; slug: string }>;
  storedByPath: ReadonlyMap<string, StoredArticle>;
  rendered: Rendered;
  removedPaths: readonly string[];
  previous: { articles: Placement[]; moves: SlugMoveRow[] } | undefined;
  now: number;
  /** A long-lived process's memo of the last run's checks (valid for the index before this run). */
  checkMemo?: CheckMemo | undefined;
}

export interface CheckStepResult {
  problems: ContentProblem[];
  /** New versions refused because of another file: checked again when anything changes. */
  crossFailed: FailedFiles;
  writes: { path: string; stored: StoredArticle | null }[];
  removed: StoredArticle[];
  moves: SlugMove[];
  resolveCourse: (ref: string) => string | null;
  aliasOwners: Map<string, string>;
  coursePaths: ReadonlySet<string>;
  articleCount: number;
}

const keyOf = (p: { lang: string; slug: string }) => `${p.lang}/${p.slug}`;
const placementOf = (a: StoredArticle): Placement => ({
  path: a.sourcePath,
  lang: a.lang,
  slug: a.slug,
  translationKey: a.translationKey,
});

function moveNote(m: SlugMove, line: number): ContentProblem {
  return {
    file: m.path,
    line,
    code: 'slug-changed',
    message: `address changed: /${keyOf(m.from)} now answers 301 to /${keyOf(m.to)}`,
    hint: 'links to the old address keep working; update them when you can',
    severity: 'note',
  };
}

/** Courses that exist after this run: the new ones and the unchanged stored ones. */
function coursesAfter(input: CheckStepInput): CourseRef[] {
  const fresh = input.rendered.courses;
  const freshPaths = new Set(fresh.map((c) => c.sourcePath));
  const courses: CourseRef[] = fresh.map((c) => ({ area: c.area, slug: c.slug, path: c.sourcePath }));
  for (const [path, c] of input.storedCourses)
    if (input.coursePaths.has(path) && !freshPaths.has(path))
      courses.push({ area: c.area_slug, slug: c.slug, path });
  return courses;
}

/** Slugs known to the site even while categories.yml or authors.yml is invalid. */
function knownSlugs(input: CheckStepInput, table: 'categories' | 'authors'): Set<string> {
  const listed = table === 'categories' ? input.settings.categories : input.settings.authors;
  if (listed) return new Set(listed.map((x) => x.slug));
  // An invalid file is reported once, not again in every article that uses it.
  return new Set([...input.store.activeSlugs(table), ...listedSlugs(input.textOf(`${table}.yml`))]);
}

/** The `lang/slug` addresses this run changes: new and old versions of rendered files, removed articles. */
function touchedKeys(
  finals: readonly { fresh: StoredArticle | null; stored: StoredArticle | null }[],
  removed: readonly StoredArticle[],
): Set<string> {
  const keys = new Set<string>();
  for (const f of finals)
    if (f.fresh) {
      keys.add(keyOf(f.fresh));
      if (f.stored) keys.add(keyOf(f.stored));
    }
  for (const a of removed) keys.add(keyOf(a));
  return keys;
}

export function checkRun(input: CheckStepInput): CheckStepResult {
  const { rendered, storedByPath } = input;
  const finals = input.articleFiles.flatMap((f) => {
    const fresh = rendered.fresh.get(f.path) ?? null;
    const stored = storedByPath.get(f.path) ?? null;
    return fresh || stored ? [{ path: f.path, fresh, stored }] : [];
  });
  // Slug changes: found against the index before this run; every earlier move still redirects.
  const scanned = new Set(input.articleFiles.map((f) => f.path));
  const moves = detectMoves(
    input.previous?.articles ?? [...storedByPath.values()].map(placementOf),
    finals.flatMap((f) => (f.fresh ? [placementOf(f.fresh)] : [])),
    scanned,
  );
  const moved = new Map(
    [...createSlugMoveStore(input.db).all(), ...(input.previous?.moves ?? [])].map(
      (m) => [m.from, m.to] as const,
    ),
  );
  for (const m of moves) moved.set(keyOf(m.from), keyOf(m.to));
  const removed = input.removedPaths.flatMap((p) => storedByPath.get(p) ?? []);
  const checked = checkArticles(finals, {
    ...(input.checkMemo
      ? {
          incremental: {
            memo: input.checkMemo,
            touchedKeys: touchedKeys(finals, removed),
            gonePaths: input.removedPaths,
          },
        }
      : {}),
    categories: knownSlugs(input, 'categories'),
    authors: knownSlugs(input, 'authors'),
    courses: coursesAfter(input),
    languages: input.settings.ctx.languages,
    now: input.now,
    moved,
  });
  const problems = [...checked.problems];
  const applied = moves.filter((m) => !checked.rejected.has(m.path));
  for (const m of applied) problems.push(moveNote(m, rendered.fresh.get(m.path)?.facts.lines.slug ?? 1));
  const crossFailed: FailedFiles = {};
  for (const path of checked.rejected) {
    const fresh = rendered.fresh.get(path);
    if (fresh)
      crossFailed[path] = {
        hash: fresh.hash,
        problems: checked.problems.filter((p) => p.file === path),
        cross: true,
      };
  }
  return {
    problems,
    crossFailed,
    writes: finals
      .filter((f) => f.fresh && !checked.rejected.has(f.path))
      .map((f) => ({ path: f.path, stored: f.stored })),
    removed,
    moves: applied,
    resolveCourse: checked.resolveCourse,
    aliasOwners: checked.aliasOwners,
    coursePaths: input.coursePaths,
    articleCount:
      finals.length - checked.rejected.size + [...checked.rejected].filter((p) => storedByPath.has(p)).length,
  };
}
