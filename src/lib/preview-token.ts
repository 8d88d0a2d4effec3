// Signed, expiring preview tokens for draft and scheduled articles. Pure: the secret and the clock are
// passed in. A token is `<expiry>.<signature>`: the expiry in Unix seconds (decimal) and an HMAC-SHA256,
// base64url, over the language, the slug and that expiry. The slug and language travel in the URL
// itself, so a token made for one article proves nothing about another.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface PreviewTarget {
  lang: string;
  slug: string;
}

/** Longest accepted token: an expiry of up to 12 digits, a dot and a 43-character signature. */
const TOKEN = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

function signature(target: PreviewTarget, expiresAt: number, secret: string): Buffer {
  // NUL separators: no slug or language holds one, so ("a", "bc") and ("ab", "c") sign differently.
  return createHmac('sha256', secret).update(`${target.lang}\0${target.slug}\0${expiresAt}`).digest();
}

/** A token for `target` valid until `expiresAtMs` (rounded down to the second). */
export function signPreview(target: PreviewTarget, expiresAtMs: number, secret: string): string {
  const expiresAt = Math.floor(expiresAtMs / 1000);
  return `${expiresAt}.${signature(target, expiresAt, secret).toString('base64url')}`;
}

/**
 * The token's expiry in ms when it was signed with `secret` for `target` and has not expired at `nowMs`;
 * otherwise null. Any input (an array from a repeated query parameter, a number, a huge string) is
 * answered, never thrown on.
 */
export function verifyPreview(
  token: unknown,
  target: PreviewTarget,
  secret: string,
  nowMs: number,
): number | null {
  if (typeof token !== 'string' || secret === '') return null;
  const match = TOKEN.exec(token);
  if (!match) return null;
  const expiresAt = Number(match[1]);
  // Compared as text, so only the one canonical spelling of the signature is accepted.
  const given = Buffer.from(match[2] ?? '');
  const expected = Buffer.from(signature(target, expiresAt, secret).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAtMs = expiresAt * 1000;
  return nowMs < expiresAtMs ? expiresAtMs : null;
}
