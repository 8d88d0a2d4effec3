// Article bodies are stored compressed; pages, feeds and search read them as before, and rows written by
// an older Folio (plain text columns) keep working after the migration.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packText, unpackText } from '../../src/db/body-codec.js';
import { openDatabase } from '../../src/db/connection.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { migrationsDir } from '../../src/paths.js';
import { article, createTestSite, MINIMAL_FILES, type TestSite } from '../helpers/site.js';

const ALL = readMigrations(migrationsDir);

describe('body codec', () => {
  it('when text is packed and unpacked, then every character comes back', () => {
    const text = 'Déjà vu — 東京 🚀 <p class="x">&amp;</p>\n'.repeat(200);
    const packed = packText(text);
    expect(packed.length).toBeLessThan(Buffer.byteLength(text) / 4);
    expect(unpackText(packed)).toBe(text);
  });

  it('when a row has no packed body, then the plain column is read', () => {
    expect(unpackText(null, '<p>old row</p>')).toBe('<p>old row</p>');
  });
});

describe('migration 0009 (compressed bodies)', () => {
  let dir = '';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when an index from before the migration is opened, then its bodies are still read and searched', () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-bodies-'));
    const db = openDatabase(join(dir, 'folio.db'));
    migrate(
      db,
      ALL.filter((m) => m.version < 9),
    );
    db.exec(`
      INSERT INTO article_keys (id, lang, slug) VALUES (3, 'en', 'otters');
      INSERT INTO articles (id, source_path, content_hash, lang, slug, title, published_at, modified_at, category_slug,
        author_slug, excerpt, body_html, body_text, word_count, reading_minutes, indexed_at, tags_text)
      VALUES (3, 'articles/otters.md', 'h', 'en', 'otters', 'Otters', 0, 0, 'news', 'ann',
        'By the river.', '<p>Otters juggle pebbles.</p>', 'Otters juggle pebbles.', 3, 1, 0, '');
      INSERT INTO articles_fts (rowid, title, excerpt, body, tags) VALUES (3, 'Otters', 'By the river.', 'Otters juggle pebbles.', '');
    `);
    expect(migrate(db, ALL)).toContain(9);
    const row = db
      .prepare('SELECT folio_unpack(a.html_z, a.body_html) AS html FROM articles a WHERE id = 3')
      .get() as { html: string };
    expect(row.html).toBe('<p>Otters juggle pebbles.</p>');
    const hit = db
      .prepare(
        "SELECT snippet(articles_fts, 2, '[', ']', '…', 8) AS s FROM articles_fts WHERE articles_fts MATCH 'pebbles'",
      )
      .get() as { s: string };
    expect(hit.s).toBe('Otters juggle [pebbles].');
    expect(() =>
      db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run(),
    ).not.toThrow();
    db.close();
  });
});

describe('an indexed site', () => {
  let site: TestSite;
  const body = `${'Harbour seals rest on sandbanks between tides. '.repeat(60)}\n\nThe word quokka appears once.\n`;
  beforeAll(async () => {
    site = await createTestSite({
      sample: false,
      files: { ...MINIMAL_FILES, 'articles/seals.md': article({ title: 'Seals', slug: 'seals' }, body) },
    });
  });
  afterAll(async () => site.close());

  it('when an article is indexed, then its body is stored compressed, not as text', () => {
    const row = site.db
      .prepare('SELECT body_html, body_text, length(html_z) AS hz, length(text_z) AS tz FROM articles')
      .get() as { body_html: string; body_text: string; hz: number; tz: number };
    expect(row.body_html).toBe('');
    expect(row.body_text).toBe('');
    expect(row.hz).toBeGreaterThan(0);
    expect(row.hz).toBeLessThan(body.length / 4);
    expect(row.tz).toBeLessThan(body.length / 4);
  });

  it('when the page, the feed and search are read, then they show the whole body', async () => {
    const page = await site.http.get('/en/seals');
    expect(page.text).toContain('The word quokka appears once.');
    expect((await site.http.get('/en/feed.xml')).text).toContain('quokka appears once');
    const found = await site.http.get('/en/search?q=quokka');
    expect(found.text).toMatch(/<mark>quokka<\/mark>/);
  });

  it('when the article changes, then search forgets its old words', async () => {
    site.write({ 'articles/seals.md': article({ title: 'Seals', slug: 'seals' }, 'Only walruses now.\n') });
    await site.reindex();
    expect((await site.http.get('/en/search?q=quokka')).text).toContain('0 results for “quokka”');
    expect((await site.http.get('/en/search?q=walruses')).text).toContain('1 result for “walruses”');
  });
});
