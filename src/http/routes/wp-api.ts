// The WordPress-shaped read API under /wp-json: discovery, posts, categories, tags, users and courses, with
// WordPress's parameters, totals headers, paging links, errors and CORS, so existing REST clients work unchanged.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { createWpRepo, type WpPostRow, type WpTermRow, type WpUserRow } from '../../db/wp-repo.js';
import type { CourseRow } from '../../db/site-repo.js';
import type { Ctx } from '../context.js';
import { absoluteHtml } from '../view-models/absolute-html.js';
import { expandCtas } from '../view-models/cta.js';
import { ctaLookup } from '../view-models/cta-lookup.js';
import {
  assertPageInRange,
  filterCommon,
  pageOf,
  positionIn,
  sortList,
} from '../view-models/wp-collection.js';
import { noRoute, WpRestError } from '../view-models/wp-errors.js';
import { pageLinks, shape, type WpKind } from '../view-models/wp-fields.js';
import { wpIndex, wpNamespace, wpTaxonomies, wpTypes } from '../view-models/wp-index.js';
import { wpCourse, wpPost, type WpObject, type WpSite } from '../view-models/wp-post.js';
import {
  readListQuery,
  readOneQuery,
  readPostQuery,
  type Common,
  type ListQuery,
} from '../view-models/wp-queries.js';
import { wpTerm, wpUser, type Taxonomy } from '../view-models/wp-terms.js';
import { articlePath } from '../../lib/urls.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** CORS for reads from any origin, exposing the paging headers; preflight requests end here. */
const cors: RequestHandler = (req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'X-WP-Total, X-WP-TotalPages, Link');
  res.setHeader(
    'Access-Control-Allow-Headers',
    'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
  );
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Max-Age', '86400');
    res.setHeader('Allow', 'GET, HEAD, OPTIONS');
    res.status(204).end();
    return;
  }
  next();
};

const wants = (embed: boolean | string[], rel: string) =>
  embed === true || (Array.isArray(embed) && embed.includes(rel));

function idParam(raw: string | undefined): number {
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) throw noRoute();
  return Number(raw);
}

