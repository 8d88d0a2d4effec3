// Full-text search page: every query answers 200 (400 when absurdly long), never 500, in bounded time.
import { Router } from 'express';
import { BadRequestError } from '../../errors.js';
import { MAX_QUERY_CHARS, parseSearchQuery } from '../../lib/search-query.js';
import type { SearchResult } from '../../db/search.js';
import type { BoundedMatch } from '../../lib/search-bounds.js';
import type { Ctx } from '../context.js';
import { stringsFor } from '../i18n.js';
import { makeSeo } from '../view-models/seo.js';
import { requireLang } from './params.js';
import { searchPath } from '../../lib/urls.js';

const PER_PAGE = 10;
const MAX_PAGE = 100;

function firstString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

export function searchRoutes(ctx: Ctx): Router {
  const router = Router();
  router.get('/:lang/search', (req, res) => {
    const lang = requireLang(ctx, req.params.lang);
    const raw = firstString(req.query.q);
    if (raw.length > MAX_QUERY_CHARS)
      throw new BadRequestError(`Search text is limited to ${MAX_QUERY_CHARS} characters.`);
    const pageRaw = firstString(req.query.page);
    let page = /^[1-9]\d{0,3}$/.test(pageRaw) ? Math.min(Number(pageRaw), MAX_PAGE) : 1;
    const now = ctx.now();
    const parsed = parseSearchQuery(raw);
    const q = raw.trim().slice(0, 200);
    const bounded = ctx.search.bound(parsed);
    const run = (m: BoundedMatch) => ctx.search.search(m, lang, now, PER_PAGE, (page - 1) * PER_PAGE);
    let result: SearchResult = { total: 0, more: false, hits: [] };
    let match = bounded.all;
    let loose = false;
    if (match) {
      result = run(match);
      if (result.total === 0 && bounded.any) {
        match = bounded.any;
        result = run(match);
        loose = result.total > 0;
      }
    }
    const pages = Math.max(1, Math.ceil(result.total / PER_PAGE));
    // A page number past the results (an old link, a hand-edited URL) shows the last page rather than an empty one.
    if (match && page > pages && result.total > 0) {
      page = pages;
      result = run(match);
    }
    const link = (n: number) => `${searchPath(lang)}?q=${encodeURIComponent(q)}${n > 1 ? `&page=${n}` : ''}`;
    const t = stringsFor(lang);
    const seo = makeSeo(ctx.site(), ctx.baseUrl(), {
      title: q ? t.resultsFor(q, result.total, result.more) : t.search,
      description: t.searchIntro,
      path: searchPath(lang),
      robots: 'noindex, follow',
    });
    const suggestions = result.total === 0 ? ctx.repo.latest(lang, now, 5) : [];
    ctx.render(
      req,
      res,
      'search',
      {
        lang,
        seo,
        q,
        terms: parsed.terms,
        hits: result.hits,
        total: result.total,
        // More matches than are listed: the heading says "more than" and a notice says how to narrow.
        more: result.more,
        loose,
        suggestions,
        pagination: {
          page,
          pages,
          prevUrl: page > 1 ? link(page - 1) : null,
          nextUrl: page < pages && result.total > 0 ? link(page + 1) : null,
        },
      },
      { profile: 'short', cacheable: false, cacheQuery: true },
    );
  });
  return router;
}
