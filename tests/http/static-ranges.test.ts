// Static files answer byte ranges as RFC 9110 says: 206 for one range, suffix ranges, 416 past the end,
// If-Range with a stale validator gets the whole file, and many ranges cannot multiply the bytes sent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { createTestSite, type TestSite } from '../helpers/site.js';

let site: TestSite;
let cssUrl: string;
const css = readFileSync(join(projectRoot, 'public/css/site.css'));
beforeAll(async () => {
  site = await createTestSite({ now: () => Date.parse('2026-01-15T12:00:00Z') });
  const home = await site.http.get('/en/');
  const href = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(home.text)?.[1];
  if (!href) throw new Error('the home page links no fingerprinted stylesheet');
  cssUrl = href;
});
afterAll(async () => site.close());

const bytes = (res: { body: unknown; text?: string }) =>
  Buffer.isBuffer(res.body) ? res.body : Buffer.from(res.text ?? '');
const raw = (url: string) =>
  site.http
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

describe('a fingerprinted asset', () => {
  it('when the whole file is asked for, then it says it accepts ranges', async () => {
    const r = await raw(cssUrl).set('Accept-Encoding', 'identity');
    expect(r.status).toBe(200);
    expect(r.headers['accept-ranges']).toBe('bytes');
    expect(bytes(r).equals(css)).toBe(true);
  });

  it('when one range is asked for, then 206 carries exactly those bytes and a Content-Range', async () => {
    const r = await raw(cssUrl).set('Range', 'bytes=0-9').set('Accept-Encoding', 'gzip, br');
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe(`bytes 0-9/${css.length}`);
    expect(r.headers['content-length']).toBe('10');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(bytes(r).equals(css.subarray(0, 10))).toBe(true);
  });

  it('when a suffix range is asked for, then the last bytes come back', async () => {
    const r = await raw(cssUrl).set('Range', 'bytes=-16');
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe(`bytes ${css.length - 16}-${css.length - 1}/${css.length}`);
    expect(bytes(r).equals(css.subarray(css.length - 16))).toBe(true);
  });

  it('when an open range runs past the end, then it stops at the last byte', async () => {
    const r = await raw(cssUrl).set('Range', `bytes=${css.length - 5}-`);
    expect(r.status).toBe(206);
    expect(bytes(r).equals(css.subarray(css.length - 5))).toBe(true);
  });

  it('when the range starts past the end, then 416 names the length', async () => {
    const r = await raw(cssUrl).set('Range', `bytes=${css.length + 10}-${css.length + 20}`);
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe(`bytes */${css.length}`);
  });

  it('when If-Range holds a stale validator, then the whole file is sent with 200', async () => {
    const stale = await raw(cssUrl).set('Range', 'bytes=0-9').set('If-Range', '"not-this-version"');
    expect(stale.status).toBe(200);
    expect(bytes(stale).length).toBe(css.length);
    const etag = (await raw(cssUrl)).headers.etag as string;
    const fresh = await raw(cssUrl).set('Range', 'bytes=0-9').set('If-Range', etag);
    expect(fresh.status).toBe(206);
  });

  it('when many overlapping ranges are asked for, then no byte is sent twice', async () => {
    const many = Array.from({ length: 200 }, () => '0-99').join(',');
    const r = await raw(cssUrl).set('Range', `bytes=${many}`);
    expect(r.status).toBe(206);
    expect(bytes(r).length).toBe(100);
    const disjoint = await raw(cssUrl)
      .set('Range', 'bytes=0-1,10-11,20-21')
      .set('Accept-Encoding', 'identity');
    expect([200, 206]).toContain(disjoint.status);
    expect(bytes(disjoint).length).toBeLessThanOrEqual(css.length);
  });

  it('when the Range header is malformed, then it is ignored and the file is sent whole', async () => {
    for (const header of ['bytes=abc', 'bytes=9-1', 'items=0-1', 'bytes=']) {
      const r = await raw(cssUrl).set('Range', header).set('Accept-Encoding', 'identity');
      expect(r.status, header).toBe(200);
      expect(bytes(r).equals(css), header).toBe(true);
    }
  });
});

describe('a file from public/', () => {
  it('when one range is asked for, then 206 carries those bytes', async () => {
    const svg = readFileSync(join(projectRoot, 'public/favicon.svg'));
    const r = await raw('/favicon.svg').set('Range', 'bytes=0-4');
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe(`bytes 0-4/${svg.length}`);
    expect(bytes(r).equals(svg.subarray(0, 5))).toBe(true);
  });
});
