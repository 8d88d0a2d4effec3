// The root redirect and each language's home page: latest articles, categories and featured courses.
import { Router } from 'express';
import type { Ctx } from '../context.js';
import { stringsFor } from '../i18n.js';
import { makeSeo } from '../view-models/seo.js';
import { requireLang } from './params.js';
import { redirectTo } from '../redirect.js';
import { feedPath, homePath, searchPath } from '../../lib/urls.js';

export function homeRoutes(ctx: Ctx): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    redirectTo(res, 301, homePath(ctx.site().default_language));
  });
  router.get('/:lang/', (req, res) => {
    const lang = requireLang(ctx, req.params.lang);
    const now = ctx.now();
    const site = ctx.site();
    const base = ctx.baseUrl();
    const articles = ctx.repo.latest(lang, now, 13);
    const categories = ctx.categories(lang);
    const courses = ctx.repo.courses().filter((c) => c.featured === 1);
    const seo = makeSeo(site, base, {
      // Each language's home needs its own title: "Accueil | Site" beside the default language's "Site".
      title: lang === site.default_language ? site.title : stringsFor(lang).home,
      description: site.description,
      path: homePath(lang),
      alternates: site.languages.map((l) => ({ lang: l.code, href: homePath(l.code) })),
      feeds: [{ title: `${site.title} (${lang})`, href: feedPath(lang) }],
      jsonLd: [
        {
          '@context': 'https://schema.org',
          '@type': 'WebSite',
          name: site.title,
          description: site.description,
          url: base + homePath(lang),
          inLanguage: lang,
          potentialAction: {
            '@type': 'SearchAction',
            target: {
              '@type': 'EntryPoint',
              urlTemplate: `${base}${searchPath(lang)}?q={search_term_string}`,
            },
            'query-input': 'required name=search_term_string',
          },
        },
      ],
    });
    ctx.render(req, res, 'home', {
      lang,
      seo,
      lead: articles[0] ?? null,
      articles: articles.slice(1),
      categories,
      courses,
      defaultLang: site.default_language,
    });
  });
  return router;
}
