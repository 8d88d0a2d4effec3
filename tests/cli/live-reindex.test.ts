// Live re-index in production: `npm run index` beside a running server, SIGHUP, and scheduled articles.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fetchText,
  runNode,
  startFolio,
  stopAll,
  tempDir,
  waitFor,
  type FolioProcess,
  type TempDir,
} from '../helpers/process.js';
import { article, createTestSite } from '../helpers/site.js';

let tmp: TempDir;
let contentDir: string;
let env: Record<string, string>;
let server: FolioProcess;
const ARTICLE = join('articles', 'data-engineering', 'sql-joins-explained.md');

function retitle(title: string): void {
  const path = join(contentDir, ARTICLE);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`));
}

const titleOf = async () =>
  /<title>([^<]*)<\/title>/.exec((await fetchText(`${server.url}/en/sql-joins-explained`)).body)?.[1] ?? '';

beforeAll(async () => {
  tmp = tempDir('live-index');
  contentDir = tmp.copySample();
  env = { CONTENT_DIR: contentDir, DB_PATH: join(tmp.dir, 'folio.db') };
  server = await startFolio({ env });
}, 40_000);

afterAll(async () => {
  await server?.stop();
  await stopAll();
  tmp?.remove();
});

describe('npm run index beside a running server', () => {
  it('re-indexes, prints a summary, exits 0, and the server serves the change without a restart', async () => {
    expect(await titleOf()).toContain('SQL joins explained');
    retitle('Joins, re-indexed from the command line');
    const run = await runNode(join('cli', 'index.js'), [], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /indexed 18 articles into .* \(1 rendered, \d+ unchanged, 0 removed\): 0 errors/,
    );
    expect(run.stdout).toMatch(/generation \d+ is live/);
    const started = Date.now();
    await waitFor('the server to serve the new title', async () =>
      (await titleOf()).includes('re-indexed from the command line'),
    );
    // The page cache looks at the index generation every 100 ms.
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('reports content errors as file:line and still exits 0: the index was written, the last good version stays', async () => {
    const broken = join(contentDir, 'articles', 'broken.md');
    const joins = join(contentDir, ARTICLE);
    const goodJoins = readFileSync(joins, 'utf8');
    const goodTitle = await titleOf();
    const docker = join(contentDir, 'articles', 'cloud-devops', 'docker-in-ten-minutes.md');
    const goodDocker = readFileSync(docker, 'utf8');
    // One run: a new broken article, a published article broken by an edit, and a valid edit elsewhere.
    writeFileSync(broken, article({ title: 'Broken', category: 'no-such-category', author: 'amara-okafor' }));
    writeFileSync(joins, goodJoins.replace(/^category: .*$/m, 'category: no-such-category'));
    writeFileSync(docker, goodDocker.replace(/^title: .*$/m, 'title: "Docker, written by the same run"'));
    try {
      const run = await runNode(join('cli', 'index.js'), [], env);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /articles\/broken\.md:4: category "no-such-category" is not in categories\.yml/,
      );
      expect(run.stdout).toMatch(
        /articles\/data-engineering\/sql-joins-explained\.md:\d+: category "no-such-category" is not in categories\.yml/,
      );
      expect(run.stdout).toMatch(/: 2 errors/);
      expect(run.stdout).toContain(
        'files with errors keep their last good version online until they are fixed',
      );
      // The index was written: the valid edit is served...
      await waitFor('the valid edit to be served', async () =>
        (await fetchText(`${server.url}/en/docker-in-ten-minutes`)).body.includes(
          'Docker, written by the same run',
        ),
      );
      // ...the broken edit is not: the last good version stays; the new broken article is not published.
      expect(await titleOf()).toBe(goodTitle);
      expect((await fetchText(`${server.url}/en/broken`)).status).toBe(404);
      const health = JSON.parse((await fetchText(`${server.url}/healthz`)).body) as { contentErrors: number };
      expect(health.contentErrors).toBe(2);
    } finally {
      // Leave the content as the other tests expect it: no stray file, the edited articles as they were.
      rmSync(broken, { force: true });
      writeFileSync(joins, goodJoins);
      writeFileSync(docker, goodDocker);
    }
  });

  it('exits 1 with a message when indexing itself fails', async () => {
    const notADir = join(tmp.dir, 'a-file');
    writeFileSync(notADir, 'x');
    const run = await runNode(join('cli', 'index.js'), [], { ...env, DB_PATH: join(notADir, 'folio.db') });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^indexing failed, the previous index is unchanged: \S+/);
    expect(run.stdout).toBe('');
  });

  it('SIGHUP re-indexes in place, and no request fails while it runs', async () => {
    // A site-wide change (the site title is on every page) and an article change in one run.
    const siteYml = join(contentDir, 'site.yml');
    writeFileSync(
      siteYml,
      readFileSync(siteYml, 'utf8').replace(/^title: .*$/m, 'title: Folio Academy Live'),
    );
    retitle('Joins, re-indexed by SIGHUP');
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const paths = ['/en/', '/en/sql-joins-explained', '/en/category/data-engineering', '/en/search?q=sql'];
    const failures: string[] = [];
    let requests = 0;
    let done = false;
    const load = Promise.all(
      paths.map(async (path) => {
        while (!done) {
          requests++;
          try {
            const res = await fetchText(server.url + path, { agent });
            if (res.status !== 200) failures.push(`${path}: ${res.status}`);
          } catch (error) {
            failures.push(`${path}: ${String(error)}`);
          }
        }
      }),
    );
    try {
      server.signal('SIGHUP');
      await server.waitForLog((l) => l.msg === 'content indexed' && l.reason === 'SIGHUP', 20_000);
      await waitFor('the new title', async () => (await titleOf()).includes('re-indexed by SIGHUP'));
      expect(await titleOf()).toContain('Folio Academy Live');
      // Keep the load going a little after the run, so the count below never depends on how fast indexing was.
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      done = true;
      await load;
      agent.destroy();
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(20);
  });
});

describe('scheduled articles', () => {
  it('go live by themselves when their time comes: no re-index, no restart', async () => {
    const t0 = Date.parse('2030-05-01T08:00:00Z');
    let clock = t0;
    const site = await createTestSite({
      sample: false,
      now: () => clock,
      files: {
        'articles/live.md': article({ title: 'Already live', slug: 'live', date: '2030-04-01' }),
        'articles/later.md': article({
          title: 'Scheduled story',
          slug: 'later',
          date: '2030-05-01T09:00:00Z',
        }),
      },
    });
    try {
      expect((await site.http.get('/en/later')).status).toBe(404);
      expect((await site.http.get('/en/')).text).not.toContain('Scheduled story');
      expect((await site.http.get('/en/category/news')).text).not.toContain('Scheduled story');
      clock = Date.parse('2030-05-01T09:00:01Z');
      // Cached pages are dropped once the publish time has passed (checked at most every 100 ms).
      await new Promise((resolve) => setTimeout(resolve, 150));
      const page = await site.http.get('/en/later');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Scheduled story');
      expect((await site.http.get('/en/')).text).toContain('Scheduled story');
      expect((await site.http.get('/en/category/news')).text).toContain('Scheduled story');
    } finally {
      await site.close();
    }
  });
});
