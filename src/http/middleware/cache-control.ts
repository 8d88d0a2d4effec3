// Named cache profiles: one place decides how long browsers and shared caches (nginx, a CDN) keep each kind of response.
import type { Response } from 'express';

export const CACHE_PROFILES = {
  /** HTML pages: browsers revalidate after a minute, shared caches keep 5 minutes and may serve stale while refreshing. */
  page: 'public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400',
  /** Feeds, sitemaps and the JSON API. */
  feed: 'public, max-age=300, s-maxage=600, stale-while-revalidate=3600',
  /** Fingerprinted assets: the URL changes when the file does. */
  immutable: 'public, max-age=31536000, immutable',
  /** Files in public/ without a fingerprint (images, favicon). */
  static: 'public, max-age=3600, stale-while-revalidate=86400',
  /** Draft previews: for the one person holding the link, never kept by a browser or a shared cache. */
  preview: 'private, no-store',
  /** Per-visitor or error responses. */
  none: 'no-store',
  /** Short-lived pages such as search results and errors. */
  short: 'public, max-age=30, s-maxage=60',
} as const;

export type CacheProfile = keyof typeof CACHE_PROFILES;

/**
 * The page profile with the shared-cache lifetime an operator chose (PAGE_S_MAXAGE, 300 s by default): how
 * long after a re-index nginx or a CDN may still serve the old page. Browsers never keep it longer.
 */
export function pageProfile(sharedMaxAge: number): string {
  if (sharedMaxAge === 300) return CACHE_PROFILES.page;
  return `public, max-age=${Math.min(60, sharedMaxAge)}, s-maxage=${sharedMaxAge}, stale-while-revalidate=600, stale-if-error=86400`;
}

export function cacheControl(res: Response, profile: CacheProfile): void {
  res.setHeader('Cache-Control', CACHE_PROFILES[profile]);
}
