// createApp(deps): the whole site as a value: middleware order, routers, 404 and errors. It never listens.
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import type { Logger } from './logger.js';
import { publicDir as defaultPublic } from './paths.js';
import { AssetManifest } from './http/assets.js';
import { createArrivalCounter } from './http/attribution.js';
import { createAttributionStore } from './db/attribution.js';
import { imageVariantRoute } from './http/image-files.js';
import { createCtx, type Ctx } from './http/context.js';
import { CACHE_PROFILES } from './http/middleware/cache-control.js';
import { canonicalPath } from './http/middleware/canonical-path.js';
import { normaliseTarget, requestTarget } from './http/middleware/request-target.js';
import { errorHandler, notFound } from './http/middleware/error-handler.js';
import { requestLog } from './http/middleware/request-log.js';
import { securityHeaders } from './http/middleware/security.js';
import { PageCache } from './http/page-cache.js';
import { deliver, prepareResponse } from './http/respond.js';
import { articleRoutes } from './http/routes/articles.js';
import { courseRoutes } from './http/routes/courses.js';
import { archiveRoutes } from './http/routes/archives.js';
import { healthRoutes } from './http/routes/health.js';
import { homeRoutes } from './http/routes/home.js';
import { searchRoutes } from './http/routes/search.js';
import { feedRoutes } from './http/routes/feeds.js';
import { sitemapRoutes } from './http/routes/sitemap.js';
import { llmsTxtRoutes } from './http/routes/llms-txt.js';
import { wpApiRoutes } from './http/routes/wp-api.js';

export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** The clock; tests move it to see scheduled articles appear. */
  now?: () => number;
  publicDir?: string;
  viewsDir?: string;
  /** Bytes of rendered pages kept in memory. */
  pageCacheBytes?: number;
  /** Serve drafts and scheduled articles at their URL, with the preview banner and no token (npm run dev only). */
  previewDrafts?: boolean;
}

export interface FolioApp {
  app: Express;
  /** The request handler to serve: the page cache's fast path, then Express. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  ctx: Ctx;
  cache: PageCache;
  assets: AssetManifest;
}

export function createApp(deps: AppDeps): FolioApp {
  const now = deps.now ?? Date.now;
  const publicDir = deps.publicDir ?? defaultPublic;
  const assets = new AssetManifest(publicDir);
  // The cache stamp moves when the index changes (any process) or when a scheduled article's time arrives.
  const generation = deps.db.prepare<[], { value: string }>(
    "SELECT value FROM index_state WHERE key = 'generation'",
  );
  const nextPublish = deps.db.prepare<{ now: number }, { t: number | null }>(
    'SELECT min(published_at) AS t FROM articles WHERE draft = 0 AND published_at > @now',
  );
  let lastGen = '';
  let publishAt: number | null = null;
  let epoch = 0;
  const stamp = () => {
    const gen = generation.get()?.value ?? '0';
    const t = now();
    if (gen !== lastGen || (publishAt !== null && t >= publishAt)) {
      if (gen === lastGen) epoch++;
      lastGen = gen;
      publishAt = nextPublish.get({ now: t })?.t ?? null;
    }
    return `${gen}:${epoch}`;
  };
  const cache = new PageCache({ maxBytes: deps.pageCacheBytes ?? 48 * 1024 * 1024, stamp });
  const ctx = createCtx({
    db: deps.db,
    config: deps.config,
    logger: deps.logger,
    cache,
    assets,
    now,
    publicDir,
    ...(deps.viewsDir ? { viewsDir: deps.viewsDir } : {}),
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');

  app.use(requestLog(deps.logger));
  app.use(securityHeaders({ https: (ctx.baseUrl() ?? '').startsWith('https:') }));
  app.use(requestTarget(() => ctx.baseUrl()));
  app.get('/assets/:file', (req, res, next) => {
    const asset = assets.lookup(req.path);
    if (!asset) {
      next();
      return;
    }
    res.setHeader('Cache-Control', CACHE_PROFILES.immutable);
    deliver(req, res, prepareResponse(res, asset.body, asset.type, 0));
  });
  app.get('/_img/:file', imageVariantRoute(deps.config.imageCacheDir));
  app.use(
    express.static(publicDir, {
      index: false,
      dotfiles: 'ignore',
      redirect: false,
      setHeaders: (res) => res.setHeader('Cache-Control', CACHE_PROFILES.static),
    }),
  );
  app.use(canonicalPath(() => ctx.languages()));

  // Specific routers first: the article route (/:lang/:slug) is the catch-all and comes last.
  app.use(healthRoutes(ctx));
  // Fixed paths (/wp-json, /feed.xml, /sitemap.xml, /robots.txt) before /:lang/ routes that would take them for a language.
  app.use(wpApiRoutes(ctx));
  app.use(feedRoutes(ctx));
  app.use(sitemapRoutes(ctx));
  app.use(llmsTxtRoutes(ctx));
  app.use(homeRoutes(ctx));
  app.use(searchRoutes(ctx));
  app.use(archiveRoutes(ctx));
  app.use(courseRoutes(ctx));
  app.use(articleRoutes(ctx, { openDrafts: deps.previewDrafts === true }));
  app.use(notFound(ctx));
  app.use(errorHandler(ctx));

  const countArrival = createArrivalCounter(ctx, createAttributionStore(deps.db));
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    let served = false;
    // The fast path runs outside Express: a failing stamp query must become Express's 500 page, not a crash.
    // A target that is not a path on this site skips it; Express answers it with the 400 page.
    try {
      const onSite = normaliseTarget(req, () => ctx.baseUrl());
      // CTA arrivals are counted ahead of the cache, so a page it answers is counted too.
      if (onSite) countArrival(req);
      served = onSite && cache.serve(req, res);
    } catch (err) {
      deps.logger.error({ err }, 'page cache failed; answering through the app');
    }
    if (!served) app(req, res);
  };
  return { app, handler, ctx, cache, assets };
}
