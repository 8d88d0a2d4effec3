// Attribution on the site: what a course page's form carries (article, CTA, UTM, referring host), checked
// against the index when the page is built and again when the form comes back; and the CTA arrival counter.
import type { IncomingMessage } from 'node:http';
import type { AttributionStore } from '../db/attribution.js';
import { ctaOrNull, isOwnHost, referrerHost, utmFrom } from '../lib/attribution.js';
import { toIso } from '../lib/dates.js';
import type { Ctx } from './context.js';
import { ownHosts } from './middleware/request-target.js';
import { slugOrNull, type FormAttribution } from './view-models/enquiry-form.js';

/**
 * Keeps what the index confirms: an article that is visible now (else neither it nor its CTA is kept),
 * UTM values as read, and a referring host that is not this site.
 */
export function checkedAttribution(
  ctx: Ctx,
  store: AttributionStore,
  raw: FormAttribution,
  hosts: readonly string[],
): FormAttribution {
  const lang = ctx.site().default_language;
  const article = raw.from ? store.article(raw.from, lang, ctx.now()) : null;
  return {
    from: article ? article.slug : null,
    cta: article ? raw.cta : null,
    utm: raw.utm,
    referrerHost: raw.referrerHost && !isOwnHost(raw.referrerHost, hosts) ? raw.referrerHost : null,
  };
}

/** The course page request's attribution: its query string and the host of its Referer header. */
export function requestAttribution(
  query: Readonly<Record<string, unknown>>,
  referer: string | undefined,
  hosts: readonly string[],
): FormAttribution {
  return {
    from: slugOrNull(query.from),
    cta: ctaOrNull(query.cta),
    utm: utmFrom(query),
    referrerHost: referrerHost(referer, hosts),
  };
}

/** The site's own hosts for a request: its Host header and the configured base URL's. */
export function siteHosts(ctx: Ctx, req: IncomingMessage): string[] {
  return ownHosts(req, ctx.baseUrl());
}

const COURSE_PATH = /^\/([^/?]+)\/courses\/([^/?]+)\/([^/?]+)$/;

function isPrefetch(req: IncomingMessage): boolean {
  const purpose = `${String(req.headers['sec-purpose'] ?? '')} ${String(req.headers.purpose ?? '')}`;
  return /prefetch|prerender/i.test(purpose);
}

/**
 * Counts a course-page GET that came through a CTA (`?from=<visible article>&cta=<position>`), before the
 * page cache can answer it, so a cached page is counted too. A page a shared cache (nginx, a CDN) answers
 * never reaches Folio: the counter is an undercount there. Prefetches are not arrivals.
 */
export function createArrivalCounter(ctx: Ctx, store: AttributionStore): (req: IncomingMessage) => void {
  return (req) => {
    if (req.method !== 'GET' || !req.url?.includes('cta=') || isPrefetch(req)) return;
    try {
      const url = new URL(req.url, 'http://folio.invalid');
      const m = COURSE_PATH.exec(url.pathname);
      if (!m || m[1] !== ctx.site().default_language) return;
      const cta = ctaOrNull(url.searchParams.get('cta'));
      const from = slugOrNull(url.searchParams.get('from'));
      const [area = '', slug = ''] = [m[2], m[3]].map((p) => decodeURIComponent(p ?? ''));
      if (!cta || !from || !ctx.repo.course(area, slug)) return;
      const article = store.article(from, m[1], ctx.now());
      if (!article) return;
      const day = toIso(ctx.now()).slice(0, 10);
      store.countArrival({ day, article: article.slug, cta, courseArea: area, courseSlug: slug });
    } catch (err) {
      // Counting is never worth failing a page for.
      ctx.logger.warn({ err }, 'CTA arrival not counted');
    }
  };
}
