import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatImportReport, planImport, type ImportPlan } from '../../src/import/import-plan.js';
import { buildInventory, type ContentFile } from '../../src/import/inventory.js';
import { parseWpExport, type WpPostRecord } from '../../src/import/wp-record.js';
import { projectRoot } from '../../src/paths.js';
import { createTestSite, type TestSite } from '../helpers/site.js';

const FIXTURES = join(projectRoot, 'tests', 'fixtures', 'wp');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function contentFiles(dir: string): ContentFile[] {
  const out: ContentFile[] = [];
  const walk = (abs: string) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const full = join(abs, e.name);
      if (e.isDirectory()) walk(full);
      else out.push({ path: relative(dir, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

function records(): WpPostRecord[] {
  const one = parseWpExport(fixture('window-functions.json'), 'window-functions.json');
  const batch = parseWpExport(fixture('batch.json'), 'batch.json');
  expect(one.problems).toEqual([]);
  expect(batch.problems).toEqual([]);
  return [...one.records, ...batch.records];
}

let plan: ImportPlan;
const written = (path: string) => plan.writes.find((w) => w.path === path)?.text ?? '';
const frontMatter = (text: string) => text.slice(4, text.indexOf('\n---\n'));
const bodyOf = (text: string) => text.slice(text.indexOf('\n---\n') + 5).trimStart();

beforeAll(() => {
  plan = planImport(records(), buildInventory(contentFiles(join(projectRoot, 'content')), null));
});

describe('converting a WordPress post', () => {
  const path = 'articles/imported/window-functions-without-fear.md';

  it('when a post is imported, then its front matter keeps slug, GMT dates, decoded title, category, tags, author and a plain excerpt', () => {
    const fm = frontMatter(written(path));
    expect(fm).toContain(
      '# Imported from WordPress post 5101: https://old-blog.example.org/en/window-functions-without-fear',
    );
    expect(fm).toContain('title: Window functions – without fear & confusion');
    expect(fm).toContain('slug: window-functions-without-fear');
    expect(fm).toContain('date: 2024-02-20T09:15:00Z');
    expect(fm).toContain('updated: 2024-03-02T07:00:00Z');
    expect(fm).toContain('category: databases');
    expect(fm).toMatch(/tags:\n {2}- sql\n {2}- analytics/);
    expect(fm).toContain('author: wp-author-31');
    expect(fm).toMatch(
      /excerpt: "Window functions answer questions that GROUP BY cannot: running totals, [^"]*…"$/m,
    );
    expect(/excerpt: "(.*)"$/m.exec(fm)?.[1]?.length).toBeLessThanOrEqual(160);
    expect(fm).not.toContain('aliases');
  });

  it('when the body is converted, then styling noise is gone and the Markdown is clean', () => {
    const body = bodyOf(written(path));
    for (const noise of [
      '<style',
      'elementor',
      '<!--',
      'wp:paragraph',
      'style=',
      '<div',
      '<span',
      '<br',
      'font-size',
      '&#8220;',
      '&nbsp;',
    ])
      expect(body).not.toContain(noise);
    expect(body).toMatch(/^\*\*Window functions answer questions/);
    expect(body).toContain('## What makes a function a “window” function?');
    expect(body).toContain('### Partitions and ordering');
    expect(body).not.toMatch(/^# /m);
    expect(body).toContain('| Running total | SUM() OVER |');
    expect(body).toContain('```\nSELECT day, amount,');
    expect(body).toContain(
      '![A window frame sliding over ordered rows](https://old-blog.example.org/wp-content/uploads/2024/02/window-frame.png)',
    );
    expect(body).toContain('When 5 \\< 6 and rows tie');
  });

  it('when a WordPress button leads to a course page, then it becomes a ::cta line for that course', () => {
    const ctas = bodyOf(written(path)).match(/^::cta\[.*$/gm);
    expect(ctas).toEqual([
      '::cta[Master SQL on the Data Engineer track]{course=data-ai/data-engineer}',
      '::cta[Become a Data Engineer]{course=data-ai/data-engineer}',
    ]);
  });

  it('when links point at the old site, then existing targets become site-relative and missing ones keep the old address', () => {
    const body = bodyOf(written(path));
    expect(body).toContain('[our guide to joins](/en/sql-joins-explained)');
    expect(body).toContain('[partitions in depth](https://old-blog.example.org/en/partitions-in-depth)');
    expect(body).toContain(
      '[PostgreSQL tutorial](https://www.postgresql.org/docs/current/tutorial-window.html)',
    );
    expect(body).toContain(
      '[Join the SQL bootcamp](https://old-blog.example.org/en/courses/data-ai/sql-bootcamp)',
    );
  });

  it('when posts of the same import link to each other, then the links are internal, also by /?p=<id>', () => {
    const fr = written('articles/imported/fr/fonctions-de-fenetrage.md');
    expect(frontMatter(fr)).toContain('lang: fr');
    expect(frontMatter(fr)).toContain('title: "Fonctions de fenêtrage : l’essentiel"');
    expect(frontMatter(fr)).toContain('aliases:\n  - /fr/fonctions-de-fen%c3%aatrage');
    expect(bodyOf(fr)).toContain('[version anglaise](/en/window-functions-without-fear)');
    expect(bodyOf(fr)).toContain('[le même article](/en/window-functions-without-fear)');
  });

  it('when a post is a draft without a GMT date or slug, then it is imported as a draft named after its title', () => {
    const draft = written('articles/imported/notes-on-indexing-strategies.md');
    expect(frontMatter(draft)).toContain('draft: true');
    expect(frontMatter(draft)).toContain('date: 2024-05-10T12:00:00Z');
    expect(bodyOf(draft)).not.toContain('<form');
  });

  it('when categories and authors are unknown, then they are appended to the yml files with placeholder names', () => {
    const cats = written('categories.yml');
    expect(cats.startsWith(readFileSync(join(projectRoot, 'content', 'categories.yml'), 'utf8'))).toBe(true);
    expect(cats).toContain('# Added by import:wp.');
    expect(cats).toContain('- slug: databases\n  name: Databases\n');
    expect(written('authors.yml')).toContain('- slug: wp-author-31\n  name: WordPress author 31\n');
  });

  it('when the report is printed, then it names everything that could not be converted', () => {
    const report = formatImportReport(plan, new Set(plan.writes.map((w) => w.path))).join('\n');
    expect(report).toContain('Imported 3 posts: 3 written, 0 unchanged; 1 skipped.');
    expect(report).toContain('(WordPress post 5101, 2 CTAs → data-ai/data-engineer)');
    for (const expected of [
      'featured image 777 was not imported',
      'dropped 1 inline <style> block',
      'dropped the [gallery] shortcode',
      'link to https://old-blog.example.org/en/partitions-in-depth still points at the old site',
      'button "Join the SQL bootcamp"',
      'an embedded video became a link to https://www.youtube.com/watch?v=abcDEF12345',
      'status "draft" became draft: true',
      'dropped a <form> element',
      'databases: "Databases" (placeholder name',
      'WordPress page 5200 ("about-us"): only posts are imported',
    ])
      expect(report).toContain(expected);
  });
});

describe('the import:wp command', () => {
  let dir: string;
  let contentDir: string;
  const run = (script: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(projectRoot, 'dist', 'cli', script), ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, CONTENT_DIR: contentDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
  const snapshot = () => Object.fromEntries(contentFiles(contentDir).map((f) => [f.path, f.text] as const));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-import-'));
    contentDir = join(dir, 'content');
    cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when run with --dry-run, then it reports what would change and writes nothing', () => {
    const before = snapshot();
    const res = run('import-wp.js', FIXTURES, '--dry-run');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Imported 3 posts: 3 written');
    expect(res.stdout).toMatch(/^Dry run: nothing was written \([1-9]\d* file\(s\) would change\)\.$/m);
    expect(snapshot()).toEqual(before);
  });

  it('when run on a folder of exports, then it writes articles that pass npm run check', () => {
    const res = run('import-wp.js', FIXTURES);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Imported 3 posts: 3 written');
    expect(statSync(join(contentDir, 'articles/imported/window-functions-without-fear.md')).isFile()).toBe(
      true,
    );
    const check = run('check.js');
    expect(check.stdout).toMatch(/0 errors/);
    expect(check.status).toBe(0);
  });

  it('when run again on the same input, then nothing changes and nothing is duplicated', () => {
    const before = snapshot();
    const res = run('import-wp.js', join(FIXTURES, 'window-functions.json'), join(FIXTURES, 'batch.json'));
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('0 written, 3 unchanged');
    expect(snapshot()).toEqual(before);
    expect(readFileSync(join(contentDir, 'categories.yml'), 'utf8').match(/slug: databases/g)).toHaveLength(
      1,
    );
  });

  it('when the input is not a WordPress export, then it says so and exits 1', () => {
    const res = run('import-wp.js', join(projectRoot, 'package.json'));
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('not a WordPress post record');
  });
});

describe('the imported article on the site', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite({ files: Object.fromEntries(plan.writes.map((w) => [w.path, w.text])) });
  });
  afterAll(async () => site.close());

  it('when the site indexes the imported files, then none of them has an error', () => {
    expect(site.lastReport.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('when a reader opens the imported article, then both CTAs lead to the course page', async () => {
    const res = await site.http.get('/en/window-functions-without-fear');
    expect(res.status).toBe(200);
    const buttons = [...res.text.matchAll(/<a class="cta__button" href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(buttons).toEqual([
      [
        '/en/courses/data-ai/data-engineer?from=window-functions-without-fear&amp;cta=inline-1',
        'Master SQL on the Data Engineer track',
      ],
      [
        '/en/courses/data-ai/data-engineer?from=window-functions-without-fear&amp;cta=inline-2',
        'Become a Data Engineer',
      ],
    ]);
    expect((await site.http.get('/en/courses/data-ai/data-engineer')).status).toBe(200);
    expect(res.text).toContain('<a href="/en/sql-joins-explained">our guide to joins</a>');
    expect(res.text).toContain('<h2 id="what-makes-a-function-a-window-function">');
  });

  it('when the French post and its old address are visited, then the article answers and the old path redirects', async () => {
    expect((await site.http.get('/fr/fonctions-de-fenetrage')).status).toBe(200);
    const old = await site.http.get('/fr/fonctions-de-fen%c3%aatrage');
    expect(old.status).toBe(301);
    expect(old.headers.location).toBe('/fr/fonctions-de-fenetrage');
    expect((await site.http.get('/en/notes-on-indexing-strategies')).status).toBe(404);
  });
});
