// Staging for one index run: rendered articles written as they arrive and read back once when the run is
// applied. It lives in a private temporary database attached to the connection (SQLite deletes its file
// when the connection closes, even after kill -9), so it never grows the site's database, readers never
// see it, and a server and `npm run index` running at once cannot meet in it. Writes are batched.
import type { Db } from './connection.js';

const BATCH = 64;

export function createStaging(db: Db) {
  const attached = db
    .prepare<[], { name: string }>('PRAGMA database_list')
    .all()
    .some((d) => d.name === 'staging');
  // An empty file name makes a temporary on-disk database private to this connection.
  if (!attached) db.exec("ATTACH DATABASE '' AS staging");
  db.exec('CREATE TABLE IF NOT EXISTS staging.entries (path TEXT PRIMARY KEY, payload TEXT NOT NULL)');
  db.exec('DELETE FROM staging.entries');
  const s = {
    clear: db.prepare('DELETE FROM staging.entries'),
    put: db.prepare<{ path: string; payload: string }>(
      'INSERT OR REPLACE INTO staging.entries (path, payload) VALUES (@path, @payload)',
    ),
    get: db.prepare<{ path: string }, { payload: string }>(
      'SELECT payload FROM staging.entries WHERE path = @path',
    ),
  };
  let pending: { path: string; payload: string }[] = [];
  const flushBatch = db.transaction((rows: readonly { path: string; payload: string }[]) => {
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
    put(path: string, payload: string): void {
      pending.push({ path, payload });
      if (pending.length >= BATCH) flush();
    },
    flush,
    /** The staged entry's JSON (after flush()). */
    get: (path: string) => s.get.get({ path })?.payload,
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
