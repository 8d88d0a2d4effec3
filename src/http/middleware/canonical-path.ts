// One canonical URL per page: collapsed slashes, no trailing slash (except a language home), lowercase
// language paths; everything else answers 301 to the canonical form. Malformed escapes answer 400.
import type { RequestHandler } from 'express';
import { BadRequestError } from '../../errors.js';

export function canonicalPath(languages: () => readonly string[]): RequestHandler {
  return (req, res, next) => {
    const url = req.originalUrl;
    const q = url.indexOf('?');
    const raw = q === -1 ? url : url.slice(0, q);
    const search = q === -1 ? '' : url.slice(q);
    try {
      decodeURIComponent(raw);
    } catch {
      throw new BadRequestError('The address contains a malformed escape sequence.');
    }
    // The REST API keeps WordPress's own URL rules: /wp-json/ is its canonical root and routes take a trailing slash.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || /^\/wp-json(\/|$)/.test(raw)) {
      next();
      return;
    }
    let path = raw.replace(/\/{2,}/g, '/');
    const langs = languages();
    const first = path.split('/')[1]?.toLowerCase() ?? '';
    if (langs.includes(first) && path !== path.toLowerCase()) path = path.toLowerCase();
    if (langs.includes(path.slice(1))) path += '/';
    else if (path.length > 1 && path.endsWith('/') && !langs.includes(path.slice(1, -1)))
      path = path.replace(/\/+$/, '') || '/';
    if (path !== raw) {
      res.redirect(301, path + search);
      return;
    }
    next();
  };
}
