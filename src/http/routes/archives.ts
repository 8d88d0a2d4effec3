// Category, tag and author archives, 12 per page, newest first; /page/1 redirects to the archive root.
// Tag slugs may hold letters of any script: paths and links carry them percent-encoded.
import { Router, type Request, type Response } from 'express';
import { NotFoundError } from '../../errors.js';
import type { ArticleCard } from '../../db/site-repo.js';
import type { Ctx } from '../context.js';
import { stringsFor } from '../i18n.js';
import { PER_PAGE, paginate } from '../view-models/pagination.js';
import { breadcrumbLd, makeSeo } from '../view-models/seo.js';
import { archivePath, homePath, pagePath, tagIndexPath, type ArchiveKind } from '../../lib/urls.js';
import { requireLang, requirePage, requireSlug, requireTagSlug } from './params.js';
import { tagIndexRoutes } from './tag-index.js';
import { redirectTo } from '../redirect.js';

type Kind = ArchiveKind;

interface ArchiveSource {
  name: string;
  description: string;
  count: number;
  list: (offset: number) => ArticleCard[];
  extra?: Record<string, unknown>;
}

export function archiveRoutes(ctx: Ctx): Router {
  const router = Router();

  const source = (kind: Kind, lang: string, slug: string, now: number): ArchiveSource | null => {
    if (kind === 'category') {
      const c = ctx.repo.category(slug);
      if (!c) return null;
      return {
        name: c.name,
        description: c.description,
        count: ctx.repo.countCategory(lang, slug, now),
        list: (o) => ctx.repo.byCategory(lang, slug, now, PER_PAGE, o),
      };
    }
    if (kind === 'tag') {
      const tag = ctx.repo.tag(slug);
      if (!tag) return null;
      const count = ctx.repo.countTag(lang, slug, now);
      if (count === 0) return null;
      return {
        name: tag.name,
        description: '',
        count,
        list: (o) => ctx.repo.byTag(lang, slug, now, PER_PAGE, o),
      };
    }
    const author = ctx.repo.author(slug);
    if (!author) return null;
    return {
      name: author.name,
      description: author.bio,
      count: ctx.repo.countAuthor(lang, slug, now),
      list: (o) => ctx.repo.byAuthor(lang, slug, now, PER_PAGE, o),
      extra: { author },
    };
  };

  const handle = (kind: Kind) => (req: Request, res: Response) => {
    const lang = requireLang(ctx, req.params.lang as string | undefined);
    const raw = req.params.slug as string | undefined;
    const slug = kind === 'tag' ? requireTagSlug(raw) : requireSlug(raw);
    const pageParam = req.params.page as string | undefined;
    const root = archivePath(kind, lang, slug);
    if (pageParam === '1') {
      redirectTo(res, 301, root);
      return;
    }
    const page = requirePage(pageParam);
    const now = ctx.now();
    const src = source(kind, lang, slug, now);
    if (!src) throw new NotFoundError();
    const pagination = paginate(root, page, src.count);
    if (!pagination) throw new NotFoundError();
    const t = stringsFor(lang);
    const heading =
      kind === 'category'
        ? t.articlesIn(src.name)
        : kind === 'tag'
          ? t.articlesTagged(src.name)
          : t.articlesBy(src.name);
    const path = pagePath(root, page);
    const site = ctx.site();
    const crumbs = [
      { name: t.home, href: homePath(lang) },
      ...(kind === 'tag' ? [{ name: t.tags, href: tagIndexPath(lang) }] : []),
      { name: src.name, href: root },
    ];
    const seo = makeSeo(site, ctx.baseUrl(), {
      title: page === 1 ? heading : `${heading} — ${t.page(page, pagination.pages)}`,
      description: src.description || `${heading}: ${t.articleCount(src.count)}.`,
      path,
      feeds: kind === 'category' ? [{ title: `${site.title}: ${src.name}`, href: `${root}/feed.xml` }] : [],
      jsonLd: [breadcrumbLd(ctx.baseUrl(), crumbs)],
    });
    const articles = src.list(pagination.offset);
    ctx.render(
      req,
      res,
      'archive',
      {
        lang,
        seo,
        kind,
        slug,
        heading,
        description: src.description,
        articles,
        pagination,
        crumbs,
        ...(src.extra ?? {}),
      },
      {
        lastModified: Math.max(0, ...articles.map((a) => Math.max(a.modified_at, a.published_at))),
      },
    );
  };

  // The tag index belongs to the tag archives' family (and must come before the article catch-all).
  router.use(tagIndexRoutes(ctx));
  for (const kind of ['category', 'tag', 'author'] as const) {
    router.get(`/:lang/${kind}/:slug`, handle(kind));
    router.get(`/:lang/${kind}/:slug/page/:page`, handle(kind));
  }
  return router;
}
