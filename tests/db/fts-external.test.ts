// Search reads article text from the articles table (FTS5 external content): after edits, renames and
// deletions the index must still match the rows exactly — old words stop finding an article, new ones
// find it, and FTS5's own integrity check (which compares the index with the content) passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite({
    sample: false,
    now: () => Date.parse('2026-01-15T12:00:00Z'),
    files: {
      'articles/a.md': article(
        { title: 'Walrus migration', slug: 'walrus', tags: ['arctic'] },
        'Walruses haul out on sea ice.\n',
      ),
      'articles/b.md': article(
        { title: 'Penguin colonies', slug: 'penguin' },
        'Penguins huddle in winter.\n',
      ),
    },
  });
});
afterAll(async () => site.close());

const matches = (q: string) =>
  site.db
    .prepare<{ q: string }, { slug: string }>(
      'SELECT a.slug FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH @q ORDER BY a.slug',
    )
    .all({ q })
    .map((r) => r.slug);
const integrity = () =>
  site.db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run();

describe('full-text index over the articles table', () => {
  it('finds articles by title, body and tag words', () => {
    expect(matches('walrus')).toEqual(['walrus']);
    expect(matches('huddle')).toEqual(['penguin']);
    expect(matches('arctic')).toEqual(['walrus']);
    expect(() => integrity()).not.toThrow();
  });

  it('when a body, title and tags are edited, then only the new words find it', async () => {
    site.write({
      'articles/a.md': article(
        { title: 'Narwhal tusks', slug: 'walrus', tags: ['ocean'] },
        'Narwhals dive under pack ice.\n',
      ),
    });
    await site.reindex();
    expect(matches('walrus')).toEqual([]);
    expect(matches('arctic')).toEqual([]);
    expect(matches('narwhals')).toEqual(['walrus']);
    expect(matches('ocean')).toEqual(['walrus']);
    expect(() => integrity()).not.toThrow();
    const hit = await site.http.get('/en/search?q=narwhals');
    expect(hit.status).toBe(200);
    expect(hit.text).toContain('<mark>Narwhals</mark>');
  });

  it('when an article is deleted or its slug changes, then the index follows', async () => {
    site.write({
      'articles/b.md': null,
      'articles/a.md': article(
        { title: 'Narwhal tusks', slug: 'narwhal', tags: ['ocean'] },
        'Narwhals dive under pack ice.\n',
      ),
    });
    await site.reindex();
    expect(matches('penguins')).toEqual([]);
    expect(matches('narwhals')).toEqual(['narwhal']);
    expect(() => integrity()).not.toThrow();
  });

  it('when everything is rendered again (a new renderer), then nothing is indexed twice', async () => {
    site.db.prepare("DELETE FROM index_state WHERE key = 'ctx_json'").run();
    await site.reindex();
    expect(matches('narwhals')).toEqual(['narwhal']);
    expect(() => integrity()).not.toThrow();
  });
});
