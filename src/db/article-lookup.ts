// Finds indexed articles by source file or by slug in any state (drafts and scheduled ones included), for
// commands that act on one article (npm run preview). Never used by public pages.
import type { Db } from './connection.js';

export interface IndexedArticle {
  lang: string;
  slug: string;
  title: string;
  draft: number;
  published_at: number;
  source_path: string;
}

const COLUMNS = 'lang, slug, title, draft, published_at, source_path';

export function createArticleLookup(db: Db) {
  const bySource = db.prepare<{ path: string }, IndexedArticle>(
    `SELECT ${COLUMNS} FROM articles WHERE source_path = @path`,
  );
  const bySlug = db.prepare<{ slug: string }, IndexedArticle>(
    `SELECT ${COLUMNS} FROM articles WHERE slug = @slug ORDER BY lang`,
  );
  const generation = db.prepare<[], { value: string }>(
    "SELECT value FROM index_state WHERE key = 'generation'",
  );
  return {
    /** False until the content has been indexed once into this database. */
    indexed: () => generation.get() !== undefined,
    /** `path` relative to the content folder, with forward slashes, as the indexer stores it. */
    bySource: (path: string) => bySource.get({ path }) ?? null,
    /** Every language that has an article with this slug. */
    bySlug: (slug: string) => bySlug.all({ slug }),
  };
}
