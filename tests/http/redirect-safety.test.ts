// No redirect ever leaves the site: request targets sent raw over a socket, the way a hostile client or
// a checker sends them, get either a same-site Location or a 400/404 page, never another host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../helpers/site.js';
import { rawServer, type RawServer } from '../helpers/raw-http.js';

let site: TestSite;
let server: RawServer;
beforeAll(async () => {
  site = await createTestSite({ now: () => Date.parse('2026-01-15T12:00:00Z') });
  server = await rawServer(site.folio.handler);
});
afterAll(async () => {
  await server.close();
  await site.close();
});

/** The test's own rule, written independently of the product: one "/" then a character that is not "/" or "\". */
const SAME_SITE = /^\/(?![/\\])[^\\\s]*$/;

const get = (target: string, headers?: Record<string, string>) =>
  server.send(`GET ${target} HTTP/1.1`, headers);

describe('request targets that could lead a browser to another site', () => {
  it('when the path starts with /\\ , then it is refused with 400 and no Location', async () => {
    for (const target of ['/\\evil.example/', '/\\evil.example', '/\\\\evil.example/', '//\\evil.example/']) {
      const r = await get(target);
      expect(r.status, target).toBe(400);
      expect(r.headers.location, target).toBeUndefined();
      expect(r.body, target).toContain('<html');
    }
  });

  it('when a backslash is anywhere in the path, then it is refused with 400', async () => {
    const r = await get('/en/\\evil.example/');
    expect(r.status).toBe(400);
    expect(r.headers.location).toBeUndefined();
  });

  it('when the target is in absolute form for another host, then it is refused with 400', async () => {
    for (const target of ['http://evil.example/en/', 'https://evil.example/en', 'http://evil.example']) {
      const r = await get(target);
      expect(r.status, target).toBe(400);
      expect(r.headers.location, target).toBeUndefined();
    }
  });

  it('when the target is in absolute form for this host, then it is served as its path', async () => {
    const host = `127.0.0.1:${server.port}`;
    const home = await get(`http://${host}/en/`);
    expect(home.status).toBe(200);
    expect(home.body).toContain('<html');
    const slash = await get(`http://${host}/en/docker-in-ten-minutes/`);
    expect(slash.status).toBe(301);
    expect(slash.headers.location).toBe('/en/docker-in-ten-minutes');
    const bare = await get(`http://${host}/en`);
    expect(bare.headers.location).toBe('/en/');
  });

  it('when slashes or escaped slashes are doubled, then the Location is still one path on this site', async () => {
    const collapsed = await get('//evil.example/');
    expect(collapsed.status).toBe(301);
    expect(collapsed.headers.location).toBe('/evil.example');
    for (const target of ['/%2F%2Fevil.example/', '/%5Cevil.example/', '/en/%2F%2Fevil.example']) {
      const r = await get(target);
      expect(r.status, target).toBe(404);
      expect(r.headers.location, target).toBeUndefined();
    }
  });

  it('for every combination of hostile prefixes, a redirect points at this site only', async () => {
    const prefixes = ['/', '//', '///', '/\\', '\\', '/%5C', '/%2F', '/./', '/../', 'http://evil.example/'];
    const middles = ['evil.example', 'EN', 'en/', 'en//evil.example', ''];
    const suffixes = ['', '/', '?next=//evil.example', '?q=a\\b'];
    let redirects = 0;
    for (const p of prefixes)
      for (const m of middles)
        for (const s of suffixes) {
          const target = `${p}${m}${s}`;
          const r = await get(target);
          expect(r.status, target).not.toBe(500);
          if (r.status >= 300 && r.status < 400) {
            redirects++;
            expect(r.headers.location, target).toMatch(SAME_SITE);
          }
        }
    // The rule above is only meaningful if some of these really are redirects (trailing slashes, case).
    expect(redirects).toBeGreaterThan(10);
  });
});

describe('percent-escapes and paths that cannot be pages', () => {
  it('when a language path holds escaped markup, then the 404 page answers at once, escapes untouched', async () => {
    for (const target of ['/en/%3Cimg%20src%3Dx%3E', '/EN/%3Cimg%20src%3Dx%3E', '/en/%3Cscript%3E/']) {
      const r = await get(target);
      expect(r.status, target).toBe(404);
      expect(r.headers.location, target).toBeUndefined();
      expect(r.body, target).toContain('type="search"');
    }
  });

  it('when only the case of a page path is off, then it answers 301 to the lower-case path', async () => {
    const r = await get('/EN/Docker-In-Ten-Minutes');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/en/docker-in-ten-minutes');
  });

  it('when a Unicode path differs only in case, then the Location keeps it percent-encoded in UTF-8', async () => {
    const r = await get('/EN/tag/%D0%9F%D0%A0%D0%98%D0%92%D0%95%D0%A2');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/en/tag/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82');
  });

  it('when a path differs only in how it is escaped, then it is not redirected', async () => {
    // Lower-case hex is the same path as upper-case hex: a redirect between them would loop through caches.
    const r = await get('/en/tag/%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82');
    expect(r.status).toBe(404);
    expect(r.headers.location).toBeUndefined();
    expect(r.body).toContain('type="search"');
  });
});
