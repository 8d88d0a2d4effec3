// PageCache: finished responses by URL within byte budgets (search results apart), dropped when the stamp moves.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageCache } from '../../src/http/page-cache.js';
import type { PreparedResponse } from '../../src/http/respond.js';

/** A cached response whose body is `bytes` long (the cache counts twice that: body plus compressed copies). */
function entry(bytes: number, text = 'x'): PreparedResponse {
  return {
    status: 200,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'last-modified': 'Tue, 01 Dec 2026 12:00:00 GMT',
    },
    body: Buffer.from(text.repeat(bytes).slice(0, bytes)),
    etag: `"e${bytes}${text}"`,
    lastModified: 0,
  };
}

describe('PageCache storage', () => {
  it('when pages pass the byte budget, then the least recently used go first', () => {
    const cache = new PageCache({ maxBytes: 2000, stamp: () => 's' });
    for (const path of ['/a', '/b', '/c', '/d']) cache.set(path, entry(250)); // 500 each: full
    expect(cache.get('/a')).toBeDefined(); // /a is now the most recent
    cache.set('/e', entry(250)); // over budget: the oldest, /b, goes
    expect(['/a', '/b', '/c', '/d', '/e'].map((p) => Boolean(cache.get(p)))).toEqual([
      true,
      false,
      true,
      true,
      true,
    ]);
    expect(cache.size).toBe(4);
  });

  it('when one response is over a quarter of the budget, then it is not kept (it would flush everything)', () => {
    const cache = new PageCache({ maxBytes: 1000, stamp: () => 's' });
    cache.set('/big', entry(126));
    expect(cache.get('/big')).toBeUndefined();
    cache.set('/fits', entry(125));
    expect(cache.get('/fits')).toBeDefined();
  });

  it('when a URL is stored again, then the new response replaces the old one and the budget counts it once', () => {
    const cache = new PageCache({ maxBytes: 2000, stamp: () => 's' });
    cache.set('/a', entry(250, 'a'));
    cache.set('/a', entry(250, 'b'));
    for (const path of ['/b', '/c', '/d']) cache.set(path, entry(250));
    expect(cache.get('/a')?.body.toString()).toBe('b'.repeat(250));
    expect(cache.size).toBe(4);
  });

  it('when search results fill their own budget, then pages are never evicted by them', () => {
    const cache = new PageCache({ maxBytes: 2000, queryBytes: 400, stamp: () => 's' });
    cache.set('/en/', entry(250));
    for (let i = 0; i < 10; i++) cache.set(`/en/search?q=${i}`, entry(50));
    expect(cache.get('/en/')).toBeDefined();
    expect(cache.get('/en/search?q=0')).toBeUndefined();
    expect(cache.get('/en/search?q=9')).toBeDefined();
    expect(cache.size).toBe(5);
  });

  it('when the stamp moves, then everything is dropped; while it stays, it is looked at once per interval', () => {
    let stamp = 'gen-1';
    let looks = 0;
    const cache = new PageCache({ maxBytes: 1000, stamp: () => (looks++, stamp), checkEveryMs: 100 });
    cache.revalidate(1_000);
    cache.revalidate(1_001);
    cache.set('/a', entry(10));
    cache.revalidate(1_050);
    expect(looks).toBe(2);
    stamp = 'gen-2';
    cache.revalidate(1_090);
    expect(cache.get('/a')).toBeDefined();
    cache.revalidate(1_101);
    expect(looks).toBe(3);
    expect(cache.get('/a')).toBeUndefined();
  });
});

describe('PageCache.serve', () => {
  let server: Server;
  let port = 0;
  const cache = new PageCache({ maxBytes: 10_000, stamp: () => 'same' });
  beforeAll(async () => {
    cache.revalidate(); // takes in the stamp; the first look finds it new and starts empty
    cache.set('/cached', entry(5, 'hello'));
    server = createServer((req, res) => {
      if (!cache.serve(req, res)) res.writeHead(299).end('app');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => new Promise((r) => server.close(r)));

  const send = (method: string, path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('when a cached URL is asked for with GET or HEAD, then the cache answers; other methods and URLs go to the app', async () => {
    expect(await send('GET', '/cached')).toEqual({ status: 200, body: 'hello' });
    expect(await send('HEAD', '/cached')).toEqual({ status: 200, body: '' });
    expect(await send('POST', '/cached')).toEqual({ status: 299, body: 'app' });
    expect(await send('GET', '/cached?x=1')).toEqual({ status: 299, body: 'app' });
    expect(await send('GET', '/other')).toEqual({ status: 299, body: 'app' });
    expect([cache.hits, cache.misses]).toEqual([2, 2]);
  });
});
