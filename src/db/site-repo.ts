// Read queries for the public site, prepared once. Visibility (no drafts, nothing scheduled in the future)
// is decided here, by the time passed in, so scheduled articles appear without a re-index. Article and
// catalogue queries live in their own modules; this one adds the index's state, redirects and counts.
import { createArticleQueries } from './article-queries.js';
import { createCatalogQueries } from './catalog-queries.js';
import type { Db } from './connection.js';
import type { SiteConfig } from '../content/schema.js';
import { VISIBLE } from './site-rows.js';
import { prepareMoveLookup } from './slug-moves.js';

export type {
  AreaRow,
  ArticleCard,
  ArticleRow,
  Author,
  Category,
  CourseRow,
  PreviewableRow,
  Tag,
  TagCount,
} from './site-rows.js';

export function createSiteRepo(db: Db) {
  const q = {
    state: db.prepare<{ key: string }, { value: string }>('SELECT value FROM index_state WHERE key = @key'),
    redirect: db.prepare<{ path: string; now: number }, { lang: string; slug: string }>(
      `SELECT a.lang, a.slug FROM redirects r JOIN articles a ON a.id = r.article_id WHERE r.from_path = @path AND ${VISIBLE}`,
    ),
    gone: db.prepare<{ lang: string; slug: string }, { id: number }>(
      'SELECT k.id FROM article_keys k WHERE k.lang = @lang AND k.slug = @slug AND k.was_public = 1 AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = k.id)',
    ),
    nextPublish: db.prepare<{ now: number }, { t: number | null }>(
      'SELECT min(published_at) AS t FROM articles WHERE draft = 0 AND published_at > @now',
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
    ...createArticleQueries(db),
    ...createCatalogQueries(db),
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
    redirect: (path: string, now: number) => one(q.redirect.get({ path, now })),
    isGone: (lang: string, slug: string) => q.gone.get({ lang, slug }) !== undefined,
    /** Where the old address of an article whose slug changed leads now. */
    movedTo: prepareMoveLookup(db),
    nextPublishAfter: (now: number) => q.nextPublish.get({ now })?.t ?? null,
    counts: (now: number) => q.counts.get({ now }) ?? { total: 0, visible: 0 },
    errorCount: () => q.errorCount.get() ?? { errors: 0, warnings: 0 },
    contentErrors: () => q.errors.all(),
  };
}
export type SiteRepo = ReturnType<typeof createSiteRepo>;