export function wpApiRoutes(ctx: Ctx): Router {
  const router = Router();
  const wp = createWpRepo(ctx.db);
  const wpSite = (): WpSite => ({ baseUrl: ctx.baseUrl(), defaultLang: ctx.site().default_language });
  const indexedAt = () => Date.parse(ctx.repo.state('last_indexed_at') ?? '') || 0;

  const send = (
    req: Request,
    res: Response,
    body: unknown,
    meta: { total?: number; pages?: number; link?: string | null; lastModified?: number } = {},
  ) => {
    if (meta.total !== undefined) res.setHeader('X-WP-Total', String(meta.total));
    if (meta.pages !== undefined) res.setHeader('X-WP-TotalPages', String(meta.pages));
    if (meta.link) res.setHeader('Link', meta.link);
    res.setHeader('Allow', 'GET');
    ctx.send(req, res, JSON.stringify(body), JSON_TYPE, {
      profile: 'feed',
      lastModified: Math.max(indexedAt(), meta.lastModified ?? 0),
    });
  };
  const collectionUrl = (req: Request) => `${ctx.baseUrl()}${req.path.replace(/\/+$/, '')}`;
  const search = (req: Request) => {
    const i = req.originalUrl.indexOf('?');
    return i === -1 ? '' : req.originalUrl.slice(i + 1);
  };

  /** Builds post objects for one request, loading what `_embed` needs only once. */
  const postShaper = (now: number, q: Pick<Common, 'shape' | 'embed'>) => {
    const site = wpSite();
    const lookup = ctaLookup((area, slug) => ctx.repo.course(area, slug));
    let users: Map<number, WpUserRow> | null = null;
    let cats: Map<number, WpTermRow> | null = null;
    let tags: Map<number, WpTermRow> | null = null;
    const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
    const embedOpts = { context: 'embed' as const, fields: null };
    return (row: WpPostRow): WpObject => {
      const content = absoluteHtml(
        expandCtas(row.body_html, lookup, site.defaultLang, row.slug),
        site.baseUrl,
      );
      const translations = row.translation_key
        ? wp.translations(row.translation_key, now).filter((t) => t.id !== row.id)
        : [];
      const obj = wpPost(row, site, { contentHtml: content, translations });
      const embedded: WpObject = {};
      if (wants(q.embed, 'author') && row.author_id !== null) {
        users ??= byId(wp.users(now));
        const u = users.get(row.author_id);
        if (u) embedded.author = [shape(wpUser(u, site), 'user', embedOpts)];
      }
      if (wants(q.embed, 'wp:term')) {
        cats ??= byId(wp.categories(now));
        tags ??= byId(wp.tags(now));
        const cat = row.category_id === null ? undefined : cats.get(row.category_id);
        const tagRows = (JSON.parse(row.tag_ids) as number[]).flatMap((id) => tags?.get(id) ?? []);
        embedded['wp:term'] = [
          cat ? [shape(wpTerm(cat, 'category', site), 'term', embedOpts)] : [],
          tagRows.map((t) => shape(wpTerm(t, 'post_tag', site), 'term', embedOpts)),
        ];
      }
      return shape(obj, 'post', q.shape, embedded);
    };
  };

  router.use('/wp-json', cors);

  router.get('/wp-json', (req, res) => {
    send(req, res, wpIndex(ctx.site(), ctx.baseUrl()));
  });
  router.get('/wp-json/wp/v2', (req, res) => {
    send(req, res, wpNamespace(ctx.baseUrl()));
  });
  router.get('/wp-json/wp/v2/types', (req, res) => {
    send(req, res, wpTypes(ctx.baseUrl()));
  });
  router.get('/wp-json/wp/v2/types/:type', (req, res) => {
    const type = wpTypes(ctx.baseUrl())[req.params.type];
    if (!type) throw new WpRestError(404, 'rest_type_invalid', 'Invalid post type.');
    send(req, res, type);
  });
  router.get('/wp-json/wp/v2/taxonomies', (req, res) => {
    send(req, res, wpTaxonomies(ctx.baseUrl()));
  });
  router.get('/wp-json/wp/v2/taxonomies/:taxonomy', (req, res) => {
    const tax = wpTaxonomies(ctx.baseUrl())[req.params.taxonomy];
    if (!tax) throw new WpRestError(404, 'rest_taxonomy_invalid', 'Invalid taxonomy.');
    send(req, res, tax);
  });

  router.get('/wp-json/wp/v2/posts', (req, res) => {
    const q = readPostQuery(req.query, ctx.languages());
    const now = ctx.now();
    const filter = { ...q.filter, now };
    const total = q.nothing ? 0 : wp.countPosts(filter);
    const pages = Math.ceil(total / q.perPage);
    assertPageInRange(q.page, pages, total);
    const rows = total === 0 ? [] : wp.posts(filter, q.orderby, q.order, q.perPage, (q.page - 1) * q.perPage);
    const toObject = postShaper(now, q);
    send(req, res, rows.map(toObject), {
      total,
      pages,
      link: pageLinks(collectionUrl(req), search(req), q.page, pages),
      lastModified: Math.max(0, ...rows.map((r) => Math.max(r.modified_at, r.published_at))),
    });
  });
  router.get('/wp-json/wp/v2/posts/:id', (req, res) => {
    const id = idParam(req.params.id);
    const q = readOneQuery(req.query, 'this post');
    const now = ctx.now();
    const row = wp.post(id, now);
    if (!row) throw new WpRestError(404, 'rest_post_invalid_id', 'Invalid post ID.');
    send(req, res, postShaper(now, q)(row), {
      link: `<${ctx.baseUrl()}${articlePath(row.lang, row.slug)}>; rel="alternate"; type="text/html"`,
      lastModified: Math.max(row.modified_at, row.published_at),
    });
  });

  // Terms: categories and tags share WordPress's term shape and parameters.
  const termList = (taxonomy: Taxonomy) => (req: Request, res: Response) => {
    const kind = taxonomy === 'category' ? 'category' : 'tag';
    const q = readListQuery(req.query, kind);
    const now = ctx.now();
    let rows = taxonomy === 'category' ? wp.categories(now) : wp.tags(now);
    if (q.post !== null) {
      const post = wp.post(q.post, now);
      const ids =
        post === null
          ? []
          : taxonomy === 'category'
            ? [post.category_id]
            : (JSON.parse(post.tag_ids) as number[]);
      rows = rows.filter((r) => ids.includes(r.id));
    }
    if (q.hideEmpty) rows = rows.filter((r) => r.count > 0);
    if (q.parent !== null) rows = rows.filter((r) => (r.parent_id ?? 0) === q.parent);
    const listed = filterCommon(
      rows.map((r) => ({ ...r, searchText: `${r.name} ${r.slug}` })),
      q,
    );
    const key = (r: WpTermRow): string | number => {
      switch (q.orderby) {
        case 'id':
          return r.id;
        case 'include':
          return positionIn(q.include, r.id);
        case 'slug':
          return r.slug;
        case 'include_slugs':
          return positionIn(q.slugs, r.slug);
        case 'description':
          return r.description;
        case 'count':
          return r.count;
        case 'term_group':
          return 0;
        default:
          return r.name;
      }
    };
    sendList(
      req,
      res,
      sortList(listed, key, q.order, (r) => r.id),
      q,
      false,
      (r) => shape(wpTerm(r, taxonomy, wpSite()), 'term', q.shape),
    );
  };
  const termOne = (taxonomy: Taxonomy) => (req: Request, res: Response) => {
    const id = idParam(req.params.id as string | undefined);
    const q = readOneQuery(req.query, 'terms in this taxonomy');
    const now = ctx.now();
    const row = (taxonomy === 'category' ? wp.categories(now) : wp.tags(now)).find((r) => r.id === id);
    if (!row) throw new WpRestError(404, 'rest_term_invalid', 'Term does not exist.');
    send(req, res, shape(wpTerm(row, taxonomy, wpSite()), 'term', q.shape));
  };

  function sendList<T>(
    req: Request,
    res: Response,
    items: readonly T[],
    q: ListQuery,
    strict: boolean,
    toObject: (item: T) => WpObject,
  ) {
    const page = pageOf(items, q.page, q.perPage, strict);
    send(req, res, page.items.map(toObject), {
      total: page.total,
      pages: page.pages,
      link: pageLinks(collectionUrl(req), search(req), q.page, page.pages),
    });
  }

  router.get('/wp-json/wp/v2/categories', termList('category'));
  router.get('/wp-json/wp/v2/categories/:id', termOne('category'));
  router.get('/wp-json/wp/v2/tags', termList('post_tag'));
  router.get('/wp-json/wp/v2/tags/:id', termOne('post_tag'));

  const userKey =
    (q: ListQuery) =>
    (u: WpUserRow): string | number => {
      switch (q.orderby) {
        case 'include':
          return positionIn(q.include, u.id);
        case 'slug':
          return u.slug;
        case 'include_slugs':
          return positionIn(q.slugs, u.slug);
        case 'url':
          return u.url ?? '';
        case 'name':
          return u.name;
        default:
          return u.id;
      }
    };
  router.get('/wp-json/wp/v2/users', (req, res) => {
    const q = readListQuery(req.query, 'user');
    const rows = filterCommon(
      wp.users(ctx.now()).map((u) => ({ ...u, searchText: `${u.name} ${u.slug}` })),
      q,
    );
    sendList(
      req,
      res,
      sortList(rows, userKey(q), q.order, (u) => u.id),
      q,
      false,
      (u) => shape(wpUser(u, wpSite()), 'user', q.shape),
    );
  });
  router.get('/wp-json/wp/v2/users/:id', (req, res) => {
    const id = idParam(req.params.id);
    const q = readOneQuery(req.query, 'this user');
    const user = wp.users(ctx.now()).find((u) => u.id === id);
    if (!user) throw new WpRestError(404, 'rest_user_invalid_id', 'Invalid user ID.');
    send(req, res, shape(wpUser(user, wpSite()), 'user', q.shape));
  });

  const courseObject = (row: CourseRow, kind: WpKind, q: Pick<Common, 'shape'>) => {
    const site = wpSite();
    return shape(wpCourse(row, site, absoluteHtml(row.body_html, site.baseUrl)), kind, q.shape);
  };
  router.get('/wp-json/wp/v2/courses', (req, res) => {
    const q = readListQuery(req.query, 'course');
    let rows = ctx.repo.courses();
    if (q.area !== null) rows = rows.filter((c) => c.area_slug === q.area);
    const listed = filterCommon(
      rows.map((c) => ({ ...c, searchText: `${c.title} ${c.summary}` })),
      q,
    );
    const key = (c: CourseRow): string | number => {
      switch (q.orderby) {
        case 'id':
          return c.id;
        case 'title':
          return c.title;
        case 'slug':
          return c.slug;
        case 'include':
          return positionIn(q.include, c.id);
        default:
          return c.modified_at;
      }
    };
    sendList(
      req,
      res,
      sortList(listed, key, q.order, (c) => c.id),
      q,
      true,
      (c) => courseObject(c, 'course', q),
    );
  });
  router.get('/wp-json/wp/v2/courses/:id', (req, res) => {
    const id = idParam(req.params.id);
    const q = readOneQuery(req.query, 'this post');
    const row = ctx.repo.courses().find((c) => c.id === id);
    if (!row) throw new WpRestError(404, 'rest_post_invalid_id', 'Invalid post ID.');
    send(req, res, courseObject(row, 'course', q), { lastModified: row.modified_at });
  });

  router.use('/wp-json', () => {
    throw noRoute();
  });
  return router;
}
