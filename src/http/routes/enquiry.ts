// The enquiry form's POST: rate limit, body parsing, same-origin check, honeypot, signed token, validation,
// then one stored row and a 303 to the thank-you page. Errors re-render the form with the answers kept.
import { createHash } from 'node:crypto';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { createAttributionStore } from '../../db/attribution.js';
import { createEnquiryStore } from '../../db/enquiries.js';
import { configuredTargets } from '../../enquiries/targets.js';
import type { CourseRow } from '../../db/site-repo.js';
import { AppError, NotFoundError } from '../../errors.js';
import { toIso } from '../../lib/dates.js';
import { isCrossSite } from '../../lib/csrf.js';
import { FixedWindowLimiter } from '../../lib/rate-limit.js';
import { checkedAttribution, siteHosts } from '../attribution.js';
import type { Ctx } from '../context.js';
import type { FormTokens } from '../enquiry-tokens.js';
import { stringsFor } from '../i18n.js';
import { courseStringsFor, type CourseStrings } from '../i18n-courses.js';
import { coursePath, enquiryPath, thanksPath } from '../../lib/urls.js';
import { courseCrumbs, courseData } from '../view-models/course-page.js';
import {
  buildEnquiryForm,
  NOT_SURE,
  readSubmission,
  validateEnquiry,
  type EnquiryValues,
  type FieldErrors,
} from '../view-models/enquiry-form.js';
import { makeSeo } from '../view-models/seo.js';
import { enquiryIntakeRoutes } from './enquiry-intake.js';
import { requireSlug } from './params.js';
import { redirectTo } from '../redirect.js';

const PATH = '/:lang/courses/:area/:slug/enquiry';

/**
 * What makes two submissions "the same": the form render's key plus what was typed. A page served from a
 * shared cache hands one key to many readers; their answers differ, so their enquiries never collide.
 */
export function dedupeKey(key: string, scope: string, v: EnquiryValues): string {
  return createHash('sha256')
    .update(JSON.stringify([key, scope, v.name, v.email.toLowerCase(), v.phone, v.format, v.message, v.from]))
    .digest('base64url');
}

function bodyError(error: unknown, s: CourseStrings): AppError {
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 413) return new AppError(413, s.formTooLarge, { cause: error });
  if (status === 415) return new AppError(415, s.formUnreadable, { cause: error });
  return new AppError(400, s.formUnreadable, { cause: error });
}

