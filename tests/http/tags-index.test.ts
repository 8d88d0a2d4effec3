// Tags beyond ASCII on the reader site: the /<lang>/tags index, Unicode tag archives, and the links to them
// (pages, footer, sitemap, REST API), all percent-encoded UTF-8.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, createTestSite, type TestSite } from '../helpers/site.js';
import { links, mustFind, textOf } from './reader-html.js';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const PRIVET = '/en/tag/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82';

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite({
    sample: false,
    now: () => NOW,
    files: {
      'articles/alpha.md': article({ title: 'Alpha', tags: ['Привет', 'C', 'Zeta', 'éclair'] }),
      'articles/beta.md': article({ title: 'Beta', date: '2024-02-01', tags: ['C#', 'Привет'] }),
      'articles/gamma.md': article({ title: 'Gamma', tags: ['C++', '日本語'] }),
      'articles/draft.md': article({ title: 'Draft', draft: true, tags: ['Draft only', 'C'] }),
      'articles/later.md': article({ title: 'Later', date: '2030-01-01', tags: ['Scheduled only', 'C'] }),
      'articles/fr.md': article({ title: 'Français', lang: 'fr', tags: ['Économie'] }),
    },
  });
}, 30_000);
afterAll(async () => site.close());

const tagItems = (html: string) =>
  links(mustFind(mustFind(html, 'section', 'class="archive tag-index"'), 'ul')).map((l) => ({
    text: textOf(l.text),
    href: l.href,
  }));

describe('the tag index /<lang>/tags', () => {
  it('when a reader opens /en/tags, then every English tag is listed by name with its count and a percent-encoded link', async () => {
    const res = await site.http.get('/en/tags');
    expect(res.status).toBe(200);
    expect(tagItems(res.text)).toEqual([
      { text: 'C 1 article', href: '/en/tag/c' },
      { text: 'C# 1 article', href: '/en/tag/c-sharp' },
      { text: 'C++ 1 article', href: '/en/tag/c-plus-plus' },
      { text: 'éclair 1 article', href: '/en/tag/eclair' },
      { text: 'Zeta 1 article', href: '/en/tag/zeta' },
      { text: 'Привет 2 articles', href: PRIVET },
      { text: '日本語 1 article', href: `/en/tag/${encodeURIComponent('日本語')}` },
    ]);
  });

  it('when tags are used only by drafts, scheduled articles or another language, then /en/tags leaves them out', async () => {
    const res = await site.http.get('/en/tags');
    expect(res.status).toBe(200);
    const items = tagItems(res.text).map((i) => i.text);
    // "C" is also on the draft and the scheduled article: they are not counted.
    expect(items).toContain('C 1 article');
    expect(items.join('|')).not.toMatch(/Draft only|Scheduled only|Économie/);
  });

  it('when /en/tags is opened, then it has a title, description, canonical URL and breadcrumbs like other archives', async () => {
    const html = (await site.http.get('/en/tags')).text;
    expect(html).toContain('<title>Tags | Test Site</title>');
    expect(html).toContain('<link rel="canonical" href="http://localhost:3000/en/tags">');
    expect(html).toMatch(/<meta name="description" content="[^"]*7 tags[^"]*">/);
    expect(textOf(mustFind(html, 'nav', 'class="breadcrumbs"'))).toBe('Home Tags');
    expect(html).toContain('"@type":"BreadcrumbList"');
  });

  it('when /fr/tags is opened, then it is in French and lists the French tags', async () => {
    const res = await site.http.get('/fr/tags');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Mots-clés</h1>');
    expect(tagItems(res.text)).toEqual([{ text: 'Économie 1 article', href: '/fr/tag/economie' }]);
  });

  it('when /en/tags/ is asked for, then it answers 301 to /en/tags, which answers 200', async () => {
    const res = await site.http.get('/en/tags/');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/en/tags');
    expect((await site.http.get('/en/tags')).status).toBe(200);
  });

  it('when any page is opened, then its footer links to the tag index of its language', async () => {
    for (const [path, href] of [
      ['/en/', '/en/tags'],
      ['/fr/', '/fr/tags'],
      ['/en/alpha', '/en/tags'],
    ] as const) {
      const footer = mustFind((await site.http.get(path)).text, 'footer', 'class="site-footer"');
      expect(
        links(footer).map((l) => l.href),
        path,
      ).toContain(href);
    }
  });

  it('when the sitemap is read, then it lists each tag index and the Unicode tag archives percent-encoded', async () => {
    const xml = (await site.http.get('/sitemap.xml')).text;
    expect(xml).toContain('<loc>http://localhost:3000/en/tags</loc>');
    expect(xml).toContain('<loc>http://localhost:3000/fr/tags</loc>');
    expect(xml).toContain(`<loc>http://localhost:3000${PRIVET}</loc>`);
    expect(xml).not.toContain('привет');
  });
});

describe('tag archives with Unicode slugs', () => {
  it('when a reader opens the percent-encoded Cyrillic tag, then it answers 200 with its articles', async () => {
    const res = await site.http.get(PRIVET);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Articles tagged “Привет”');
    expect(res.text).toContain(`<link rel="canonical" href="http://localhost:3000${PRIVET}">`);
    const titles = [...res.text.matchAll(/class="card__title"[^>]*>\s*<a[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(titles).toEqual(['Beta', 'Alpha']);
    // Paths that no tag slug can take are a 404, never a 500.
    for (const path of ['/en/tag/c%23', '/en/tag/%E2%80%94', '/en/tag/c%2B%2B', '/en/tag/%F0%9F%92%A9'])
      expect((await site.http.get(path)).status, path).toBe(404);
  });

  it('when C, C# and C++ are tags, then each has its own page', async () => {
    for (const [path, title] of [
      ['/en/tag/c', 'Alpha'],
      ['/en/tag/c-sharp', 'Beta'],
      ['/en/tag/c-plus-plus', 'Gamma'],
    ] as const) {
      const res = await site.http.get(path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).toContain(`>${title}</a>`);
    }
  });

  it('when a tag archive is opened, then its breadcrumbs and a link lead to the tag index', async () => {
    const html = (await site.http.get('/en/tag/c-sharp')).text;
    const crumbs = mustFind(html, 'nav', 'class="breadcrumbs"');
    expect(links(crumbs).map((l) => l.href)).toEqual(['/en/', '/en/tags']);
    expect(links(mustFind(html, 'header', 'class="archive__header"')).map((l) => l.href)).toContain(
      '/en/tags',
    );
  });

  it('when an article has a Unicode tag, then its tag link is percent-encoded UTF-8', async () => {
    const html = (await site.http.get('/en/alpha')).text;
    const tags = links(mustFind(html, 'section', 'class="tags"')).map((l) => l.href);
    expect(tags).toEqual([PRIVET, '/en/tag/c', '/en/tag/zeta', '/en/tag/eclair']);
  });

  it('when the REST API lists tags, then each link is percent-encoded', async () => {
    const res = await site.http.get('/wp-json/wp/v2/tags?per_page=100');
    expect(res.status).toBe(200);
    const privet = (res.body as { name: string; link: string }[]).find((t) => t.name === 'Привет');
    expect(privet?.link).toBe(`http://localhost:3000${PRIVET}`);
  });

  it('when a Unicode tag is asked for in upper case, then it answers 301 to the lower-case percent-encoded path', async () => {
    const res = await site.http.get('/en/tag/%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(PRIVET);
    expect((await site.http.get(PRIVET)).status).toBe(200);
  });
});
