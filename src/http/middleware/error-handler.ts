// The one place that turns errors into HTTP statuses and pages; nothing about the server leaks to the client.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { AppError, NotFoundError } from '../../errors.js';
import type { Ctx } from '../context.js';
import { stringsFor } from '../i18n.js';
import { makeSeo } from '../view-models/seo.js';
import { WpRestError } from '../view-models/wp-errors.js';
import { redirectTo } from '../redirect.js';
import { articlePath } from '../../lib/urls.js';

function statusOf(error: unknown): number {
  if (error instanceof AppError) return error.status;
  const s =
    (error as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' && s >= 400 && s < 600 ? s : 500;
}

function langOf(ctx: Ctx, req: Request): string {
  const first = req.path.split('/')[1] ?? '';
  return ctx.languages().includes(first) ? first : ctx.site().default_language;
}

/** Before answering 404, an old path listed in an article's `aliases` redirects to it. */
export function notFound(ctx: Ctx): RequestHandler {
  return (req, res) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const target = ctx.repo.redirect(req.path, ctx.now());
      if (target) {
        redirectTo(res, 301, articlePath(target.lang, target.slug));
        return;
      }
    }
    throw new NotFoundError();
  };
}

export function errorHandler(ctx: Ctx): ErrorRequestHandler {
  const handle = answer(ctx);
  return (error: unknown, req, res, next) => {
    try {
      handle(error, req, res, next);
    } catch (handlerError) {
      // The database may be what failed (site settings, languages and aliases all live there). Left to
      // Express, this second error would be printed with its stack; answer in plain words instead.
      ctx.logger.error({ err: handlerError }, 'error handler failed');
      if (res.headersSent) return;
      const t = stringsFor('en');
      res
        .status(statusOf(error))
        .setHeader('Cache-Control', 'no-store')
        .type('text/plain')
        .send(statusOf(error) === 404 ? t.notFoundTitle : t.errorTitle);
    }
  };
}

function answer(ctx: Ctx): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const status = statusOf(error);
    if (status >= 500) ctx.logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    if (res.headersSent) {
      next(error);
      return;
    }
    // Routes like /:lang/:slug throw 404 before notFound() runs, so aliases such as /en/old-name are looked up here too.
    if (
      status === 404 &&
      (req.method === 'GET' || req.method === 'HEAD') &&
      !req.path.startsWith('/wp-json')
    ) {
      const target = ctx.repo.redirect(req.path, ctx.now());
      if (target) {
        redirectTo(res, 301, articlePath(target.lang, target.slug));
        return;
      }
    }
    const exposeMessage = error instanceof AppError && error.expose ? error.message : null;
    if (req.path.startsWith('/wp-json')) {
      res.status(status).setHeader('Cache-Control', 'no-store');
      res.json(
        error instanceof WpRestError
          ? error.body()
          : {
              code:
                status === 404
                  ? 'rest_no_route'
                  : status >= 500
                    ? 'rest_internal_error'
                    : 'rest_invalid_request',
              message: exposeMessage ?? 'Request failed.',
              data: { status },
            },
      );
      return;
    }
    const lang = langOf(ctx, req);
    const t = stringsFor(lang);
    const view = status === 404 || status === 410 ? 'not-found' : 'error';
    const title =
      status === 404
        ? t.notFoundTitle
        : status === 410
          ? t.goneTitle
          : status < 500
            ? t.badRequestTitle
            : t.errorTitle;
    const text =
      status === 404
        ? t.notFoundText
        : status === 410
          ? t.goneText
          : status < 500
            ? (exposeMessage ?? t.errorText)
            : t.errorText;
    try {
      ctx.render(
        req,
        res,
        `../errors/${view}`,
        {
          lang,
          seo: makeSeo(ctx.site(), ctx.baseUrl(), {
            title,
            description: text,
            path: req.path,
            robots: 'noindex',
          }),
          status,
          title,
          text,
          categories: ctx.categories(lang),
        },
        { status, profile: status === 404 || status === 410 ? 'short' : 'none', cacheable: false },
      );
    } catch (renderError) {
      ctx.logger.error({ err: renderError }, 'error page failed to render');
      res.status(status).type('text/plain').send(title);
    }
  };
}
