// `npm run new` without the disk: arguments, unique slugs, and new files that are valid content.
import { describe, expect, it } from 'vitest';
import { loadArticle, loadCourse, type LoadContext } from '../../src/content/load-entry.js';
import { articleText, courseText, isoDay, parseNewArgs, uniqueSlug } from '../../src/dev/scaffold.js';

const ctx: LoadContext = { defaultLang: 'en', languages: ['en', 'fr'], siteHosts: [] };

describe('parseNewArgs', () => {
  it('when an article is asked for with options, then each is read, in either --name value or --name=value form', () => {
    expect(
      parseNewArgs([
        'article',
        'Streaming',
        'basics',
        '--category',
        'data',
        '--author=ann',
        '--lang',
        'fr',
        '--cta=x/y',
        '--draft',
      ]),
    ).toEqual({
      ok: true,
      value: {
        kind: 'article',
        title: 'Streaming basics',
        category: 'data',
        author: 'ann',
        lang: 'fr',
        cta: 'x/y',
        draft: true,
      },
    });
    expect(parseNewArgs(['course', 'Analytics Engineer', '--area', 'data-ai'])).toEqual({
      ok: true,
      value: { kind: 'course', title: 'Analytics Engineer', area: 'data-ai' },
    });
  });

  it.each([
    [[], 'say what to create: article or course'],
    [['post', 'T'], 'say what to create: article or course'],
    [['article', '--category', 'x'], 'give the article a title in quotes'],
    [['article', 'T'], '--category is required for an article'],
    [['article', 'T', '--category'], '--category needs a value'],
    [['article', 'T', '--category', '--draft'], '--category needs a value'],
    [['article', 'T', '--category', 'x', '--area', 'y'], 'unknown option --area for article'],
    [['article', 'T', '--draft=yes', '--category', 'x'], '--draft takes no value'],
    [['course', 'T'], '--area is required for a course'],
    [['article', 'x'.repeat(201), '--category', 'c'], 'the title is 201 characters; keep it to 200 or fewer'],
  ])('when the words are %j, then the error says: %s, followed by the usage', (argv, error) => {
    const result = parseNewArgs(argv);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(
        new RegExp(`^${error.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\nusage: npm run new`),
      );
  });
});

describe('uniqueSlug', () => {
  it('when the slug is free, then it is the title slugified; when taken, -2, -3… until free', () => {
    const taken = new Set(['streaming-a-gentle-start', 'streaming-a-gentle-start-2']);
    expect(uniqueSlug('Hello, World!', 'article', () => false)).toBe('hello-world');
    expect(uniqueSlug('Streaming: a gentle start', 'article', (s) => taken.has(s))).toBe(
      'streaming-a-gentle-start-3',
    );
  });

  it('when the title has no letters or is very long, then the fallback is used or the slug is cut at 70 without a trailing hyphen', () => {
    expect(uniqueSlug('!!!', 'article', () => false)).toBe('article');
    const slug = uniqueSlug(`${'abc '.repeat(17)}defgh ijk`, 'article', () => false);
    expect(slug.length).toBeLessThanOrEqual(70);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('new files', () => {
  it('when an article file is written, then it loads as a valid article with those values', () => {
    const text = articleText({
      title: 'Streaming: "a gentle" start',
      slug: 'streaming',
      date: '2026-12-01',
      category: 'data-engineering',
      author: 'ann',
      lang: 'fr',
      cta: 'data-ai/data-engineer',
      draft: true,
    });
    const loaded = loadArticle('articles/streaming.md', text, ctx);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    if (loaded.ok)
      expect(loaded.entry).toMatchObject({
        title: 'Streaming: "a gentle" start',
        slug: 'streaming',
        lang: 'fr',
        draft: true,
      });
  });

  it('when a course file is written, then it loads as a valid course', () => {
    const loaded = loadCourse('courses/data-ai/analytics.md', courseText('Analytics: the craft'), ctx);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    if (loaded.ok) expect(loaded.entry.data.title).toBe('Analytics: the craft');
  });

  it('when today is asked for, then it is the UTC day of the moment given', () => {
    expect(isoDay(Date.parse('2026-12-01T23:59:59Z'))).toBe('2026-12-01');
    expect(isoDay(Date.parse('2026-12-01T23:59:59-02:00'))).toBe('2026-12-02');
  });
});
