// The serving measurements of one size: `dist/server.js` started on the existing database (time to first
// 200), then autocannon against it and against a bare node:http server sending the same bytes, same run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';
import { freePort, pinned, statusKb, stop, waitFor, waitIdle } from './proc.js';
import type { LoadResult, PageLoad, Step } from './types.js';

export const CONNECTIONS = 50;

export interface Server {
  child: ChildProcess;
  base: string;
  startupMs: number;
}

/** Starts the production server on CPU 0 and times its first 200 on the home page. */
export async function startServer(env: NodeJS.ProcessEnv, articles: number): Promise<Server> {
  const port = await freePort();
  const [cmd, args] = pinned('0', process.execPath, [join(projectRoot, 'dist/server.js')]);
  const started = performance.now();
  const child = spawn(cmd, args, {
    env: { ...env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/en/`, 60_000, child);
  } catch (error) {
    await stop(child);
    throw error;
  }
  const startupMs = Math.round(performance.now() - started);
  // The server re-indexes behind its first answers: measure load only once that is over.
  await waitIdle(child.pid ?? 0, 30_000 + articles * 5);
  return { child, base, startupMs };
}

function load(url: string, seconds: number): LoadResult {
  const [cmd, args] = pinned('1', process.execPath, [
    join(projectRoot, 'node_modules/autocannon/autocannon.js'),
    '-c',
    String(CONNECTIONS),
    '-d',
    String(seconds),
    '-j',
    url,
  ]);
  const out = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: (seconds + 30) * 1000,
  });
  if (out.status !== 0) {
    // The telling line (an out-of-memory report, an error), not the tail of a native stack trace.
    const why = out.stderr.split('\n').find((l) => /out of memory|Error/.test(l)) ?? out.stderr.slice(-300);
    throw new Error(`autocannon ${url}: ${out.error?.message ?? why.trim()}`);
  }
  const json = JSON.parse(out.stdout) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    errors: number;
    non2xx: number;
  };
  return {
    rps: Math.round(json.requests.average),
    p50: json.latency.p50,
    p99: json.latency.p99,
    errors: json.errors,
    non2xx: json.non2xx,
  };
}

/** The pages loaded, by row name: an article, home, a category page, the feed, the sitemap (index). */
export async function targets(base: string): Promise<Record<string, string>> {
  const posts = (await (
    await fetch(`${base}/wp-json/wp/v2/posts?per_page=1&page=3`)
  )
    .json()
    .catch(() => [])) as { slug?: string }[];
  const slug = posts[0]?.slug;
  if (!slug) throw new Error('the posts API named no article to load');
  return {
    article: `/en/${slug}`,
    home: '/en/',
    'category p3': '/en/category/data-engineering/page/3',
    feed: '/feed.xml',
    'sitemap index': '/sitemap.xml',
    'search (one query, cached)': `/en/search?q=${encodeURIComponent(slug.split('-')[0] ?? 'data')}`,
  };
}

async function fixture(base: string, path: string): Promise<{ type: string; body: string }> {
  const res = await fetch(base + path);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  const type = res.headers.get('content-type') ?? 'text/html';
  return { type, body: Buffer.from(await res.arrayBuffer()).toString('base64') };
}

const failed = (error: unknown): Step<never> => ({
  status: 'failed',
  error: error instanceof Error ? error.message : String(error),
});

/** Loads every page against Folio then the bare server; a page that fails is recorded and skipped. */
export async function measurePages(
  server: Server,
  workDir: string,
  seconds: number,
  log: (line: string) => void,
  onBarePeak: (kb: number) => void,
): Promise<Record<string, Step<PageLoad>>> {
  const pages = await targets(server.base);
  const fixtures: Record<string, { type: string; body: string }> = {};
  const http: Record<string, Step<PageLoad>> = {};
  for (const [name, path] of Object.entries(pages))
    await fixture(server.base, path).then(
      (f) => (fixtures[path] = f),
      (error: unknown) => (http[name] = failed(error)),
    );
  const fixturePath = join(workDir, 'bare-fixtures.json');
  writeFileSync(fixturePath, JSON.stringify(fixtures));
  const barePort = await freePort();
  const [cmd, args] = pinned('0', process.execPath, [
    join(projectRoot, 'dist/bench/bare-server.js'),
    fixturePath,
    String(barePort),
  ]);
  const bare = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((done) => bare.stdout?.once('data', () => done()));
    for (const [name, path] of Object.entries(pages)) {
      if (http[name]) continue;
      log(`load: ${name} ${path}`);
      try {
        const folio = load(server.base + path, seconds);
        const bareResult = load(`http://127.0.0.1:${barePort}${path}`, seconds);
        const bytes = Buffer.from(fixtures[path]?.body ?? '', 'base64').length;
        const ratio = Math.round((folio.rps / Math.max(1, bareResult.rps)) * 1000) / 1000;
        http[name] = { status: 'ok', value: { path, bytes, folio, bare: bareResult, ratio } };
      } catch (error) {
        http[name] = failed(error);
      }
    }
    return http;
  } finally {
    onBarePeak(statusKb(bare.pid ?? 0, 'VmHWM') ?? 0);
    await stop(bare);
  }
}
