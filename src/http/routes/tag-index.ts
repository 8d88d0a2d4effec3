// /<lang>/tags: every tag with published articles in a language, with its count, sorted by name for that language.
import { Router } from 'express';
import { homePath, tagIndexPath, tagPath } from '../../lib/urls.js';
import type { Ctx } from '../context.js';
import { stringsFor } from '../i18n.js';
import { breadcrumbLd, makeSeo } from '../view-models/seo.js';
import { requireLang } from './params.js';

export function tagIndexRoutes(ctx: Ctx): Router {
  const router = Router();
  router.get('/:lang/tags', (req, res) => {
    const lang = requireLang(ctx, req.params.lang);
    const t = stringsFor(lang);
    const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
    const rows = ctx.repo.tagsIn(lang, ctx.now());
    const tags = rows
      .map((r) => ({ name: r.name, count: r.count, href: tagPath(lang, r.slug), slug: r.slug }))
      .sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
    const path = tagIndexPath(lang);
    const crumbs = [
      { name: t.home, href: homePath(lang) },
      { name: t.tags, href: path },
    ];
    const site = ctx.site();
    const seo = makeSeo(site, ctx.baseUrl(), {
      title: t.tags,
      description: t.tagIndexDescription(tags.length),
      path,
      // An empty index is linked from the footer but has nothing for search engines.
      robots: tags.length === 0 ? 'noindex, follow' : null,
      jsonLd: [breadcrumbLd(ctx.baseUrl(), crumbs)],
    });
    ctx.render(
      req,
      res,
      'tag-index',
      { lang, seo, crumbs, tags },
      { lastModified: Math.max(0, ...rows.map((r) => r.lastmod)) },
    );
  });
  return router;
}
