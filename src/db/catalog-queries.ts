// The public site's catalogue queries, prepared once: categories, authors and tags with their counts, and
// course areas, courses and the articles that link to a course.
import type { Db } from './connection.js';
import {
  CARD,
  JOINS,
  VISIBLE,
  type AreaRow,
  type ArticleCard,
  type Author,
  type Category,
  type CourseRow,
  type Tag,
  type TagCount,
} from './site-rows.js';

export function createCatalogQueries(db: Db) {
  const q = {
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
  };
  const one = <T>(v: T | undefined): T | null => v ?? null;

  return {
    categories: (lang: string, now: number) => q.categories.all({ lang, now }),
    category: (slug: string) => one(q.category.get({ slug })),
    authors: (now: number) => q.authors.all({ now }),
    author: (slug: string) => one(q.author.get({ slug })),
    tag: (slug: string) => one(q.tag.get({ slug })),
    tags: (now: number) => q.tags.all({ now }),
    /** Tags with published, visible articles in a language, with their counts (the tag index page). */
    tagsIn: (lang: string, now: number) => q.tagsIn.all({ lang, now }),
    areas: () => q.areas.all(),
    area: (slug: string) => one(q.area.get({ slug })),
    courses: () => q.courses.all(),
    coursesIn: (area: string) => q.coursesIn.all({ area }),
    course: (area: string, slug: string) => one(q.course.get({ area, slug })),
    articlesForCourse: (area: string, slug: string, lang: string, now: number) =>
      q.articlesForCourse.all({ target: `${area}/${slug}`, lang, now }),
  };
}
