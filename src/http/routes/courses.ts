// Course pages: the index of all areas, one area, a course's landing page (with the enquiry form) and the
// thank-you page. Courses are served under the site's default language; other language prefixes redirect there.
import { randomBytes } from 'node:crypto';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { createAttributionStore } from '../../db/attribution.js';
import { NotFoundError } from '../../errors.js';
import { checkedAttribution, requestAttribution, siteHosts } from '../attribution.js';
import type { Ctx } from '../context.js';
import { createFormTokens, type FormTokens } from '../enquiry-tokens.js';
import { stringsFor } from '../i18n.js';
import { courseStringsFor } from '../i18n-courses.js';
import { buildAreaPage, buildCourseIndex } from '../view-models/course-listing.js';
import { coursePath, enquiryPath } from '../../lib/urls.js';
import { buildCoursePage, courseCrumbs, courseData } from '../view-models/course-page.js';
import { buildEnquiryForm, emptyValues } from '../view-models/enquiry-form.js';
import { makeSeo } from '../view-models/seo.js';
import { enquiryRoutes } from './enquiry.js';
import { requireSlug } from './params.js';
import { redirectTo } from '../redirect.js';

/** The language course pages live under; any other prefix is not a course URL. */
export function requireCourseLang(ctx: Ctx, raw: string | undefined): string {
  const lang = ctx.site().default_language;
  if (raw !== lang) throw new NotFoundError();
  return lang;
}

function formSecret(ctx: Ctx): string {
  if (ctx.config.csrfSecret) return ctx.config.csrfSecret;
  if (ctx.config.env === 'production')
    ctx.logger.warn(
      'CSRF_SECRET is not set: enquiry form tokens are only valid on this process; set it when running several replicas',
    );
  return randomBytes(32).toString('hex');
}

export function courseRoutes(ctx: Ctx): Router {
  const router = Router();
  const tokens: FormTokens = createFormTokens(formSecret(ctx));
  const attribution = createAttributionStore(ctx.db);

  // /fr/courses/... → /en/courses/...: courses have one language, readers of the others still land on them.
  const otherLanguage = (req: Request, res: Response, next: NextFunction) => {
    const lang = req.params.lang as string;
    const def = ctx.site().default_language;
    if (lang !== def && ctx.languages().includes(lang)) {
      redirectTo(res, 301, `/${def}${req.originalUrl.slice(lang.length + 1)}`);
      return;
    }
    next();
  };
  router.get(['/:lang/courses', '/:lang/courses/*rest'], otherLanguage);

  router.use(enquiryRoutes(ctx, tokens));

  router.get('/:lang/courses', (req, res) => {
    const lang = requireCourseLang(ctx, req.params.lang);
    const courses = ctx.repo.courses();
    ctx.render(
      req,
      res,
      'course-index',
      buildCourseIndex({
        site: ctx.site(),
        baseUrl: ctx.baseUrl(),
        lang,
        t: stringsFor(lang),
        strings: courseStringsFor(lang),
        areas: ctx.repo.areas(),
        courses,
      }),
      { lastModified: Math.max(0, ...courses.map((c) => c.modified_at)) },
    );
  });

  router.get('/:lang/courses/:area', (req, res) => {
    const lang = requireCourseLang(ctx, req.params.lang);
    const slug = requireSlug(req.params.area);
    const row = ctx.repo.area(slug);
    const courses = ctx.repo.coursesIn(slug);
    if (!row && courses.length === 0) throw new NotFoundError();
    ctx.render(
      req,
      res,
      'course-area',
      buildAreaPage({
        site: ctx.site(),
        baseUrl: ctx.baseUrl(),
        lang,
        t: stringsFor(lang),
        strings: courseStringsFor(lang),
        area: row ?? { slug, name: slug, intro: '' },
        courses,
      }),
      { lastModified: Math.max(0, ...courses.map((c) => c.modified_at)) },
    );
  });

  router.get('/:lang/courses/:area/:slug', (req, res) => {
    const lang = requireCourseLang(ctx, req.params.lang);
    const area = requireSlug(req.params.area);
    const slug = requireSlug(req.params.slug);
    const row = ctx.repo.course(area, slug);
    if (!row) throw new NotFoundError();
    const now = ctx.now();
    const strings = courseStringsFor(lang);
    const { key, token } = tokens.issue(`${area}/${slug}`, now);
    const hosts = siteHosts(ctx, req);
    const from = checkedAttribution(
      ctx,
      attribution,
      requestAttribution(req.query, req.get('referer'), hosts),
      hosts,
    );
    const form = buildEnquiryForm({
      action: enquiryPath(lang, area, slug),
      values: emptyValues(from),
      errors: {},
      formError: null,
      formats: courseData(row).formats.map((f) => f.name),
      key,
      token,
      strings,
    });
    // Shared caches may keep the page for minutes (the token lives a day and the key is only half of the
    // dedupe key), but the in-process cache keeps pages until the index changes, longer than a token lives.
    ctx.render(
      req,
      res,
      'course',
      buildCoursePage({
        site: ctx.site(),
        baseUrl: ctx.baseUrl(),
        lang,
        t: stringsFor(lang),
        strings,
        row,
        area: ctx.repo.area(area),
        articles: ctx.repo.articlesForCourse(area, slug, lang, now),
        now,
        form,
      }),
      // Last-Modified is the render time: every render carries its own token, so an old copy is never "fresh".
      // Article, CTA and UTM come from the URL, so a shared cache keyed by URL keeps them right; the
      // referring host does not, so a page that carries one is never stored by any cache (no-store).
      { cacheable: false, lastModified: now, ...(from.referrerHost ? { profile: 'none' as const } : {}) },
    );
  });

  router.get('/:lang/courses/:area/:slug/thanks', (req, res) => {
    const lang = requireCourseLang(ctx, req.params.lang);
    const area = requireSlug(req.params.area);
    const slug = requireSlug(req.params.slug);
    const row = ctx.repo.course(area, slug);
    if (!row) throw new NotFoundError();
    const strings = courseStringsFor(lang);
    const areaRow = ctx.repo.area(area);
    ctx.render(
      req,
      res,
      'enquiry-thanks',
      {
        lang,
        seo: makeSeo(ctx.site(), ctx.baseUrl(), {
          title: `${strings.thanksTitle}: ${row.title}`,
          description: strings.thanksLead(row.title),
          path: req.path,
          robots: 'noindex',
        }),
        cs: strings,
        crumbs: [
          ...courseCrumbs(stringsFor(lang), strings, lang, areaRow ?? { slug: area, name: area }, row),
          { name: strings.thanksTitle, href: req.path },
        ],
        course: row,
        courseHref: coursePath(lang, area, slug),
      },
      { lastModified: row.modified_at },
    );
  });

  return router;
}
