import express from 'express';
import request from 'supertest';
import { xml2js, type Element } from 'xml-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitemapRoutes } from '../../src/http/routes/sitemap.js';
import { SAMPLE_NOW } from '../helpers/clock.js';
import { publicSampleArticles, sampleArticles } from '../helpers/sample-content.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** W3C Datetime as the sitemaps.org schema accepts it. */
const W3C = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$/;

function parseXml(text: string): Element {
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return xml2js(text, { compact: false }) as Element;
}
const kids = (el: Element | undefined, name: string) => (el?.elements ?? []).filter((c) => c.name === name);
const text = (el: Element | undefined) => (el?.elements ?? []).map((c) => String(c.text ?? '')).join('');

interface Url {
  loc: string;
  lastmod: string | null;
  images: string[];
  alternates: Record<string, string>;
}

/** Checks a <urlset> against the sitemaps.org schema's structure and returns its entries. */
function readUrlset(xml: string): Url[] {
  const root = parseXml(xml).elements?.find((e) => e.type === 'element');
  expect(root?.name).toBe('urlset');
  expect(root?.attributes?.xmlns).toBe(SITEMAP_NS);
  const urls = kids(root, 'url');
  expect(urls.length).toBeLessThanOrEqual(50_000);
  return urls.map((u) => {
    const names = (u.elements ?? []).map((e) => e.name ?? '');
    // Schema order: loc, lastmod?, changefreq?, priority?, then elements of other namespaces.
    expect(names[0]).toBe('loc');
    expect(names.filter((n) => n === 'loc')).toHaveLength(1);
    expect(names.slice(1).every((n) => n === 'lastmod' || n.includes(':'))).toBe(true);
    const loc = text(kids(u, 'loc')[0]);
    expect(loc).toMatch(/^http:\/\/localhost:3000\//);
    expect(loc.length).toBeLessThanOrEqual(2048);
    const lastmod = kids(u, 'lastmod')[0];
    if (lastmod) expect(text(lastmod)).toMatch(W3C);
    const images = kids(u, 'image:image').map((i) => text(kids(i, 'image:loc')[0]));
    const alternates = Object.fromEntries(
      kids(u, 'xhtml:link').map((l) => [String(l.attributes?.hreflang), String(l.attributes?.href)]),
    );
    return { loc, lastmod: lastmod ? text(lastmod) : null, images, alternates };
  });
}

let site: TestSite;
let urls: Url[];
beforeAll(async () => {
  site = await createTestSite();
  const res = await site.http.get('/sitemap.xml');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
  urls = readUrlset(res.text);
});
afterAll(async () => site.close());

const locs = () => urls.map((u) => u.loc);
const find = (loc: string) => urls.find((u) => u.loc === `http://localhost:3000${loc}`);

describe('/sitemap.xml', () => {
  it('when a crawler reads the sitemap, then every visible article is listed once with its lastmod', () => {
    // From the content files at the site's fixed clock, not from the index the sitemap is built from.
    const visible = publicSampleArticles(SAMPLE_NOW);
    expect(visible).toHaveLength(16);
    for (const a of visible) expect(find(`/${a.lang}/${a.slug}`)?.lastmod).toMatch(W3C);
    expect(new Set(locs()).size).toBe(locs().length);
  });

  it('when an article was updated, then its lastmod is the update time', () => {
    expect(find('/en/what-does-a-data-engineer-do')?.lastmod).toBe('2026-05-02T00:00:00Z');
  });

  it('when a crawler reads the sitemap, then homes, archives and course pages are in it', () => {
    for (const path of [
      '/en/',
      '/fr/',
      '/en/category/data-engineering',
      '/en/tag/airflow',
      '/en/author/amara-okafor',
      '/en/courses',
      '/en/courses/data-ai',
      '/en/courses/data-ai/data-engineer',
    ])
      expect(locs()).toContain(`http://localhost:3000${path}`);
  });

  it('when an article has a featured image, then the sitemap names it as an absolute image URL', () => {
    expect(find('/en/what-does-a-data-engineer-do')?.images).toEqual([
      'http://localhost:3000/img/featured/data-pipeline.svg',
    ]);
  });

  it('when articles are translations of each other, then both list each other (and x-default) as alternates', () => {
    const expected = {
      en: 'http://localhost:3000/en/what-does-a-data-engineer-do',
      fr: 'http://localhost:3000/fr/qu-est-ce-qu-un-data-engineer',
      'x-default': 'http://localhost:3000/en/what-does-a-data-engineer-do',
    };
    expect(find('/en/what-does-a-data-engineer-do')?.alternates).toEqual(expected);
    expect(find('/fr/qu-est-ce-qu-un-data-engineer')?.alternates).toEqual(expected);
    expect(find('/fr/')?.alternates.en).toBe('http://localhost:3000/en/');
  });

  it('when pages are not for indexing or not public, then they are left out', () => {
    expect(locs().some((l) => l.includes('/search'))).toBe(false);
    const hidden = sampleArticles().filter((a) => a.draft || a.publishedAt > SAMPLE_NOW);
    expect(hidden.map((a) => a.slug).sort()).toEqual([
      'data-mesh-in-practice',
      'evaluating-llm-applications',
    ]);
    for (const a of hidden) expect(locs()).not.toContain(`http://localhost:3000/${a.lang}/${a.slug}`);
  });
});

describe('visibility and escaping', () => {
  it('when drafts, scheduled articles and odd image paths exist, then only public URLs appear, correctly escaped', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const own = await createTestSite({
      sample: false,
      now: () => clock,
      files: {
        'articles/live.md': article({
          title: 'Live',
          date: '2029-06-01',
          image: '/img/a&b-é.svg',
          image_alt: 'A picture',
        }),
        'articles/draft.md': article({ title: 'Draft', draft: true }),
        'articles/later.md': article({ title: 'Later', date: '2030-03-01', category: 'guides' }),
      },
    });
    try {
      const first = await own.http.get('/sitemap.xml');
      expect(first.text).toContain('<image:loc>http://localhost:3000/img/a&amp;b-%C3%A9.svg</image:loc>');
      const listed = readUrlset(first.text).map((u) => u.loc);
      expect(listed).toContain('http://localhost:3000/en/live');
      expect(listed).not.toContain('http://localhost:3000/en/draft');
      expect(listed).not.toContain('http://localhost:3000/en/later');
      expect(listed).not.toContain('http://localhost:3000/en/category/guides');
      clock = Date.parse('2030-03-02T00:00:00Z');
      const later = readUrlset((await own.http.get('/sitemap.xml')).text).map((u) => u.loc);
      expect(later).toContain('http://localhost:3000/en/later');
      expect(later).toContain('http://localhost:3000/en/category/guides');
    } finally {
      await own.close();
    }
  });

  it('when an archive has more than one page, then every page of it is listed', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 13; i++) files[`articles/n-${i}.md`] = article({ title: `N ${i}` });
    const own = await createTestSite({ sample: false, files });
    try {
      const listed = readUrlset((await own.http.get('/sitemap.xml')).text).map((u) => u.loc);
      expect(listed).toContain('http://localhost:3000/en/category/news');
      expect(listed).toContain('http://localhost:3000/en/category/news/page/2');
      expect(listed).not.toContain('http://localhost:3000/en/category/news/page/3');
      expect((await own.http.get('/en/category/news/page/2')).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});

describe('sitemap index', () => {
  const withLimits = (maxUrls: number, maxBytes = 50 * 1024 * 1024) =>
    request(express().use(sitemapRoutes(site.folio.ctx, { maxUrls, maxBytes })));

  it('when the site has more URLs than one sitemap may hold, then /sitemap.xml is an index of typed parts within the limit', async () => {
    const http = withLimits(5);
    const res = await http.get('/sitemap.xml');
    expect(res.status).toBe(200);
    const root = parseXml(res.text).elements?.find((e) => e.type === 'element');
    expect(root?.name).toBe('sitemapindex');
    expect(root?.attributes?.xmlns).toBe(SITEMAP_NS);
    const parts = kids(root, 'sitemap').map((s) => ({
      loc: text(kids(s, 'loc')[0]),
      lastmod: text(kids(s, 'lastmod')[0]),
    }));
    expect(parts.length).toBeGreaterThan(3);
    const seen: string[] = [];
    for (const part of parts) {
      expect(part.loc).toMatch(
        /^http:\/\/localhost:3000\/sitemap-(pages|articles|categories|tags|authors)-\d+\.xml$/,
      );
      expect(part.lastmod).toMatch(W3C);
      const body = await http.get(new URL(part.loc).pathname);
      expect(body.status).toBe(200);
      const entries = readUrlset(body.text);
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.length).toBeLessThanOrEqual(5);
      seen.push(...entries.map((e) => e.loc));
    }
    expect(seen.sort()).toEqual([...locs()].sort());
  });

  it('when one part would pass the byte limit, then it is split by size too', async () => {
    const http = withLimits(50_000, 2_000);
    const parts = kids(parseXml((await http.get('/sitemap.xml')).text).elements?.[0], 'sitemap');
    for (const p of parts) {
      const body = await http.get(new URL(text(kids(p, 'loc')[0])).pathname);
      expect(Buffer.byteLength(body.text)).toBeLessThanOrEqual(2_000);
    }
  });

  it('when a part does not exist, or the site fits one file, then part URLs answer 404', async () => {
    expect((await withLimits(5).get('/sitemap-articles-999.xml')).status).toBe(404);
    expect((await withLimits(5).get('/sitemap-widgets-1.xml')).status).toBe(404);
    // The test apps above share the site's page cache; drop what they stored.
    site.folio.cache.clear();
    expect((await site.http.get('/sitemap-articles-1.xml')).status).toBe(404);
  });
});

describe('/robots.txt', () => {
  it('when a crawler reads robots.txt, then crawling is allowed, search is not, and the sitemap is named absolutely', async () => {
    const res = await site.http.get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toContain('User-agent: *\nAllow: /\nDisallow: /*/search\n');
    expect(res.text).toContain('Sitemap: http://localhost:3000/sitemap.xml');
  });

  it('when SITE_URL is set, then robots.txt and the sitemap use it', async () => {
    const own = await createTestSite({
      sample: false,
      env: { SITE_URL: 'https://blog.example.com' },
      files: { 'articles/a.md': article({}) },
    });
    try {
      expect((await own.http.get('/robots.txt')).text).toContain(
        'Sitemap: https://blog.example.com/sitemap.xml',
      );
      expect((await own.http.get('/sitemap.xml')).text).toContain('<loc>https://blog.example.com/en/a</loc>');
    } finally {
      await own.close();
    }
  });
});
