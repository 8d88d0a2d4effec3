// `npm run bench [-- --sizes 1000,10000] [--large] [--duration 5]`: generates deterministic corpora, measures
// indexing, start-up, memory and HTTP throughput/latency against a bare node:http server sending the same
// bytes, and writes a table plus JSON under bench/results/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { writeCorpus } from '../bench/corpus.js';
import { projectRoot } from '../paths.js';

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** One public URL for the index probe and the server, so the server's start-up re-index finds nothing to do. */
const BENCH_SITE_URL = 'http://bench.folio.test';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => done(port));
    });
  });
}

const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
function pinned(cpu: string, cmd: string, args: string[]): [string, string[]] {
  return hasTaskset ? ['taskset', ['-c', cpu, cmd, ...args]] : [cmd, args];
}

async function waitFor(url: string, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    try {
      const res = await fetch(url);
      if (res.status === 200) {
        await res.arrayBuffer();
        return performance.now() - start;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

function load(url: string, seconds: number): LoadResult {
  const [cmd, args] = pinned('1', process.execPath, [
    join(projectRoot, 'node_modules/autocannon/autocannon.js'),
    '-c',
    '50',
    '-d',
    String(seconds),
    '-j',
    url,
  ]);
  const out = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
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

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

async function benchSize(n: number, seconds: number): Promise<Record<string, unknown>> {
  const work = join(projectRoot, 'bench', 'corpus', String(n));
  const contentDir = join(work, 'content');
  const dbPath = join(work, 'folio.db');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  process.stderr.write(`[${n}] generating corpus…\n`);
  writeCorpus({ dir: contentDir, articles: n, seed: 42 });

  process.stderr.write(`[${n}] indexing…\n`);
  const probe = spawnSync(
    process.execPath,
    [join(projectRoot, 'dist/bench/index-probe.js'), contentDir, dbPath, BENCH_SITE_URL],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (probe.status !== 0) throw new Error(`index probe failed: ${probe.stderr}`);
  const index = JSON.parse(probe.stdout.trim().split('\n').pop() ?? '{}') as Record<
    string,
    { ms: number } | number
  >;
  const dbBytes = ['', '-wal'].reduce(
    (sum, s) => sum + (existsSync(dbPath + s) ? statSync(dbPath + s).size : 0),
    0,
  );

  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    CONTENT_DIR: contentDir,
    DB_PATH: dbPath,
    LOG_LEVEL: 'warn',
    SITE_URL: BENCH_SITE_URL,
    CSRF_SECRET: 'bench',
  };
  const [cmd, args] = pinned('0', process.execPath, [join(projectRoot, 'dist/server.js')]);
  const started = performance.now();
  const server = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/en/`, 30_000);
  const startupMs = Math.round(performance.now() - started);
  // Let the background start-up re-index finish before measuring.
  await new Promise((r) => setTimeout(r, 1500));

  const articleSlug = (await (
    await fetch(`${base}/wp-json/wp/v2/posts?per_page=1&page=3`)
  )
    .json()
    .catch(() => [])) as { slug?: string }[];
  const slug = articleSlug[0]?.slug ?? '';
  const searchWord = slug.split('-')[0] ?? 'data';
  const category = 'data-engineering';
  const targets: Record<string, string> = {
    home: '/en/',
    article: `/en/${slug}`,
    'category p3': `/en/category/${category}/page/3`,
    search: `/en/search?q=${encodeURIComponent(searchWord)}`,
    feed: '/feed.xml',
    sitemap: '/sitemap.xml',
  };
  const fixtures: Record<string, { type: string; body: string }> = {};
  for (const [, path] of Object.entries(targets)) {
    const res = await fetch(base + path);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    fixtures[path] = {
      type: res.headers.get('content-type') ?? 'text/html',
      body: Buffer.from(await res.arrayBuffer()).toString('base64'),
    };
  }
  const fixturePath = join(work, 'bare-fixtures.json');
  writeFileSync(fixturePath, JSON.stringify(fixtures));
  const barePort = await freePort();
  const [bcmd, bargs] = pinned('0', process.execPath, [
    join(projectRoot, 'dist/bench/bare-server.js'),
    fixturePath,
    String(barePort),
  ]);
  const bare = spawn(bcmd, bargs, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((done) => bare.stdout?.once('data', () => done()));

  const http: Record<string, { folio: LoadResult; bare: LoadResult; ratio: number; bytes: number }> = {};
  for (const [name, path] of Object.entries(targets)) {
    process.stderr.write(`[${n}] load: ${name} ${path}\n`);
    const folio = load(base + path, seconds);
    const bareResult = load(`http://127.0.0.1:${barePort}${path}`, seconds);
    http[name] = {
      folio,
      bare: bareResult,
      ratio: Math.round((folio.rps / Math.max(1, bareResult.rps)) * 1000) / 1000,
      bytes: Buffer.from(fixtures[path]?.body ?? '', 'base64').length,
    };
  }
  const servingRssMb = rssMb(server.pid ?? 0);
  await stop(bare);
  await stop(server);
  return {
    articles: n,
    index,
    dbMb: Math.round((dbBytes / 1048576) * 10) / 10,
    startupMs,
    servingRssMb,
    http,
  };
}

function table(results: Record<string, unknown>[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const index = r.index as Record<string, { ms: number; rendered: number }> & { peakRssMb: number };
    lines.push(`### ${String(r.articles)} articles`, '');
    lines.push('| measure | value |', '|---|---|');
    lines.push(`| cold index | ${index.cold?.ms} ms |`);
    lines.push(`| no-change re-index | ${index.noChange?.ms} ms (${index.noChange?.rendered} rendered) |`);
    lines.push(
      `| one-file re-index (related + backlinks included) | ${index.oneFile?.ms} ms (${index.oneFile?.rendered} rendered) |`,
    );
    lines.push(`| peak RSS while indexing | ${index.peakRssMb} MB |`);
    lines.push(`| database size | ${String(r.dbMb)} MB |`);
    lines.push(`| start-up to first 200 (existing database) | ${String(r.startupMs)} ms |`);
    lines.push(`| RSS while serving (after load) | ${String(r.servingRssMb)} MB |`, '');
    lines.push(
      '| page | bytes | Folio req/s | bare req/s | ratio | Folio p50 / p99 ms | bare p50 / p99 ms | errors |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const [name, h] of Object.entries(
      r.http as Record<string, { folio: LoadResult; bare: LoadResult; ratio: number; bytes: number }>,
    )) {
      lines.push(
        `| ${name} | ${h.bytes} | ${h.folio.rps} | ${h.bare.rps} | ${(h.ratio * 100).toFixed(1)}% | ${h.folio.p50} / ${h.folio.p99} | ${h.bare.p50} / ${h.bare.p99} | ${h.folio.errors + h.folio.non2xx} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const sizes = (arg('sizes') ?? '1000,10000')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  if (process.argv.includes('--large')) sizes.push(100_000);
  const seconds = Number(arg('duration') ?? '5');
  const results: Record<string, unknown>[] = [];
  for (const n of sizes) results.push(await benchSize(n, seconds));
  const outDir = resolve(projectRoot, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    pinned: hasTaskset,
    durationSeconds: seconds,
    connections: 50,
  };
  writeFileSync(join(outDir, `bench-${stamp}.json`), JSON.stringify({ meta, results }, null, 2));
  const md = `# Folio benchmark — ${meta.date}\n\nNode ${meta.node}, ${meta.cpus} CPUs, server pinned to CPU 0 and load generator to CPU 1: ${meta.pinned}; autocannon, 50 connections, ${seconds} s per page.\n\n${table(results)}`;
  writeFileSync(join(outDir, 'latest.md'), md);
  process.stdout.write(`${md}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
