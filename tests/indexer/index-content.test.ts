// Indexing content into the database: incremental runs, deletions, refused files, stable ids, a crash mid-run.
// Related lists, backlinks, drafts and scheduling after indexing are in index-visibility.test.ts.
import { mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import type { IndexReport } from '../../src/indexer/index-content.js';
import { article, createTestSite, MINIMAL_FILES, type TestSite } from '../helpers/site.js';

let clock = Date.parse('2025-06-01T12:00:00Z');
let site: TestSite;

/**
 * Re-indexes and drops the page cache: the app looks for a new index generation at most every 100 ms,
 * and these tests ask for pages straight after indexing.
 */
async function reindex(): Promise<IndexReport> {
  const report = await site.reindex();
  site.folio.cache.clear();
  return report;
}

beforeEach(async () => {
  clock = Date.parse('2025-06-01T12:00:00Z');
  site = await createTestSite({
    sample: false,
    now: () => clock,
    files: {
      'articles/alpha.md': article(
        { title: 'Alpha article', tags: ['sql'] },
        'Alpha talks about SQL joins and indexes.\n',
      ),
      'articles/beta.md': article(
        { title: 'Beta article', tags: ['sql'] },
        'Beta explains [alpha](/en/alpha) and SQL joins too.\n',
      ),
      'articles/gamma.md': article(
        { title: 'Gamma article', category: 'guides' },
        'Gamma is about something else.\n',
      ),
    },
  });
});
afterEach(async () => site.close());

const errors = (r: IndexReport) => r.problems.filter((p) => p.severity === 'error').map(formatProblem);
const idOf = (slug: string) =>
  site.db
    .prepare<{ slug: string }, { id: number }>('SELECT id FROM articles WHERE slug = @slug')
    .get({ slug })?.id;
const snapshot = () => ({
  articles: site.db.prepare('SELECT * FROM articles ORDER BY id').all(),
  tags: site.db.prepare('SELECT * FROM article_tags ORDER BY article_id, tag_id').all(),
  links: site.db.prepare('SELECT * FROM links ORDER BY source_id, target').all(),
  related: site.db.prepare('SELECT * FROM related ORDER BY article_id, rank').all(),
  errors: site.db.prepare('SELECT file, line, code, message FROM content_errors ORDER BY id').all(),
  fts: site.db.prepare('SELECT rowid, title FROM articles_fts ORDER BY rowid').all(),
  generation: site.db.prepare("SELECT value FROM index_state WHERE key = 'generation'").pluck().get(),
});
/** What an editor's file looks like on disk: its bytes and modification time. */
const fileState = (file: string) => {
  const path = join(site.contentDir, file);
  return { text: readFileSync(path, 'utf8'), mtimeMs: statSync(path).mtimeMs };
};
const health = async () =>
  (await site.http.get('/healthz')).body as { articles: number; contentErrors: number };

describe('incremental indexing', () => {
  it('when nothing changed, then a second run renders no file and changes nothing', async () => {
    expect(site.lastReport.rendered).toBe(3);
    const before = snapshot();
    const report = await reindex();
    expect(report).toMatchObject({ rendered: 0, unchanged: 3, removed: 0, changed: false, articles: 3 });
    expect(snapshot()).toEqual(before);
  });

  it('when one file is edited, then only that file is rendered and the page shows the edit', async () => {
    site.write({
      'articles/gamma.md': article({ title: 'Gamma, revised', category: 'guides' }, 'New words.\n'),
    });
    const report = await reindex();
    expect(report).toMatchObject({ rendered: 1, unchanged: 2, changed: true });
    expect((await site.http.get('/en/gamma')).text).toContain('<h1>Gamma, revised</h1>');
  });

  it('when a file is deleted, then its article is gone (410, since it was public) and leaves listings and search', async () => {
    // Delta stays in the same category and mentions gamma, so the listing and the search still show
    // something: an absence on an error page would prove nothing.
    site.write({
      'articles/gamma.md': null,
      'articles/delta.md': article({ title: 'Delta article', category: 'guides' }, 'Delta is not gamma.\n'),
    });
    const report = await reindex();
    expect(report).toMatchObject({ removed: 1, rendered: 1, articles: 3 });
    expect((await site.http.get('/en/gamma')).status).toBe(410);
    const listing = await site.http.get('/en/category/guides');
    expect(listing.status).toBe(200);
    expect(listing.text).toContain('Delta article');
    expect(listing.text).not.toContain('Gamma article');
    const search = await site.http.get('/en/search?q=gamma');
    expect(search.status).toBe(200);
    expect(search.text).toContain('Delta article');
    expect(search.text).not.toContain('Gamma article');
    expect((await health()).articles).toBe(3);
  });

  it('when a draft that was never public is deleted, then its path is a plain 404', async () => {
    site.write({ 'articles/secret.md': article({ draft: true }) });
    await reindex();
    site.write({ 'articles/secret.md': null });
    await reindex();
    expect((await site.http.get('/en/secret')).status).toBe(404);
  });

  it('when HTML was stored by another version of the rendering code, then every file is rendered and sanitised again', async () => {
    // What an older Folio left behind: its own context key, and HTML its sanitiser let through.
    const ctx = JSON.parse(
      site.db.prepare("SELECT value FROM index_state WHERE key = 'ctx_json'").pluck().get() as string,
    ) as Record<string, unknown>;
    delete ctx.renderer;
    site.db
      .prepare("UPDATE index_state SET value = @v WHERE key = 'ctx_json'")
      .run({ v: JSON.stringify(ctx) });
    site.db
      .prepare(
        "UPDATE articles SET body_html = '<p>old</p><script>alert(1)</script>', html_z = NULL WHERE slug = 'gamma'",
      )
      .run();
    expect((await reindex()).rendered).toBe(3);
    const page = (await site.http.get('/en/gamma')).text;
    expect(page).toContain('Gamma is about something else.');
    expect(page).not.toContain('alert(1)');
  });

  it('when the site languages change, then every file is rendered again', async () => {
    site.write({
      'site.yml':
        'title: Test Site\nurl: http://localhost:3000\nlanguages:\n  - code: en\n    name: English\n',
    });
    expect((await reindex()).rendered).toBe(3);
  });
});

describe('a file that becomes invalid', () => {
  it('when a published file gets a YAML error, then the last good version stays served and the error is recorded', async () => {
    site.write({
      'articles/alpha.md': '---\ntitle: Alpha: broken: yaml\ndate: 2024-01-10\n---\nNew body.\n',
    });
    const report = await reindex();
    expect(errors(report)).toEqual([
      'articles/alpha.md:2: front matter is not valid YAML: Nested mappings are not allowed in compact mappings (check the indentation on this line, and put the value in quotes if it contains ": " or starts with [, {, *, & or !)',
    ]);
    expect(report.articles).toBe(3);
    const page = await site.http.get('/en/alpha');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Alpha talks about SQL joins');
    expect(site.db.prepare('SELECT file, line, code FROM content_errors').all()).toEqual([
      { file: 'articles/alpha.md', line: 2, code: 'yaml-syntax' },
    ]);
    expect((await health()).contentErrors).toBe(1);
  });

  it('when a broken file is left as it is, then later runs report it again without rendering it', async () => {
    site.write({ 'articles/alpha.md': article({ date: '2024-02-30' }) });
    const first = await reindex();
    const second = await reindex();
    expect(second.rendered).toBe(0);
    expect(errors(second)).toEqual(errors(first));
    expect(errors(second)).toHaveLength(1);
    expect((await health()).contentErrors).toBe(1);
  });

  it('when a file names an unknown category, then the last good version stays served', async () => {
    site.write({ 'articles/alpha.md': article({ title: 'Alpha v2', category: 'nope' }) });
    const report = await reindex();
    expect(errors(report)).toEqual([
      'articles/alpha.md:4: category "nope" is not in categories.yml (add it to categories.yml)',
    ]);
    expect((await site.http.get('/en/alpha')).text).toContain('<h1>Alpha article</h1>');
  });

  it('when a file is caught half-saved (front matter not closed), then the last good version stays served until it is whole', async () => {
    site.write({ 'articles/beta.md': '---\ntitle: Beta, rewrit' });
    const report = await reindex();
    expect(errors(report)).toEqual([
      'articles/beta.md:1: the front matter block is never closed (the file may be half-saved) (end the YAML block with a line containing only ---)',
    ]);
    expect((await site.http.get('/en/beta')).text).toContain('<h1>Beta article</h1>');
    site.write({ 'articles/beta.md': article({ title: 'Beta, rewritten' }) });
    const fixed = await reindex();
    expect(errors(fixed)).toEqual([]);
    expect((await site.http.get('/en/beta')).text).toContain('<h1>Beta, rewritten</h1>');
    expect((await health()).contentErrors).toBe(0);
  });

  it('when a new file is invalid, then it is not published and everything else is', async () => {
    site.write({ 'articles/new-one.md': article({ title: '' }) });
    const report = await reindex();
    expect(errors(report)).toEqual([
      'articles/new-one.md:2: title cannot be empty: write the headline readers see (1-200 characters)',
    ]);
    expect((await site.http.get('/en/new-one')).status).toBe(404);
    expect((await health()).articles).toBe(3);
  });
});

describe('a file refused because of another file', () => {
  it('when the article holding its slug is deleted, then the refused one is published without being touched', async () => {
    site.write({ 'articles/zz-alpha-copy.md': article({ slug: 'alpha', title: 'Second alpha' }) });
    expect(errors(await reindex())).toEqual([
      'articles/zz-alpha-copy.md:6: the slug "alpha" is already used by articles/alpha.md (give this article another slug: key)',
    ]);
    expect((await reindex()).rendered).toBe(0);
    const untouched = fileState('articles/zz-alpha-copy.md');
    site.write({ 'articles/alpha.md': null });
    const report = await reindex();
    expect(errors(report)).toEqual([]);
    // Nobody edited the refused file: it is published as it was.
    expect(report).toMatchObject({ removed: 1, articles: 3 });
    expect(fileState('articles/zz-alpha-copy.md')).toEqual(untouched);
    expect((await site.http.get('/en/alpha')).text).toContain('<h1>Second alpha</h1>');
    expect((await site.http.get('/en/category/news')).text).toContain('Second alpha');
  });

  it('when its missing category is added to categories.yml, then it is published without being touched', async () => {
    site.write({ 'articles/sport.md': article({ category: 'sport', title: 'Sport news' }) });
    expect(errors(await reindex())).toEqual([
      'articles/sport.md:4: category "sport" is not in categories.yml (add it to categories.yml)',
    ]);
    const untouched = fileState('articles/sport.md');
    site.write({
      'categories.yml': `${MINIMAL_FILES['categories.yml'] ?? ''}- slug: sport\n  name: Sport\n`,
    });
    const report = await reindex();
    expect(errors(report)).toEqual([]);
    expect(report.articles).toBe(4);
    expect(fileState('articles/sport.md')).toEqual(untouched);
    const page = await site.http.get('/en/sport');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Sport news</h1>');
    expect((await site.http.get('/en/category/sport')).text).toContain('Sport news');
  });
});

describe('stable ids', () => {
  it('when content is re-indexed from scratch or edited, then article ids do not change', async () => {
    const ids = ['alpha', 'beta', 'gamma'].map(idOf);
    site.write({ 'articles/alpha.md': article({ title: 'Alpha edited', tags: ['sql'] }) });
    await reindex();
    site.db.prepare("DELETE FROM index_state WHERE key = 'ctx_json'").run();
    expect((await reindex()).rendered).toBe(3);
    expect(['alpha', 'beta', 'gamma'].map(idOf)).toEqual(ids);
  });

  it('when a file moves to another folder, then its article keeps its id and URL', async () => {
    const id = idOf('gamma');
    const from = join(site.contentDir, 'articles/gamma.md');
    const to = join(site.contentDir, 'articles/guides/2025/gamma.md');
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
    const report = await reindex();
    expect(errors(report)).toEqual([]);
    expect(idOf('gamma')).toBe(id);
    expect(site.db.prepare("SELECT source_path FROM articles WHERE slug = 'gamma'").pluck().get()).toBe(
      'articles/guides/2025/gamma.md',
    );
    expect((await site.http.get('/en/gamma')).status).toBe(200);
  });

  it('when an article is deleted and comes back, then it gets its old id again', async () => {
    const id = idOf('gamma');
    const text = article({ title: 'Gamma article', category: 'guides' });
    site.write({ 'articles/gamma.md': null });
    await reindex();
    site.write({ 'articles/gamma.md': text });
    await reindex();
    expect(idOf('gamma')).toBe(id);
  });
});

describe('a crash in the middle of indexing', () => {
  it('when the write transaction fails, then the previous index is intact and the error surfaces', async () => {
    const before = snapshot();
    // A trigger makes the database refuse one insert, half-way through the run's writes.
    site.db.exec(
      "CREATE TRIGGER refuse_boom BEFORE INSERT ON articles WHEN NEW.slug = 'boom' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
    );
    site.write({
      'articles/alpha.md': article({ title: 'Alpha changed', tags: ['sql'] }),
      'articles/boom.md': article({ title: 'Boom' }),
      'articles/gamma.md': null,
    });
    await expect(reindex()).rejects.toThrow('disk on fire');
    expect(snapshot()).toEqual(before);
    expect((await site.http.get('/en/alpha')).text).toContain('<h1>Alpha article</h1>');
    expect((await site.http.get('/en/gamma')).status).toBe(200);

    site.db.exec('DROP TRIGGER refuse_boom');
    const report = await reindex();
    expect(report).toMatchObject({ rendered: 2, removed: 1, articles: 3 });
    expect((await site.http.get('/en/alpha')).text).toContain('<h1>Alpha changed</h1>');
    expect((await site.http.get('/en/boom')).status).toBe(200);
    expect((await site.http.get('/en/gamma')).status).toBe(410);
  });
});
