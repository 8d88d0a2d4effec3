// Applies numbered SQL migrations in order, each in its own transaction with its version record.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../errors.js';
import type { Db } from './connection.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

/** Returns the versions applied by this call. A failing migration rolls back and throws a StartupError. */
export function migrate(db: Db, migrations: readonly Migration[]): number[] {
  db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`,
  );
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (newest > known) {
    throw new StartupError(
      `the database is at schema version ${newest} but this code only knows up to ${known}; run a newer Folio or use another DB_PATH`,
    );
  }
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)',
  );
  const done: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    const apply = db.transaction(() => {
      db.exec(m.sql);
      record.run({ version: m.version, name: m.name, at: new Date().toISOString() });
    });
    try {
      apply();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new StartupError(
        `migration ${m.name} failed and was rolled back (the database is unchanged): ${reason}`,
        { cause: error },
      );
    }
    done.push(m.version);
  }
  return done;
}
