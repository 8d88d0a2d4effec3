// Every route fed random bytes in path, query, headers and form bodies: never a 5xx, never a stack trace or a
// server path in what comes back. Seeded: set FUZZ_SEED to replay a failure.
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { createTestSite, type TestSite } from '../helpers/site.js';

const CASES = 2_000;
const PARALLEL = 8;
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_124);

/** mulberry32: small, fast and the same everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = ReturnType<typeof prng>;

/** Percent-encodes UTF-8 bytes (lone surrogates included, as a browser would send U+FFFD). */
function enc(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'), (b) =>
    /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
      ? String.fromCharCode(b)
      : `%${b.toString(16).padStart(2, '0')}`,
  ).join('');
}
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, list: readonly T[]): T => list[int(r, list.length)] as T;

const ROUTES = [
  '/',
  '/en/',
  '/fr/',
  '/en/sql-joins-explained',
  '/en/sql-joins-explained/',
  '/fr/qu-est-ce-qu-un-data-engineer',
  '/en/category/data-engineering',
  '/en/category/data-engineering/page/2',
  '/en/tag/sql',
  '/en/tag/sql/page/1',
  '/en/author/amara-okafor',
  '/en/search',
  '/en/courses',
  '/en/courses/data-ai',
  '/en/courses/data-ai/data-engineer',
  '/en/courses/data-ai/data-engineer/thanks',
  '/en/courses/data-ai/data-engineer/enquiry',
  '/feed.xml',
  '/en/feed.xml',
  '/en/category/data-engineering/feed.xml',
  '/sitemap.xml',
  '/robots.txt',
  '/healthz',
  '/wp-json/wp/v2/posts',
  '/wp-json/wp/v2/posts/1',
  '/wp-json/wp/v2/categories',
  '/wp-json/wp/v2/tags',
  '/wp-json/wp/v2/users',
  '/css/site.css',
  '/assets/site.css',
  '/favicon.ico',
] as const;

const NASTY_SEGMENTS = [
  '%',
  '%%',
  '%zz',
  '%E0%A4%A',
  '%C0%AE%C0%AE',
  '%00',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..',
  '../../etc/passwd',
  '..%5c..%5cwindows',
  '%252e%252e',
  '\u00e9t\u00e9',
  '\u{1F600}',
  '\u202e\u0000\u200b',
  '%F0%9F%98',
  '%ff%fe',
  'a'.repeat(300),
  'con',
  'index.php?',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  "'; DROP TABLE articles; --",
  '${7*7}',
  '<%= process.env %>',
];

const FTS = [
  '"',
  '""',
  '"unterminated',
  '*',
  'sql*',
  '*sql',
  'NEAR(sql join)',
  'NEAR(a b, -1)',
  'a NEAR/3 b',
  '^sql',
  '(',
  '((sql)',
  'sql)',
  'AND',
  'OR OR OR',
  'NOT',
  'sql NOT',
  'title:sql',
  'nosuchcolumn:sql',
  '{title body}: sql',
  '-sql',
  '+',
  'sql AND (join OR',
  '\u0000',
  '\\',
  "'",
  '%',
  'x'.repeat(5_000),
];

const PARAMS = [
  'q',
  'page',
  'per_page',
  'slug',
  'categories',
  'search',
  'from',
  'orderby',
  'order',
  '_fields',
  'lang',
];

function randomBytes(r: Rand, n: number, pool: 'any' | 'printable' | 'latin1' = 'any'): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++)
    b[i] = pool === 'printable' ? 0x20 + int(r, 0x5f) : pool === 'latin1' ? 0x20 + int(r, 0xe0) : int(r, 256);
  return b;
}

function randomText(r: Rand): string {
  switch (int(r, 8)) {
    case 0:
      return pick(r, NASTY_SEGMENTS);
    case 1:
      return pick(r, FTS);
    case 2:
      return String(pick(r, [-1, 0, 1, 2, 99999, 1e21, 0.5, NaN, Infinity]));
    case 3:
      return enc(randomBytes(r, 1 + int(r, 40), 'latin1').toString('latin1'));
    case 4:
      return randomBytes(r, 1 + int(r, 20), 'printable').toString('latin1');
    case 5:
      return '\u{1F600}\u00e9\u4e2d\u0627'.slice(0, 1 + int(r, 6));
    case 6:
      return '';
    default:
      return Array.from(randomBytes(r, 1 + int(r, 12)), (x) => `%${x.toString(16).padStart(2, '0')}`).join(
        '',
      );
  }
}

