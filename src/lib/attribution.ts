// Attribution values as they arrive from readers (query strings, a Referer header, hidden form fields):
// each one checked, capped and reduced to what the report needs. Nothing here identifies a person.

export const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;
export type UtmKey = (typeof UTM_KEYS)[number];
export type Utm = Record<UtmKey, string | null>;

/** Longest UTM value kept; campaign names are short, anything longer is a pasted URL or noise. */
export const UTM_MAX = 100;

/** `inline-1` … `inline-99` (the article's ::cta blocks in order) or `after-article` (the `cta:` block). */
const CTA_RE = /^(inline-[1-9][0-9]?|after-article)$/;

// C0 and C1 controls, DEL, and the bidi overrides that can make a value read differently than it is.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function first(raw: unknown): unknown {
  return Array.isArray(raw) ? (raw as unknown[])[0] : raw;
}

export function ctaOrNull(raw: unknown): string | null {
  const v = first(raw);
  return typeof v === 'string' && CTA_RE.test(v) ? v : null;
}

export function inlineCta(position: number): string {
  return `inline-${position}`;
}
export const AFTER_ARTICLE = 'after-article';

function utmValue(raw: unknown): string | null {
  const v = first(raw);
  if (typeof v !== 'string') return null;
  const clean = v.replace(CONTROL, '').trim().slice(0, UTM_MAX).trim();
  return clean === '' ? null : clean;
}

/** The five UTM parameters from a query string or form body; null when none is present. */
export function utmFrom(source: Readonly<Record<string, unknown>>): Utm | null {
  const out = {} as Utm;
  let any = false;
  for (const key of UTM_KEYS) {
    out[key] = utmValue(source[key]);
    if (out[key] !== null) any = true;
  }
  return any ? out : null;
}

const HOST_RE = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A host name as a referrer host may be: DNS letters only, at least one dot, never an IP address. */
export function hostOrNull(raw: unknown): string | null {
  const v = first(raw);
  if (typeof v !== 'string') return null;
  const host = v.trim().toLowerCase();
  return HOST_RE.test(host) && !/^[0-9.]+$/.test(host) ? host : null;
}

/**
 * The host of a Referer header, when it is another site: the path, query and any credentials are dropped
 * here and never stored. The site's own host says nothing the article attribution does not.
 */
export function referrerHost(referer: string | undefined, ownHosts: readonly string[]): string | null {
  if (!referer) return null;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = hostOrNull(url.hostname);
  return host !== null && !isOwnHost(host, ownHosts) ? host : null;
}

/** Whether `host` is one of the site's own (Host header or base URL; ports ignored). */
export function isOwnHost(host: string, ownHosts: readonly string[]): boolean {
  return ownHosts.some((h) => h.toLowerCase().replace(/:\d+$/, '') === host);
}
