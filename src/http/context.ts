// What every route needs, built once per app: repositories, the clock, site settings, rendering.
import { join } from 'node:path';
import ejs from 'ejs';
import type { Request, Response } from 'express';
import type { Config } from '../config.js';
import type { SiteConfig } from '../content/schema.js';
import type { Db } from '../db/connection.js';
import { createSearch } from '../db/search.js';
type Search = ReturnType<typeof createSearch>;
import { createSiteRepo, type Category, type SiteRepo } from '../db/site-repo.js';
import { formatDate, toIso } from '../lib/dates.js';
import { jsonForScript } from '../lib/html.js';
import type { Logger } from '../logger.js';
import { catalogFor, type ImageCatalog } from '../images/catalog.js';
import { publicDir as defaultPublic, viewsDir as defaultViews } from '../paths.js';
import type { AssetManifest } from './assets.js';
import { stringsFor } from './i18n.js';
import { templatePicture } from './image-files.js';
import { CACHE_PROFILES, pageProfile, type CacheProfile } from './middleware/cache-control.js';
import { cspForHtml } from './middleware/security.js';
import type { PageCache } from './page-cache.js';
import { deliver, prepareResponse } from './respond.js';
import type { Seo } from './view-models/seo.js';
import { TEMPLATE_URLS, WP_API } from '../lib/urls.js';

export interface Ctx {
  db: Db;
  repo: SiteRepo;
  search: Search;
  config: Config;
  logger: Logger;
  cache: PageCache;
  assets: AssetManifest;
  /** Local images' sizes and variants (featured images, og:image, sitemaps). */
  images: ImageCatalog;
  now(): number;
  site(): SiteConfig;
  baseUrl(): string;
  languages(): string[];
  render(req: Request, res: Response, view: string, locals: PageLocals, options?: RenderOptions): void;
  /** Categories with published articles in a language, with counts (remembered until the index or the next publication changes). */
  categories(lang: string): Category[];
  send(req: Request, res: Response, body: string | Buffer, type: string, options?: RenderOptions): void;
  /** Extra locals that other features add to every page (e.g. the dev reload script). */
  pageExtras: Record<string, unknown>;
}

export interface PageLocals {
  lang: string;
  seo: Seo;
  [key: string]: unknown;
}

export interface RenderOptions {
  status?: number;
  profile?: CacheProfile;
  /** Store in the page cache (only for 200 responses to URLs without a query string). */
  cacheable?: boolean;
  /** Also store responses to URLs with a query string (search results: the same query is asked often). */
  cacheQuery?: boolean;
  lastModified?: number;
}

export function createCtx(deps: {
  db: Db;
  config: Config;
  logger: Logger;
  cache: PageCache;
  assets: AssetManifest;
  now: () => number;
  viewsDir?: string;
  publicDir?: string;
}): Ctx {
  const images = catalogFor({
    publicDir: deps.publicDir ?? defaultPublic,
    cacheDir: deps.config.imageCacheDir,
  });
  const repo = createSiteRepo(deps.db);
  const search = createSearch(deps.db);
  const viewsDir = deps.viewsDir ?? defaultViews;
  let siteMemo: { gen: string; site: SiteConfig } | null = null;
  const site = (): SiteConfig => {
    const gen = repo.state('generation') ?? '0';
    if (!siteMemo || siteMemo.gen !== gen) siteMemo = { gen, site: repo.site() };
    return siteMemo.site;
  };
  const baseUrl = () =>
    deps.config.siteUrl ?? site().url?.replace(/\/+$/, '') ?? `http://localhost:${deps.config.port}`;
  const ejsCache = deps.config.env === 'production';
  const profiles: Record<CacheProfile, string> = {
    ...CACHE_PROFILES,
    page: pageProfile(deps.config.pageSharedMaxAge),
  };

  const categoryMemo = new Map<string, { gen: string; until: number; list: Category[] }>();
  const categories = (lang: string): Category[] => {
    const now = deps.now();
    const gen = repo.state('generation') ?? '0';
    const hit = categoryMemo.get(lang);
    if (hit && hit.gen === gen && now < hit.until) return hit.list;
    const list = repo.categories(lang, now).filter((c) => c.count > 0);
    categoryMemo.set(lang, { gen, until: repo.nextPublishAfter(now) ?? Infinity, list });
    return list;
  };

  const send: Ctx['send'] = (req, res, body, type, options = {}) => {
    const status = options.status ?? 200;
    res.setHeader('Cache-Control', profiles[options.profile ?? (status === 200 ? 'page' : 'short')]);
    const prepared = prepareResponse(res, body, type, options.lastModified ?? deps.now(), status);
    const hasQuery = req.originalUrl.includes('?');
    const store = hasQuery ? options.cacheQuery === true : options.cacheable !== false;
    if (status === 200 && store && (req.method === 'GET' || req.method === 'HEAD'))
      deps.cache.set(req.originalUrl, prepared);
    deliver(req, res, prepared);
  };

  const ctx: Ctx = {
    db: deps.db,
    repo,
    search,
    config: deps.config,
    logger: deps.logger,
    cache: deps.cache,
    assets: deps.assets,
    images,
    now: deps.now,
    site,
    baseUrl,
    languages: () => site().languages.map((l) => l.code),
    pageExtras: {},
    categories,
    render(req, res, view, locals, options = {}) {
      const s = site();
      const lang = locals.lang;
      const common = {
        site: s,
        t: stringsFor(lang),
        asset: (name: string) => deps.assets.url(name),
        picture: (src: string, options: Parameters<typeof templatePicture>[2]) =>
          templatePicture(images, src, options),
        formatDate: (ms: number) => formatDate(ms, lang),
        isoDate: (ms: number) => toIso(ms),
        jsonLd: jsonForScript,
        categoriesNav: categories(lang),
        languages: s.languages,
        currentPath: req.path,
        url: TEMPLATE_URLS,
        ...ctx.pageExtras,
        ...locals,
      };
      const body = ejs.render(readView(viewsDir, `pages/${view}.ejs`, ejsCache), common, {
        filename: join(viewsDir, 'pages', `${view}.ejs`),
        cache: ejsCache,
      });
      const html = ejs.render(
        readView(viewsDir, 'layouts/main.ejs', ejsCache),
        { ...common, body },
        { filename: join(viewsDir, 'layouts', 'main.ejs'), cache: ejsCache },
      );
      res.setHeader('Content-Security-Policy', cspForHtml(html));
      // WordPress's API discovery header, so REST clients pointed at any page find /wp-json/.
      res.setHeader('Link', `<${baseUrl()}${WP_API}/>; rel="https://api.w.org/"`);
      send(req, res, html, 'text/html; charset=utf-8', options);
    },
    send,
  };
  return ctx;
}

const viewSources = new Map<string, string>();
function readView(dir: string, name: string, cached: boolean): string {
  const path = join(dir, name);
  if (cached) {
    const hit = viewSources.get(path);
    if (hit !== undefined) return hit;
  }
  const text = ejs.fileLoader(path).toString();
  if (cached) viewSources.set(path, text);
  return text;
}
