// /llms.txt (llmstxt.org): the site's name and description, then categories, courses and the newest
// public articles as `- [title](url): note` lists with absolute URLs, served and cached like a feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLlmsTxt } from '../../src/http/view-models/llms-txt.js';
import { SAMPLE_NOW } from '../helpers/clock.js';
import { publicSampleArticles } from '../helpers/sample-content.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

let site: TestSite;
let text: string;
beforeAll(async () => {
  site = await createTestSite();
  text = (await site.http.get('/llms.txt')).text;
});
afterAll(async () => site.close());

const ITEM = /^- \[((?:[^\]\\]|\\.)+)\]\((http:\/\/localhost:3000\/[^\s)]+)\)(?:: (.+))?$/;
const section = (name: string) => {
  const start = text.indexOf(`\n## ${name}\n`);
  expect(start, name).toBeGreaterThan(0);
  const rest = text.slice(start + name.length + 5);
  const end = rest.indexOf('\n## ');
  return (end === -1 ? rest : rest.slice(0, end)).split('\n').filter((l) => l.startsWith('- '));
};

describe('/llms.txt', () => {
  it('when fetched, then it is plain UTF-8 text with an ETag and the feeds’ caching, answering 304 when unchanged', async () => {
    const res = await site.http.get('/llms.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['cache-control']).toMatch(/^public, max-age=300/);
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    const again = await site.http.get('/llms.txt').set('If-None-Match', String(res.headers.etag));
    expect(again.status).toBe(304);
  });

  it('when read, then it starts with the site name as H1 and its description as a blockquote', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Folio Academy');
    expect(lines[2]).toBe('> Practical, honest guides for people moving into data and software careers.');
    expect(text.match(/^## .+$/gm)).toEqual([
      '## Categories',
      '## Courses',
      '## Recent articles',
      '## Optional',
    ]);
    for (const l of text.split('\n').filter((x) => x.startsWith('- '))) expect(l).toMatch(ITEM);
  });

  it('when read, then recent articles are the public English ones, newest first, with date and excerpt', () => {
    const expected = publicSampleArticles(SAMPLE_NOW)
      .filter((a) => a.lang === 'en')
      .sort((a, b) => b.publishedAt - a.publishedAt)
      .slice(0, 50);
    const items = section('Recent articles');
    // Articles of the same day may come in any order among themselves: compare the set, then the dates' order.
    expect(items.map((l) => ITEM.exec(l)?.[2]).sort()).toEqual(
      expected.map((a) => `http://localhost:3000/en/${a.slug}`).sort(),
    );
    const dates = items.map((l) => /\): (\d{4}-\d{2}-\d{2}): \S/.exec(l)?.[1] ?? 'missing');
    expect(dates).toEqual(expected.map((a) => new Date(a.publishedAt).toISOString().slice(0, 10)));
    // The draft and the article scheduled after SAMPLE_NOW are not on the map.
    expect(text).not.toContain('/en/data-mesh-in-practice');
    expect(text).not.toContain('/en/evaluating-llm-applications');
  });

  it('when read, then categories and courses link to pages that exist', async () => {
    const categories = section('Categories');
    const courses = section('Courses');
    expect(categories.length).toBeGreaterThan(2);
    expect(courses.length).toBeGreaterThan(2);
    expect(categories.join('\n')).toContain('(http://localhost:3000/en/category/data-engineering):');
    const all = [...categories, ...courses, ...section('Recent articles'), ...section('Optional')];
    for (const l of all) {
      const url = ITEM.exec(l)?.[2] ?? '';
      const res = await site.http.get(url.slice('http://localhost:3000'.length));
      expect(res.status, url).toBe(200);
    }
  });

  it('when an article is published, then the cached file changes with the index', async () => {
    expect(text).not.toContain('Brand new on the map');
    site.write({
      'articles/data-engineering/brand-new.md': article({
        title: 'Brand new on the map',
        date: '2026-11-30',
        category: 'data-engineering',
        author: 'amara-okafor',
      }),
    });
    await site.reindex();
    const after = (await site.http.get('/llms.txt')).text;
    expect(after).toMatch(
      /^- \[Brand new on the map\]\(http:\/\/localhost:3000\/en\/brand-new\): 2026-11-30: /m,
    );
  });
});

describe('buildLlmsTxt', () => {
  const input = {
    title: 'Site\nname',
    description: 'One\nline.',
    baseUrl: 'https://x.example',
    lang: 'en',
    languageName: 'English',
    categories: [],
    courses: [],
    otherLanguages: [{ code: 'fr', name: 'Français' }],
    articles: [
      {
        slug: 'a',
        title: 'Arrays [and] \\ lists',
        excerpt: `Line one\n## not a heading\n${'word '.repeat(100)}`,
        published_at: Date.parse('2026-01-02T00:00:00Z'),
      },
    ],
  };

  it('when titles and excerpts hold brackets, newlines or great length, then each item stays one valid line', () => {
    const out = buildLlmsTxt(input);
    expect(out.split('\n').slice(0, 3)).toEqual(['# Site name', '', '> One line.']);
    const line = out.split('\n').find((l) => l.includes('(https://x.example/en/a)')) ?? '';
    expect(
      line.startsWith(
        '- [Arrays \\[and\\] \\\\ lists](https://x.example/en/a): 2026-01-02: Line one ## not a heading word',
      ),
    ).toBe(true);
    expect(line.endsWith('word…')).toBe(true);
    expect(line.length).toBeLessThan(400);
    expect(out).not.toContain('## Categories');
    expect(out).toContain('- [Français](https://x.example/fr/): the site in Français (fr)');
  });
});
