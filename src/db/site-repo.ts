// Read queries for the public site, prepared once. Visibility (no drafts, nothing scheduled in the future)
// is decided here, by the time passed in, so scheduled articles appear without a re-index.
import { ARTICLE_BODY_HTML } from './body-codec.js';
import type { Db } from './connection.js';
import type { SiteConfig } from '../content/schema.js';
import { prepareMoveLookup } from './slug-moves.js';

export interface ArticleCard {
  id: number;
  lang: string;
  slug: string;
  title: string;
  excerpt: string;
  published_at: number;
  modified_at: number;
  reading_minutes: number;
  image: string | null;
  image_alt: string | null;
  category_slug: string;
  category_name: string | null;
  author_slug: string;
  author_name: string | null;
}

export interface ArticleRow extends ArticleCard {
  body_html: string;
  toc_json: string;
  cta_course: string | null;
  translation_key: string | null;
  word_count: number;
  author_bio: string | null;
  author_avatar: string | null;
  author_id: number | null;
  category_id: number | null;
  related_json: string;
}

/** An article row with its draft flag, for previews. */
export interface PreviewableRow extends ArticleRow {
  draft: number;
}

export interface Category {
  id: number;
  slug: string;
  name: string;
  description: string;
  parent_slug: string | null;
  count: number;
}
export interface Author {
  id: number;
  slug: string;
  name: string;
  bio: string;
  avatar: string | null;
  url: string | null;
  count: number;
}
export interface Tag {
  id: number;
  slug: string;
  name: string;
  count: number;
}
export interface TagCount extends Tag {
  /** The newest publication or update among the tag's visible articles. */
  lastmod: number;
}
export interface CourseRow {
  id: number;
  area_slug: string;
  slug: string;
  title: string;
  summary: string;
  featured: number;
  data_json: string;
  body_html: string;
  modified_at: number;
}
export interface AreaRow {
  id: number;
  slug: string;
  name: string;
  intro: string;
}

const CARD = `a.id, a.lang, a.slug, a.title, a.excerpt, a.published_at, a.modified_at, a.reading_minutes, a.image, a.image_alt,
  a.category_slug, c.name AS category_name, a.author_slug, u.name AS author_name`;
const JOINS =
  'LEFT JOIN categories c ON c.slug = a.category_slug LEFT JOIN authors u ON u.slug = a.author_slug';
const VISIBLE = 'a.draft = 0 AND a.published_at <= @now';

