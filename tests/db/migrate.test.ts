import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { openMigrated } from '../../src/db/database.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { StartupError } from '../../src/errors.js';
import { migrationsDir } from '../../src/paths.js';

let dir: string;
let dbs: Db[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-migrate-'));
});
afterEach(() => {
  for (const db of dbs) if (db.open) db.close();
  dbs = [];
  rmSync(dir, { recursive: true, force: true });
});

function open(path = join(dir, 'folio.db')): Db {
  const db = openDatabase(path);
  dbs.push(db);
  return db;
}

/** An empty migrations folder inside the test's directory. */
function folder(): string {
  const target = join(dir, 'migrations');
  mkdirSync(target, { recursive: true });
  return target;
}

const SHIPPED = readMigrations(migrationsDir);
const tables = (db: Db) =>
  db.prepare("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
const versions = (db: Db) => db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();

describe('migrations', () => {
  it('when the database is new, then every shipped migration is applied in order and recorded', () => {
    const db = open();
    expect(migrate(db, SHIPPED)).toEqual(SHIPPED.map((m) => m.version));
    expect(versions(db)).toEqual(SHIPPED.map((m) => ({ version: m.version, name: m.name })));
    const names = (tables(db) as { name: string }[]).map((t) => t.name);
    for (const t of [
      'articles',
      'article_keys',
      'authors',
      'categories',
      'tags',
      'article_tags',
      'courses',
      'course_areas',
      'links',
      'redirects',
      'content_errors',
      'articles_fts',
      'enquiries',
    ])
      expect(names).toContain(t);
  });

  it('when migrations run again, then nothing is applied and nothing changes', () => {
    const db = open();
    migrate(db, SHIPPED);
    const before = { tables: tables(db), versions: versions(db) };
    expect(migrate(db, SHIPPED)).toEqual([]);
    expect({ tables: tables(db), versions: versions(db) }).toEqual(before);
  });

  it('when a migration fails, then the database is exactly as it was and start-up stops with a message naming the file', () => {
    const path = join(dir, 'folio.db');
    const db = open(path);
    migrate(db, SHIPPED);
    db.prepare(
      "INSERT INTO enquiries (created_at, course_area, course_slug, name, email, consent, idempotency_key) VALUES ('2025-01-01', 'data-ai', 'data-engineer', 'Ann', 'ann@example.org', 1, 'k1')",
    ).run();
    const before = {
      tables: tables(db),
      versions: versions(db),
      enquiries: db.prepare('SELECT * FROM enquiries').all(),
    };
    const next = Math.max(...SHIPPED.map((m) => m.version)) + 1;
    const name = `${String(next).padStart(4, '0')}_add_reader_notes.sql`;
    const bad = {
      version: next,
      name,
      // The first statements succeed; the third fails, so the whole file must be rolled back.
      sql: 'CREATE TABLE reader_notes (id INTEGER PRIMARY KEY) STRICT;\nALTER TABLE enquiries ADD COLUMN note TEXT;\nINSERT INTO no_such_table VALUES (1);\n',
    };
    let thrown: unknown;
    try {
      migrate(db, [...SHIPPED, bad]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StartupError);
    expect((thrown as Error).message).toBe(
      `migration ${name} failed and was rolled back (the database is unchanged): no such table: no_such_table`,
    );
    expect({
      tables: tables(db),
      versions: versions(db),
      enquiries: db.prepare('SELECT * FROM enquiries').all(),
    }).toEqual(before);
  });

  it('when a migration file on disk is broken, then openMigrated refuses to start and leaves the file untouched', () => {
    const migrations = folder();
    for (const m of SHIPPED) copyFileSync(join(migrationsDir, m.name), join(migrations, m.name));
    const path = join(dir, 'folio.db');
    openMigrated(path, migrations).close();
    const snapshotOf = () => {
      const db = open(path);
      const s = { tables: tables(db), versions: versions(db) };
      db.close();
      return s;
    };
    const before = snapshotOf();
    const name = '0099_broken.sql';
    writeFileSync(join(migrations, name), 'CREATE TABLE half_done (id INTEGER) STRICT;\nTHIS IS NOT SQL;\n');
    expect(() => openMigrated(path, migrations)).toThrow(StartupError);
    expect(() => openMigrated(path, migrations)).toThrow(
      /^migration 0099_broken\.sql failed and was rolled back/,
    );
    expect(snapshotOf()).toEqual(before);
  });

  it('when the database is newer than the code, then it is refused with a clear message', () => {
    const db = open();
    migrate(db, SHIPPED);
    const known = Math.max(...SHIPPED.map((m) => m.version));
    db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, 'future.sql', '2030-01-01')",
    ).run({
      v: known + 5,
    });
    expect(() => migrate(db, SHIPPED)).toThrow(
      new StartupError(
        `the database is at schema version ${known + 5} but this code only knows up to ${known}; run a newer Folio or use another DB_PATH`,
      ),
    );
  });

  it('when the migrations folder is read, then only numbered .sql files count, in numeric order', () => {
    const migrations = folder();
    writeFileSync(join(migrations, '0002_second.sql'), 'SELECT 1;');
    writeFileSync(join(migrations, '0001_first.sql'), 'SELECT 1;');
    writeFileSync(join(migrations, 'notes.md'), '# not a migration');
    writeFileSync(join(migrations, '0003_draft.sql.bak'), 'SELECT 1;');
    expect(readMigrations(migrations).map((m) => [m.version, m.name])).toEqual([
      [1, '0001_first.sql'],
      [2, '0002_second.sql'],
    ]);
  });
});
