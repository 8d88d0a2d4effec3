// Missing pages, drafts, scheduled articles and server errors, as a reader meets them: a real 404 page
// with search and categories, articles that appear by themselves when their time comes, and an error page
// that leaks nothing about the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, createTestSite, type TestSite } from '../helpers/site.js';
import { cardPaths, element, hrefs, mustFind, textOf } from './reader-html.js';

const START = Date.parse('2024-06-01T12:00:00Z');
const PUBLISH_AT = '2024-06-02T09:30:00Z';
let t = START;

const BODY = 'Kubernetes operators reconcile custom resources while controllers watch cluster state.\n';
const files: Record<string, string> = {
  'articles/live.md': article(
    { title: 'Operators explained', slug: 'live', date: '2024-05-01', tags: ['kubernetes'] },
    BODY,
  ),
  'articles/fr.md': article({ title: 'Un article', slug: 'un-article', date: '2024-05-03', lang: 'fr' }),
  'articles/older.md': article({ title: 'An older piece', slug: 'older', date: '2024-04-01' }),
  'articles/draft.md': article(
    {
      title: 'Unfinished thoughts',
      slug: 'unfinished',
      date: '2024-05-02',
      draft: true,
      tags: ['kubernetes'],
    },
    BODY,
  ),
  'articles/scheduled.md': article(
    { title: 'Zebracorn release notes', slug: 'zebracorn', date: PUBLISH_AT, tags: ['kubernetes'] },
    `Zebracorn ships next week. ${BODY}`,
  ),
};

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite({ sample: false, files, now: () => t });
});
afterAll(async () => site.close());

/** What every 404 must look like to a reader and a crawler. */
function expectNotFoundPage(
  res: { status: number; text: string; headers: Record<string, string> },
  path: string,
) {
  expect(res.status, path).toBe(404);
  expect(res.headers['content-type'], path).toMatch(/^text\/html/);
  expect(textOf(mustFind(res.text, 'h1')), path).toMatch(/^(Page not found|Page introuvable)$/);
  const form = mustFind(res.text, 'form', 'role="search"');
  expect(form, path).toMatch(/action="\/(en|fr)\/search"/);
  expect(form, path).toContain('name="q"');
  expect(hrefs(mustFind(res.text, 'ul', 'class="category-list"')), path).toContain(
    path.startsWith('/fr/') ? '/fr/category/news' : '/en/category/news',
  );
  expect(res.text, path).toMatch(/<meta name="robots" content="noindex[^"]*">/);
  expect(res.text, path).not.toMatch(/\n\s+at \S+ \(|\/work\/|node_modules|\.ts\b|\.js:/);
}

describe('404 pages', () => {
  it.each([
    ['an unknown article', '/en/no-such-article'],
    ['an unknown category', '/en/category/nope'],
    ['an unknown tag', '/en/tag/nope'],
    ['an unknown author', '/en/author/nope'],
    ['an unknown category page', '/en/category/nope/page/2'],
    ['an unknown language prefix', '/de/foo'],
    ['a deep unknown path', '/en/a/b/c/d/e'],
    ['a path below an article', '/en/live/comments'],
    ['a path below an archive', '/en/category/news/extra'],
    ['a slug with characters slugs never have', '/en/live_article'],
    ['a path of only punctuation', '/en/...'],
    ['an unknown French article', '/fr/inconnu'],
    ['a file-like path', '/wp-login.php'],
  ])('when a reader asks for %s, then the real 404 page answers', async (_what, path) => {
    expectNotFoundPage(await site.http.get(path), path);
  });

  it('when an unknown language home is asked for, then it is canonicalised and then a 404', async () => {
    const res = await site.http.get('/de/');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/de');
    expectNotFoundPage(await site.http.get('/de'), '/de');
  });

  it('when the 404 is for a French path, then the page is in French', async () => {
    const res = await site.http.get('/fr/inconnu');
    expect(res.text).toContain('<html lang="fr">');
    expect(textOf(mustFind(res.text, 'h1'))).toBe('Page introuvable');
  });

  it('when a draft is asked for, then it is a 404 and it is listed nowhere', async () => {
    expectNotFoundPage(await site.http.get('/en/unfinished'), '/en/unfinished');
    // Each listing loaded and shows what it should, so the draft's absence is not an error page's.
    const home = await site.http.get('/en/');
    expect(home.status).toBe(200);
    expect(cardPaths(home.text)).toContain('/en/live');
    expect(home.text).not.toContain('Unfinished thoughts');
    // The draft shares its body with "live": the same words find only the published one.
    const search = await site.http.get('/en/search?q=reconcile');
    expect(search.status).toBe(200);
    expect(cardPaths(search.text)).toEqual(['/en/live']);
    expect(cardPaths((await site.http.get('/en/search?q=unfinished')).text)).toEqual([]);
  });
});

describe('a scheduled article', () => {
  const where = async () => {
    const [article, home, category, tag, search, related] = await Promise.all([
      site.http.get('/en/zebracorn'),
      site.http.get('/en/'),
      site.http.get('/en/category/news'),
      site.http.get('/en/tag/kubernetes'),
      site.http.get('/en/search?q=zebracorn'),
      site.http.get('/en/live'),
    ]);
    return {
      article: article.status,
      home: cardPaths(home.text).includes('/en/zebracorn'),
      category: cardPaths(category.text).includes('/en/zebracorn'),
      tag: tag.status === 200 && cardPaths(tag.text).includes('/en/zebracorn'),
      search: cardPaths(search.text).includes('/en/zebracorn'),
      related: hrefs(element(related.text, 'section', 'class="related"') ?? '').includes('/en/zebracorn'),
    };
  };

  it('when its time has not come, then it is a 404 and appears in no list; once the clock passes it, it appears everywhere without a re-index', async () => {
    t = START;
    expect(await where()).toEqual({
      article: 404,
      home: false,
      category: false,
      tag: false,
      search: false,
      related: false,
    });
    // A minute before: still hidden, although the pages above are now in the page cache.
    t = Date.parse(PUBLISH_AT) - 60_000;
    expect((await where()).article).toBe(404);
    t = Date.parse(PUBLISH_AT);
    // The page cache looks at the publishing clock at most every 100 ms of real time.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await where()).toEqual({
      article: 200,
      home: true,
      category: true,
      tag: true,
      search: true,
      related: true,
    });
    const health = (await site.http.get('/healthz')).body as { articles: number };
    expect(health.articles).toBe(4);
    // Newest first: it now leads the home page.
    expect(cardPaths((await site.http.get('/en/')).text)[0]).toBe('/en/zebracorn');
  });
});