/** A path: a real route, often with one segment replaced or mangled. */
function randomPath(r: Rand): Buffer {
  let path = pick(r, ROUTES) as string;
  const roll = r();
  if (roll < 0.35) {
    const parts = path.split('/');
    const i = 1 + int(r, Math.max(1, parts.length - 1));
    const segment = randomText(r);
    parts[i] = r() < 0.6 ? enc(segment) : segment;
    path = parts.join('/');
  } else if (roll < 0.45) path += '/' + enc(randomText(r));
  else if (roll < 0.5) path = '/' + 'x'.repeat(int(r, 2) ? 9_000 : 70_000);
  else if (roll < 0.55) path = path.replace(/\//g, () => pick(r, ['/', '//', '\\', '/./', '/%2f']));
  const bytes = Buffer.from(path, 'utf8');
  // Raw bytes where a client would have escaped them: NUL, spaces, controls, high bytes.
  if (r() < 0.05) return Buffer.concat([bytes, randomBytes(r, 1 + int(r, 8))]);
  return bytes;
}

function randomQuery(r: Rand): string {
  if (r() < 0.35) return '';
  const roll = r();
  if (roll < 0.05) return '?q=' + 'a'.repeat(10_240);
  if (roll < 0.1) return '?q=a&q=b&q=' + enc(pick(r, FTS));
  if (roll < 0.15) return '?page[]=1&page[x]=2&q[]=sql';
  const n = 1 + int(r, 4);
  const pairs: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = r() < 0.8 ? pick(r, PARAMS) : randomText(r);
    const raw = r() < 0.5 ? pick(r, FTS) : randomText(r);
    pairs.push(`${r() < 0.9 ? enc(key) : key}=${r() < 0.9 ? enc(raw) : raw}`);
  }
  return '?' + pairs.join('&');
}

const HEADER_NAMES = [
  'Accept-Encoding',
  'If-None-Match',
  'If-Modified-Since',
  'Range',
  'Accept',
  'Accept-Language',
  'Cookie',
  'X-Forwarded-For',
  'X-Forwarded-Proto',
  'X-Forwarded-Host',
  'Origin',
  'Sec-Fetch-Site',
  'Referer',
  'User-Agent',
  'Content-Type',
];

function randomHeaderValue(r: Rand, name: string): Buffer {
  const typical: Record<string, string[]> = {
    'Accept-Encoding': ['gzip', 'br', 'gzip, br', 'identity', '*', 'deflate;q=0', 'br;q=1.0, gzip;q=0.8'],
    'If-None-Match': ['*', '"abc"', 'W/"x", "y"', '"'],
    'If-Modified-Since': ['Thu, 01 Jan 1970 00:00:00 GMT', 'yesterday', 'Fri, 31 Dec 9999 23:59:59 GMT'],
    Range: ['bytes=0-10', 'bytes=-1', 'bytes=9999999-', 'bytes=5-1', 'lines=1-2'],
    'X-Forwarded-For': ['1.2.3.4', 'unknown', '::1, 10.0.0.1', '999.999.999.999', ''],
    Origin: ['null', 'http://evil.example', 'http://localhost:3000', 'not a url'],
    'Sec-Fetch-Site': ['cross-site', 'same-origin', 'none', 'same-site'],
    'Content-Type': [
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=koi8-r',
      'application/json',
      'multipart/form-data; boundary=x',
      'text/plain',
    ],
  };
  const list = typical[name];
  const roll = r();
  if (list && roll < 0.6) return Buffer.from(pick(r, list));
  if (roll < 0.9) return randomBytes(r, 1 + int(r, 200), 'printable');
  // Any byte at all: controls, NUL and CR/LF included (the parser must refuse those with a 400).
  return roll < 0.96 ? randomBytes(r, 1 + int(r, 100), 'latin1') : randomBytes(r, 1 + int(r, 50));
}

