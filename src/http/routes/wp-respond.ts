// How the WordPress API answers: CORS for reads from any origin, JSON with WordPress's totals and paging
// headers, numeric id parameters.
import type { Request, RequestHandler, Response } from 'express';
import type { Ctx } from '../context.js';
import { pageOf } from '../view-models/wp-collection.js';
import { noRoute } from '../view-models/wp-errors.js';
import { pageLinks } from '../view-models/wp-fields.js';
import type { WpObject } from '../view-models/wp-post.js';
import type { ListQuery } from '../view-models/wp-queries.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** CORS for reads from any origin, exposing the paging headers; preflight requests end here. */
export const cors: RequestHandler = (req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'X-WP-Total, X-WP-TotalPages, Link');
  res.setHeader(
    'Access-Control-Allow-Headers',
    'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
  );
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Max-Age', '86400');
    res.setHeader('Allow', 'GET, HEAD, OPTIONS');
    res.status(204).end();
    return;
  }
  next();
};

/** A numeric id route parameter; anything else is WordPress's "no route". */
export function idParam(raw: string | undefined): number {
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) throw noRoute();
  return Number(raw);
}

export interface SendMeta {
  total?: number;
  pages?: number;
  link?: string | null;
  lastModified?: number;
}

export function wpResponder(ctx: Ctx) {
  const indexedAt = () => Date.parse(ctx.repo.state('last_indexed_at') ?? '') || 0;
  const collectionUrl = (req: Request) => `${ctx.baseUrl()}${req.path.replace(/\/+$/, '')}`;
  const search = (req: Request) => {
    const i = req.originalUrl.indexOf('?');
    return i === -1 ? '' : req.originalUrl.slice(i + 1);
  };

  const send = (req: Request, res: Response, body: unknown, meta: SendMeta = {}) => {
    if (meta.total !== undefined) res.setHeader('X-WP-Total', String(meta.total));
    if (meta.pages !== undefined) res.setHeader('X-WP-TotalPages', String(meta.pages));
    if (meta.link) res.setHeader('Link', meta.link);
    res.setHeader('Allow', 'GET');
    ctx.send(req, res, JSON.stringify(body), JSON_TYPE, {
      profile: 'feed',
      lastModified: Math.max(indexedAt(), meta.lastModified ?? 0),
    });
  };

  /** The paging links of this collection request for `pages` pages. */
  const links = (req: Request, page: number, pages: number) =>
    pageLinks(collectionUrl(req), search(req), page, pages);

  return {
    send,
    links,
    /** One page of an in-memory list; `strict` (post types): a page past the end is an error, not an empty list. */
    sendList: <T>(
      req: Request,
      res: Response,
      items: readonly T[],
      q: ListQuery,
      strict: boolean,
      toObject: (item: T) => WpObject,
    ): void => {
      const page = pageOf(items, q.page, q.perPage, strict);
      send(req, res, page.items.map(toObject), {
        total: page.total,
        pages: page.pages,
        link: links(req, q.page, page.pages),
      });
    },
  };
}
