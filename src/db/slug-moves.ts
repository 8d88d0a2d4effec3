// Prepared statements for slug history: old addresses of articles whose slug changed, and where they lead now.
import { existsSync } from 'node:fs';
import { openDatabase, type Db } from './connection.js';

/** A move from one `lang/slug` key to another, as the cross-file checks read it. */
export interface SlugMoveRow {
  from: string;
  to: string;
}

/** How many moves in a row are followed (A → B → C …); a loop or a longer chain ends the search. */
const MAX_HOPS = 16;

export function createSlugMoveStore(db: Db) {
  const s = {
    all: db.prepare<[], SlugMoveRow>(
      `SELECT f.lang || '/' || f.slug AS "from", t.lang || '/' || t.slug AS "to"
       FROM slug_moves m JOIN article_keys f ON f.id = m.from_id JOIN article_keys t ON t.id = m.to_id`,
    ),
    record: db.prepare<{ from_id: number; to_id: number; now: number }>(
      `INSERT INTO slug_moves (from_id, to_id, moved_at) VALUES (@from_id, @to_id, @now)
       ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id, moved_at = excluded.moved_at`,
    ),
    clear: db.prepare<{ id: number }>('DELETE FROM slug_moves WHERE from_id = @id'),
  };
  return {
    all: () => s.all.all(),
    record: (fromId: number, toId: number, now: number) =>
      s.record.run({ from_id: fromId, to_id: toId, now }),
    /** The slug is an article's again: its old redirect ends. */
    clear: (id: number) => s.clear.run({ id }),
  };
}

/** Read side: the article an old address leads to now, following moves to the nearest visible article. */
export function prepareMoveLookup(db: Db) {
  const q = db.prepare<
    { lang: string; slug: string; now: number; hops: number },
    { lang: string; slug: string }
  >(
    `WITH RECURSIVE chain (id, depth) AS (
       SELECT m.to_id, 1 FROM slug_moves m JOIN article_keys k ON k.id = m.from_id
       WHERE k.lang = @lang AND k.slug = @slug
       UNION ALL
       SELECT m.to_id, c.depth + 1 FROM chain c JOIN slug_moves m ON m.from_id = c.id WHERE c.depth < @hops
     )
     SELECT a.lang, a.slug FROM chain c JOIN articles a ON a.id = c.id
     WHERE a.draft = 0 AND a.published_at <= @now ORDER BY c.depth LIMIT 1`,
  );
  return (lang: string, slug: string, now: number) => q.get({ lang, slug, now, hops: MAX_HOPS });
}

/**
 * The addresses of the index a server is using (DB_PATH), read without writing to it: `npm run check`
 * compares the content with it to report slug changes. Undefined when there is no usable database yet.
 */
export function readServedAddresses(path: string):
  | {
      articles: { path: string; lang: string; slug: string; translationKey: string | null }[];
      moves: SlugMoveRow[];
    }
  | undefined {
  if (!existsSync(path)) return undefined;
  let db: Db | undefined;
  try {
    db = openDatabase(path, { readonly: true });
    const articles = db
      .prepare<[], { path: string; lang: string; slug: string; translationKey: string | null }>(
        'SELECT source_path AS path, lang, slug, translation_key AS translationKey FROM articles',
      )
      .all();
    const hasMoves = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'slug_moves'")
      .get();
    return { articles, moves: hasMoves ? createSlugMoveStore(db).all() : [] };
  } catch {
    // A database from an older schema, or one being written: the check still runs, without slug history.
    return undefined;
  } finally {
    db?.close();
  }
}
