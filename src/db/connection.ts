// Opens the SQLite database with the pragmas Folio relies on (WAL, foreign keys, busy timeout) and the
// functions its views use.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { registerBodyCodec } from './body-codec.js';

export type Db = Database.Database;

export function openDatabase(path: string, options: { readonly?: boolean } = {}): Db {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -32000');
  registerBodyCodec(db);
  return db;
}
