// Rules that span files: categories, authors, courses, unique slugs, aliases, related lists and internal links.
import type { StoredArticle } from '../db/index-store.js';
import type { ContentProblem } from '../errors.js';
import { closest } from '../content/zod-problems.js';
import { followMoves } from './slug-moves.js';
import { tagProblems } from './tag-checks.js';

export interface CourseRef {
  area: string;
  slug: string;
  path: string;
}

export interface CheckInput {
  categories: ReadonlySet<string>;
  authors: ReadonlySet<string>;
  courses: readonly CourseRef[];
  languages: readonly string[];
  now: number;
  /** Old `lang/slug` keys of articles whose slug changed, to the key each moved to. */
  moved?: ReadonlyMap<string, string>;
}

interface Version {
  /** The article's stable id when it is already indexed (older articles keep contested aliases). */
  id: number | null;
  path: string;
  lang: string;
  slug: string;
  title: string;
  category: string;
  author: string;
  cta: string | null;
  related: readonly string[];
  aliases: readonly string[];
  tags: readonly string[];
  draft: boolean;
  publishedAt: number;
  links: readonly { kind: string; target: string; line: number }[];
  ctas: readonly { course: string; line: number }[];
  lines: Record<string, number>;
  fresh: boolean;
}

function fromFresh(a: StoredArticle, storedId: number | null): Version {
  return { ...fromStored(a), id: storedId, fresh: true };
}

function fromStored(s: StoredArticle): Version {
  return {
    id: s.id,
    path: s.sourcePath,
    lang: s.lang,
    slug: s.slug,
    title: s.title,
    category: s.category,
    author: s.author,
    cta: s.cta,
    related: s.related,
    aliases: s.aliases,
    // As written in the file; rows indexed before facts kept them fall back to the tags table's names.
    tags: s.facts.tags ?? s.tags,
    draft: s.draft,
    publishedAt: s.publishedAt,
    links: s.facts.links,
    ctas: s.facts.ctas,
    lines: s.facts.lines,
    fresh: false,
  };
}

const RESERVED =
  /^\/(wp-json|healthz|feed\.xml|sitemap[\w.-]*\.xml|robots\.txt|assets|img|css|favicon\.[a-z]+)(\/|$)/;

