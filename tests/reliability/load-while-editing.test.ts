// Readers keep getting whole, consistent pages while editors rewrite 50 files and the site re-indexes, both in
// the server (SIGHUP) and in a separate `npm run index` process writing the same database.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  fetchText,
  runNode,
  startFolio,
  stopAll,
  tempDir,
  waitFor,
  type HttpResult,
  type RunResult,
} from '../helpers/process.js';

const FILES = 50;
const LOAD_MS = 10_000;
const CONNECTIONS = 16;

const dirs: ReturnType<typeof tempDir>[] = [];
afterAll(async () => {
  await stopAll();
  for (const d of dirs) d.remove();
});

const pad = (n: number) => String(n).padStart(2, '0');

/** Version `v` of load article `n`: the title and the body both name the version, so a mix shows. */
function loadArticle(n: number, v: number): string {
  const paragraphs = Array.from(
    { length: 6 },
    (_, i) =>
      `Paragraph ${i + 1} of version ${v}. Pipelines move data from where it is created to where it is ` +
      `used, and every step needs an owner, a schedule and a way to tell when it has failed.`,
  );
  return [
    '---',
    `title: "Load article ${pad(n)}, version ${v}"`,
    `slug: load-${pad(n)}`,
    'date: 2024-03-01',
    'category: data-engineering',
    'author: amara-okafor',
    'tags: [load]',
    '---',
    `This is version ${v} of load article ${pad(n)}.`,
    '',
    '## Why it matters',
    '',
    ...paragraphs.map((p) => `${p}\n`),
  ].join('\n');
}

interface Tally {
  requests: number;
  failures: string[];
  versionsSeen: Set<number>;
}

function checkPage(url: string, res: HttpResult, latest: number, tally: Tally): void {
  if (res.status !== 200) {
    tally.failures.push(`${url}: status ${res.status}`);
    return;
  }
  const body = res.body;
  if (!body.startsWith('<!doctype html>') || !body.trimEnd().endsWith('</html>')) {
    tally.failures.push(`${url}: torn page (${body.length} bytes)`);
    return;
  }
  const m = /\/en\/load-(\d\d)$/.exec(url);
  if (!m) return;
  const title = /<h1>Load article (\d\d), version (\d+)<\/h1>/.exec(body);
  const lead = /This is version (\d+) of load article (\d\d)\./.exec(body);
  if (!title || !lead) {
    tally.failures.push(`${url}: no title or lead paragraph`);
    return;
  }
  const v = Number(title[2]);
  if (title[1] !== m[1] || lead[2] !== m[1] || Number(lead[1]) !== v || v > latest)
    tally.failures.push(`${url}: title "${title[0]}" does not match "${lead[0]}" (latest written ${latest})`);
  tally.versionsSeen.add(v);
}

describe('load while content changes', () => {
  it('when 50 files are rewritten and re-indexed over and over under load, then no request fails and no page is torn', async () => {
    const tmp = tempDir('load');
    dirs.push(tmp);
    const contentDir = tmp.copySample();
    const loadDir = join(contentDir, 'articles', 'load');
    mkdirSync(loadDir);
    const writeAll = (v: number) => {
      for (let n = 0; n < FILES; n++) writeFileSync(join(loadDir, `load-${pad(n)}.md`), loadArticle(n, v));
    };
    writeAll(0);
    const env = { CONTENT_DIR: contentDir, DB_PATH: join(tmp.dir, 'folio.db') };
    const server = await startFolio({ env });
    await server.waitForLog((l) => l.msg === 'content indexed');

    let latest = 0;
    const stopAt = Date.now() + LOAD_MS;
    // The editor: rewrite every file, ask for a re-index, repeat. Every other round the re-index is
    // `npm run index` in its own process, writing the same database beside the server.
    const cliRuns: Promise<RunResult>[] = [];
    let cliBusy = false;
    const editor = (async () => {
      while (Date.now() < stopAt) {
        latest++;
        writeAll(latest);
        if (latest % 2 === 0 && !cliBusy) {
          cliBusy = true;
          cliRuns.push(runNode('cli/index.js', [], env).finally(() => (cliBusy = false)));
        } else server.signal('SIGHUP');
        await new Promise((r) => setTimeout(r, 150));
      }
      await Promise.all(cliRuns);
      server.signal('SIGHUP');
    })();

    const urls = [
      '/en/',
      '/en/category/data-engineering',
      '/en/category/data-engineering/page/2',
      '/en/tag/load',
      '/en/sql-joins-explained',
      '/en/search?q=pipelines',
      ...Array.from({ length: FILES }, (_, n) => `/en/load-${pad(n)}`),
    ];
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const tally: Tally = { requests: 0, failures: [], versionsSeen: new Set() };
    let seed = 7;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return urls[seed % urls.length] as string;
    };
    const reader = async () => {
      while (Date.now() < stopAt) {
        const url = pick();
        tally.requests++;
        try {
          const res = await fetchText(server.url + url, { agent });
          // No page may show a version that had not been written when it arrived.
          checkPage(url, res, latest, tally);
        } catch (error) {
          tally.failures.push(`${url}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all([editor, ...Array.from({ length: CONNECTIONS }, reader)]);
    agent.destroy();

    expect(tally.failures.slice(0, 10)).toEqual([]);
    expect(tally.requests).toBeGreaterThan(200);
    // Re-indexing really happened while readers were reading.
    expect(tally.versionsSeen.size).toBeGreaterThan(3);
    const indexRuns = server.logs.filter((l) => l.msg === 'content indexed').length;
    expect(indexRuns).toBeGreaterThan(3);
    // No request or index run failed on the server's side, nor in the separate indexer.
    expect(server.logs.filter((l) => (l.level ?? 0) >= 50)).toEqual([]);
    const cli = await Promise.all(cliRuns);
    expect(cli.length).toBeGreaterThan(0);
    for (const run of cli) expect(run.code, run.stderr).toBe(0);

    // Once the last run settles, every article shows the last version written.
    await waitFor(
      'the last version',
      async () => {
        const res = await fetchText(`${server.url}/en/load-${pad(FILES - 1)}`);
        return res.body.includes(`version ${latest}</h1>`);
      },
      20_000,
      200,
    );
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  }, 60_000);
});
