// Sitemaps per sitemaps.org 0.9 with Google's image and hreflang extensions: one <urlset> while the site fits,
// otherwise a <sitemapindex> over parts split by type, each within the URL-count and byte limits.
import { escapeHtml } from '../../lib/html.js';
import { w3cDate, xmlSafe } from './xml-text.js';

export const SITEMAP_TYPES = ['pages', 'articles', 'categories', 'tags', 'authors'] as const;
export type SitemapType = (typeof SITEMAP_TYPES)[number];

export interface SitemapUrl {
  loc: string;
  lastmod: number | null;
  images?: readonly string[];
  /** hreflang alternates, including the page itself (search engines want the self-reference). */
  alternates?: readonly { lang: string; href: string }[];
}

export interface SitemapLimits {
  maxUrls: number;
  maxBytes: number;
}

/** sitemaps.org's limits for one file. */
export const SITEMAP_LIMITS: SitemapLimits = { maxUrls: 50_000, maxBytes: 50 * 1024 * 1024 };

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const URLSET_OPEN =
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';
const URLSET_CLOSE = '</urlset>\n';
const INDEX_OPEN = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
const INDEX_CLOSE = '</sitemapindex>\n';

const x = (text: string) => escapeHtml(xmlSafe(text));

/** Percent-encodes what a URL may not contain raw (spaces, non-ASCII), as the protocol asks. */
export function encodeLoc(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return encodeURI(url);
  }
}

export function urlEntry(u: SitemapUrl): string {
  let out = `<url><loc>${x(encodeLoc(u.loc))}</loc>`;
  if (u.lastmod !== null && u.lastmod > 0) out += `<lastmod>${w3cDate(u.lastmod)}</lastmod>`;
  for (const img of u.images ?? [])
    out += `<image:image><image:loc>${x(encodeLoc(img))}</image:loc></image:image>`;
  for (const alt of u.alternates ?? [])
    out += `<xhtml:link rel="alternate" hreflang="${x(alt.lang)}" href="${x(encodeLoc(alt.href))}"/>`;
  return `${out}</url>\n`;
}

export function renderUrlset(entries: readonly string[]): string {
  return HEAD + URLSET_OPEN + entries.join('') + URLSET_CLOSE;
}

export function renderIndex(parts: readonly { loc: string; lastmod: number | null }[]): string {
  const body = parts
    .map(
      (p) =>
        `<sitemap><loc>${x(p.loc)}</loc>${p.lastmod ? `<lastmod>${w3cDate(p.lastmod)}</lastmod>` : ''}</sitemap>\n`,
    )
    .join('');
  return HEAD + INDEX_OPEN + body + INDEX_CLOSE;
}

export interface SitemapPart {
  type: SitemapType;
  /** 1-based number within its type. */
  n: number;
  entries: string[];
  bytes: number;
  lastmod: number | null;
}

/** Splits one type's URLs into parts that each respect the limits (the envelope counted in). */
export function splitParts(
  type: SitemapType,
  urls: readonly SitemapUrl[],
  limits: SitemapLimits,
): SitemapPart[] {
  const room = limits.maxBytes - Buffer.byteLength(HEAD + URLSET_OPEN + URLSET_CLOSE);
  const parts: SitemapPart[] = [];
  let current: SitemapPart | null = null;
  for (const u of urls) {
    const entry = urlEntry(u);
    const size = Buffer.byteLength(entry);
    if (!current || current.entries.length >= limits.maxUrls || current.bytes + size > room) {
      current = { type, n: parts.length + 1, entries: [], bytes: 0, lastmod: null };
      parts.push(current);
    }
    current.entries.push(entry);
    current.bytes += size;
    if (u.lastmod !== null && u.lastmod > (current.lastmod ?? 0)) current.lastmod = u.lastmod;
  }
  return parts;
}

export type SitemapPlan = { kind: 'single'; xml: string } | { kind: 'index'; parts: SitemapPart[] };

/** One urlset when everything fits in a single file; otherwise parts per type behind an index. */
export function planSitemap(
  byType: ReadonlyMap<SitemapType, readonly SitemapUrl[]>,
  limits: SitemapLimits,
): SitemapPlan {
  const parts = SITEMAP_TYPES.flatMap((t) => splitParts(t, byType.get(t) ?? [], limits));
  const total = parts.reduce((n, p) => n + p.entries.length, 0);
  const bytes = parts.reduce((n, p) => n + p.bytes, 0);
  const room = limits.maxBytes - Buffer.byteLength(HEAD + URLSET_OPEN + URLSET_CLOSE);
  if (total <= limits.maxUrls && bytes <= room)
    return { kind: 'single', xml: renderUrlset(parts.flatMap((p) => p.entries)) };
  return { kind: 'index', parts };
}
