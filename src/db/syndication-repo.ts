// Read queries for feeds and sitemaps: the latest articles with their bodies, and every public URL's
// last change. Visibility (no drafts, nothing scheduled in the future) is decided by the time passed in.
import { ARTICLE_BODY_HTML } from './body-codec.js';
import type { Db } from './connection.js';

export interface FeedRow {
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
  category_slug: string;
  category_name: string | null;
  author_slug: string;
  author_name: string | null;
}

export interface SitemapArticleRow {
  lang: string;
  slug: string;
  published_at: number;
  modified_at: number;
  image: string | null;
  image_alt: string | null;
  translation_key: string | null;
}

export interface ArchiveRow {
  lang: string;
  slug: string;
  count: number;
  /** The latest change among the archive's articles: a new article moves every page of the archive. */
  lastmod: number;
}

const VISIBLE = 'a.draft = 0 AND a.published_at <= @now';
const CHANGED = 'max(a.modified_at, a.published_at)';

export function createSyndicationRepo(db: Db) {
  const feedColumns = `a.id, a.lang, a.slug, a.title, a.excerpt, a.published_at, a.modified_at, ${ARTICLE_BODY_HTML}, a.image, a.image_alt,
    a.category_slug, c.name AS category_name, a.author_slug, u.name AS author_name
    FROM articles a LEFT JOIN categories c ON c.slug = a.category_slug LEFT JOIN authors u ON u.slug = a.author_slug`;
  const q = {
    feed: db.prepare<{ lang: string; now: number; limit: number }, FeedRow>(
      `SELECT ${feedColumns} WHERE a.lang = @lang AND ${VISIBLE} ORDER BY a.published_at DESC, a.id DESC LIMIT @limit`,
    ),
    categoryFeed: db.prepare<{ lang: string; slug: string; now: number; limit: number }, FeedRow>(
      `SELECT ${feedColumns} WHERE a.lang = @lang AND a.category_slug = @slug AND ${VISIBLE}
       ORDER BY a.published_at DESC, a.id DESC LIMIT @limit`,
    ),
    articles: db.prepare<{ now: number }, SitemapArticleRow>(
      `SELECT a.lang, a.slug, a.published_at, a.modified_at, a.image, a.image_alt, a.translation_key
       FROM articles a WHERE ${VISIBLE} ORDER BY a.lang, a.published_at DESC, a.id DESC`,
    ),
    homes: db.prepare<{ now: number }, { lang: string; lastmod: number }>(
      `SELECT a.lang, max(${CHANGED}) AS lastmod FROM articles a WHERE ${VISIBLE} GROUP BY a.lang`,
    ),
    categories: db.prepare<{ now: number }, ArchiveRow>(
      `SELECT a.lang, c.slug, count(*) AS count, max(${CHANGED}) AS lastmod
       FROM articles a JOIN categories c ON c.slug = a.category_slug AND c.active = 1
       WHERE ${VISIBLE} GROUP BY a.lang, c.slug ORDER BY a.lang, c.position, c.slug`,
    ),
    tags: db.prepare<{ now: number }, ArchiveRow>(
      `SELECT a.lang, t.slug, count(*) AS count, max(${CHANGED}) AS lastmod
       FROM article_tags x JOIN tags t ON t.id = x.tag_id JOIN articles a ON a.id = x.article_id
       WHERE ${VISIBLE} GROUP BY a.lang, t.slug ORDER BY a.lang, t.slug`,
    ),
    authors: db.prepare<{ now: number }, ArchiveRow>(
      `SELECT a.lang, u.slug, count(*) AS count, max(${CHANGED}) AS lastmod
       FROM articles a JOIN authors u ON u.slug = a.author_slug AND u.active = 1
       WHERE ${VISIBLE} GROUP BY a.lang, u.slug ORDER BY a.lang, u.slug`,
    ),
  };
  return {
    feed: (lang: string, now: number, limit: number) => q.feed.all({ lang, now, limit }),
    categoryFeed: (lang: string, slug: string, now: number, limit: number) =>
      q.categoryFeed.all({ lang, slug, now, limit }),
    sitemapArticles: (now: number) => q.articles.all({ now }),
    homes: (now: number) => q.homes.all({ now }),
    categoryArchives: (now: number) => q.categories.all({ now }),
    tagArchives: (now: number) => q.tags.all({ now }),
    authorArchives: (now: number) => q.authors.all({ now }),
  };
}
export type SyndicationRepo = ReturnType<typeof createSyndicationRepo>;
