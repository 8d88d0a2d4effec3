// Feeds: RSS 2.0 at /feed.xml and /<lang>/feed.xml, Atom (.atom) and JSON Feed (.json) beside it, the same per
// category; plus WordPress's permanent /?p=<id> links (the feeds' item ids), which redirect to the article.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { NotFoundError } from '../../errors.js';
import { createSyndicationRepo, type FeedRow } from '../../db/syndication-repo.js';
import type { Ctx } from '../context.js';
import { absoluteHtml } from '../view-models/absolute-html.js';
import { expandCtas } from '../view-models/cta.js';
import { ctaLookup } from '../view-models/cta-lookup.js';
import { buildFeed, FEED_TYPES, type FeedFormat } from '../view-models/feed.js';
import { requireLang, requireSlug } from './params.js';
import { redirectTo } from '../redirect.js';
import {
  articlePath,
  categoryFeedPath,
  categoryPath,
  feedPath,
  homePath,
  SITE_FEED,
  type FeedExtension,
} from '../../lib/urls.js';

/** Items per feed: enough for readers that poll daily, small enough to serve fast. */
export const FEED_ITEMS = 20;

const FORMATS: Record<string, FeedFormat> = { xml: 'rss', atom: 'atom', json: 'json' };

export function feedRoutes(ctx: Ctx): Router {
  const router = Router();
  const repo = createSyndicationRepo(ctx.db);

  const bodyHtml = () => {
    const lang = ctx.site().default_language;
    const lookup = ctaLookup((area, slug) => ctx.repo.course(area, slug));
    return (row: FeedRow) => absoluteHtml(expandCtas(row.body_html, lookup, lang, row.slug), ctx.baseUrl());
  };

  const send = (
    req: Request,
    res: Response,
    format: FeedFormat,
    input: {
      lang: string;
      title: string;
      description: string;
      pagePath: string;
      feedAt: (ext: FeedExtension) => string;
      rssPath?: string;
      rows: FeedRow[];
    },
  ) => {
    const indexedAt = Date.parse(ctx.repo.state('last_indexed_at') ?? '') || 0;
    const body = buildFeed(
      {
        ...input,
        baseUrl: ctx.baseUrl(),
        content: ctx.config.feedContent,
        bodyHtml: bodyHtml(),
        emptyUpdated: indexedAt,
      },
      format,
    );
    const lastModified = Math.max(
      indexedAt,
      ...input.rows.map((r) => Math.max(r.modified_at, r.published_at)),
    );
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.send(req, res, body, FEED_TYPES[format], { profile: 'feed', lastModified });
  };

  const languageFeed = (req: Request, res: Response, lang: string, format: FeedFormat, rssPath?: string) => {
    const site = ctx.site();
    const name = site.languages.find((l) => l.code === lang)?.name;
    send(req, res, format, {
      lang,
      title: lang === site.default_language || !name ? site.title : `${site.title} (${name})`,
      description: site.description,
      pagePath: homePath(lang),
      feedAt: (ext) => feedPath(lang, ext),
      ...(rssPath ? { rssPath } : {}),
      rows: repo.feed(lang, ctx.now(), FEED_ITEMS),
    });
  };

  router.get('/', (req: Request, res: Response, next: NextFunction) => {
    const p = typeof req.query.p === 'string' ? req.query.p : '';
    const article = /^\d{1,15}$/.test(p) ? ctx.repo.articleById(Number(p), ctx.now()) : null;
    if (!article) {
      next();
      return;
    }
    redirectTo(res, 301, articlePath(article.lang, article.slug));
  });

  router.get('/feed.xml', (req, res) => {
    languageFeed(req, res, ctx.site().default_language, 'rss', SITE_FEED);
  });

  router.get('/:lang/feed.:ext', (req, res, next) => {
    const format = FORMATS[req.params.ext];
    if (!format) {
      next();
      return;
    }
    languageFeed(req, res, requireLang(ctx, req.params.lang), format);
  });

  router.get('/:lang/category/:slug/feed.:ext', (req, res, next) => {
    const format = FORMATS[req.params.ext];
    if (!format) {
      next();
      return;
    }
    const lang = requireLang(ctx, req.params.lang);
    const slug = requireSlug(req.params.slug);
    const category = ctx.repo.category(slug);
    if (!category) throw new NotFoundError();
    const site = ctx.site();
    send(req, res, format, {
      lang,
      title: `${site.title}: ${category.name}`,
      description: category.description || site.description,
      pagePath: categoryPath(lang, slug),
      feedAt: (ext) => categoryFeedPath(lang, slug, ext),
      rows: repo.categoryFeed(lang, slug, ctx.now(), FEED_ITEMS),
    });
  });

  return router;
}
