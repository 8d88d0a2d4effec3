// One canonical URL per page: collapsed slashes, no trailing slash (except a language home), lowercase
// language paths; everything else answers 301 to the canonical form. Malformed escapes answer 400; a path
// that can never be a page is left to the 404 page, never redirected.
import type { RequestHandler } from 'express';
import { BadRequestError } from '../../errors.js';
import { canonicalOf, encodePath } from '../../lib/urls.js';
import { redirectTo } from '../redirect.js';

/** What a segment of a page path can hold once decoded: letters of any script, digits, ".", "_", "-". */
const PAGE_SEGMENT = /^[\p{L}\p{M}\p{N}._-]*$/u;

/** The decoded segments of a raw path, or null when a segment cannot belong to any page. Throws on bad escapes. */
export function pageSegments(rawPath: string): string[] | null {
  const segments: string[] = [];
  for (const raw of rawPath.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      throw new BadRequestError('The address contains a malformed escape sequence.');
    }
    if (!PAGE_SEGMENT.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

export function canonicalPath(languages: () => readonly string[]): RequestHandler {
  return (req, res, next) => {
    const url = req.originalUrl;
    const q = url.indexOf('?');
    const raw = q === -1 ? url : url.slice(0, q);
    const segments = pageSegments(raw);
    // The REST API keeps WordPress's own URL rules: /wp-json/ is its canonical root and routes take a trailing slash.
    if (
      segments === null ||
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      /^\/wp-json(\/|$)/.test(raw)
    ) {
      next();
      return;
    }
    const canonical = canonicalOf(segments, languages());
    // Compared decoded: a path that differs only in how it is escaped is already the page.
    if (canonical === `/${segments.join('/')}`) {
      next();
      return;
    }
    // A raw backslash in the query is escaped: it is data there, and a Location never carries one.
    const search = q === -1 ? '' : url.slice(q).replace(/\\/g, '%5C');
    redirectTo(res, 301, encodePath(canonical) + search);
  };
}
