// The WordPress-shaped read API under /wp-json: discovery, posts, categories, tags, users and courses, with
// WordPress's parameters, totals headers, paging links, errors and CORS, so existing REST clients work unchanged.
import { Router, type Request, type Response } from 'express';
import { createWpRepo } from '../../db/wp-repo.js';
import type { CourseRow } from '../../db/site-repo.js';
import { articlePath } from '../../lib/urls.js';
import type { Ctx } from '../context.js';
import { absoluteHtml } from '../view-models/absolute-html.js';
import { assertPageInRange, filterCommon, sortList } from '../view-models/wp-collection.js';
import { noRoute, WpRestError } from '../view-models/wp-errors.js';
import { shape, type WpKind } from '../view-models/wp-fields.js';
import { wpIndex, wpNamespace, wpTaxonomies, wpTypes } from '../view-models/wp-index.js';
import { COURSE_ORDER, orderKey, TERM_ORDER, USER_ORDER } from '../view-models/wp-order.js';
import { wpCourse, type WpSite } from '../view-models/wp-post.js';
import { readListQuery, readOneQuery, readPostQuery, type Common } from '../view-models/wp-queries.js';
import { wpTerm, wpUser, type Taxonomy } from '../view-models/wp-terms.js';
import { postShaper } from './wp-post-shaper.js';
import { cors, idParam, wpResponder } from './wp-respond.js';

export function wpApiRoutes(ctx: Ctx): Router {
  const router = Router();
  const wp = createWpRepo(ctx.db);
  const wpSite = (): WpSite => ({ baseUrl: ctx.baseUrl(), defaultLang: ctx.site().default_language });
  const { send, sendList, links } = wpResponder(ctx);
  const shaperFor = (now: number, q: Pick<Common, 'shape' | 'embed'>) =>
    postShaper(wp, (area, slug) => ctx.repo.course(area, slug), wpSite(), now, q);

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
    send(req, res, rows.map(shaperFor(now, q)), {
      total,
      pages,
      link: links(req, q.page, pages),
      lastModified: Math.max(0, ...rows.map((r) => Math.max(r.modified_at, r.published_at))),
    });
  });
  router.get('/wp-json/wp/v2/posts/:id', (req, res) => {
    const id = idParam(req.params.id);
    const q = readOneQuery(req.query, 'this post');
    const now = ctx.now();
    const row = wp.post(id, now);
    if (!row) throw new WpRestError(404, 'rest_post_invalid_id', 'Invalid post ID.');
    send(req, res, shaperFor(now, q)(row), {
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
    sendList(
      req,
      res,
      sortList(listed, orderKey(TERM_ORDER, q), q.order, (r) => r.id),
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

  router.get('/wp-json/wp/v2/categories', termList('category'));
  router.get('/wp-json/wp/v2/categories/:id', termOne('category'));
  router.get('/wp-json/wp/v2/tags', termList('post_tag'));
  router.get('/wp-json/wp/v2/tags/:id', termOne('post_tag'));

  router.get('/wp-json/wp/v2/users', (req, res) => {
    const q = readListQuery(req.query, 'user');
    const rows = filterCommon(
      wp.users(ctx.now()).map((u) => ({ ...u, searchText: `${u.name} ${u.slug}` })),
      q,
    );
    sendList(
      req,
      res,
      sortList(rows, orderKey(USER_ORDER, q), q.order, (u) => u.id),
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
    sendList(
      req,
      res,
      sortList(listed, orderKey(COURSE_ORDER, q), q.order, (c) => c.id),
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
