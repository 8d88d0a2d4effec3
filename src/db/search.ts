// Full-text search over the FTS5 index: bm25 with the title weighted highest, safe snippets, visibility applied.
import type { Db } from './connection.js';
import type { ArticleCard } from './site-repo.js';

export interface SearchHit extends ArticleCard {
  /** Escaped HTML: the body around the matches, matched terms in <mark>. */
  snippet: string;
  /** Escaped HTML: the title with matched terms in <mark>. */
  title_html: string;
}

const OPEN = '\u0001';
const CLOSE = '\u0002';

function escapeSnippet(raw: string): string {
  return raw
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replaceAll(OPEN, '<mark>')
    .replaceAll(CLOSE, '</mark>');
}

export function createSearch(db: Db) {
  // CROSS JOIN keeps SQLite from scanning articles and running the MATCH once per row.
  // Ranking first, without snippets: snippet() is costly and would otherwise run for every match.
  const ranked = db.prepare<
    { match: string; lang: string; now: number; limit: number; offset: number },
    { id: number }
  >(`
    SELECT a.id FROM articles_fts f
    CROSS JOIN articles a ON a.id = f.rowid
    WHERE articles_fts MATCH @match AND a.lang = @lang AND a.draft = 0 AND a.published_at <= @now
    ORDER BY bm25(articles_fts, 10.0, 4.0, 1.0, 3.0), a.published_at DESC
    LIMIT @limit OFFSET @offset`);
  const page = db.prepare<{ match: string; ids: string }, SearchHit>(`
    SELECT a.id, a.lang, a.slug, a.title, a.excerpt, a.published_at, a.modified_at, a.reading_minutes, a.image, a.image_alt,
      a.category_slug, c.name AS category_name, a.author_slug, u.name AS author_name,
      snippet(articles_fts, 2, '${OPEN}', '${CLOSE}', '…', 28) AS snippet,
      highlight(articles_fts, 0, '${OPEN}', '${CLOSE}') AS title_html
    FROM articles_fts f
    CROSS JOIN articles a ON a.id = f.rowid
    LEFT JOIN categories c ON c.slug = a.category_slug LEFT JOIN authors u ON u.slug = a.author_slug
    WHERE articles_fts MATCH @match AND f.rowid IN (SELECT value FROM json_each(@ids))`);
  const count = db.prepare<{ match: string; lang: string; now: number }, { n: number }>(`
    SELECT count(*) AS n FROM articles_fts f CROSS JOIN articles a ON a.id = f.rowid
    WHERE articles_fts MATCH @match AND a.lang = @lang AND a.draft = 0 AND a.published_at <= @now`);

  return {
    search(
      match: string,
      lang: string,
      now: number,
      limit: number,
      offset: number,
    ): { total: number; hits: SearchHit[] } {
      const total = count.get({ match, lang, now })?.n ?? 0;
      if (total === 0 || offset >= total) return { total, hits: [] };
      const ids = ranked.all({ match, lang, now, limit, offset }).map((r) => r.id);
      const byId = new Map(page.all({ match, ids: JSON.stringify(ids) }).map((r) => [r.id, r]));
      const hits = ids.flatMap((id) => {
        const r = byId.get(id);
        return r
          ? [{ ...r, snippet: escapeSnippet(r.snippet), title_html: escapeSnippet(r.title_html) }]
          : [];
      });
      return { total, hits };
    },
  };
}
