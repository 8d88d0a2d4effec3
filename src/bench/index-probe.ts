// Benchmark child process: indexes a corpus cold, again with no change, then after one file changes,
// printing one JSON line per phase (so a crash later keeps the earlier figures) with the process's peak RSS.
// Kept to the indexer's public entry points so the driver does not depend on its internals.
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openMigrated } from '../db/database.js';
import { indexContent } from '../indexer/index-content.js';
import { IndexMemo } from '../indexer/memo.js';
import { RenderPool } from '../indexer/render-pool.js';
import { statusKb } from './proc.js';

/** maxRSS is getrusage(RUSAGE_SELF): the whole process, so the render worker threads are included. */
const peakKb = () => Math.max(process.resourceUsage().maxRSS, statusKb(process.pid, 'VmHWM') ?? 0);

async function main(): Promise<void> {
  const [contentDir, dbPath, siteUrl = null] = process.argv.slice(2);
  if (!contentDir || !dbPath) throw new Error('usage: index-probe <contentDir> <dbPath> [siteUrl]');
  const db = openMigrated(dbPath);
  const pool = new RenderPool({ timeoutMs: 10_000 });
  const memo = new IndexMemo();
  const run = async (phase: string) => {
    const t = performance.now();
    const report = await indexContent(db, { contentDir, maxFileBytes: 2_000_000, pool, siteUrl, memo });
    const line = {
      phase,
      ms: Math.round(performance.now() - t),
      rendered: report.rendered,
      articles: report.articles,
      errors: report.problems.filter((p) => p.severity === 'error').length,
      peakKb: peakKb(),
    };
    process.stdout.write(JSON.stringify(line) + '\n');
  };
  await run('cold');
  await run('noChange');
  // One file changes: a sentence appended to the first article.
  const folder = join(contentDir, 'articles', readdirSync(join(contentDir, 'articles')).sort()[0] ?? '');
  const file = join(folder, readdirSync(folder).sort()[0] ?? '');
  appendFileSync(file, '\nOne more sentence, written by the benchmark.\n');
  await run('oneFile');
  await pool.close();
  db.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
