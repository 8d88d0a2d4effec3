// Where an enquiry came from: the article a `?from=` slug names (only a visible one counts) and, per day,
// how many course-page arrivals each article's CTAs brought (a counter, no personal data).
import type { Db } from './connection.js';

export interface AttributedArticle {
  lang: string;
  slug: string;
  title: string;
}

export interface Arrival {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  article: string;
  cta: string;
  courseArea: string;
  courseSlug: string;
}

export function createAttributionStore(db: Db) {
  const q = {
    count: db.prepare<{ day: string; article: string; cta: string; area: string; slug: string }>(
      `INSERT INTO cta_arrivals (day, article, cta, course_area, course_slug, arrivals)
       VALUES (@day, @article, @cta, @area, @slug, 1)
       ON CONFLICT (day, article, cta, course_area, course_slug) DO UPDATE SET arrivals = arrivals + 1`,
    ),
    // A slug may exist in several languages: the course language's article first, then any other.
    article: db.prepare<{ slug: string; lang: string; now: number }, AttributedArticle>(
      `SELECT lang, slug, title FROM articles
       WHERE slug = @slug AND draft = 0 AND published_at <= @now
       ORDER BY lang = @lang DESC, lang LIMIT 1`,
    ),
  };
  return {
    /** One more arrival on the day's counter (a single UPSERT: cheap enough for every CTA click). */
    countArrival(a: Arrival): void {
      q.count.run({ day: a.day, article: a.article, cta: a.cta, area: a.courseArea, slug: a.courseSlug });
    },
    /** The visible article `slug` names, or null (unknown, draft or scheduled): attribution only to what readers see. */
    article(slug: string, lang: string, now: number): AttributedArticle | null {
      return q.article.get({ slug, lang, now }) ?? null;
    },
  };
}
export type AttributionStore = ReturnType<typeof createAttributionStore>;
