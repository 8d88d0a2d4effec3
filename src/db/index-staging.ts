// Prepared statements for the staging table: rendered articles written as they arrive, read back once
// when the run is applied. Batched, so the writes cost a few short transactions, not one per file.
import { randomUUID } from 'node:crypto';
import type { Db } from './connection.js';

const BATCH = 64;
/** Rows older than this belong to a run that died (no index run takes hours on one site). */
const ABANDONED_MS = 6 * 3_600_000;

interface Row {
  run: string;
  path: string;
  payload: string;
  created_at: number;
}

export function createStaging(db: Db, now = Date.now()) {
  const run = randomUUID();
  const s = {
    abandoned: db.prepare<{ before: number }>('DELETE FROM index_staging WHERE created_at < @before'),
    clear: db.prepare<{ run: string }>('DELETE FROM index_staging WHERE run = @run'),
    put: db.prepare<Row>(
      'INSERT OR REPLACE INTO index_staging (run, path, payload, created_at) VALUES (@run, @path, @payload, @created_at)',
    ),
    get: db.prepare<{ run: string; path: string }, { payload: string }>(
      'SELECT payload FROM index_staging WHERE run = @run AND path = @path',
    ),
  };
  s.abandoned.run({ before: now - ABANDONED_MS });
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
    put(path: string, payload: string): void {
      pending.push({ run, path, payload, created_at: now });
      if (pending.length >= BATCH) flush();
    },
    flush,
    /** The staged entry's JSON (after flush()). */
    get: (path: string) => s.get.get({ run, path })?.payload,
    /** Drops this run's rows (inside the apply transaction, or after a failed run). */
    clear: () => {
      pending = [];
      s.clear.run({ run });
    },
  };
}
export type Staging = ReturnType<typeof createStaging>;