describe('the error page', () => {
  it('when a request fails with a bad escape sequence, then a 400 page explains it without leaking anything', async () => {
    const res = await site.http.get('/en/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.text).toContain('malformed escape');
    expect(res.text).not.toMatch(/\/work\/|node_modules|\.ts\b|\.js:|URIError/);
  });

  it('when the database fails under a page, then the reader gets a friendly 500 page with no stack, paths or SQL', async () => {
    t = START;
    site.db.exec('DROP TABLE related');
    const res = await site.http.get('/en/older');
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(textOf(mustFind(res.text, 'h1'))).toBe('Something went wrong');
    expect(res.text).toContain('Please try again in a moment');
    expect(res.text).not.toMatch(
      /\/work\/|\/tmp\/|node_modules|\.ts\b|\.js:|\n\s+at |SqliteError|no such table|related/i,
    );
    expect(res.headers['cache-control']).toMatch(/no-store|no-cache|max-age=0/);
    // The rest of the site keeps working.
    expect((await site.http.get('/en/category/news')).status).toBe(200);
  });

  it('when the database is gone altogether, then every page is a bare 500 that still leaks nothing', async () => {
    site.db.close();
    // Pages cached a moment ago could still be served as they were; this test is about fresh requests.
    site.folio.cache.clear();
    for (const path of ['/en/live', '/en/search?q=x', '/en/category/news/page/2', '/en/nope']) {
      const res = await site.http.get(path);
      expect(res.status, path).toBe(500);
      expect(res.text, path).not.toMatch(
        /\/work\/|\/tmp\/|node_modules|\.ts\b|\.js:|\n\s+at |TypeError|database/i,
      );
    }
  });
});
