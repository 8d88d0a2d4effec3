// Read queries behind the WordPress-shaped API: filtered, sorted, paged posts and the terms and users they
// point at. Visibility is decided by the time passed in, like the rest of the site. Statements are prepared
// once per sort order (SQL cannot bind an ORDER BY column) and then reused.
import { ARTICLE_BODY_HTML } from './body-codec.js';
import type Database from 'better-sqlite3';
import type { Db } from './connection.js';

export interface WpPostRow {
  id: number;
  lang: string;
  slug: string;
  title: string;
  excerpt: string;
  published_at: number;
  modified_at: number;
  body_html: string;
  image: string | null;
  image_alt: string | null;
  translation_key: string | null;
  author_id: number | null;
  author_slug: string;
  category_id: number | null;
  category_slug: string;
  /** JSON arrays of the article's tag ids and slugs, in the article's order. */
  tag_ids: string;
  tag_slugs: string;
}

export interface WpPostFilter {
  now: number;
  lang: string | null;
  slugs: readonly string[] | null;
  categories: readonly number[] | null;
  categoriesExclude: readonly number[] | null;
  tags: readonly number[] | null;
  tagsExclude: readonly number[] | null;
  authors: readonly number[] | null;
  authorsExclude: readonly number[] | null;
  include: readonly number[] | null;
  exclude: readonly number[] | null;
  /** An FTS5 expression from parseSearchQuery; null means no search. */
  match: string | null;
  before: number | null;
  after: number | null;
  modifiedBefore: number | null;
  modifiedAfter: number | null;
}

export const WP_POST_ORDERBY = [
  'date',
  'id',
  'title',
  'slug',
  'modified',
  'author',
  'include',
  'relevance',
] as const;
export type WpPostOrderby = (typeof WP_POST_ORDERBY)[number];

export interface WpTermRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  parent_id: number | null;
  count: number;
}

export interface WpUserRow {
  id: number;
  slug: string;
  name: string;
  bio: string;
  avatar: string | null;
  url: string | null;
  count: number;
}

const MODIFIED = 'max(a.modified_at, a.published_at)';
const ORDER_EXPR: Record<Exclude<WpPostOrderby, 'relevance'>, string> = {
  date: 'a.published_at',
  id: 'a.id',
  title: 'a.title COLLATE NOCASE',
  slug: 'a.slug',
  modified: MODIFIED,
  author: 'u.id',
  include: '(SELECT j.key FROM json_each(@include) j WHERE j.value = a.id LIMIT 1)',
};

const POST_COLUMNS = `a.id, a.lang, a.slug, a.title, a.excerpt, a.published_at, a.modified_at, ${ARTICLE_BODY_HTML}, a.image, a.image_alt,
  a.translation_key, u.id AS author_id, a.author_slug, c.id AS category_id, a.category_slug,
  (SELECT json_group_array(tag_id) FROM (SELECT x.tag_id FROM article_tags x WHERE x.article_id = a.id ORDER BY x.position)) AS tag_ids,
  (SELECT json_group_array(slug) FROM (SELECT t.slug FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id ORDER BY x.position)) AS tag_slugs`;

const POST_FROM =
  'articles a LEFT JOIN categories c ON c.slug = a.category_slug LEFT JOIN authors u ON u.slug = a.author_slug';

const ids = (name: string) => `(SELECT value FROM json_each(@${name}))`;
const POST_WHERE = `a.draft = 0 AND a.published_at <= @now
  AND (@lang IS NULL OR a.lang = @lang)
  AND (@slugs IS NULL OR a.slug IN ${ids('slugs')})
  AND (@categories IS NULL OR c.id IN ${ids('categories')})
  AND (@categoriesExclude IS NULL OR c.id IS NULL OR c.id NOT IN ${ids('categoriesExclude')})
  AND (@tags IS NULL OR EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = a.id AND x.tag_id IN ${ids('tags')}))
  AND (@tagsExclude IS NULL OR NOT EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = a.id AND x.tag_id IN ${ids('tagsExclude')}))
  AND (@authors IS NULL OR u.id IN ${ids('authors')})
  AND (@authorsExclude IS NULL OR u.id IS NULL OR u.id NOT IN ${ids('authorsExclude')})
  AND (@include IS NULL OR a.id IN ${ids('include')})
  AND (@exclude IS NULL OR a.id NOT IN ${ids('exclude')})
  AND (@before IS NULL OR a.published_at < @before)
  AND (@after IS NULL OR a.published_at > @after)
  AND (@modifiedBefore IS NULL OR ${MODIFIED} < @modifiedBefore)
  AND (@modifiedAfter IS NULL OR ${MODIFIED} > @modifiedAfter)`;

type Bind = Record<string, string | number | null>;
const list = (v: readonly (string | number)[] | null) => (v === null ? null : JSON.stringify(v));

