// Sends a finished body with a strong ETag, Last-Modified, 304s and gzip/brotli; the same code serves the
// page cache's fast path, so cached and freshly rendered responses carry identical headers.
import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { decideRange, ifRangeHolds } from './byte-range.js';

export interface PreparedResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  etag: string;
  lastModified: number;
  gzip?: Buffer;
  br?: Buffer;
}

const MIN_COMPRESS = 1024;
const DROP = new Set([
  'content-length',
  'content-encoding',
  'etag',
  'last-modified',
  'vary',
  'date',
  'connection',
  'transfer-encoding',
  'set-cookie',
]);

export function strongEtag(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Freezes what the response would send: headers already set on `res` (security, cache profile) plus validators. */
export function prepareResponse(
  res: ServerResponse,
  body: string | Buffer,
  contentType: string,
  lastModified: number,
  status = 200,
): PreparedResponse {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  const headers: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(res.getHeaders())) if (!DROP.has(k) && v !== undefined) headers[k] = v;
  headers['content-type'] = contentType;
  const etag = strongEtag(buf);
  headers.etag = etag;
  const lm = Math.floor(Math.max(0, lastModified) / 1000) * 1000;
  headers['last-modified'] = new Date(lm).toUTCString();
  return { status, headers, body: buf, etag, lastModified: lm };
}

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === etag || v === `W/${etag}`;
  });
}

export function isFresh(req: IncomingMessage, p: PreparedResponse): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return etagMatches(inm, p.etag);
  const ims = req.headers['if-modified-since'];
  if (ims !== undefined) {
    const t = Date.parse(ims);
    return Number.isFinite(t) && p.lastModified <= t;
  }
  return false;
}

const COMPRESSIBLE =
  /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|feed\+json|javascript|manifest\+json))/;

function compressible(p: PreparedResponse): boolean {
  return p.body.length >= MIN_COMPRESS && COMPRESSIBLE.test(String(p.headers['content-type']));
}

function pickEncoding(req: IncomingMessage, p: PreparedResponse): 'br' | 'gzip' | null {
  if (!compressible(p)) return null;
  const ae = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(ae)) return 'br';
  if (/\bgzip\b/.test(ae)) return 'gzip';
  return null;
}

export function deliver(req: IncomingMessage, res: ServerResponse, p: PreparedResponse): void {
  const vary = compressible(p) ? { vary: 'Accept-Encoding' } : {};
  if (p.status === 200 && isFresh(req, p)) {
    const keep: OutgoingHttpHeaders = { etag: p.etag, 'last-modified': p.headers['last-modified'], ...vary };
    if (p.headers['cache-control']) keep['cache-control'] = p.headers['cache-control'];
    res.writeHead(304, keep);
    res.end();
    return;
  }
  if (p.status === 200 && req.headers.range !== undefined && deliverRange(req, res, p, vary)) return;
  const encoding = pickEncoding(req, p);
  let body = p.body;
  if (encoding === 'br')
    body = p.br ??= brotliCompressSync(p.body, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 5,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: p.body.length,
      },
    });
  else if (encoding === 'gzip') body = p.gzip ??= gzipSync(p.body, { level: 6 });
  res.writeHead(p.status, {
    ...p.headers,
    ...vary,
    ...(encoding ? { 'content-encoding': encoding } : {}),
    ...(p.status === 200 ? { 'accept-ranges': 'bytes' } : {}),
    'content-length': body.length,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A Range request answered from the identity body: 206 or 416; false when the whole body is sent instead. */
function deliverRange(
  req: IncomingMessage,
  res: ServerResponse,
  p: PreparedResponse,
  vary: OutgoingHttpHeaders,
): boolean {
  const lastModified = String(p.headers['last-modified'] ?? '');
  const ifRange = req.headers['if-range'];
  if (!ifRangeHolds(typeof ifRange === 'string' ? ifRange : undefined, p.etag, lastModified)) return false;
  const size = p.body.length;
  const range = decideRange(req.headers.range, size);
  if (range.kind === 'full') return false;
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { 'content-range': `bytes */${size}`, 'content-length': 0, 'accept-ranges': 'bytes' });
    res.end();
    return true;
  }
  const part = p.body.subarray(range.start, range.end + 1);
  res.writeHead(206, {
    ...p.headers,
    ...vary,
    'accept-ranges': 'bytes',
    'content-range': `bytes ${range.start}-${range.end}/${size}`,
    'content-length': part.length,
  });
  res.end(req.method === 'HEAD' ? undefined : part);
  return true;
}
