// /llms.txt: the site's map for language models (llmstxt.org), in the default language. The format defines
// one file at the root, so other languages are linked from it rather than given files of their own.
import { Router } from 'express';
import type { Ctx } from '../context.js';
import { buildLlmsTxt } from '../view-models/llms-txt.js';

/** The newest articles listed: enough to show what the site covers; the sitemap lists everything. */
export const LLMS_ARTICLES = 50;

export function llmsTxtRoutes(ctx: Ctx): Router {
  const router = Router();
  router.get('/llms.txt', (req, res) => {
    const site = ctx.site();
    const lang = site.default_language;
    const now = ctx.now();
    const areaNames = new Map(ctx.repo.areas().map((a) => [a.slug, a.name]));
    const articles = ctx.repo.latest(lang, now, LLMS_ARTICLES);
    const body = buildLlmsTxt({
      title: site.title,
      description: site.description,
      baseUrl: ctx.baseUrl(),
      lang,
      languageName: site.languages.find((l) => l.code === lang)?.name ?? lang,
      categories: ctx.categories(lang),
      courses: ctx.repo.courses().map((c) => ({
        area: c.area_slug,
        areaName: areaNames.get(c.area_slug) ?? c.area_slug,
        slug: c.slug,
        title: c.title,
        summary: c.summary,
      })),
      articles,
      otherLanguages: site.languages.filter((l) => l.code !== lang),
    });
    const indexedAt = Date.parse(ctx.repo.state('last_indexed_at') ?? '') || 0;
    const lastModified = Math.max(indexedAt, ...articles.map((a) => Math.max(a.modified_at, a.published_at)));
    ctx.send(req, res, body, 'text/plain; charset=utf-8', { profile: 'feed', lastModified });
  });
  return router;
}
