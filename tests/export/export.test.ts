// `npm run export`: the site as static files, byte-identical to what the server sends, link-checked, with
// redirects files; served here by a real nginx to prove the URLs keep working.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSite, type ExportReport } from '../../src/export/export-site.js';
import { fileFor, nginxServer } from '../../src/export/file-layout.js';
import { createLogger } from '../../src/logger.js';
import { fetchText, freePort, runNode, tempDir, waitFor, type TempDir } from '../helpers/process.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';
import { describeWithNginx } from '../helpers/nginx.js';

let site: TestSite;
let outDir: string;
let report: ExportReport;
// After every sample article but the one scheduled for 2027 (pages link to articles published before this).
const NOW = Date.parse('2026-11-20T12:00:00Z');

beforeAll(async () => {
  site = await createTestSite({
    now: () => NOW,
    files: {
      // An old address that must keep working after the export.
      'articles/renamed.md': article(
        {
          title: 'A renamed article',
          slug: 'renamed',
          date: '2025-01-02',
          category: 'data-engineering',
          author: 'amara-okafor',
          aliases: ['/blog/2019/old-name', '/en/old-name'],
        },
        'Read [the joins guide](/en/sql-joins-explained).\n',
      ),
    },
  });
  outDir = join(site.dir, 'export');
  report = await exportSite({
    db: site.db,
    config: site.config,
    logger: createLogger(site.config),
    outDir,
    now: NOW,
  });
}, 60_000);

afterAll(async () => {
  await site?.close();
});

const read = (file: string) => readFileSync(join(outDir, file), 'utf8');

describe('npm run export: files', () => {
  it('exports every page, feed and sitemap with no failure and no broken internal link', () => {
    expect(report.failed).toEqual([]);
    expect(report.broken).toEqual([]);
    expect(report.pages).toBeGreaterThan(50);
    for (const file of [
      'en/index.html',
      'fr/index.html',
      'en/sql-joins-explained.html',
      'fr/qu-est-ce-qu-un-data-engineer.html',
      'en/category/data-engineering.html',
      'en/category/data-engineering/feed.xml',
      'en/tag/sql.html',
      'en/author/amara-okafor.html',
      'en/courses.html',
      'en/courses/data-ai.html',
      'en/courses/data-ai/data-engineer.html',
      'en/search.html',
      'feed.xml',
      'en/feed.xml',
      'en/feed.atom',
      'en/feed.json',
      'sitemap.xml',
      'robots.txt',
      'llms.txt',
      '404.html',
      'fr/404.html',
      'favicon.svg',
      'img/featured/data-pipeline.svg',
    ])
      expect(existsSync(join(outDir, file)), file).toBe(true);
    // Drafts and articles scheduled after the export's moment are not published.
    expect(existsSync(join(outDir, 'en/data-mesh-in-practice.html'))).toBe(false);
    expect(existsSync(join(outDir, 'en/evaluating-llm-applications.html'))).toBe(false);
    // Development-only files stay out.
    expect(readdirSync(join(outDir, 'assets')).some((f) => f.startsWith('dev-reload'))).toBe(false);
  });

  it('writes HTML, feeds and sitemap byte for byte as the server sends them', async () => {
    for (const path of [
      '/en/',
      '/en/sql-joins-explained',
      '/en/category/data-engineering',
      '/en/tag/sql',
      '/fr/qu-est-ce-qu-un-data-engineer',
      '/en/courses/data-ai',
      '/en/search',
      '/en/feed.xml',
      '/sitemap.xml',
      '/robots.txt',
      '/llms.txt',
    ]) {
      const res = await site.http
        .get(path)
        .set('Accept-Encoding', 'identity')
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status, path).toBe(200);
      expect(readFileSync(join(outDir, fileFor(path))).equals(res.body as Buffer), path).toBe(true);
    }
    const notFound = await site.http.get('/404');
    expect(notFound.status).toBe(404);
    expect(read('404.html')).toBe(notFound.text);
  });

  it('copies fingerprinted assets under the names the pages use', () => {
    const css = /<link rel="stylesheet" href="(\/assets\/site\.[0-9a-f]+\.css)">/.exec(
      read('en/index.html'),
    )?.[1];
    expect(css).toBeDefined();
    expect(read((css as string).slice(1))).toBe(readFileSync(join('public', 'css', 'site.css'), 'utf8'));
  });

  it('writes redirects for the root and every alias, for Netlify/Cloudflare Pages and for nginx', () => {
    const redirects = read('_redirects').split('\n');
    expect(redirects).toContain('/ /en/ 301');
    expect(redirects).toContain('/blog/2019/old-name /en/renamed 301');
    expect(redirects).toContain('/en/old-name /en/renamed 301');
    const nginx = read('redirects.nginx.conf');
    expect(nginx).toContain('location = /blog/2019/old-name { return 301 /en/renamed; }');
    expect(nginx).toContain('location = /blog/2019/old-name/ { return 301 /en/renamed; }');
    expect(read('_headers')).toMatch(/\/assets\/\*\n {2}Cache-Control: public, max-age=31536000, immutable/);
    expect(report.redirects).toBe(3);
  });

  it('refuses a non-empty folder it did not write, and re-exports into its own folder', async () => {
    const other = join(site.dir, 'not-an-export');
    mkdirSync(other);
    writeFileSync(join(other, 'precious.txt'), 'keep me');
    await expect(
      exportSite({
        db: site.db,
        config: site.config,
        logger: createLogger(site.config),
        outDir: other,
        now: NOW,
      }),
    ).rejects.toThrow(/not empty and was not written by npm run export/);
    expect(readFileSync(join(other, 'precious.txt'), 'utf8')).toBe('keep me');
    writeFileSync(join(outDir, 'stale.html'), 'left from an older export');
    const again = await exportSite({
      db: site.db,
      config: site.config,
      logger: createLogger(site.config),
      outDir,
      now: NOW,
    });
    expect(again.files).toBe(report.files);
    expect(existsSync(join(outDir, 'stale.html'))).toBe(false);
  });
});

