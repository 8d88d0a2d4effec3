// Rules that span files, one module each under checks/: categories and authors, unique slugs, courses,
// internal links, related slugs, aliases and tags; plus the draft and scheduled notes. Problems come out
// article by article, in the order the rules run.
import type { StoredArticle } from '../db/index-store.js';
import type { ContentProblem } from '../errors.js';
import { aliasClaims, checkAliases, realPagePattern } from './checks/aliases.js';
import { checkCourseRefs, courseIndex, type CourseRef } from './checks/courses.js';
import { checkLinks } from './checks/links.js';
import { checkKeptReferences, usableVersion } from './checks/references.js';
import { checkRelatedSlugs } from './checks/related-slugs.js';
import { placeUnique } from './checks/unique-slugs.js';
import { fromFresh, fromStored, reporter, type Report, type Version } from './checks/version.js';
import { tagProblems } from './tag-checks.js';

export type { CourseRef } from './checks/courses.js';

export interface CheckInput {
  categories: ReadonlySet<string>;
  authors: ReadonlySet<string>;
  courses: readonly CourseRef[];
  languages: readonly string[];
  now: number;
  /** Old `lang/slug` keys of articles whose slug changed, to the key each moved to. */
  moved?: ReadonlyMap<string, string>;
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
  // References are checked for every article: an unchanged file can break when another one changes.
  const courses = courseIndex(input.courses);
  const owners = aliasClaims(placed);
  const realPage = realPagePattern(input.languages);
  const targets = { courses, registry, moved: input.moved ?? new Map<string, string>() };
  for (const v of placed) {
    checkKeptReferences(v, input, report);
    checkCourseRefs(v, courses, report);
    checkLinks(v, targets, report);
    checkRelatedSlugs(v, registry, report);
    checkAliases(v, owners, registry, realPage, report);
    notes(v, input.now, report);
  }
  problems.push(
    ...tagProblems(
      placed.map((v) => ({ path: v.path, lang: v.lang, tags: v.tags, line: v.lines.tags ?? 1 })),
    ),
  );
  return { problems, rejected, resolveCourse: (ref) => courses.resolve(ref), aliasOwners: owners };
}
