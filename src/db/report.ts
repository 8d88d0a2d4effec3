// Read-only queries for `npm run report`: CTA arrivals and enquiries per article and per course, and
// enquiries per week, all from a given moment on.
import type { Db } from './connection.js';

export interface ArticleTotals {
  slug: string;
  /** The article's title in the index (any language, the lowest code first), null when it is gone. */
  title: string | null;
  arrivals: number;
  enquiries: number;
}

export interface CourseTotals {
  area: string;
  slug: string;
  title: string | null;
  arrivals: number;
  /** Every enquiry for the course, whether or not it came through a CTA. */
  enquiries: number;
  /** The enquiries that came from an article (what arrivals can convert into). */
  fromArticles: number;
}

export interface WeekTotal {
  /** The Monday that starts the week, YYYY-MM-DD (UTC). */
  week: string;
  enquiries: number;
}

export interface ReportRange {
  /** Enquiries created at or after this ISO timestamp. */
  sinceIso: string;
  /** Arrival counters from this UTC day (YYYY-MM-DD) on. */
  sinceDay: string;
}

/** Whether the database has the tables the report reads (a database not yet migrated to 0006 does not). */
export function hasReportTables(db: Db): boolean {
  const n = db
    .prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('enquiries', 'cta_arrivals')",
    )
    .get();
  return n?.n === 2;
}

export function createReportQueries(db: Db) {
  const q = {
    articles: db.prepare<ReportRange, ArticleTotals>(
      `WITH arr AS (SELECT article AS slug, sum(arrivals) AS n FROM cta_arrivals WHERE day >= @sinceDay GROUP BY article),
            enq AS (SELECT from_article AS slug, count(*) AS n FROM enquiries
                    WHERE created_at >= @sinceIso AND from_article IS NOT NULL GROUP BY from_article),
            slugs AS (SELECT slug FROM arr UNION SELECT slug FROM enq)
       SELECT s.slug,
              (SELECT title FROM articles a WHERE a.slug = s.slug ORDER BY a.lang LIMIT 1) AS title,
              coalesce(arr.n, 0) AS arrivals, coalesce(enq.n, 0) AS enquiries
       FROM slugs s LEFT JOIN arr ON arr.slug = s.slug LEFT JOIN enq ON enq.slug = s.slug`,
    ),
    withoutArticle: db.prepare<ReportRange, { n: number }>(
      `SELECT count(*) AS n FROM enquiries WHERE created_at >= @sinceIso AND from_article IS NULL`,
    ),
    courses: db.prepare<ReportRange, CourseTotals>(
      `WITH arr AS (SELECT course_area AS area, course_slug AS slug, sum(arrivals) AS n FROM cta_arrivals
                    WHERE day >= @sinceDay GROUP BY course_area, course_slug),
            enq AS (SELECT course_area AS area, course_slug AS slug, count(*) AS n,
                           count(from_article) AS from_articles
                    FROM enquiries WHERE created_at >= @sinceIso GROUP BY course_area, course_slug),
            keys AS (SELECT area, slug FROM arr UNION SELECT area, slug FROM enq)
       SELECT k.area, k.slug, c.title, coalesce(arr.n, 0) AS arrivals, coalesce(enq.n, 0) AS enquiries,
              coalesce(enq.from_articles, 0) AS fromArticles
       FROM keys k LEFT JOIN arr ON arr.area = k.area AND arr.slug = k.slug
       LEFT JOIN enq ON enq.area = k.area AND enq.slug = k.slug
       LEFT JOIN courses c ON c.area_slug = k.area AND c.slug = k.slug`,
    ),
    // date(x, 'weekday 0', '-6 days') is the Monday on or before x.
    weeks: db.prepare<ReportRange, WeekTotal>(
      `SELECT date(created_at, 'weekday 0', '-6 days') AS week, count(*) AS enquiries FROM enquiries
       WHERE created_at >= @sinceIso GROUP BY week ORDER BY week`,
    ),
  };
  return {
    articles: (r: ReportRange) => q.articles.all(r),
    /** Enquiries in the range that did not come from an article (direct, search, other sites). */
    withoutArticle: (r: ReportRange) => q.withoutArticle.get(r)?.n ?? 0,
    courses: (r: ReportRange) => q.courses.all(r),
    weeks: (r: ReportRange) => q.weeks.all(r),
  };
}
export type ReportQueries = ReturnType<typeof createReportQueries>;
