// Rules that span files, one module each under checks/: categories and authors, unique slugs, courses,
// internal links, related slugs, aliases and tags; plus the draft and scheduled notes. Problems come out
// article by article, in the order the rules run.
import type { StoredArticle } from '../db/stored-article.js';
import type { ContentProblem } from '../errors.js';
import { realPagePattern } from '../lib/urls.js';
import { aliasClaims, checkAliases } from './checks/aliases.js';
import { checkCourseRefs, courseIndex, type CourseRef } from './checks/courses.js';
import { checkLinks } from './checks/links.js';
import { checkKeptReferences, usableVersion } from './checks/references.js';
import { checkRelatedSlugs } from './checks/related-slugs.js';
import { placeUnique } from './checks/unique-slugs.js';
import { fromFresh, fromStored, reporter, type Report, type Version } from './checks/version.js';
import { tagProblems } from './tag-checks.js';

export type { CourseRef } from './checks/courses.js';

/**
 * What a long-lived process keeps of the last run's per-article checks, so a change re-checks only the
 * articles it can affect: its own, those that link to or list one of the addresses it had or has, and
 * those that had a problem (whose hints may name it). Trusted only while the site-wide inputs are the same.
 */
export interface CheckMemo {
  inputs: string;
  /** Articles checked clean, with the digest they were checked at and the addresses they depend on. */
  byPath: Map<string, { hash: string; deps: string[] }>;
  /** `lang/slug` → paths of the articles that link to it or list it in `related:`. */
  dependents: Map<string, Set<string>>;
}

export const newCheckMemo = (): CheckMemo => ({ inputs: '', byPath: new Map(), dependents: new Map() });

export interface CheckInput {
  categories: ReadonlySet<string>;
  authors: ReadonlySet<string>;
  courses: readonly CourseRef[];
  languages: readonly string[];
  now: number;
  /** Old `lang/slug` keys of articles whose slug changed, to the key each moved to. */
  moved?: ReadonlyMap<string, string>;
  /** From a long-lived process: the last run's checks and the `lang/slug` keys this run changes. */
  incremental?: { memo: CheckMemo; touchedKeys: ReadonlySet<string>; gonePaths: readonly string[] };
}

export interface CheckResult {
  problems: ContentProblem[];
  /** New versions that cannot be used (they fall back to the last good one). */
  rejected: Set<string>;
  resolveCourse: (ref: string) => string | null;
  /** Each alias path that may redirect, with the source path of the one article it belongs to. */
  aliasOwners: Map<string, string>;
}

function notes(v: Version, now: number, report: Report): void {
  if (v.draft) report(v, 'draft', 'draft', `draft: "${v.title}" is not published`, undefined, 'note');
  else if (v.publishedAt > now)
    report(
      v,
      'date',
      'scheduled',
      `scheduled: "${v.title}" goes live on ${new Date(v.publishedAt).toISOString()}`,
      undefined,
      'note',
    );
}

/** The addresses an article's checked references name: its internal article links and `related:` slugs. */
function dependencies(v: Version): string[] {
  const keys = v.links.filter((l) => l.kind === 'article').map((l) => l.target);
  for (const slug of v.related) keys.push(`${v.lang}/${slug}`);
  return keys;
}

function inputsKey(input: CheckInput): string {
  return JSON.stringify([
    [...input.categories].sort(),
    [...input.authors].sort(),
    input.courses.map((c) => `${c.area}/${c.slug}:${c.path}`).sort(),
    input.languages,
    input.moved?.size ?? 0,
  ]);
}

/** Paths whose kept problems cannot be trusted this run (null: every article is checked). */
function pathsToRecheck(input: CheckInput, inputs: string): Set<string> | null {
  const inc = input.incremental;
  if (!inc || inc.memo.inputs !== inputs) return null;
  const out = new Set<string>();
  for (const key of inc.touchedKeys) for (const path of inc.memo.dependents.get(key) ?? []) out.add(path);
  return out;
}

function forget(memo: CheckMemo, path: string): void {
  for (const key of memo.byPath.get(path)?.deps ?? []) memo.dependents.get(key)?.delete(path);
  memo.byPath.delete(path);
}

/** Keeps a clean article (one with problems is checked again on every run, so its hints stay current). */
function remember(memo: CheckMemo, v: Version, clean: boolean): void {
  forget(memo, v.path);
  if (!clean) return;
  const deps = dependencies(v);
  memo.byPath.set(v.path, { hash: v.hash, deps });
  for (const key of deps) {
    let paths = memo.dependents.get(key);
    if (!paths) memo.dependents.set(key, (paths = new Set()));
    paths.add(v.path);
  }
}

export function checkArticles(
  finals: readonly { path: string; fresh: StoredArticle | null; stored: StoredArticle | null }[],
  input: CheckInput,
): CheckResult {
  const problems: ContentProblem[] = [];
  const report = reporter(problems);
  const rejected = new Set<string>();
  // A new version that names an unknown category or author is refused; the last good one stays.
  const versions: Version[] = [];
  for (const f of finals) {
    if (f.fresh) {
      const v = fromFresh(f.fresh, f.stored?.id ?? null);
      if (usableVersion(v, input, report)) {
        versions.push(v);
        continue;
      }
      rejected.add(f.path);
    }
    if (f.stored) versions.push(fromStored(f.stored));
  }
  const { registry, placed } = placeUnique(versions, report, rejected);
  // References are checked for every article: an unchanged file can break when another one changes (a
  // long-lived process re-checks only the articles that depend on what changed).
  const courses = courseIndex(input.courses);
  const owners = aliasClaims(placed);
  const realPage = realPagePattern(input.languages);
  const targets = { courses, registry, moved: input.moved ?? new Map<string, string>() };
  const inputs = inputsKey(input);
  const recheck = pathsToRecheck(input, inputs);
  const memo = input.incremental?.memo;
  if (memo && !recheck) {
    memo.byPath.clear();
    memo.dependents.clear();
  }
  for (const v of placed) {
    const kept = memo?.byPath.get(v.path);
    if (!(recheck && kept && kept.hash === v.hash && !recheck.has(v.path))) {
      const mine: ContentProblem[] = [];
      const own = reporter(mine);
      checkKeptReferences(v, input, own);
      checkCourseRefs(v, courses, own);
      checkLinks(v, targets, own);
      checkRelatedSlugs(v, registry, own);
      problems.push(...mine);
      if (memo) remember(memo, v, mine.length === 0);
    }
    // Always: alias ownership (which also drops aliases that are real pages) and the time-based notes.
    if (v.aliases.length > 0) checkAliases(v, owners, registry, realPage, report);
    notes(v, input.now, report);
  }
  if (memo) {
    memo.inputs = inputs;
    for (const path of input.incremental?.gonePaths ?? []) forget(memo, path);
  }
  problems.push(
    ...tagProblems(
      placed.map((v) => ({ path: v.path, lang: v.lang, tags: v.tags, line: v.lines.tags ?? 1 })),
    ),
  );
  return { problems, rejected, resolveCourse: (ref) => courses.resolve(ref), aliasOwners: owners };
}
