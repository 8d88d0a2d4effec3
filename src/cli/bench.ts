// `npm run bench [-- --sizes 1000,10000] [--large] [--help]`: per corpus size, indexing, start-up, memory,
// page throughput against bare node:http, uncached search and save → served under `npm run dev`. A failed
// step is recorded with its error and the run goes on; results are rewritten after every size.
import { mkdirSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { BENCH_SPEC, benchArgs, type BenchArgs } from '../bench/args.js';
import { writeCorpus, type CorpusVocabulary } from '../bench/corpus.js';
import { measureDevReload } from '../bench/dev-reload.js';
import { measureIndexing } from '../bench/index-run.js';
import { hasTaskset, mb, statusKb, stop } from '../bench/proc.js';
import { formatReport } from '../bench/report.js';
import { chooseTerms, runSearchStream } from '../bench/search-load.js';
import { CONNECTIONS, measurePages, startServer, type Server } from '../bench/serve-load.js';
import type { BenchRun, SizeResult, Step } from '../bench/types.js';
import { projectRoot } from '../paths.js';
import type { CommandArgs } from './args.js';
import { runCommand } from './run-command.js';

/** One public URL for the index probe and the servers, so their start-up re-index finds nothing to do. */
const BENCH_SITE_URL = 'http://bench.folio.test';

const results: SizeResult[] = [];
const skipped = (reason: string) => ({ status: 'skipped', reason }) as const;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs one measurement, timing it; an exception becomes a failed step instead of ending the run. */
async function step<T>(r: SizeResult, name: string, run: () => Promise<T>): Promise<Step<T>> {
  const t = performance.now();
  process.stderr.write(`[${r.articles}] ${name}…\n`);
  try {
    return { status: 'ok', value: await run() };
  } catch (error) {
    process.stderr.write(`[${r.articles}] ${name} failed: ${message(error)}\n`);
    return { status: 'failed', error: message(error) };
  } finally {
    r.wallMs[name] = (r.wallMs[name] ?? 0) + performance.now() - t;
  }
}

function emptyResult(articles: number): SizeResult {
  const later = skipped('not reached');
  return {
    ...{ articles, wallMs: {}, peakRssMb: {} },
    ...{ corpus: later, cold: later, noChange: later, oneFile: later, cliNoChange: later, db: later },
    ...{ startup: later, pages: later, search: later, servingRss: later, dev: later },
  };
}

async function serving(
  r: SizeResult,
  args: BenchArgs,
  env: NodeJS.ProcessEnv,
  work: string,
  vocab: CorpusVocabulary,
) {
  let server: Server | null = null;
  const started = await step(r, 'start-up', async () => (server = await startServer(env, r.articles)));
  r.startup = started.status === 'ok' ? { status: 'ok', value: { ms: started.value.startupMs } } : started;
  if (!server) return;
  const live: Server = server;
  try {
    const log = (line: string) => process.stderr.write(`[${r.articles}] ${line}\n`);
    r.pages = await step(r, 'page load', () =>
      measurePages(live, work, args.durationSeconds, log, (kb) => (r.peakRssMb['bare node:http'] = mb(kb))),
    );
    r.search = await step(r, 'uncached search', () =>
      runSearchStream(
        live.base,
        chooseTerms(vocab, r.articles),
        args.searchPerKind,
        args.searchSeconds * 1000,
      ),
    );
    const rss = statusKb(live.child.pid ?? 0, 'VmRSS');
    r.servingRss = rss
      ? { status: 'ok', value: { rssMb: mb(rss) } }
      : { status: 'failed', error: 'server gone' };
  } finally {
    r.peakRssMb.server = mb(statusKb(live.child.pid ?? 0, 'VmHWM'));
    await stop(live.child);
  }
}

async function benchSize(n: number, args: BenchArgs, save: () => void): Promise<void> {
  const r = emptyResult(n);
  results.push(r);
  save();
  const work = join(projectRoot, 'bench', 'corpus', String(n));
  const contentDir = join(work, 'content');
  const dbPath = join(work, 'folio.db');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  let vocab: CorpusVocabulary | null = null;
  r.corpus = await step(r, 'corpus', () => {
    const t = performance.now();
    const written = writeCorpus({ dir: contentDir, articles: n, seed: 42 });
    vocab = written.vocabulary;
    return Promise.resolve({
      ms: Math.round(performance.now() - t),
      bytes: written.bytes,
      files: written.files,
    });
  });
  if (!vocab) return save();
  const log = (line: string) => process.stderr.write(`[${n}] ${line}\n`);
  const t = performance.now();
  await measureIndexing({ articles: n, contentDir, dbPath, siteUrl: BENCH_SITE_URL, log }, r);
  r.wallMs.index = performance.now() - t;
  save();
  if (r.cold.status !== 'ok') {
    for (const k of ['db', 'startup', 'pages', 'search', 'servingRss', 'dev'] as const)
      r[k] = skipped('no index');
    return save();
  }
  const dbBytes = ['', '-wal'].reduce(
    (s, x) => s + (existsSync(dbPath + x) ? statSync(dbPath + x).size : 0),
    0,
  );
  r.db = {
    status: 'ok',
    value: { bytes: dbBytes, perArticleKb: Math.round((dbBytes / n / 1024) * 10) / 10 },
  };
  const env = {
    ...process.env,
    CONTENT_DIR: contentDir,
    DB_PATH: dbPath,
    LOG_LEVEL: 'warn',
    SITE_URL: BENCH_SITE_URL,
    CSRF_SECRET: 'bench',
  };
  await serving(r, args, env, work, vocab);
  save();
  // Last: the saves change the corpus and the database.
  r.dev = await step(r, 'save → served (npm run dev)', () =>
    measureDevReload({
      contentDir,
      env,
      articles: n,
      saves: args.saves,
      log,
      onPeak: (name, kb) => (r.peakRssMb[name] = mb(kb)),
    }),
  );
  save();
}

async function main(parsed: CommandArgs<typeof BENCH_SPEC.options>): Promise<number> {
  const args = benchArgs(parsed);
  const outDir = join(projectRoot, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const date = new Date().toISOString();
  const run: BenchRun = {
    meta: {
      date,
      node: process.version,
      cpus: cpus().length,
      pinned: hasTaskset,
      durationSeconds: args.durationSeconds,
      connections: CONNECTIONS,
      loadAverage: loadavg(),
      sizes: args.sizes,
    },
    results,
  };
  const jsonPath = join(outDir, `bench-${date.replace(/[:.]/g, '-')}.json`);
  // Written after every step group, so an interrupted run still leaves what it measured.
  const save = () => {
    writeFileSync(jsonPath, JSON.stringify(run, null, 2));
    writeFileSync(join(outDir, 'latest.md'), formatReport(run));
  };
  for (const n of args.sizes) await benchSize(n, args, save);
  save();
  process.stdout.write(`${formatReport(run)}\nresults: ${jsonPath}\n`);
  return 0;
}

runCommand(BENCH_SPEC, main);
