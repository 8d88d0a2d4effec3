// An export into a folder that holds an earlier export: only files whose bytes change are written (the
// rest keep their mtime, so rsync and CDN uploads skip them), files of deleted pages are removed and their
// addresses get 410 rules, redirects stay, and anything else in the folder is cleared.
import { appendFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSite, type ExportReport } from '../../src/export/export-site.js';
import { MANIFEST } from '../../src/export/output.js';
import { createLogger } from '../../src/logger.js';
import { SAMPLE_NOW } from '../helpers/clock.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

const EDITED = 'articles/data-engineering/your-first-airflow-dag.md';
const EDITED_PAGE = 'en/your-first-airflow-dag.html';
const DELETED = 'articles/data-engineering/short-lived.md';
const DELETED_PAGE = 'en/short-lived.html';
// Pages that show neither article: an unrelated article, another category's archive.
const UNRELATED = ['en/data-analyst-vs-data-scientist.html', 'en/category/career-change.html'];
// Course pages carry a freshly signed enquiry-form token, so every export writes them again.
const COURSE_PAGE = /^en\/courses\/[^/]+\/[^/]+\.html$/;

let site: TestSite;
let outDir: string;
let first: ExportReport;

const run = () =>
  exportSite({
    db: site.db,
    config: site.config,
    logger: createLogger(site.config),
    outDir,
    now: SAMPLE_NOW,
  });
const manifest = () =>
  (JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8')) as { files: Record<string, [string, number]> })
    .files;
const mtimes = () =>
  new Map(
    Object.keys(manifest())
      .filter((f) => !COURSE_PAGE.test(f))
      .map((f) => [f, statSync(join(outDir, f)).mtimeMs] as const),
  );
let coursePages = 0;

beforeAll(async () => {
  site = await createTestSite({
    now: () => SAMPLE_NOW,
    files: {
      [DELETED]: article(
        {
          title: 'A short-lived article',
          date: '2026-01-05',
          category: 'data-engineering',
          author: 'amara-okafor',
        },
        'Published, exported, then deleted: nothing links here.\n',
      ),
    },
  });
  outDir = join(site.dir, 'export');
  first = await run();
  coursePages = Object.keys(manifest()).filter((f) => COURSE_PAGE.test(f)).length;
}, 60_000);

afterAll(async () => {
  await site?.close();
});

describe('an export into the folder of an earlier export', () => {
  it('when nothing changed, then no file but the course pages is written, none removed, every mtime as before', async () => {
    expect(first.written).toBe(first.files);
    expect(first.kept).toBe(0);
    expect(coursePages).toBeGreaterThan(0);
    const before = mtimes();
    const again = await run();
    expect({ written: again.written, removed: again.removed, kept: again.kept }).toEqual({
      written: coursePages,
      removed: 0,
      kept: first.files - coursePages,
    });
    expect(mtimes()).toEqual(before);
  });

  it("when one article's text changes, then its page is rewritten and pages that do not show it are untouched", async () => {
    const before = mtimes();
    appendFileSync(join(site.contentDir, EDITED), '\nOne more paragraph, added after the first export.\n');
    await site.reindex();
    const report = await run();
    const after = mtimes();
    const rewritten = [...after].filter(([f, t]) => before.get(f) !== t).map(([f]) => f);
    expect(rewritten).toContain(EDITED_PAGE);
    expect(report.written).toBe(rewritten.length + coursePages);
    expect(report.written).toBeLessThan(first.files / 4);
    for (const file of UNRELATED) expect(after.get(file), file).toBe(before.get(file));
    expect(readFileSync(join(outDir, EDITED_PAGE), 'utf8')).toContain('One more paragraph');
    expect(report.removed).toBe(0);
  });

  it('when an article is deleted, then its file is removed, its address answers 410 and redirects stay', async () => {
    const redirectsBefore = readFileSync(join(outDir, '_redirects'), 'utf8');
    expect(existsSync(join(outDir, DELETED_PAGE))).toBe(true);
    rmSync(join(site.contentDir, DELETED));
    await site.reindex();
    const report = await run();
    expect(existsSync(join(outDir, DELETED_PAGE))).toBe(false);
    expect(manifest()[DELETED_PAGE]).toBeUndefined();
    expect(report.removed).toBeGreaterThanOrEqual(1);
    expect(report.gone).toBe(1);
    const redirects = readFileSync(join(outDir, '_redirects'), 'utf8');
    expect(redirects).toContain('/en/short-lived /404.html 410');
    for (const rule of redirectsBefore.split('\n').filter((l) => l.endsWith(' 301')))
      expect(redirects).toContain(rule);
    expect(readFileSync(join(outDir, 'redirects.nginx.conf'), 'utf8')).toContain(
      'location = /en/short-lived { error_page 410 /404.html; return 410; }',
    );
    // No page links to the deleted article any more.
    expect(report.broken).toEqual([]);
  });

  it('when a file the export did not write is in the folder, then the next export removes it', async () => {
    writeFileSync(join(outDir, 'en', 'left-behind.html'), '<p>from a run that died half-way</p>');
    const report = await run();
    expect(existsSync(join(outDir, 'en', 'left-behind.html'))).toBe(false);
    expect(report.removed).toBe(1);
    expect(report.written).toBe(coursePages);
  });

  it('when pages are written, then progress counts up to the number of pages', async () => {
    const calls: [number, number][] = [];
    await exportSite({
      db: site.db,
      config: site.config,
      logger: createLogger(site.config),
      outDir,
      now: SAMPLE_NOW,
      onProgress: (done, total) => calls.push([done, total]),
    });
    const total = calls[0]?.[1] ?? 0;
    const pages = calls.filter(([, t]) => t === total).map(([d]) => d);
    expect(total).toBeGreaterThan(50);
    expect(pages).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('when a file of the export was changed by hand, then the next export writes it again', async () => {
    const file = join(outDir, UNRELATED[0] as string);
    const original = readFileSync(file);
    writeFileSync(file, 'edited by hand');
    const report = await run();
    expect(readFileSync(file)).toEqual(original);
    expect(report.written).toBe(1 + coursePages);
  });
});
