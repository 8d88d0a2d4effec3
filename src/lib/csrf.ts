// Stateless form tokens: an HMAC over the form's scope, its idempotency key and the time it was issued,
// so a page can be cached by shared caches and any replica with the same secret can check a submission.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenCheck = 'valid' | 'invalid' | 'expired';

/** Tokens from clocks this far ahead (another replica) are still accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;

function signature(secret: string, scope: string, key: string, issuedSec: number): string {
  return createHmac('sha256', secret).update(`form|${scope}|${key}|${issuedSec}`).digest('base64url');
}

/** `<issued-at in base-36 seconds>.<signature>`: nothing secret, nothing per visitor. */
export function signFormToken(secret: string, scope: string, key: string, nowMs: number): string {
  const issuedSec = Math.floor(nowMs / 1000);
  return `${issuedSec.toString(36)}.${signature(secret, scope, key, issuedSec)}`;
}

export function verifyFormToken(
  secret: string,
  scope: string,
  key: string,
  token: string,
  nowMs: number,
  ttlMs: number,
): TokenCheck {
  const m = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return 'invalid';
  const issuedSec = parseInt(m[1] ?? '', 36);
  const given = Buffer.from(m[2] ?? '');
  const expected = Buffer.from(signature(secret, scope, key, issuedSec));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  const issuedMs = issuedSec * 1000;
  if (issuedMs > nowMs + CLOCK_SKEW_MS) return 'invalid';
  return nowMs - issuedMs > ttlMs ? 'expired' : 'valid';
}

export interface RequestOrigin {
  /** The Origin header, if the browser sent one. */
  origin: string | undefined;
  /** The Sec-Fetch-Site header, if the browser sent one. */
  secFetchSite: string | undefined;
  /** The Host header the request arrived with. */
  host: string | undefined;
}

/**
 * True when a browser says the request came from another site. Browsers send Origin on every POST and
 * Sec-Fetch-Site on modern ones; clients that send neither (old browsers, scripts) fall back on the token.
 */
export function isCrossSite(req: RequestOrigin, allowedOrigins: readonly string[]): boolean {
  const site = req.secFetchSite?.toLowerCase();
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  if (req.origin === undefined) return false;
  if (req.origin === 'null') return true;
  let originHost: string;
  try {
    const u = new URL(req.origin);
    originHost = u.host;
    if (allowedOrigins.includes(u.origin)) return false;
  } catch {
    return true;
  }
  return req.host === undefined || originHost.toLowerCase() !== req.host.toLowerCase();
}
