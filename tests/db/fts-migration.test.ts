// A database indexed by an earlier Folio (search with its own copy of the text) is migrated to search
// over the articles table: words keep finding the same articles, tags included, and FTS5's integrity
// check agrees with the rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { migrationsDir } from '../../src/paths.js';

const ALL = readMigrations(migrationsDir);
const BEFORE = ALL.filter((m) => m.version < 4);
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 0004 (search over the articles table)', () => {
  it('when an older index is migrated, then the same words find the same articles', () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-fts-'));
    const db = openDatabase(join(dir, 'folio.db'));
    migrate(db, BEFORE);
    // What the v1 indexer wrote for one article: the row, its tag, and the FTS row with its own copy.
    db.exec(`
      INSERT INTO article_keys (id, lang, slug) VALUES (7, 'en', 'walrus');
      INSERT INTO articles (id, source_path, content_hash, lang, slug, title, published_at, modified_at, category_slug,
        author_slug, excerpt, body_html, body_text, word_count, reading_minutes, indexed_at)
      VALUES (7, 'articles/walrus.md', 'h', 'en', 'walrus', 'Walrus migration', 0, 0, 'news', 'ann',
        'On the ice.', '<p>Walruses haul out.</p>', 'Walruses haul out.', 3, 1, 0);
      INSERT INTO tags (id, slug, name) VALUES (1, 'arctic', 'Arctic');
      INSERT INTO article_tags (article_id, tag_id) VALUES (7, 1);
      INSERT INTO articles_fts (rowid, title, excerpt, body, tags) VALUES (7, 'Walrus migration', 'On the ice.', 'Walruses haul out.', 'Arctic');
    `);
    expect(migrate(db, ALL)).toContain(4);
    const find = (q: string) =>
      db
        .prepare<{ q: string }, { rowid: number }>(
          'SELECT rowid FROM articles_fts WHERE articles_fts MATCH @q',
        )
        .all({ q });
    expect(find('walruses')).toEqual([{ rowid: 7 }]);
    expect(find('arctic')).toEqual([{ rowid: 7 }]);
    expect(find('ice')).toEqual([{ rowid: 7 }]);
    expect(() =>
      db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run(),
    ).not.toThrow();
    // The text is no longer stored twice.
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'articles_fts_content'").get(),
    ).toEqual({ n: 0 });
    db.close();
  });
});
