// HTTP caching as nginx or a CDN sees it: validators, 304s, compression, HEAD, and the README's cache profiles.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let site: TestSite;
let server: Server;
let port = 0;

/** A request over a real socket, so the bytes on the wire (compressed or not) are what the test sees. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  site = await createTestSite();
  server = createServer(site.folio.handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await site.close();
});

// The README's cache-profile table is the spec: its literal strings, never the product's own constants.
const PROFILES = {
  page: 'public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400',
  feed: 'public, max-age=300, s-maxage=600, stale-while-revalidate=3600',
  short: 'public, max-age=30, s-maxage=60',
  immutable: 'public, max-age=31536000, immutable',
  static: 'public, max-age=3600, stale-while-revalidate=86400',
  none: 'no-store',
} as const;

const KINDS = [
  ['HTML', '/en/sql-joins-explained', 'text/html; charset=utf-8', PROFILES.page],
  ['RSS', '/en/feed.xml', 'application/rss+xml; charset=utf-8', PROFILES.feed],
  ['sitemap XML', '/sitemap.xml', 'application/xml; charset=utf-8', PROFILES.feed],
  ['API JSON', '/wp-json/wp/v2/posts', 'application/json; charset=utf-8', PROFILES.feed],
] as const;

describe.each(KINDS)('%s', (_kind, path, type, cacheControl) => {
  it('when fetched twice (the second time from the page cache), then both carry the same strong ETag, Last-Modified and Cache-Control', async () => {
    const a = await raw(path);
    const b = await raw(path);
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe(type);
    expect(a.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(a.headers['last-modified']).toMatch(/GMT$/);
    expect(a.headers['cache-control']).toBe(cacheControl);
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(b.headers['last-modified']).toBe(a.headers['last-modified']);
    expect(b.body.equals(a.body)).toBe(true);
  });

  it('when revalidated with If-None-Match or If-Modified-Since, then the answer is an empty 304', async () => {
    const a = await raw(path);
    const byEtag = await raw(path, { 'If-None-Match': a.headers.etag as string });
    expect(byEtag.status).toBe(304);
    expect(byEtag.body.length).toBe(0);
    expect(byEtag.headers.etag).toBe(a.headers.etag);
    expect(byEtag.headers['cache-control']).toBe(cacheControl);
    const byDate = await raw(path, { 'If-Modified-Since': a.headers['last-modified'] as string });
    expect(byDate.status).toBe(304);
    const stale = await raw(path, { 'If-None-Match': '"something-else"' });
    expect(stale.status).toBe(200);
    const older = await raw(path, { 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' });
    expect(older.status).toBe(200);
  });

  it('when the client accepts gzip or brotli, then the body is compressed with that encoding and decodes to the same bytes', async () => {
    const plain = await raw(path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await raw(path, { 'Accept-Encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gz = await raw(path, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(gz.body.length).toBeLessThan(plain.body.length);
  });

  it('when asked with HEAD, then the headers match GET and there is no body', async () => {
    const get = await raw(path);
    const head = await raw(path, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.headers['content-length']).toBe(String(get.body.length));
  });
});

describe('cache profiles for other responses', () => {
  it('when search results or a 404 are served, then shared caches keep them only briefly', async () => {
    expect((await raw('/en/search?q=sql')).headers['cache-control']).toBe(PROFILES.short);
    const missing = await raw('/en/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe(PROFILES.short);
    expect((await raw('/wp-json/wp/v2/posts?page=0')).headers['cache-control']).toBe(PROFILES.none);
    expect((await raw('/healthz')).headers['cache-control']).toBe(PROFILES.none);
  });

  it('when a page names its fingerprinted stylesheet, then that asset is immutable; other public files get the static profile', async () => {
    const page = await raw('/en/');
    expect(page.status).toBe(200);
    const css = /<link rel="stylesheet" href="(\/assets\/site\.[\w-]+\.css)">/.exec(
      page.body.toString(),
    )?.[1];
    expect(css).toBeDefined();
    const asset = await raw(css ?? '');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/css/);
    expect(asset.headers['cache-control']).toBe(PROFILES.immutable);
    const image = await raw('/img/featured/data-pipeline.svg');
    expect(image.status).toBe(200);
    expect(image.headers['cache-control']).toBe(PROFILES.static);
  });

  it('when the README is read, then its cache-profile table holds exactly the strings these tests expect', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    // The page row names the variable that sets its s-maxage inside the string: "s-maxage=300 (PAGE_S_MAXAGE)".
    const rows = [...readme.matchAll(/^\| (\w+) \| `([^`]+)` \|/gm)].map((m) => [
      m[1],
      m[2]?.replace(' (PAGE_S_MAXAGE)', ''),
    ]);
    expect(Object.fromEntries(rows.filter(([name]) => name && name in PROFILES))).toEqual(PROFILES);
  });
});

describe('canonical paths', () => {
  it.each([
    ['/en/sql-joins-explained/', '/en/sql-joins-explained'],
    ['/EN/SQL-Joins-Explained', '/en/sql-joins-explained'],
    ['/en//sql-joins-explained', '/en/sql-joins-explained'],
    ['/en', '/en/'],
    ['/en/category/data-engineering/', '/en/category/data-engineering'],
    ['/en/category/data-engineering/page/1', '/en/category/data-engineering'],
    ['/en/sql-joins-explained/?utm=x', '/en/sql-joins-explained?utm=x'],
    ['/', '/en/'],
  ])('when %s is requested, then it answers 301 to %s', async (from, to) => {
    const res = await raw(from);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(to);
  });
});

describe('moved and removed articles', () => {
  it('when an old path is listed in aliases, then it answers 301 to the article', async () => {
    const own = await createTestSite({
      sample: false,
      files: {
        'articles/new-name.md': article({ title: 'Renamed', aliases: ['/en/old-name', '/2019/05/old-name'] }),
      },
    });
    try {
      for (const from of ['/en/old-name', '/2019/05/old-name']) {
        const res = await own.http.get(from);
        expect(res.status).toBe(301);
        expect(res.headers.location).toBe('/en/new-name');
      }
    } finally {
      await own.close();
    }
  });

  it("when a published article's file is deleted and the site re-indexed, then its URL answers 410 Gone; never-published ones 404", async () => {
    const own = await createTestSite({
      sample: false,
      files: {
        'articles/short-lived.md': article({ title: 'Short-lived' }),
        'articles/never-out.md': article({ title: 'Never out', draft: true }),
        'articles/stays.md': article({ title: 'Stays' }),
      },
    });
    try {
      expect((await own.http.get('/en/short-lived')).status).toBe(200);
      own.write({ 'articles/short-lived.md': null, 'articles/never-out.md': null });
      await own.reindex();
      const gone = await own.http.get('/en/short-lived');
      expect(gone.status).toBe(410);
      expect(gone.text).toContain('This article has been removed');
      expect(gone.headers['cache-control']).toBe(PROFILES.short);
      expect((await own.http.get('/en/never-out')).status).toBe(404);
      expect((await own.http.get('/en/stays')).status).toBe(200);
      const feed = await own.http.get('/feed.xml');
      // The feed loaded and lists the article that stayed, so the absence below is not an error page's.
      expect(feed.status).toBe(200);
      expect(feed.text).toContain('http://localhost:3000/en/stays');
      expect(feed.text).not.toContain('short-lived');
    } finally {
      await own.close();
    }
  });
});