const FORM_FIELDS = [
  'name',
  'email',
  'phone',
  'format',
  'message',
  'consent',
  'website',
  'from',
  'idempotency_key',
  'form_token',
];

function randomBody(r: Rand, valid: { key: string; token: string }): Buffer {
  const roll = r();
  if (roll < 0.1) return randomBytes(r, int(r, 2_000));
  if (roll < 0.15) return Buffer.from('name=' + 'x'.repeat(30_000));
  if (roll < 0.2) return Buffer.from('{"name": "json", "email": [1,2]}');
  if (roll < 0.25) return Buffer.from('%%%&&&===&name=%E0%A4%A&email=%');
  const fields: string[] = [];
  const good: Record<string, string> = {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    format: 'not-sure',
    message: 'I would like to know more about the next start date.',
    consent: 'yes',
    idempotency_key: valid.key,
    form_token: valid.token,
  };
  for (const f of FORM_FIELDS) {
    if (r() < 0.2) continue;
    const value = r() < 0.5 && good[f] !== undefined ? good[f] : randomText(r);
    fields.push(`${f}=${r() < 0.7 ? enc(value) : value}`);
    if (r() < 0.1) fields.push(`${f}=${enc(randomText(r))}`);
  }
  return Buffer.from(fields.join('&'));
}

interface Case {
  request: Buffer;
  method: string;
}

function randomCase(r: Rand, host: string, valid: { key: string; token: string }): Case {
  const method =
    r() < 0.85
      ? pick(r, ['GET', 'GET', 'GET', 'GET', 'HEAD', 'POST', 'POST'])
      : pick(r, ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'BREW']);
  // Half the form posts go to the enquiry route, so validation and storage see hostile input too.
  const path =
    method === 'POST' && r() < 0.5 ? Buffer.from('/en/courses/data-ai/data-engineer/enquiry') : randomPath(r);
  const target = Buffer.concat([path, Buffer.from(randomQuery(r), 'latin1')]);
  const headers: Buffer[] = [
    Buffer.from(`Host: ${r() < 0.95 ? host : randomText(r)}`),
    Buffer.from('Connection: close'),
  ];
  for (let i = int(r, 4); i > 0; i--) {
    const name =
      r() < 0.9
        ? pick(r, HEADER_NAMES)
        : `X-${randomBytes(r, 6, 'printable')
            .toString('latin1')
            .replace(/[^A-Za-z]/g, 'a')}`;
    headers.push(Buffer.concat([Buffer.from(`${name}: `), randomHeaderValue(r, name)]));
  }
  let body: Buffer = Buffer.alloc(0);
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    body = randomBody(r, valid);
    if (!headers.some((h) => h.toString('latin1').startsWith('Content-Type')))
      headers.push(Buffer.from('Content-Type: application/x-www-form-urlencoded'));
    headers.push(Buffer.from(`Content-Length: ${body.length}`));
  }
  const request = Buffer.concat([
    Buffer.from(`${method} `),
    target,
    Buffer.from(' HTTP/1.1\r\n'),
    ...headers.flatMap((h) => [h, Buffer.from('\r\n')]),
    Buffer.from('\r\n'),
    body,
  ]);
  return { request, method };
}

