// Archive pagination with 30 articles in one category, all by one author with one tag: 12 per page,
// newest first, strict page numbers, prev/next links, and the same rules for tag and author archives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, createTestSite, MINIMAL_FILES, type TestSite } from '../helpers/site.js';
import { cardPaths, element, links } from './reader-html.js';

const NOW = Date.parse('2024-06-01T12:00:00Z');
const TOTAL = 30;
const slugOf = (i: number) => `post-${String(i).padStart(2, '0')}`;
// post-01 is the oldest (Jan 1), post-30 the newest (Jan 30).
const NEWEST_FIRST = Array.from({ length: TOTAL }, (_, i) => `/en/${slugOf(TOTAL - i)}`);

const files: Record<string, string> = {};
for (let i = 1; i <= TOTAL; i++) {
  files[`articles/${slugOf(i)}.md`] = article({
    title: `Post number ${i}`,
    slug: slugOf(i),
    date: `2024-01-${String(i).padStart(2, '0')}`,
    tags: ['Series'],
  });
}
// Neither a draft nor a scheduled article adds a page or a card.
files['articles/draft.md'] = article({
  title: 'Draft',
  slug: 'draft',
  date: '2024-01-31',
  tags: ['Series'],
  draft: true,
});
files['articles/later.md'] = article({ title: 'Later', slug: 'later', date: '2030-01-31', tags: ['Series'] });
// A small archive: three guides by another author fit on one page.
files['authors.yml'] =
  `${MINIMAL_FILES['authors.yml'] ?? ''}- slug: bob\n  name: Bob Guide\n  bio: Writes guides.\n`;
for (let i = 1; i <= 3; i++)
  files[`articles/guide-${i}.md`] = article({
    title: `Guide number ${i}`,
    slug: `guide-${i}`,
    category: 'guides',
    author: 'bob',
    date: `2023-12-0${i}`,
  });

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite({ sample: false, files, now: () => NOW });
});
afterAll(async () => site.close());

function relLinks(html: string): { prev: string | null; next: string | null } {
  const nav = element(html, 'nav', 'class="pagination"') ?? '';
  const all = links(nav);
  return {
    prev: all.find((l) => l.tag.includes('rel="prev"'))?.href ?? null,
    next: all.find((l) => l.tag.includes('rel="next"'))?.href ?? null,
  };
}

describe.each([
  ['category', '/en/category/news'],
  ['tag', '/en/tag/series'],
  ['author', '/en/author/ann'],
])('the %s archive', (_kind, root) => {
  it('when the pages are read in turn, then they hold 12, 12 and 6 articles, newest first, each exactly once', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    for (const path of [root, `${root}/page/2`, `${root}/page/3`]) {
      const res = await site.http.get(path);
      expect(res.status, path).toBe(200);
      const cards = cardPaths(res.text);
      sizes.push(cards.length);
      seen.push(...cards);
    }
    expect(sizes).toEqual([12, 12, 6]);
    expect(seen).toEqual(NEWEST_FIRST);
  });

  it('when each page is shown, then rel="prev" and rel="next" link to the neighbouring pages only', async () => {
    expect(relLinks((await site.http.get(root)).text)).toEqual({ prev: null, next: `${root}/page/2` });
    expect(relLinks((await site.http.get(`${root}/page/2`)).text)).toEqual({
      prev: root,
      next: `${root}/page/3`,
    });
    expect(relLinks((await site.http.get(`${root}/page/3`)).text)).toEqual({
      prev: `${root}/page/2`,
      next: null,
    });
  });

  it('when /page/1 is asked for, then it answers 301 to the archive root', async () => {
    const res = await site.http.get(`${root}/page/1`);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(root);
  });

  it('when a page past the end or a malformed page number is asked for, then the answer is the 404 page', async () => {
    for (const page of ['4', '99999', '0', '01', '-1', 'x', '2x', '1.5', '99999999999999999999']) {
      const res = await site.http.get(`${root}/page/${page}`);
      expect(res.status, page).toBe(404);
      expect(res.text, page).toContain('Page not found');
    }
  });

  it('when a page is shown, then it says which page of how many it is', async () => {
    const res = await site.http.get(`${root}/page/2`);
    expect(res.text).toContain('Page 2 of 3');
    expect(res.text).toContain('30 articles');
  });
});

describe('an archive with a single page', () => {
  it('when everything fits on one page, then there is no pagination and /page/2 is a 404', async () => {
    const small = await site.http.get('/en/category/guides');
    expect(small.status).toBe(200);
    expect(cardPaths(small.text)).toEqual(['/en/guide-3', '/en/guide-2', '/en/guide-1']);
    expect(element(small.text, 'nav', 'class="pagination"')).toBeNull();
    expect((await site.http.get('/en/category/guides/page/2')).status).toBe(404);
  });
});

describe('archive query strings', () => {
  it('when an archive gets hostile query strings, then it answers the normal page, never an error', async () => {
    for (const query of [
      'page=-1',
      'page=99999',
      'page=abc',
      'page=2&page=3',
      'q=%00%22*',
      'x[y]=1',
      `a=${'%ff'.repeat(500)}`,
    ]) {
      const res = await site.http.get(`/en/category/news?${query}`);
      expect(res.status, query).toBe(200);
      expect(cardPaths(res.text), query).toEqual(NEWEST_FIRST.slice(0, 12));
    }
  });
});
