// Staging for one index run: rendered articles written as they arrive and read back once when the run is
// applied. It lives in a private temporary database attached to the connection (SQLite deletes its file
// when the connection closes, even after kill -9), so it never grows the site's database, readers never
// see it, and a server and `npm run index` running at once cannot meet in it. Writes are batched.
import type { Db } from './connection.js';
import type { StagedArticle } from './stored-article.js';

/** What a render worker sends for an article: the entry as JSON (no HTML), the compressed bodies. */
export interface StagedOutcome {
  payload: string;
  htmlZ: Uint8Array;
  textZ: Uint8Array;
}

interface Row {
  path: string;
  payload: string;
  html_z: Uint8Array;
  text_z: Uint8Array;
}

const BATCH = 64;

export function createStaging(db: Db) {
  const attached = db
    .prepare<[], { name: string }>('PRAGMA database_list')
    .all()
    .some((d) => d.name === 'staging');
  // An empty file name makes a temporary on-disk database private to this connection.
  if (!attached) db.exec("ATTACH DATABASE '' AS staging");
  // The entry as JSON without its HTML; the HTML and search text compressed as the worker made them.
  db.exec(
    'CREATE TABLE IF NOT EXISTS staging.entries (path TEXT PRIMARY KEY, payload TEXT NOT NULL, html_z BLOB NOT NULL, text_z BLOB NOT NULL)',
  );
  db.exec('DELETE FROM staging.entries');
  const s = {
    clear: db.prepare('DELETE FROM staging.entries'),
    put: db.prepare<Row>(
      'INSERT OR REPLACE INTO staging.entries (path, payload, html_z, text_z) VALUES (@path, @payload, @html_z, @text_z)',
    ),
    get: db.prepare<{ path: string }, Row>('SELECT * FROM staging.entries WHERE path = @path'),
  };
  let pending: Row[] = [];
  const flushBatch = db.transaction((rows: readonly Row[]) => {
    for (const r of rows) s.put.run(r);
  });
  const flush = () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    flushBatch(rows);
  };
  return {
    /** Buffers one rendered entry; every BATCH entries are written in one short transaction. */
    put(path: string, staged: StagedOutcome): void {
      pending.push({ path, payload: staged.payload, html_z: staged.htmlZ, text_z: staged.textZ });
      if (pending.length >= BATCH) flush();
    },
    flush,
    /** The staged entry (after flush()). */
    get(path: string): StagedArticle | undefined {
      const row = s.get.get({ path });
      if (!row) return undefined;
      return {
        ...(JSON.parse(row.payload) as Omit<StagedArticle, 'htmlZ' | 'textZ'>),
        htmlZ: row.html_z,
        textZ: row.text_z,
      };
    },
    /** Empties the staging table (inside the apply transaction, or after a failed run). */
    clear: () => {
      pending = [];
      s.clear.run();
    },
    /** Gives the temporary file back; outside any transaction. */
    close: () => {
      pending = [];
      if (!db.inTransaction) db.exec('DETACH DATABASE staging');
    },
  };
}
export type Staging = ReturnType<typeof createStaging>;