export function createSiteRepo(db: Db) {
  const q = {
    state: db.prepare<{ key: string }, { value: string }>('SELECT value FROM index_state WHERE key = @key'),
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
      `SELECT ${CARD}, ${ARTICLE_BODY_HTML}, a.toc_json, a.cta_course, a.translation_key, a.word_count, a.related_json,
         u.bio AS author_bio, u.avatar AS author_avatar, u.id AS author_id, c.id AS category_id
       FROM articles a ${JOINS} WHERE a.lang = @lang AND a.slug = @slug AND ${VISIBLE}`,
    ),
    articleById: db.prepare<{ id: number; now: number }, ArticleRow>(
      `SELECT ${CARD}, ${ARTICLE_BODY_HTML}, a.toc_json, a.cta_course, a.translation_key, a.word_count, a.related_json,
         u.bio AS author_bio, u.avatar AS author_avatar, u.id AS author_id, c.id AS category_id
       FROM articles a ${JOINS} WHERE a.id = @id AND ${VISIBLE}`,
    ),
    // Without the visibility rule: only for preview links and `npm run dev` (src/http/preview.ts).
    articleInAnyState: db.prepare<{ lang: string; slug: string }, PreviewableRow>(
      `SELECT ${CARD}, ${ARTICLE_BODY_HTML}, a.toc_json, a.cta_course, a.translation_key, a.word_count, a.related_json,
         u.bio AS author_bio, u.avatar AS author_avatar, u.id AS author_id, c.id AS category_id, a.draft
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
    categories: db.prepare<{ lang: string; now: number }, Category>(
      `SELECT c.id, c.slug, c.name, c.description, c.parent_slug,
         (SELECT count(*) FROM articles a WHERE a.category_slug = c.slug AND a.lang = @lang AND ${VISIBLE}) AS count
       FROM categories c WHERE c.active = 1 ORDER BY c.position, c.name`,
    ),
    category: db.prepare<{ slug: string }, Omit<Category, 'count'>>(
      'SELECT id, slug, name, description, parent_slug FROM categories WHERE slug = @slug AND active = 1',
    ),
    authors: db.prepare<{ now: number }, Author>(
      `SELECT u.id, u.slug, u.name, u.bio, u.avatar, u.url,
         (SELECT count(*) FROM articles a WHERE a.author_slug = u.slug AND ${VISIBLE}) AS count FROM authors u WHERE u.active = 1 ORDER BY u.name`,
    ),
    author: db.prepare<{ slug: string }, Omit<Author, 'count'>>(
      'SELECT id, slug, name, bio, avatar, url FROM authors WHERE slug = @slug AND active = 1',
    ),
    tag: db.prepare<{ slug: string }, Omit<Tag, 'count'>>(
      'SELECT id, slug, name FROM tags WHERE slug = @slug',
    ),
    tags: db.prepare<{ now: number }, Tag>(
      `SELECT t.id, t.slug, t.name, count(a.id) AS count FROM tags t JOIN article_tags x ON x.tag_id = t.id
       JOIN articles a ON a.id = x.article_id AND ${VISIBLE} GROUP BY t.id ORDER BY t.name`,
    ),
    tagsIn: db.prepare<{ lang: string; now: number }, TagCount>(
      `SELECT t.id, t.slug, t.name, count(*) AS count, max(max(a.published_at, a.modified_at)) AS lastmod
       FROM tags t JOIN article_tags x ON x.tag_id = t.id JOIN articles a ON a.id = x.article_id
       WHERE a.lang = @lang AND ${VISIBLE} GROUP BY t.id ORDER BY t.name, t.slug`,
    ),
    redirect: db.prepare<{ path: string; now: number }, { lang: string; slug: string }>(
      `SELECT a.lang, a.slug FROM redirects r JOIN articles a ON a.id = r.article_id WHERE r.from_path = @path AND ${VISIBLE}`,
    ),
    gone: db.prepare<{ lang: string; slug: string }, { id: number }>(
      'SELECT k.id FROM article_keys k WHERE k.lang = @lang AND k.slug = @slug AND k.was_public = 1 AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = k.id)',
    ),
    nextPublish: db.prepare<{ now: number }, { t: number | null }>(
      'SELECT min(published_at) AS t FROM articles WHERE draft = 0 AND published_at > @now',
    ),
    areas: db.prepare<[], AreaRow>('SELECT id, slug, name, intro FROM course_areas ORDER BY position, name'),
    area: db.prepare<{ slug: string }, AreaRow>(
      'SELECT id, slug, name, intro FROM course_areas WHERE slug = @slug',
    ),
    courses: db.prepare<[], CourseRow>(
      'SELECT id, area_slug, slug, title, summary, featured, data_json, body_html, modified_at FROM courses ORDER BY area_slug, title',
    ),
    coursesIn: db.prepare<{ area: string }, CourseRow>(
      'SELECT id, area_slug, slug, title, summary, featured, data_json, body_html, modified_at FROM courses WHERE area_slug = @area ORDER BY title',
    ),
    course: db.prepare<{ area: string; slug: string }, CourseRow>(
      'SELECT id, area_slug, slug, title, summary, featured, data_json, body_html, modified_at FROM courses WHERE area_slug = @area AND slug = @slug',
    ),
    articlesForCourse: db.prepare<{ target: string; lang: string; now: number }, ArticleCard>(
      `SELECT DISTINCT ${CARD} FROM links l JOIN articles a ON a.id = l.source_id ${JOINS}
       WHERE l.kind = 'course' AND l.target = @target AND a.lang = @lang AND ${VISIBLE} ORDER BY a.published_at DESC LIMIT 12`,
    ),
    counts: db.prepare<{ now: number }, { total: number; visible: number }>(
      `SELECT count(*) AS total, coalesce(sum(CASE WHEN ${VISIBLE} THEN 1 ELSE 0 END), 0) AS visible FROM articles a`,
    ),
    errorCount: db.prepare<[], { errors: number; warnings: number }>(
      "SELECT coalesce(sum(severity = 'error'), 0) AS errors, coalesce(sum(severity = 'warning'), 0) AS warnings FROM content_errors",
    ),
    errors: db.prepare<
      [],
      { file: string; line: number; code: string; message: string; hint: string | null; severity: string }
    >(
      "SELECT file, line, code, message, hint, severity FROM content_errors WHERE severity = 'error' ORDER BY file, line",
    ),
  };
  const one = <T>(v: T | undefined): T | null => v ?? null;

  return {
    state(key: string): string | null {
      return q.state.get({ key })?.value ?? null;
    },
    site(): SiteConfig {
      const raw = q.state.get({ key: 'site_json' })?.value;
      return raw
        ? (JSON.parse(raw) as SiteConfig)
        : {
            title: 'Folio',
            description: '',
            default_language: 'en',
            languages: [{ code: 'en', name: 'English' }],
            nav: [],
          };
    },
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
    categories: (lang: string, now: number) => q.categories.all({ lang, now }),
    category: (slug: string) => one(q.category.get({ slug })),
    authors: (now: number) => q.authors.all({ now }),
    author: (slug: string) => one(q.author.get({ slug })),
    tag: (slug: string) => one(q.tag.get({ slug })),
    tags: (now: number) => q.tags.all({ now }),
    /** Tags with published, visible articles in a language, with their counts (the tag index page). */
    tagsIn: (lang: string, now: number) => q.tagsIn.all({ lang, now }),
    redirect: (path: string, now: number) => one(q.redirect.get({ path, now })),
    isGone: (lang: string, slug: string) => q.gone.get({ lang, slug }) !== undefined,
    /** Where the old address of an article whose slug changed leads now. */
    movedTo: prepareMoveLookup(db),
    nextPublishAfter: (now: number) => q.nextPublish.get({ now })?.t ?? null,
    areas: () => q.areas.all(),
    area: (slug: string) => one(q.area.get({ slug })),
    courses: () => q.courses.all(),
    coursesIn: (area: string) => q.coursesIn.all({ area }),
    course: (area: string, slug: string) => one(q.course.get({ area, slug })),
    articlesForCourse: (area: string, slug: string, lang: string, now: number) =>
      q.articlesForCourse.all({ target: `${area}/${slug}`, lang, now }),
    counts: (now: number) => q.counts.get({ now }) ?? { total: 0, visible: 0 },
    errorCount: () => q.errorCount.get() ?? { errors: 0, warnings: 0 },
    contentErrors: () => q.errors.all(),
  };
}
export type SiteRepo = ReturnType<typeof createSiteRepo>;
