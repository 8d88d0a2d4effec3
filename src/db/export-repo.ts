// The queries a static export uses to list every public URL of the site, and its redirects.
import type { Db } from './connection.js';
import { prepareMoveLookup } from './slug-moves.js';
import { articlePath } from '../lib/urls.js';

const VISIBLE = 'a.draft = 0 AND a.published_at <= @now';

export interface ArchiveCount {
  kind: 'category' | 'tag' | 'author';
  lang: string;
  slug: string;
  count: number;
}

export function createExportRepo(db: Db) {
  const q = {
    articles: db.prepare<{ now: number }, { lang: string; slug: string }>(
      `SELECT a.lang, a.slug FROM articles a WHERE ${VISIBLE} ORDER BY a.lang, a.slug`,
    ),
    archives: db.prepare<{ now: number }, ArchiveCount>(
      `SELECT 'category' AS kind, a.lang, a.category_slug AS slug, count(*) AS count
         FROM articles a JOIN categories c ON c.slug = a.category_slug AND c.active = 1
         WHERE ${VISIBLE} GROUP BY a.lang, a.category_slug
       UNION ALL
       SELECT 'tag' AS kind, a.lang, t.slug, count(*) AS count
         FROM article_tags x JOIN tags t ON t.id = x.tag_id JOIN articles a ON a.id = x.article_id
         WHERE ${VISIBLE} GROUP BY a.lang, t.slug
       UNION ALL
       SELECT 'author' AS kind, a.lang, a.author_slug AS slug, count(*) AS count
         FROM articles a JOIN authors u ON u.slug = a.author_slug AND u.active = 1
         WHERE ${VISIBLE} GROUP BY a.lang, a.author_slug
       ORDER BY 1, 2, 3`,
    ),
    categories: db.prepare<[], { slug: string }>(
      'SELECT slug FROM categories WHERE active = 1 ORDER BY slug',
    ),
    areas: db.prepare<[], { slug: string }>(
      'SELECT slug FROM course_areas UNION SELECT area_slug FROM courses ORDER BY 1',
    ),
    courses: db.prepare<[], { area: string; slug: string }>(
      'SELECT area_slug AS area, slug FROM courses ORDER BY area_slug, slug',
    ),
    redirects: db.prepare<{ now: number }, { from: string; lang: string; slug: string }>(
      `SELECT r.from_path AS "from", a.lang, a.slug FROM redirects r JOIN articles a ON a.id = r.article_id
       WHERE ${VISIBLE} ORDER BY r.from_path`,
    ),
    movedFrom: db.prepare<[], { lang: string; slug: string }>(
      `SELECT k.lang, k.slug FROM slug_moves m JOIN article_keys k ON k.id = m.from_id
       WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = m.from_id) ORDER BY k.lang, k.slug`,
    ),
    removed: db.prepare<[], { lang: string; slug: string }>(
      `SELECT k.lang, k.slug FROM article_keys k
       WHERE k.was_public = 1 AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = k.id) ORDER BY k.lang, k.slug`,
    ),
  };
  const movedTo = prepareMoveLookup(db);
  return {
    articles: (now: number) => q.articles.all({ now }),
    archives: (now: number) => q.archives.all({ now }),
    categories: () => q.categories.all().map((r) => r.slug),
    areas: () => q.areas.all().map((r) => r.slug),
    courses: () => q.courses.all(),
    redirects: (now: number) => q.redirects.all({ now }),
    /** Old addresses of articles whose slug changed, each with the article it leads to now. */
    moves: (now: number) =>
      q.movedFrom.all().flatMap((r) => {
        const to = movedTo(r.lang, r.slug, now);
        return to ? [{ from: articlePath(r.lang, r.slug), lang: to.lang, slug: to.slug }] : [];
      }),
    /** Addresses of once-public articles that were deleted and lead nowhere (the server answers 410). */
    gone: (now: number) => q.removed.all().filter((r) => !movedTo(r.lang, r.slug, now)),
  };
}
export type ExportRepo = ReturnType<typeof createExportRepo>;
