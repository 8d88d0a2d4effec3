// The public site's article queries, prepared once: listings (home, archives, their counts) and what an
// article page shows (the article, its tags, related lists, neighbours, backlinks, translations).
import { ARTICLE_BODY_HTML } from './body-codec.js';
import type { Db } from './connection.js';
import {
  CARD,
  JOINS,
  VISIBLE,
  type ArticleCard,
  type ArticleRow,
  type PreviewableRow,
  type Tag,
} from './site-rows.js';

/** The columns of an article page (ArticleRow): the card, the body and what the page shows around it. */
const ARTICLE = `${CARD}, ${ARTICLE_BODY_HTML}, a.toc_json, a.cta_course, a.translation_key, a.word_count, a.related_json,
  u.bio AS author_bio, u.avatar AS author_avatar, u.id AS author_id, c.id AS category_id`;

export function createArticleQueries(db: Db) {
  const q = {
    latest: db.prepare<{ lang: string; now: number; limit: number; offset: number }, ArticleCard>(
      `SELECT ${CARD} FROM articles a ${JOINS} WHERE a.lang = @lang AND ${VISIBLE} ORDER BY a.published_at DESC, a.id DESC LIMIT @limit OFFSET @offset`,
    ),
    countLatest: db.prepare<{ lang: string; now: number }, { n: number }>(
      `SELECT count(*) AS n FROM articles a WHERE a.lang = @lang AND ${VISIBLE}`,
    ),
    allVisible: db.prepare<{ now: number }, ArticleCard>(
      `SELECT ${CARD} FROM articles a ${JOINS} WHERE ${VISIBLE} ORDER BY a.published_at DESC, a.id DESC`,
    ),
    byCategory: db.prepare<
      { lang: string; slug: string; now: number; limit: number; offset: number },
      ArticleCard
    >(
      `SELECT ${CARD} FROM articles a ${JOINS} WHERE a.lang = @lang AND a.category_slug = @slug AND ${VISIBLE}
       ORDER BY a.published_at DESC, a.id DESC LIMIT @limit OFFSET @offset`,
    ),
    countCategory: db.prepare<{ lang: string; slug: string; now: number }, { n: number }>(
      `SELECT count(*) AS n FROM articles a WHERE a.lang = @lang AND a.category_slug = @slug AND ${VISIBLE}`,
    ),
    byAuthor: db.prepare<
      { lang: string; slug: string; now: number; limit: number; offset: number },
      ArticleCard
    >(
      `SELECT ${CARD} FROM articles a ${JOINS} WHERE a.lang = @lang AND a.author_slug = @slug AND ${VISIBLE}
       ORDER BY a.published_at DESC, a.id DESC LIMIT @limit OFFSET @offset`,
    ),
    countAuthor: db.prepare<{ lang: string; slug: string; now: number }, { n: number }>(
      `SELECT count(*) AS n FROM articles a WHERE a.lang = @lang AND a.author_slug = @slug AND ${VISIBLE}`,
    ),
    byTag: db.prepare<
      { lang: string; slug: string; now: number; limit: number; offset: number },
      ArticleCard
    >(
      `SELECT ${CARD} FROM article_tags x JOIN tags t ON t.id = x.tag_id JOIN articles a ON a.id = x.article_id ${JOINS}
       WHERE t.slug = @slug AND a.lang = @lang AND ${VISIBLE} ORDER BY a.published_at DESC, a.id DESC LIMIT @limit OFFSET @offset`,
    ),
    countTag: db.prepare<{ lang: string; slug: string; now: number }, { n: number }>(
      `SELECT count(*) AS n FROM article_tags x JOIN tags t ON t.id = x.tag_id JOIN articles a ON a.id = x.article_id
       WHERE t.slug = @slug AND a.lang = @lang AND ${VISIBLE}`,
    ),
    article: db.prepare<{ lang: string; slug: string; now: number }, ArticleRow>(
      `SELECT ${ARTICLE}
       FROM articles a ${JOINS} WHERE a.lang = @lang AND a.slug = @slug AND ${VISIBLE}`,
    ),
    articleById: db.prepare<{ id: number; now: number }, ArticleRow>(
      `SELECT ${ARTICLE}
       FROM articles a ${JOINS} WHERE a.id = @id AND ${VISIBLE}`,
    ),
    // Without the visibility rule: only for preview links and `npm run dev` (src/http/preview.ts).
    articleInAnyState: db.prepare<{ lang: string; slug: string }, PreviewableRow>(
      `SELECT ${ARTICLE}, a.draft
       FROM articles a ${JOINS} WHERE a.lang = @lang AND a.slug = @slug`,
    ),
    tagsOf: db.prepare<{ id: number }, Tag>(
      'SELECT t.id, t.slug, t.name, 0 AS count FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = @id ORDER BY x.position',
    ),
    related: db.prepare<{ id: number; now: number }, ArticleCard>(
      `SELECT ${CARD} FROM related r JOIN articles a ON a.id = r.related_id ${JOINS} WHERE r.article_id = @id AND ${VISIBLE} ORDER BY r.rank`,
    ),
    bySlugs: db.prepare<{ lang: string; slugs: string; now: number }, ArticleCard>(
      `SELECT ${CARD} FROM json_each(@slugs) j JOIN articles a ON a.slug = j.value AND a.lang = @lang ${JOINS} WHERE ${VISIBLE} ORDER BY j.key`,
    ),
    prev: db.prepare<{ lang: string; category: string; at: number; id: number; now: number }, ArticleCard>(
      `SELECT ${CARD} FROM articles a ${JOINS} WHERE a.lang = @lang AND a.category_slug = @category AND ${VISIBLE}
         AND (a.published_at < @at OR (a.published_at = @at AND a.id < @id)) ORDER BY a.published_at DESC, a.id DESC LIMIT 1`,
    ),
    next: db.prepare<{ lang: string; category: string; at: number; id: number; now: number }, ArticleCard>(
      `SELECT ${CARD} FROM articles a ${JOINS} WHERE a.lang = @lang AND a.category_slug = @category AND ${VISIBLE}
         AND (a.published_at > @at OR (a.published_at = @at AND a.id > @id)) ORDER BY a.published_at ASC, a.id ASC LIMIT 1`,
    ),
    backlinks: db.prepare<{ target: string; id: number; now: number }, ArticleCard>(
      `SELECT DISTINCT ${CARD} FROM links l JOIN articles a ON a.id = l.source_id ${JOINS}
       WHERE l.kind = 'article' AND l.target = @target AND a.id != @id AND ${VISIBLE} ORDER BY a.published_at DESC LIMIT 20`,
    ),
    translations: db.prepare<
      { key: string; id: number; now: number },
      { lang: string; slug: string; title: string }
    >(
      `SELECT a.lang, a.slug, a.title FROM articles a WHERE a.translation_key = @key AND a.id != @id AND ${VISIBLE} ORDER BY a.lang`,
    ),
  };
  const one = <T>(v: T | undefined): T | null => v ?? null;

  return {
    latest: (lang: string, now: number, limit: number, offset = 0) =>
      q.latest.all({ lang, now, limit, offset }),
    countLatest: (lang: string, now: number) => q.countLatest.get({ lang, now })?.n ?? 0,
    allVisible: (now: number) => q.allVisible.all({ now }),
    byCategory: (lang: string, slug: string, now: number, limit: number, offset: number) =>
      q.byCategory.all({ lang, slug, now, limit, offset }),
    countCategory: (lang: string, slug: string, now: number) =>
      q.countCategory.get({ lang, slug, now })?.n ?? 0,
    byAuthor: (lang: string, slug: string, now: number, limit: number, offset: number) =>
      q.byAuthor.all({ lang, slug, now, limit, offset }),
    countAuthor: (lang: string, slug: string, now: number) => q.countAuthor.get({ lang, slug, now })?.n ?? 0,
    byTag: (lang: string, slug: string, now: number, limit: number, offset: number) =>
      q.byTag.all({ lang, slug, now, limit, offset }),
    countTag: (lang: string, slug: string, now: number) => q.countTag.get({ lang, slug, now })?.n ?? 0,
    article: (lang: string, slug: string, now: number) => one(q.article.get({ lang, slug, now })),
    articleById: (id: number, now: number) => one(q.articleById.get({ id, now })),
    /** The article at an address whether published, scheduled or a draft: never for public listings. */
    articleInAnyState: (lang: string, slug: string) => one(q.articleInAnyState.get({ lang, slug })),
    tagsOf: (id: number) => q.tagsOf.all({ id }),
    related: (id: number, now: number) => q.related.all({ id, now }),
    bySlugs: (lang: string, slugs: readonly string[], now: number) =>
      q.bySlugs.all({ lang, slugs: JSON.stringify(slugs), now }),
    prev: (a: ArticleCard, now: number) =>
      one(q.prev.get({ lang: a.lang, category: a.category_slug, at: a.published_at, id: a.id, now })),
    next: (a: ArticleCard, now: number) =>
      one(q.next.get({ lang: a.lang, category: a.category_slug, at: a.published_at, id: a.id, now })),
    backlinks: (a: ArticleCard, now: number) =>
      q.backlinks.all({ target: `${a.lang}/${a.slug}`, id: a.id, now }),
    translations: (key: string, id: number, now: number) => q.translations.all({ key, id, now }),
  };
}