function bind(f: WpPostFilter): Bind {
  return {
    now: f.now,
    lang: f.lang,
    slugs: list(f.slugs),
    categories: list(f.categories),
    categoriesExclude: list(f.categoriesExclude),
    tags: list(f.tags),
    tagsExclude: list(f.tagsExclude),
    authors: list(f.authors),
    authorsExclude: list(f.authorsExclude),
    include: list(f.include),
    exclude: list(f.exclude),
    match: f.match,
    before: f.before,
    after: f.after,
    modifiedBefore: f.modifiedBefore,
    modifiedAfter: f.modifiedAfter,
  };
}

export function createWpRepo(db: Db) {
  const match =
    'AND (@match IS NULL OR a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match))';
  const count = db.prepare<Bind, { n: number }>(
    `SELECT count(*) AS n FROM ${POST_FROM} WHERE ${POST_WHERE} ${match}`,
  );
  const pageSql = (orderby: WpPostOrderby, dir: 'asc' | 'desc') => {
    const d = dir === 'asc' ? 'ASC' : 'DESC';
    return orderby === 'relevance'
      ? // CROSS JOIN keeps the FTS index as the outer loop: one MATCH, not one per article.
        `SELECT ${POST_COLUMNS} FROM articles_fts CROSS JOIN ${POST_FROM}
         WHERE a.id = articles_fts.rowid AND articles_fts MATCH @match AND ${POST_WHERE}
         ORDER BY bm25(articles_fts, 10.0, 4.0, 1.0, 3.0) ${dir === 'asc' ? 'DESC' : 'ASC'}, a.id ${d} LIMIT @limit OFFSET @offset`
      : `SELECT ${POST_COLUMNS} FROM ${POST_FROM} WHERE ${POST_WHERE} ${match}
         ORDER BY ${ORDER_EXPR[orderby]} ${d}, a.id ${d} LIMIT @limit OFFSET @offset`;
  };
  // Every sort order prepared up front, so a broken statement fails at start-up rather than on a request.
  const pages = new Map<string, Database.Statement<[Bind], WpPostRow>>();
  for (const orderby of WP_POST_ORDERBY)
    for (const dir of ['asc', 'desc'] as const)
      pages.set(`${orderby}:${dir}`, db.prepare<Bind, WpPostRow>(pageSql(orderby, dir)));
  const pageStatement = (orderby: WpPostOrderby, dir: 'asc' | 'desc') => {
    const stmt = pages.get(`${orderby}:${dir}`);
    if (!stmt) throw new Error(`no statement for orderby=${orderby} order=${dir}`);
    return stmt;
  };

  const q = {
    post: db.prepare<{ id: number; now: number }, WpPostRow>(
      `SELECT ${POST_COLUMNS} FROM ${POST_FROM} WHERE a.id = @id AND a.draft = 0 AND a.published_at <= @now`,
    ),
    translations: db.prepare<{ key: string; now: number }, { id: number; lang: string }>(
      'SELECT id, lang FROM articles WHERE translation_key = @key AND draft = 0 AND published_at <= @now ORDER BY lang',
    ),
    categories: db.prepare<{ now: number }, WpTermRow>(
      `SELECT c.id, c.slug, c.name, c.description, p.id AS parent_id,
         (SELECT count(*) FROM articles a WHERE a.category_slug = c.slug AND a.draft = 0 AND a.published_at <= @now) AS count
       FROM categories c LEFT JOIN categories p ON p.slug = c.parent_slug AND p.active = 1
       WHERE c.active = 1 ORDER BY c.position, c.name`,
    ),
    // Tags used only by drafts or scheduled articles stay hidden: their names would leak unpublished work.
    tags: db.prepare<{ now: number }, WpTermRow>(
      `SELECT t.id, t.slug, t.name, '' AS description, NULL AS parent_id, count(a.id) AS count
       FROM tags t JOIN article_tags x ON x.tag_id = t.id JOIN articles a ON a.id = x.article_id AND a.draft = 0 AND a.published_at <= @now
       GROUP BY t.id ORDER BY t.name`,
    ),
    // Like WordPress for anonymous requests: only people with published posts are listed.
    users: db.prepare<{ now: number }, WpUserRow>(
      `SELECT * FROM (SELECT u.id, u.slug, u.name, u.bio, u.avatar, u.url,
         (SELECT count(*) FROM articles a WHERE a.author_slug = u.slug AND a.draft = 0 AND a.published_at <= @now) AS count
       FROM authors u WHERE u.active = 1) WHERE count > 0 ORDER BY name`,
    ),
  };

  return {
    countPosts: (f: WpPostFilter) => count.get(bind(f))?.n ?? 0,
    posts: (f: WpPostFilter, orderby: WpPostOrderby, dir: 'asc' | 'desc', limit: number, offset: number) =>
      pageStatement(orderby, dir).all({ ...bind(f), limit, offset }),
    post: (id: number, now: number) => q.post.get({ id, now }) ?? null,
    translations: (key: string, now: number) => q.translations.all({ key, now }),
    categories: (now: number) => q.categories.all({ now }),
    tags: (now: number) => q.tags.all({ now }),
    users: (now: number) => q.users.all({ now }),
  };
}
export type WpRepo = ReturnType<typeof createWpRepo>;
