// The cross-file rules on in-memory article versions, one rule at a time, without a database or files.
import { describe, expect, it } from 'vitest';
import type { ContentProblem } from '../../src/errors.js';
import { aliasClaims, checkAliases } from '../../src/indexer/checks/aliases.js';
import { realPagePattern } from '../../src/lib/urls.js';
import { courseIndex } from '../../src/indexer/checks/courses.js';
import { checkLinks } from '../../src/indexer/checks/links.js';
import { checkRelatedSlugs } from '../../src/indexer/checks/related-slugs.js';
import { placeUnique } from '../../src/indexer/checks/unique-slugs.js';
import { reporter, type Version } from '../../src/indexer/checks/version.js';

const version = (over: Partial<Version>): Version => ({
  id: null,
  path: 'articles/a.md',
  hash: 'h',
  lang: 'en',
  slug: 'a',
  title: 'A',
  category: 'news',
  author: 'ann',
  cta: null,
  related: [],
  aliases: [],
  tags: [],
  draft: false,
  publishedAt: 0,
  links: [],
  ctas: [],
  lines: { slug: 3, related: 7, aliases: 8 },
  fresh: true,
  ...over,
});
const run = () => {
  const problems: ContentProblem[] = [];
  return { problems, report: reporter(problems) };
};
const lines = (ps: ContentProblem[]) =>
  ps.map((p) => `${p.file}:${p.line}: ${p.code}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`);

describe('unique slugs', () => {
  it('when a new file takes a published slug, then the published article keeps it and the new one is refused', () => {
    const { problems, report } = run();
    const rejected = new Set<string>();
    const kept = version({ path: 'articles/z-old.md', slug: 'guide', fresh: false, id: 1 });
    const fresh = version({ path: 'articles/a-new.md', slug: 'guide' });
    const { registry, placed } = placeUnique([fresh, kept], report, rejected);
    expect(registry.get('en/guide')?.path).toBe('articles/z-old.md');
    expect(placed.map((v) => v.path)).toEqual(['articles/z-old.md']);
    expect([...rejected]).toEqual(['articles/a-new.md']);
    expect(lines(problems)).toEqual([
      'articles/a-new.md:3: duplicate-slug: the slug "guide" is already used by articles/z-old.md (give this article another slug: key)',
    ]);
  });
});

describe('links', () => {
  const registry = new Map([
    ['en/kafka-guide', version({ path: 'articles/k.md', slug: 'kafka-guide' })],
    ['en/unfinished', version({ path: 'articles/u.md', slug: 'unfinished', draft: true })],
  ]);
  const courses = courseIndex([
    { area: 'data-ai', slug: 'data-engineer', path: 'courses/data-ai/data-engineer.md' },
  ]);
  const targets = { courses, registry, moved: new Map([['en/old-kafka', 'en/kafka-guide']]) };
  it('reports a broken article link with the closest slug, a moved one as a warning, a draft target as a warning', () => {
    const { problems, report } = run();
    const v = version({
      links: [
        { kind: 'article', target: 'en/kafka-guid', line: 10 },
        { kind: 'article', target: 'en/old-kafka', line: 11 },
        { kind: 'article', target: 'en/unfinished', line: 12 },
        { kind: 'article', target: 'en/kafka-guide', line: 13 },
        { kind: 'course', target: 'data-ai/data-enginer', line: 14 },
      ],
    });
    checkLinks(v, targets, report);
    expect(lines(problems)).toEqual([
      'articles/a.md:10: broken-link: link to /en/kafka-guid: no article has that slug (did you mean /en/kafka-guide?)',
      'articles/a.md:11: link-to-old-slug: link to /en/old-kafka: that article is now /en/kafka-guide (the old address redirects there) (change the link to /en/kafka-guide)',
      'articles/a.md:12: link-to-draft: link to /en/unfinished, which is a draft (readers get a 404 until it is published)',
      'articles/a.md:14: broken-link: link to /en/courses/data-ai/data-enginer: no such course (did you mean /en/courses/data-ai/data-engineer?)',
    ]);
    expect(problems.map((p) => p.severity)).toEqual(['error', 'warning', 'warning', 'error']);
  });

  it('resolves a course by its slug alone only when one area has it', () => {
    const two = courseIndex([
      { area: 'a', slug: 'sql', path: 'x' },
      { area: 'b', slug: 'sql', path: 'y' },
      { area: 'b', slug: 'etl', path: 'z' },
    ]);
    expect(two.resolve('etl')).toBe('b/etl');
    expect(two.resolve('sql')).toBeNull();
    expect(two.resolve('a/sql')).toBe('a/sql');
  });
});

describe('related slugs', () => {
  it('names the closest slug of the same language', () => {
    const { problems, report } = run();
    const registry = new Map([
      ['en/spark-tuning', version({ slug: 'spark-tuning' })],
      ['fr/spark-tunning', version({ lang: 'fr' })],
    ]);
    checkRelatedSlugs(version({ related: ['spark-tunin', 'spark-tuning'] }), registry, report);
    expect(lines(problems)).toEqual([
      'articles/a.md:7: unknown-related: related article "spark-tunin" does not exist in language en (did you mean "spark-tuning"?)',
    ]);
  });
});

describe('aliases', () => {
  it('gives a contested alias to the oldest article, and refuses an alias that is a real page', () => {
    const { problems, report } = run();
    const older = version({ path: 'articles/z.md', id: 1, aliases: ['/en/old-name/'] });
    const newer = version({
      path: 'articles/a.md',
      id: 2,
      aliases: ['/en/old-name', '/en/tags', '/feed.xml'],
    });
    const owners = aliasClaims([newer, older]);
    expect(owners.get('/en/old-name')).toBe('articles/z.md');
    checkAliases(newer, owners, new Map(), realPagePattern(['en', 'fr']), report);
    expect(lines(problems)).toEqual([
      'articles/a.md:8: alias-collision: alias /en/old-name is already claimed by articles/z.md (keep it in one article only)',
      'articles/a.md:8: alias-collision: alias /en/tags is a real page of the site and cannot redirect (remove it from aliases)',
      'articles/a.md:8: alias-collision: alias /feed.xml is a real page of the site and cannot redirect (remove it from aliases)',
    ]);
    expect(owners.has('/en/tags')).toBe(false);
  });
});