describeWithNginx('npm run export: served by nginx', (nginxBin) => {
  let nginx: ChildProcess | null = null;
  let base = '';
  let output = '';

  beforeAll(async () => {
    const port = await freePort();
    const dir = join(site.dir, 'nginx');
    mkdirSync(join(dir, 'logs'), { recursive: true });
    const root = outDir;
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (t) => `${t}_temp_path ${dir}/temp-${t};`,
    );
    const conf = [
      'daemon off;',
      'worker_processes 1;',
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/logs/error.log;`,
      'events { worker_connections 64; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  access_log off;',
      ...temp.map((t) => `  ${t}`),
      nginxServer({ root, listen: `127.0.0.1:${port}`, languages: ['en', 'fr'], defaultLang: 'en' }),
      '}',
    ].join('\n');
    writeFileSync(join(dir, 'nginx.conf'), conf);
    nginx = spawn(nginxBin, ['-p', dir, '-c', join(dir, 'nginx.conf')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    nginx.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    base = `http://127.0.0.1:${port}`;
    await waitFor('nginx', async () => (await fetchText(`${base}/robots.txt`)).status === 200, 10_000).catch(
      (error: unknown) => {
        throw new Error(`${String(error)}\n${output}`);
      },
    );
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx?.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    }
  });

  it('serves the canonical URLs (no trailing slash) from the exported files', async () => {
    for (const path of [
      '/en/',
      '/en/sql-joins-explained',
      '/en/category/data-engineering',
      '/en/courses/data-ai',
    ]) {
      const res = await fetchText(base + path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/^text\/html/);
      expect(res.body, path).toBe(read(fileFor(path)));
    }
    expect((await fetchText(`${base}/en/feed.atom`)).headers['content-type']).toBe('application/atom+xml');
  });

  it('answers the root and old aliases with 301, and unknown paths with the 404 page of their language', async () => {
    const root = await fetchText(`${base}/`);
    expect(root.status).toBe(301);
    expect(root.headers.location).toMatch(/\/en\/$/);
    for (const old of ['/blog/2019/old-name', '/blog/2019/old-name/', '/en/old-name']) {
      const res = await fetchText(base + old);
      expect(res.status, old).toBe(301);
      expect(res.headers.location, old).toMatch(/\/en\/renamed$/);
    }
    const missing = await fetchText(`${base}/en/no-such-page`);
    expect(missing.status).toBe(404);
    expect(missing.body).toBe(read('404.html'));
    const fr = await fetchText(`${base}/fr/page-absente`);
    expect(fr.status).toBe(404);
    expect(fr.body).toContain('lang="fr"');
    expect((await fetchText(`${base}/_redirects`)).status).toBe(404);
  });
});

describe('npm run export (command)', () => {
  let tmp: TempDir;
  beforeAll(() => {
    tmp = tempDir('export-cli');
  });
  afterAll(() => tmp?.remove());

  it('reports the run time and file count, and exits 0', async () => {
    const contentDir = tmp.copySample();
    const run = await runNode(join('cli', 'export.js'), [join(tmp.dir, 'out')], { CONTENT_DIR: contentDir });
    // Nothing on stderr but progress lines (a slow machine takes over 5 s, and then they appear).
    for (const line of run.stderr.split('\n').filter(Boolean))
      expect(line).toMatch(/^(rendering \d+\/\d+ files|exporting \d+\/\d+ pages) \(/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^exported \d+ pages, \d+ files \([\d.]+ MB\) and 1 redirects to .* in [\d.]+ s \(index [\d.]+ s, pages [\d.]+ s\); link check: 0 broken$/m,
    );
    const files = /^exported \d+ pages, (\d+) files/m.exec(run.stdout)?.[1];
    expect(run.stdout).toContain(
      `files: ${files} written, 0 unchanged (not touched), 0 removed; 0 deleted articles answer 410`,
    );
  });

  it('fails with the list of broken internal links', async () => {
    const contentDir = join(tmp.dir, 'content');
    writeFileSync(
      join(contentDir, 'articles', 'with-missing-image.md'),
      article(
        { title: 'Missing image', category: 'data-engineering', author: 'amara-okafor' },
        '![A chart](/img/no-such-chart.png)\n',
      ),
    );
    const run = await runNode(join('cli', 'export.js'), [join(tmp.dir, 'out')], { CONTENT_DIR: contentDir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'en/with-missing-image.html: broken internal link to /img/no-such-chart.png',
    );
    expect(run.stdout).toMatch(/link check: 1 broken$/m);
  });

  it('exports nothing when the content has errors', async () => {
    const contentDir = join(tmp.dir, 'content');
    writeFileSync(
      join(contentDir, 'articles', 'with-missing-image.md'),
      article({ title: 'Broken', category: 'no-such-category', author: 'amara-okafor' }),
    );
    const run = await runNode(join('cli', 'export.js'), [join(tmp.dir, 'out2')], { CONTENT_DIR: contentDir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /with-missing-image\.md:4: category "no-such-category" is not in categories\.yml/,
    );
    expect(run.stderr).toContain('1 content errors: nothing was exported');
    expect(existsSync(join(tmp.dir, 'out2'))).toBe(false);
  });
});
