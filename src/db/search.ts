// Full-text search over the FTS5 index: bm25 with the title weighted highest, safe snippets, visibility
// applied, and bounded work at any corpus size (see rankCandidates and countMatches below).
import type { Db } from './connection.js';
import type { ArticleCard } from './site-repo.js';
import type { ParsedQuery } from '../lib/search-query.js';
import { boundQuery, MAX_COMPLETIONS, prefixToComplete, type BoundedQuery } from '../lib/search-bounds.js';
import type { BoundedMatch } from '../lib/search-bounds.js';

export interface SearchHit extends ArticleCard {
  /** Escaped HTML: the body around the matches, matched terms in <mark>. */
  snippet: string;
  /** Escaped HTML: the title with matched terms in <mark>. */
  title_html: string;
}

export interface SearchResult {
  /** Visible matches, counted exactly up to COUNT_CAP; when `more`, there are more than that. */
  total: number;
  more: boolean;
  hits: SearchHit[];
}

/** Matches are counted up to this, and at most this many are listed (100 pages of 10). */
export const COUNT_CAP = 1000;
/** Articles ranked when more than COUNT_CAP match: the most recently added, and those matching in title or tags. */
const RECENT_CANDIDATES = COUNT_CAP;
const TITLED_CANDIDATES = 1000;
/**
 * Title and tag matches are looked for among the most recently added articles only (by id), because a
 * column filter makes FTS5 read every matching document's positions: without a window a common word costs
 * O(corpus) here. Older articles still rank when they are among the recent candidates.
 */
const TITLED_WINDOW = 20_000;

const OPEN = '\u0001';
const CLOSE = '\u0002';
const VISIBLE = 'a.lang = @lang AND a.draft = 0 AND a.published_at <= @now';

function escapeSnippet(raw: string): string {
  return raw
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replaceAll(OPEN, '<mark>')
    .replaceAll(CLOSE, '</mark>');
}

interface Visible {
  lang: string;
  now: number;
}

export function createSearch(db: Db) {
  // The index vocabulary, to bound prefix completion; a temp table lives in this connection only.
  db.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_fts_terms USING fts5vocab(main, articles_fts, 'row')",
  );
  // Without ORDER BY: fts5vocab yields terms in order, so LIMIT stops the scan (and its doc counting) early.
  const completions = db
    .prepare<{ from: string; to: string; limit: number }, string>(
      'SELECT term FROM temp.articles_fts_terms WHERE term >= @from AND term < @to LIMIT @limit',
    )
    .pluck();
  // Counting stops at COUNT_CAP + 1: the exact total of a word in every article costs a join per match.
  const countMatches = db
    .prepare<Visible & { match: string; cap: number }, number>(
      `SELECT count(*) FROM (SELECT 1 FROM articles_fts f CROSS JOIN articles a ON a.id = f.rowid
        WHERE articles_fts MATCH @match AND ${VISIBLE} LIMIT @cap)`,
    )
    .pluck();
  // bm25() reads every position list of a row, so it runs only on candidates: all matches when there are
  // few, else the most recently added ones plus the ones matching in title or tags (weighted highest, so
  // the likely best). Both candidate scans walk FTS5 in rowid order and stop at their LIMIT. `+rowid`
  // keeps SQLite from re-running the MATCH once per candidate; the scan it does instead reads no positions,
  // and starts at the oldest candidate, so it covers the candidates' rowid range, not every match.
  const rankCandidates = db.prepare<
    Visible & {
      match: string;
      titled: string;
      floor: number;
      recent: number;
      titles: number;
      limit: number;
      offset: number;
    },
    { id: number }
  >(`
    WITH cand(id) AS (
      SELECT id FROM (SELECT f.rowid AS id FROM articles_fts f CROSS JOIN articles a ON a.id = f.rowid
        WHERE articles_fts MATCH @match AND ${VISIBLE} ORDER BY f.rowid DESC LIMIT @recent)
      UNION
      SELECT id FROM (SELECT f.rowid AS id FROM articles_fts f CROSS JOIN articles a ON a.id = f.rowid
        WHERE articles_fts MATCH @titled AND f.rowid > @floor AND ${VISIBLE} ORDER BY f.rowid DESC LIMIT @titles))
    SELECT r.id FROM (
      SELECT rowid AS id, bm25(articles_fts, 10.0, 4.0, 1.0, 3.0) AS score FROM articles_fts
      WHERE articles_fts MATCH @match AND rowid >= (SELECT min(id) FROM cand) AND +rowid IN cand) r
    CROSS JOIN articles a ON a.id = r.id
    ORDER BY r.score, a.published_at DESC, a.id LIMIT @limit OFFSET @offset`);
  const newestId = db.prepare<[], number>('SELECT max(id) FROM articles').pluck();
  // Snippets only for the page shown: snippet() is costly. One rowid range and `+rowid IN` rather than
  // `rowid IN`, which re-runs the MATCH (and re-merges a prefix's postings) once per id.
  const page = db.prepare<{ match: string; ids: string; lo: number; hi: number }, SearchHit>(`
    SELECT a.id, a.lang, a.slug, a.title, a.excerpt, a.published_at, a.modified_at, a.reading_minutes, a.image, a.image_alt,
      a.category_slug, c.name AS category_name, a.author_slug, u.name AS author_name,
      snippet(articles_fts, 2, '${OPEN}', '${CLOSE}', '…', 28) AS snippet,
      highlight(articles_fts, 0, '${OPEN}', '${CLOSE}') AS title_html
    FROM articles_fts f
    CROSS JOIN articles a ON a.id = f.rowid
    LEFT JOIN categories c ON c.slug = a.category_slug LEFT JOIN authors u ON u.slug = a.author_slug
    WHERE articles_fts MATCH @match AND f.rowid BETWEEN @lo AND @hi AND +f.rowid IN (SELECT value FROM json_each(@ids))`);

  return {
    /** The parsed query as bounded FTS5 expressions (the unfinished last word completed from the index). */
    bound(parsed: ParsedQuery): BoundedQuery {
      const prefix = prefixToComplete(parsed);
      const found = prefix
        ? completions.all({ from: prefix, to: `${prefix}\u{10FFFF}`, limit: MAX_COMPLETIONS + 1 })
        : [];
      return boundQuery(parsed, found);
    },

    search(q: BoundedMatch, lang: string, now: number, limit: number, offset: number): SearchResult {
      const counted = countMatches.get({ match: q.match, lang, now, cap: COUNT_CAP + 1 }) ?? 0;
      const more = counted > COUNT_CAP;
      const total = Math.min(counted, COUNT_CAP);
      if (total === 0 || offset >= total) return { total, more, hits: [] };
      const ids = rankCandidates
        .all({
          match: q.match,
          titled: q.titled,
          floor: (newestId.get() ?? 0) - TITLED_WINDOW,
          lang,
          now,
          recent: RECENT_CANDIDATES,
          // With at most COUNT_CAP matches the recent scan already holds them all.
          titles: more ? TITLED_CANDIDATES : 0,
          limit: Math.min(limit, total - offset),
          offset,
        })
        .map((r) => r.id);
      const byId = new Map(
        page
          .all({ match: q.match, ids: JSON.stringify(ids), lo: Math.min(...ids), hi: Math.max(...ids) })
          .map((r) => [r.id, r]),
      );
      const hits = ids.flatMap((id) => {
        const r = byId.get(id);
        return r
          ? [{ ...r, snippet: escapeSnippet(r.snippet), title_html: escapeSnippet(r.title_html) }]
          : [];
      });
      return { total, more, hits };
    },
  };
}
