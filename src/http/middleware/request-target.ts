// The request target must name a path on this site: origin-form ("/path?query"), or absolute-form for this
// site's own host, which is rewritten to origin-form. Anything else, and a raw backslash in the path, is
// refused with 400 before any route (or redirect) can see it.
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { BadRequestError } from '../../errors.js';

/** Origin-form of `target` when it names a path on one of `hosts` (asked only for absolute-form), otherwise null. */
export function originForm(target: string, hosts: () => readonly string[]): string | null {
  let rest = target;
  if (!target.startsWith('/')) {
    const m = /^https?:\/\/([^/?#]*)/i.exec(target);
    if (!m) return null;
    const authority = (m[1] ?? '').toLowerCase();
    if (!hosts().some((h) => h.toLowerCase() === authority)) return null;
    rest = target.slice(m[0].length);
    if (!rest.startsWith('/')) rest = `/${rest}`;
  }
  const q = rest.indexOf('?');
  const path = q === -1 ? rest : rest.slice(0, q);
  if (path.includes('\\')) return null;
  return rest;
}

/** The hosts a request may name in absolute form: its own Host header and the configured site's host. */
export function ownHosts(req: IncomingMessage, siteUrl: string | null): string[] {
  const hosts: string[] = [];
  if (req.headers.host) hosts.push(req.headers.host);
  if (siteUrl) {
    try {
      hosts.push(new URL(siteUrl).host);
    } catch {
      /* an invalid SITE_URL is refused at start-up */
    }
  }
  return hosts;
}

/** Rewrites an own-host absolute-form target in place; false when the target must be refused. */
export function normaliseTarget(req: IncomingMessage, siteUrl: () => string | null): boolean {
  const target = originForm(req.url ?? '', () => ownHosts(req, siteUrl()));
  if (target === null) return false;
  req.url = target;
  return true;
}

/** Express side: a refused target gets the 400 page (the fast path has already left it alone). */
export function requestTarget(siteUrl: () => string | null): RequestHandler {
  return (req, _res, next) => {
    const target = originForm(req.originalUrl, () => ownHosts(req, siteUrl()));
    if (target === null) throw new BadRequestError('The request target is not a path on this site.');
    // Every later step (routes, canonical paths, the cache key) sees the parsed origin-form only.
    req.url = req.originalUrl = target;
    next();
  };
}
