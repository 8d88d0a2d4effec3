// The article page: body, author box, dates, breadcrumbs, TOC, CTAs, related, backlinks, previous/next.
import { Router, type Request, type Response } from 'express';
import { GoneError, NotFoundError } from '../../errors.js';
import type { Ctx } from '../context.js';
import { createPreviews, type Previewable, type PreviewOptions } from '../preview.js';
import { buildArticlePage } from '../view-models/article-page.js';
import { previewBanner } from '../view-models/preview-banner.js';
import { requireLang, requireSlug } from './params.js';
import { redirectTo } from '../redirect.js';
import { articlePath } from '../../lib/urls.js';

export function articleRoutes(ctx: Ctx, preview: PreviewOptions = { openDrafts: false }): Router {
  const router = Router();
  const findPreview = createPreviews(ctx, preview);
  router.get('/:lang/:slug', (req, res) => {
    const lang = requireLang(ctx, req.params.lang);
    const slug = requireSlug(req.params.slug);
    const now = ctx.now();
    const article = ctx.repo.article(lang, slug, now);
    if (!article) {
      const unpublished = findPreview(req, lang, slug, now);
      if (unpublished) {
        renderPreview(ctx, req, res, unpublished, now);
        return;
      }
      const moved = ctx.repo.movedTo(lang, slug, now);
      if (moved) {
        redirectTo(res, 301, articlePath(moved.lang, moved.slug));
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

/** The article page with the preview banner: kept out of search engines and out of every cache. */
function renderPreview(ctx: Ctx, req: Request, res: Response, p: Previewable, now: number): void {
  const page = buildArticlePage(ctx, p.article, now);
  res.setHeader('X-Robots-Tag', 'noindex');
  ctx.render(
    req,
    res,
    'article',
    { ...page, seo: { ...page.seo, robots: 'noindex' }, previewBanner: previewBanner(p.state) },
    { profile: 'preview', cacheable: false, lastModified: p.article.modified_at },
  );
}