export function checkArticles(
  finals: readonly { path: string; fresh: StoredArticle | null; stored: StoredArticle | null }[],
  input: CheckInput,
): {
  problems: ContentProblem[];
  rejected: Set<string>;
  resolveCourse: (ref: string) => string | null;
  /** Each alias path that may redirect, with the source path of the one article it belongs to. */
  aliasOwners: Map<string, string>;
} {
  const problems: ContentProblem[] = [];
  const rejected = new Set<string>();
  const err = (
    v: Version,
    key: string | number,
    code: string,
    message: string,
    hint?: string,
    severity: ContentProblem['severity'] = 'error',
  ) =>
    problems.push({
      file: v.path,
      line: typeof key === 'number' ? key : (v.lines[key] ?? 1),
      code,
      message,
      severity,
      ...(hint ? { hint } : {}),
    });

  const courseKeys = new Set(input.courses.map((c) => `${c.area}/${c.slug}`));
  const bySlug = new Map<string, string[]>();
  for (const c of input.courses) bySlug.set(c.slug, [...(bySlug.get(c.slug) ?? []), `${c.area}/${c.slug}`]);
  const resolveCourse = (ref: string): string | null => {
    if (ref.includes('/')) return courseKeys.has(ref) ? ref : null;
    const matches = bySlug.get(ref) ?? [];
    return matches.length === 1 ? (matches[0] ?? null) : null;
  };
  const courseHint = (ref: string) => {
    const guess = closest(ref, [...courseKeys, ...bySlug.keys()]);
    return guess ? `did you mean "${guess}"?` : `known courses: ${[...courseKeys].join(', ') || 'none yet'}`;
  };

  // Phase 1: rules that make a new version unusable; it falls back to the last good one.
  const versions: Version[] = [];
  for (const f of finals) {
    if (f.fresh) {
      const v = fromFresh(f.fresh, f.stored?.id ?? null);
      let ok = true;
      if (!input.categories.has(v.category)) {
        const guess = closest(v.category, [...input.categories]);
        err(
          v,
          'category',
          'unknown-category',
          `category "${v.category}" is not in categories.yml`,
          guess ? `did you mean "${guess}"?` : 'add it to categories.yml',
        );
        ok = false;
      }
      if (!input.authors.has(v.author)) {
        const guess = closest(v.author, [...input.authors]);
        err(
          v,
          'author',
          'unknown-author',
          `author "${v.author}" is not in authors.yml`,
          guess ? `did you mean "${guess}"?` : 'add the author to authors.yml',
        );
        ok = false;
      }
      if (ok) {
        versions.push(v);
        continue;
      }
      rejected.add(f.path);
    }
    if (f.stored) versions.push(fromStored(f.stored));
  }

  // Phase 2: unique slugs per language (already published versions keep their slug).
  const registry = new Map<string, Version>();
  versions.sort((a, b) => Number(a.fresh) - Number(b.fresh) || (a.path < b.path ? -1 : 1));
  const placed: Version[] = [];
  for (const v of versions) {
    const key = `${v.lang}/${v.slug}`;
    const holder = registry.get(key);
    if (holder && holder.path !== v.path) {
      err(
        v,
        v.lines.slug ? 'slug' : 1,
        'duplicate-slug',
        `the slug "${v.slug}" is already used by ${holder.path}`,
        'give this article another slug: key',
      );
      if (v.fresh) rejected.add(v.path);
      continue;
    }
    registry.set(key, v);
    placed.push(v);
  }

  // Phase 3: references, reported for every article (an unchanged file can break when another one changes).
  // A contested alias belongs to the oldest article claiming it, whatever order the files are read in.
  const aliasOwner = new Map<string, string>();
  const byAge = [...placed].sort(
    (a, b) => (a.id ?? Infinity) - (b.id ?? Infinity) || (a.path < b.path ? -1 : 1),
  );
  for (const v of byAge)
    for (const alias of v.aliases) {
      const clean = alias.replace(/\/+$/, '') || '/';
      if (!aliasOwner.has(clean)) aliasOwner.set(clean, v.path);
    }
  const langRe = new RegExp(
    `^/(${input.languages.join('|')})(/(category|tag|tags|author|courses|search|feed\\.xml)(/.*)?)?/?$`,
  );
  for (const v of placed) {
    if (!v.fresh) {
      if (!input.categories.has(v.category))
        err(
          v,
          'category',
          'unknown-category',
          `category "${v.category}" is no longer in categories.yml`,
          'add it back or change this article',
        );
      if (!input.authors.has(v.author))
        err(
          v,
          'author',
          'unknown-author',
          `author "${v.author}" is no longer in authors.yml`,
          'add the author back or change this article',
        );
    }
    if (v.cta && !resolveCourse(v.cta))
      err(v, 'cta', 'unknown-course', `cta "${v.cta}" is not a known course`, courseHint(v.cta));
    for (const c of v.ctas)
      if (!resolveCourse(c.course))
        err(
          v,
          c.line,
          'unknown-course',
          `::cta course "${c.course}" is not a known course`,
          courseHint(c.course),
        );
    for (const l of v.links) {
      if (l.kind === 'course' && !courseKeys.has(l.target)) {
        const guess = closest(l.target, [...courseKeys]);
        err(
          v,
          l.line,
          'broken-link',
          `link to /${v.lang}/courses/${l.target}: no such course`,
          guess ? `did you mean /${v.lang}/courses/${guess}?` : courseHint(l.target),
        );
      }
      if (l.kind === 'article') {
        const target = registry.get(l.target);
        const movedTo = target
          ? null
          : followMoves(l.target, input.moved ?? new Map(), (k) => registry.has(k));
        if (movedTo)
          err(
            v,
            l.line,
            'link-to-old-slug',
            `link to /${l.target}: that article is now /${movedTo} (the old address redirects there)`,
            `change the link to /${movedTo}`,
            'warning',
          );
        else if (!target) {
          const [lang = '', slug = ''] = l.target.split('/');
          const guess = closest(
            slug,
            [...registry.keys()].filter((k) => k.startsWith(`${lang}/`)).map((k) => k.slice(lang.length + 1)),
          );
          err(
            v,
            l.line,
            'broken-link',
            `link to /${l.target}: no article has that slug`,
            guess ? `did you mean /${lang}/${guess}?` : 'check the slug of the article you meant',
          );
        } else if (target.draft && !v.draft)
          err(
            v,
            l.line,
            'link-to-draft',
            `link to /${l.target}, which is a draft (readers get a 404 until it is published)`,
            undefined,
            'warning',
          );
      }
    }
    v.related.forEach((slug) => {
      if (!registry.has(`${v.lang}/${slug}`)) {
        const prefix = `${v.lang}/`;
        const guess = closest(
          slug,
          [...registry.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)),
        );
        err(
          v,
          'related',
          'unknown-related',
          `related article "${slug}" does not exist in language ${v.lang}`,
          guess ? `did you mean "${guess}"?` : 'use the slug of an existing article',
        );
      }
    });
    for (const alias of v.aliases) {
      const clean = alias.replace(/\/+$/, '') || '/';
      const real =
        langRe.test(clean) || RESERVED.test(clean) || registry.has(clean.slice(1)) || clean === '/';
      const other = aliasOwner.get(clean);
      if (real) {
        err(
          v,
          'aliases',
          'alias-collision',
          `alias ${alias} is a real page of the site and cannot redirect`,
          'remove it from aliases',
        );
        aliasOwner.delete(clean);
      } else if (other && other !== v.path)
        err(
          v,
          'aliases',
          'alias-collision',
          `alias ${alias} is already claimed by ${other}`,
          'keep it in one article only',
        );
    }
    if (v.draft) err(v, 'draft', 'draft', `draft: "${v.title}" is not published`, undefined, 'note');
    else if (v.publishedAt > input.now)
      err(
        v,
        'date',
        'scheduled',
        `scheduled: "${v.title}" goes live on ${new Date(v.publishedAt).toISOString()}`,
        undefined,
        'note',
      );
  }
  problems.push(
    ...tagProblems(
      placed.map((v) => ({ path: v.path, lang: v.lang, tags: v.tags, line: v.lines.tags ?? 1 })),
    ),
  );
  return { problems, rejected, resolveCourse, aliasOwners: aliasOwner };
}
