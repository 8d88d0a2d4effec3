import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchImage, type FetchLimits } from '../../../src/import/media/fetch-image.js';
import { png } from '../../helpers/images.js';

let server: Server;
let base: string;
let image: Buffer;
const hits = new Map<string, number>();
const limits: FetchLimits = { timeoutMs: 1000, maxBytes: 2000, retries: 2, backoffMs: 10 };

beforeAll(async () => {
  image = await png('#123456', 3, 3);
  server = createServer((req, res) => {
    const path = req.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/ok.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(image);
    if (path === '/big-declared.png')
      return res
        .writeHead(200, { 'content-type': 'image/png', 'content-length': 5000 })
        .end(Buffer.alloc(5000));
    if (path === '/big-streamed.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(image);
      return res.end(Buffer.alloc(5000));
    }
    if (path === '/down.png') return res.writeHead(502).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((r) => server.close(r)));

describe('downloading one image', () => {
  it('returns the bytes of a real image', async () => {
    const r = await fetchImage(`${base}/ok.png`, limits);
    expect(r.ok && r.kind).toBe('png');
    expect(r.ok && Buffer.from(r.bytes)).toEqual(image);
  });

  it('refuses an image over the size cap, whether the length is declared or only streamed', async () => {
    expect(await fetchImage(`${base}/big-declared.png`, limits)).toEqual({
      ok: false,
      reason: 'larger than 2 kB',
    });
    expect((await fetchImage(`${base}/big-streamed.png`, limits)).ok).toBe(false);
  });

  it('retries a server error with backoff, then gives up saying how often it tried; a 404 is not retried', async () => {
    expect(await fetchImage(`${base}/down.png`, limits)).toEqual({
      ok: false,
      reason: 'the server answered 502 (3 attempts)',
    });
    expect(hits.get('/down.png')).toBe(3);
    expect(await fetchImage(`${base}/gone.png`, limits)).toEqual({
      ok: false,
      reason: 'the server answered 404',
    });
    expect(hits.get('/gone.png')).toBe(1);
  });

  it('reports a host that cannot be reached as a network failure', async () => {
    const r = await fetchImage('http://127.0.0.1:1/x.png', { ...limits, retries: 0 });
    expect(r).toEqual({ ok: false, reason: 'the server could not be reached (1 attempts)' });
  });
});