export function enquiryRoutes(ctx: Ctx, tokens: FormTokens): Router {
  const router = Router();
  router.use(enquiryIntakeRoutes(ctx));
  const store = createEnquiryStore(ctx.db);
  const attribution = createAttributionStore(ctx.db);
  const targets = configuredTargets(ctx.config);
  const limiter = new FixedWindowLimiter(ctx.config.rateLimitPerMinute);
  const urlencoded = express.urlencoded({ extended: false, limit: '20kb' });

  const lookup = (req: Request): { lang: string; row: CourseRow } => {
    const lang = ctx.site().default_language;
    if (req.params.lang !== lang) throw new NotFoundError();
    const row = ctx.repo.course(
      requireSlug(req.params.area as string),
      requireSlug(req.params.slug as string),
    );
    if (!row) throw new NotFoundError();
    return { lang, row };
  };

  const rateLimit: RequestHandler = (req, res, next) => {
    const decision = limiter.hit(req.ip ?? 'unknown', ctx.now());
    if (decision.allowed) {
      next();
      return;
    }
    const lang = ctx.site().default_language;
    const s = courseStringsFor(lang);
    const row = ctx.repo.course(String(req.params.area), String(req.params.slug));
    ctx.logger.warn({ ip: req.ip, path: req.path }, 'enquiry rate limit reached');
    res.setHeader('Retry-After', String(decision.retryAfterSec));
    ctx.render(
      req,
      res,
      'enquiry-limited',
      {
        lang,
        seo: makeSeo(ctx.site(), ctx.baseUrl(), {
          title: s.limitedTitle,
          description: s.limitedText(decision.retryAfterSec),
          path: req.path,
          robots: 'noindex',
        }),
        cs: s,
        text: s.limitedText(decision.retryAfterSec),
        courseHref: row ? coursePath(lang, row.area_slug, row.slug) : null,
        courseTitle: row?.title ?? null,
      },
      { status: 429, profile: 'none', cacheable: false },
    );
  };

  const parseBody: RequestHandler = (req, res, next) => {
    const s = courseStringsFor(ctx.site().default_language);
    urlencoded(req, res, (error?: unknown) => {
      if (error) next(bodyError(error, s));
      else if (req.body === undefined) next(new AppError(415, s.formUnreadable));
      else next();
    });
  };

  const rerender = (
    req: Request,
    res: Response,
    lang: string,
    row: CourseRow,
    status: number,
    values: EnquiryValues,
    errors: FieldErrors,
    formError: string | null,
  ) => {
    const s = courseStringsFor(lang);
    const t = stringsFor(lang);
    const { key, token } = tokens.issue(`${row.area_slug}/${row.slug}`, ctx.now());
    const heading = s.fixHeading(row.title);
    const area = ctx.repo.area(row.area_slug) ?? { slug: row.area_slug, name: row.area_slug };
    ctx.render(
      req,
      res,
      'enquiry-page',
      {
        lang,
        seo: makeSeo(ctx.site(), ctx.baseUrl(), {
          title: `${s.errorTitlePrefix}${s.enquireHeading(row.title)}`,
          description: row.summary,
          path: coursePath(lang, row.area_slug, row.slug),
          robots: 'noindex',
        }),
        cs: s,
        heading,
        crumbs: [...courseCrumbs(t, s, lang, area, row), { name: s.enquireNow, href: req.path }],
        course: row,
        courseHref: coursePath(lang, row.area_slug, row.slug),
        form: buildEnquiryForm({
          action: enquiryPath(lang, row.area_slug, row.slug),
          values,
          errors,
          formError,
          formats: courseData(row).formats.map((f) => f.name),
          key,
          token,
          strings: s,
        }),
      },
      { status, profile: 'none', cacheable: false },
    );
  };

  // A GET here (a bookmark, a reload after a redirect) goes back to the form on the course page.
  router.get(PATH, (req, res) => {
    const { lang, row } = lookup(req);
    redirectTo(res, 303, `${coursePath(lang, row.area_slug, row.slug)}#enquiry`);
  });

  const sameOrigin: RequestHandler = (req, _res, next) => {
    lookup(req);
    const allowed: string[] = [];
    try {
      allowed.push(new URL(ctx.baseUrl()).origin);
    } catch {
      /* no usable base URL: the Host header decides */
    }
    const from = {
      origin: req.headers.origin,
      secFetchSite: req.get('sec-fetch-site'),
      host: req.headers.host,
    };
    if (isCrossSite(from, allowed))
      throw new AppError(403, courseStringsFor(ctx.site().default_language).formCrossSite);
    next();
  };

  const submit: RequestHandler = (req, res) => {
    const { lang, row } = lookup(req);
    const s = courseStringsFor(lang);
    const scope = `${row.area_slug}/${row.slug}`;
    const read = readSubmission(req.body as Record<string, unknown>);
    const hosts = siteHosts(ctx, req);
    // Hidden fields are checked against the index again: only a visible article is attributed.
    const sub = {
      ...read,
      values: { ...read.values, ...checkedAttribution(ctx, attribution, read.values, hosts) },
    };
    const thanks = thanksPath(lang, row.area_slug, row.slug);
    if (sub.honeypot) {
      ctx.logger.info({ course: scope }, 'enquiry honeypot filled: not stored');
      redirectTo(res, 303, thanks);
      return;
    }
    const now = ctx.now();
    const formats = courseData(row).formats.map((f) => f.name);
    const errors = validateEnquiry(sub.values, formats, s);
    // Nothing is stored without a valid token; the page says why and keeps (and checks) the answers.
    if (tokens.check(scope, sub.key, sub.token, now) !== 'valid') {
      rerender(req, res, lang, row, 403, sub.values, errors, s.errToken);
      return;
    }
    if (Object.keys(errors).length > 0) {
      rerender(req, res, lang, row, 422, sub.values, errors, null);
      return;
    }
    const v = sub.values;
    const stored = store.add(
      {
        createdAt: toIso(now),
        courseArea: row.area_slug,
        courseSlug: row.slug,
        name: v.name,
        email: v.email,
        phone: v.phone || null,
        format: v.format === NOT_SURE ? null : v.format,
        message: v.message,
        consent: v.consent,
        fromArticle: v.from,
        fromCta: v.cta,
        utm: v.utm,
        referrerHost: v.referrerHost,
        idempotencyKey: dedupeKey(sub.key, scope, v),
      },
      targets,
      now,
    );
    ctx.logger.info({ course: scope, from: v.from, duplicate: !stored }, 'enquiry received');
    // Only after the commit: a reader who sees the thank-you page has an enquiry on disk.
    redirectTo(res, 303, thanks);
  };

  router.post(PATH, rateLimit, sameOrigin, parseBody, submit);

  return router;
}
