// The one way Folio answers with a redirect: every Location is a path on this site, never another host.
import type { Response } from 'express';
import { BadRequestError } from '../errors.js';

export type RedirectStatus = 301 | 302 | 303 | 307 | 308;

/**
 * A Location a browser resolves on this site: exactly one "/" followed by neither "/" nor "\" (both mean
 * "another host" to a browser), and no backslash or control character anywhere.
 */
export function isLocalPath(location: string): boolean {
  return /^\/(?![/\\])/.test(location) && !/[\\\u0000-\u001f\u007f]/.test(location);
}

/** Redirects to a path built from parsed parts; anything else is refused as a bad request, never sent. */
export function redirectTo(res: Response, status: RedirectStatus, location: string): void {
  if (!isLocalPath(location)) throw new BadRequestError('The address cannot be redirected.');
  res.redirect(status, location);
}
