import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

const attr = (html: string, re: RegExp) => re.exec(html)?.[1] ?? null;
const meta = (html: string, key: string) =>
  attr(html, new RegExp(`<meta (?:name|property)="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`));
const titleOf = (html: string) => attr(html, /<title>([^<]*)<\/title>/);
const canonicalOf = (html: string) => attr(html, /<link rel="canonical" href="([^"]*)"/);
const hreflangs = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map(
      (m): [string, string] => [m[1] ?? '', m[2] ?? ''],
    ),
  );
const ldBlocks = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
const ld = (html: string) => ldBlocks(html).map((b) => JSON.parse(b) as Record<string, unknown>);
const ldOfType = (html: string, type: string) => ld(html).find((o) => o['@type'] === type);

describe('the sample site', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite();
  });
  afterAll(async () => site.close());

  it('when pages of every kind are fetched, then each has its own title, a description and an absolute canonical URL', async () => {
    const paths = [
      '/en/',
      '/fr/',
      '/en/what-does-a-data-engineer-do',
      '/en/sql-joins-explained',
      '/en/category/data-engineering',
      '/en/tag/airflow',
      '/en/author/amara-okafor',
      '/en/category/data-engineering/page/1',
    ];
    const titles = new Set<string>();
    for (const path of paths.slice(0, -1)) {
      const res = await site.http.get(path);
      expect(res.status).toBe(200);
      const title = titleOf(res.text)!;
      expect(title).not.toBe('');
      titles.add(title);
      expect(meta(res.text, 'description')?.length).toBeGreaterThan(10);
      expect(canonicalOf(res.text)).toBe(`http://localhost:3000${path}`);
      expect(meta(res.text, 'og:url')).toBe(`http://localhost:3000${path}`);
      expect(meta(res.text, 'robots')).toBeNull();
    }
    expect(titles.size).toBe(paths.length - 1);
    expect((await site.http.get(paths.at(-1)!)).status).toBe(301);
  });

  it('when an article is shared, then Open Graph and Twitter tags carry its title, excerpt and absolute image', async () => {
    const res = await site.http.get('/en/what-does-a-data-engineer-do');
    expect(titleOf(res.text)).toBe('What does a data engineer actually do? | Folio Academy');
    expect(meta(res.text, 'description')).toMatch(/^Data engineers build the plumbing/);
    expect(meta(res.text, 'og:type')).toBe('article');
    expect(meta(res.text, 'og:title')).toBe('What does a data engineer actually do? | Folio Academy');
    expect(meta(res.text, 'og:image')).toBe('http://localhost:3000/img/featured/data-pipeline.svg');
    expect(meta(res.text, 'og:image:alt')).toMatch(/^Diagram of data flowing/);
    expect(meta(res.text, 'twitter:card')).toBe('summary_large_image');
    expect(meta(res.text, 'article:published_time')).toBe('2026-03-12T00:00:00.000Z');
    expect(res.text).toMatch(/^<!doctype html>\n<html lang="en">/);
  });

  it('when an article has a French translation, then each names the other as hreflang alternate, with x-default', async () => {
    const en = hreflangs((await site.http.get('/en/what-does-a-data-engineer-do')).text);
    const fr = hreflangs((await site.http.get('/fr/qu-est-ce-qu-un-data-engineer')).text);
    const expected = {
      en: 'http://localhost:3000/en/what-does-a-data-engineer-do',
      fr: 'http://localhost:3000/fr/qu-est-ce-qu-un-data-engineer',
      'x-default': 'http://localhost:3000/en/what-does-a-data-engineer-do',
    };
    expect(en).toEqual(expected);
    expect(fr).toEqual(expected);
    expect(hreflangs((await site.http.get('/en/sql-joins-explained')).text)).toEqual({});
  });

  it('when the French home is opened, then it is in French with its own feed and language alternates', async () => {
    const res = await site.http.get('/fr/');
    expect(res.text).toContain('<html lang="fr">');
    expect(res.text).toContain('Derniers articles');
    expect(res.text).toContain('Que fait vraiment un data engineer ?');
    expect(res.text).not.toContain('What does a data engineer actually do?');
    expect(meta(res.text, 'og:locale')).toBe('fr_FR');
    expect(res.text).toContain('href="/fr/feed.xml"');
    expect(hreflangs(res.text)).toEqual({
      en: 'http://localhost:3000/en/',
      fr: 'http://localhost:3000/fr/',
      'x-default': 'http://localhost:3000/en/',
    });
  });

  it('when search results or a missing page are shown, then they ask search engines not to index them', async () => {
    const search = await site.http.get('/en/search?q=sql');
    expect(meta(search.text, 'robots')).toBe('noindex, follow');
    const missing = await site.http.get('/en/no-such-article');
    expect(missing.status).toBe(404);
    expect(meta(missing.text, 'robots')).toBe('noindex');
    const frMissing = await site.http.get('/fr/page-absente');
    expect(frMissing.text).toContain('Page introuvable');
  });

  it('when an article is read, then its JSON-LD describes a BlogPosting and its breadcrumbs, allowed by the CSP', async () => {
    const res = await site.http.get('/en/what-does-a-data-engineer-do');
    const post = ldOfType(res.text, 'BlogPosting')!;
    expect(post).toMatchObject({
      '@context': 'https://schema.org',
      headline: 'What does a data engineer actually do?',
      datePublished: '2026-03-12T00:00:00.000Z',
      dateModified: '2026-05-02T00:00:00.000Z',
      image: 'http://localhost:3000/img/featured/data-pipeline.svg',
      author: { '@type': 'Person', name: 'Amara Okafor' },
      publisher: { '@type': 'Organization', name: 'Folio Academy' },
      mainEntityOfPage: {
        '@type': 'WebPage',
        '@id': 'http://localhost:3000/en/what-does-a-data-engineer-do',
      },
    });
    expect(typeof post.description).toBe('string');
    const crumbs = ldOfType(res.text, 'BreadcrumbList') as {
      itemListElement: { position: number; item: string }[];
    };
    expect(crumbs.itemListElement.map((i) => i.item)).toEqual([
      'http://localhost:3000/en/',
      'http://localhost:3000/en/category/data-engineering',
      'http://localhost:3000/en/what-does-a-data-engineer-do',
    ]);
    const csp = res.headers['content-security-policy'] as string;
    for (const block of ldBlocks(res.text))
      expect(csp).toContain(`'sha256-${createHash('sha256').update(block).digest('base64')}'`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('when the home page is read, then its JSON-LD is a WebSite with a SearchAction', async () => {
    const site_ = ldOfType((await site.http.get('/en/')).text, 'WebSite') as {
      potentialAction: { target: { urlTemplate: string } };
    };
    expect(site_.potentialAction.target.urlTemplate).toBe(
      'http://localhost:3000/en/search?q={search_term_string}',
    );
  });

  it('when an archive is read, then its JSON-LD has breadcrumbs', async () => {
    const crumbs = ldOfType((await site.http.get('/en/tag/airflow')).text, 'BreadcrumbList') as {
      itemListElement: { item: string }[];
    };
    expect(crumbs.itemListElement.at(-1)?.item).toBe('http://localhost:3000/en/tag/airflow');
  });
});

describe('hostile front matter and SITE_URL', () => {
  let site: TestSite;
  const evil = '</script><script>alert(1)</script> & \u2028 "quoted"';
  beforeAll(async () => {
    site = await createTestSite({
      sample: false,
      env: { SITE_URL: 'https://blog.example.com' },
      files: {
        'articles/evil.md': article({
          title: evil,
          excerpt: `Excerpt ${evil}`,
          tags: ['</script>'],
          image: '/img/x.svg',
          image_alt: evil,
        }),
      },
    });
  });
  afterAll(async () => site.close());

  it('when a title tries to close the script element, then JSON-LD stays valid JSON and nothing executes', async () => {
    const res = await site.http.get('/en/evil');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>alert(1)');
    for (const block of ldBlocks(res.text)) {
      expect(block).not.toMatch(/<\/script/i);
      expect(() => JSON.parse(block) as unknown).not.toThrow();
    }
    expect(ldOfType(res.text, 'BlogPosting')?.headline).toBe(evil);
    expect(titleOf(res.text)).toContain('&lt;/script&gt;');
    const scripts = [...res.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.every((s) => s === '<script type="application/ld+json">')).toBe(true);
  });

  it('when SITE_URL differs from site.yml, then canonical, Open Graph and JSON-LD URLs use SITE_URL', async () => {
    const res = await site.http.get('/en/evil');
    expect(canonicalOf(res.text)).toBe('https://blog.example.com/en/evil');
    expect(meta(res.text, 'og:image')).toBe('https://blog.example.com/img/x.svg');
    expect(ldOfType(res.text, 'BlogPosting')?.mainEntityOfPage).toEqual({
      '@type': 'WebPage',
      '@id': 'https://blog.example.com/en/evil',
    });
    expect(res.headers.link).toBe('<https://blog.example.com/wp-json/>; rel="https://api.w.org/"');
  });
});
