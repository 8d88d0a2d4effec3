// /sitemap.xml (or, past the limits, a sitemap index over /sitemap-<type>-<n>.xml parts) and /robots.txt.
// Only public pages are listed: no drafts, nothing scheduled, no search pages (they are noindex).
import { Router, type Request, type Response } from 'express';
import { NotFoundError } from '../../errors.js';
import { createSyndicationRepo, type ArchiveRow } from '../../db/syndication-repo.js';
import type { Ctx } from '../context.js';
import { sharedImage } from '../image-files.js';
import { PER_PAGE } from '../view-models/pagination.js';
import { absolute } from '../view-models/seo.js';
import {
  planSitemap,
  renderIndex,
  renderUrlset,
  SITEMAP_LIMITS,
  SITEMAP_TYPES,
  type SitemapLimits,
  type SitemapType,
  type SitemapUrl,
} from '../view-models/sitemap.js';
import {
  archivePath,
  areaPath,
  articlePath,
  coursePath,
  coursesPath,
  homePath,
  pagePath,
  sitemapPartPath,
  tagIndexPath,
  type ArchiveKind,
} from '../../lib/urls.js';

const XML = 'application/xml; charset=utf-8';

export function sitemapRoutes(ctx: Ctx, limits: SitemapLimits = SITEMAP_LIMITS): Router {
  const router = Router();
  const repo = createSyndicationRepo(ctx.db);

  const collect = (now: number): Map<SitemapType, SitemapUrl[]> => {
    const base = ctx.baseUrl();
    const site = ctx.site();
    const def = site.default_language;
    const langs = site.languages.map((l) => l.code);
    const url = (path: string) => absolute(base, path);
    const withDefault = (alts: { lang: string; href: string }[]) => {
      const d = alts.find((a) => a.lang === def);
      return alts.length > 1 && d
        ? [...alts, { lang: 'x-default', href: d.href }]
        : alts.length > 1
          ? alts
          : [];
    };

    const homeLastmod = new Map(repo.homes(now).map((h) => [h.lang, h.lastmod]));
    const homeAlts = withDefault(langs.map((l) => ({ lang: l, href: url(homePath(l)) })));
    const pages: SitemapUrl[] = langs.map((l) => ({
      loc: url(homePath(l)),
      lastmod: homeLastmod.get(l) ?? null,
      alternates: homeAlts,
    }));
    const courses = ctx.repo.courses();
    if (courses.length) {
      const newest = (rows: typeof courses) => Math.max(...rows.map((c) => c.modified_at));
      pages.push({ loc: url(coursesPath(def)), lastmod: newest(courses) });
      for (const area of ctx.repo.areas()) {
        const inArea = courses.filter((c) => c.area_slug === area.slug);
        if (inArea.length) pages.push({ loc: url(areaPath(def, area.slug)), lastmod: newest(inArea) });
      }
      for (const c of courses)
        pages.push({ loc: url(coursePath(def, c.area_slug, c.slug)), lastmod: c.modified_at });
    }

    const rows = repo.sitemapArticles(now);
    const byKey = new Map<string, { lang: string; href: string }[]>();
    for (const a of rows)
      if (a.translation_key)
        byKey.set(a.translation_key, [
          ...(byKey.get(a.translation_key) ?? []),
          { lang: a.lang, href: url(articlePath(a.lang, a.slug)) },
        ]);
    const articles = rows.map((a): SitemapUrl => ({
      loc: url(articlePath(a.lang, a.slug)),
      lastmod: Math.max(a.modified_at, a.published_at),
      // The 1200-wide variant of a local image, as link previews use it.
      images: a.image ? [url(sharedImage(ctx.images, a.image).url)] : [],
      alternates: a.translation_key ? withDefault(byKey.get(a.translation_key) ?? []) : [],
    }));

    const archives = (kind: ArchiveKind, list: ArchiveRow[]) =>
      list.flatMap((r) => {
        const root = archivePath(kind, r.lang, r.slug);
        const pageCount = Math.ceil(r.count / PER_PAGE);
        return Array.from({ length: pageCount }, (_, i) => ({
          loc: url(pagePath(root, i + 1)),
          lastmod: r.lastmod,
        }));
      });

    const tagRows = repo.tagArchives(now);
    // Each language's tag index, when that language has tags (its footer link is on every page).
    const tagIndexes = langs.flatMap((l) => {
      const inLang = tagRows.filter((r) => r.lang === l);
      return inLang.length
        ? [{ loc: url(tagIndexPath(l)), lastmod: Math.max(...inLang.map((r) => r.lastmod)) }]
        : [];
    });

    return new Map<SitemapType, SitemapUrl[]>([
      ['pages', pages],
      ['articles', articles],
      ['categories', archives('category', repo.categoryArchives(now))],
      ['tags', [...tagIndexes, ...archives('tag', tagRows)]],
      ['authors', archives('author', repo.authorArchives(now))],
    ]);
  };

  const send = (req: Request, res: Response, body: string, type: string, lastmod: number | null) => {
    const indexedAt = Date.parse(ctx.repo.state('last_indexed_at') ?? '') || 0;
    ctx.send(req, res, body, type, { profile: 'feed', lastModified: Math.max(indexedAt, lastmod ?? 0) });
  };

  router.get('/sitemap.xml', (req, res) => {
    const plan = planSitemap(collect(ctx.now()), limits);
    if (plan.kind === 'single') {
      send(req, res, plan.xml, XML, null);
      return;
    }
    const base = ctx.baseUrl();
    const parts = plan.parts.map((p) => ({
      loc: absolute(base, sitemapPartPath(p.type, p.n)),
      lastmod: p.lastmod,
    }));
    send(req, res, renderIndex(parts), XML, Math.max(0, ...parts.map((p) => p.lastmod ?? 0)));
  });

  router.get('/sitemap-:type-:n.xml', (req, res) => {
    const type = SITEMAP_TYPES.find((t) => t === req.params.type);
    const n = /^[1-9]\d{0,5}$/.test(req.params.n) ? Number(req.params.n) : 0;
    if (!type || n === 0) throw new NotFoundError();
    const plan = planSitemap(collect(ctx.now()), limits);
    const part = plan.kind === 'index' ? plan.parts.find((p) => p.type === type && p.n === n) : undefined;
    if (!part) throw new NotFoundError();
    send(req, res, renderUrlset(part.entries), XML, part.lastmod);
  });

  router.get('/robots.txt', (req, res) => {
    const body = [
      'User-agent: *',
      'Allow: /',
      // Search result pages are endless and thin; they also carry noindex.
      'Disallow: /*/search',
      '',
      `Sitemap: ${ctx.baseUrl()}/sitemap.xml`,
      '',
    ].join('\n');
    send(req, res, body, 'text/plain; charset=utf-8', null);
  });

  return router;
}
