// The article page: body, author box, dates, breadcrumbs, TOC, CTAs, related, backlinks, previous/next.
import { Router } from 'express';
import { GoneError, NotFoundError } from '../../errors.js';
import type { Ctx } from '../context.js';
import { buildArticlePage } from '../view-models/article-page.js';
import { requireLang, requireSlug } from './params.js';
import { redirectTo } from '../redirect.js';

export function articleRoutes(ctx: Ctx): Router {
  const router = Router();
  router.get('/:lang/:slug', (req, res) => {
    const lang = requireLang(ctx, req.params.lang);
    const slug = requireSlug(req.params.slug);
    const now = ctx.now();
    const article = ctx.repo.article(lang, slug, now);
    if (!article) {
      const moved = ctx.repo.movedTo(lang, slug, now);
      if (moved) {
        redirectTo(res, 301, `/${moved.lang}/${moved.slug}`);
        return;
      }
      if (ctx.repo.isGone(lang, slug)) throw new GoneError();
      throw new NotFoundError();
    }
    const page = buildArticlePage(ctx, article, now);
    ctx.render(req, res, 'article', page, {
      lastModified: Math.max(article.modified_at, article.published_at),
    });
  });
  return router;
}