interface Raw {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

function dechunk(b: Buffer): Buffer {
  const out: Buffer[] = [];
  let i = 0;
  while (i < b.length) {
    const eol = b.indexOf('\r\n', i);
    if (eol < 0) break;
    const size = parseInt(b.subarray(i, eol).toString('latin1'), 16);
    if (!size) break;
    out.push(b.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

function parseResponse(raw: Buffer): Raw {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw
    .subarray(0, split < 0 ? raw.length : split)
    .toString('latin1')
    .split('\r\n');
  const headers = new Map<string, string>();
  for (const line of head.slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  let body = split < 0 ? Buffer.alloc(0) : raw.subarray(split + 4);
  if (headers.get('transfer-encoding') === 'chunked') body = dechunk(body);
  const encoding = headers.get('content-encoding');
  if (body.length > 0) {
    if (encoding === 'gzip') body = gunzipSync(body);
    else if (encoding === 'br') body = brotliDecompressSync(body);
    else if (encoding === 'deflate') body = inflateSync(body);
  }
  return { status: Number(head[0]?.split(' ')[1] ?? 0), headers, body };
}

function send(port: number, request: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error('no response within 10 s')), 10_000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    // The server may close on a bad request before reading it all; what it answered is what counts.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    // No half-close: Node drops the answer to a request whose client has already sent FIN.
    socket.write(request);
  });
}

let site: TestSite;
let server: Server;
let port: number;
beforeAll(async () => {
  site = await createTestSite({ env: { ENQUIRY_RATE_LIMIT: '10000' } });
  server = createServer(site.folio.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await site.close();
});

describe('fuzzing every route', () => {
  it(`when ${CASES} random requests arrive (seed ${SEED}), then none gets a 5xx, a stack trace or a path`, async () => {
    // A real form token and key, so some submissions get past the token to validation and storage.
    const page = await site.http.get('/en/courses/data-ai/data-engineer');
    expect(page.status).toBe(200);
    const valid = {
      token: /name="form_token" value="([^"]+)"/.exec(page.text)?.[1] ?? '',
      key: /name="idempotency_key" value="([^"]+)"/.exec(page.text)?.[1] ?? '',
    };
    expect(valid.token).not.toBe('');

    const r = prng(SEED);
    const cases = Array.from({ length: CASES }, () => randomCase(r, `127.0.0.1:${port}`, valid));
    const leaks = [
      /\n\s+at [^\n]+[(:]\d+/,
      /\bat (Object|Module|Layer|Router|Function)\./,
      /node_modules/,
      /(TypeError|RangeError|SyntaxError|ReferenceError|SqliteError)\b/,
      /SQLITE_[A-Z]+/,
      /fts5: /,
      /ENOENT|EACCES|EISDIR/,
      new RegExp(projectRoot.replace(/\/$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      new RegExp(site.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      /\/work\//,
    ];
    const failures: string[] = [];
    const statuses = new Map<number | string, number>();
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const i = next++;
        const c = cases[i] as Case;
        const res = parseResponse(await send(port, c.request));
        const kind = res.status === 400 && res.body.length === 0 ? 'parser 400' : res.status;
        statuses.set(kind, (statuses.get(kind) ?? 0) + 1);
        const text = res.body.toString('utf8');
        const leak = leaks.find((re) => re.test(text));
        if (res.status < 200 || res.status >= 500 || leak) {
          const shown = JSON.stringify(c.request.subarray(0, 300).toString('latin1'));
          failures.push(
            `FUZZ_SEED=${SEED} case ${i}: ${res.status}${leak ? ` leaks ${String(leak)}` : ''}\n  request: ${shown}\n  body: ${JSON.stringify(text.slice(0, 300))}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    expect(failures.slice(0, 5).join('\n'), `${failures.length} failures`).toBe('');
    // The fuzzer reached the pages, not only the parser's 400s: plenty of 200s, 404s and 4xx of each kind.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(CASES / 10);
    expect(statuses.get(404) ?? 0).toBeGreaterThan(CASES / 20);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    expect(statuses.get('parser 400') ?? 0).toBeGreaterThan(0);
    // Some hostile form posts got through the token to validation (422) or storage (303).
    expect((statuses.get(422) ?? 0) + (statuses.get(303) ?? 0)).toBeGreaterThan(0);
  }, 120_000);

  it('when odd methods arrive, then they get 404 or 405, never a 5xx', async () => {
    for (const method of ['put', 'delete', 'patch', 'options'] as const) {
      for (const path of [
        '/en/',
        '/en/sql-joins-explained',
        '/en/courses/data-ai/data-engineer/enquiry',
        '/healthz',
      ]) {
        const res = await site.http[method](path);
        expect([200, 204, 404, 405], `${method} ${path}`).toContain(res.status);
        if (method !== 'options') expect([404, 405], `${method} ${path}`).toContain(res.status);
      }
    }
  });
});
