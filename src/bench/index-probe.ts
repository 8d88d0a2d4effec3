// Benchmark child process: indexes a corpus cold, again with no change, then after one file changes,
// and prints the timings and peak RSS as JSON. Run in its own process so memory figures are its own.
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openMigrated } from '../db/database.js';
import { indexContent } from '../indexer/index-content.js';
import { IndexMemo } from '../indexer/memo.js';
import { RenderPool } from '../indexer/render-pool.js';

async function main(): Promise<void> {
  const [contentDir, dbPath, siteUrl = null] = process.argv.slice(2);
  if (!contentDir || !dbPath) throw new Error('usage: index-probe <contentDir> <dbPath>');
  const db = openMigrated(dbPath);
  const pool = new RenderPool({ timeoutMs: 10_000 });
  const memo = new IndexMemo();
  const run = async () => {
    const t = performance.now();
    const report = await indexContent(db, { contentDir, maxFileBytes: 2_000_000, pool, siteUrl, memo });
    return {
      ms: Math.round(performance.now() - t),
      rendered: report.rendered,
      articles: report.articles,
      errors: report.problems.filter((p) => p.severity === 'error').length,
    };
  };
  const cold = await run();
  const coldPeakKb = process.resourceUsage().maxRSS;
  const noChange = await run();
  // One file changes: a sentence appended to the first article.
  const folder = join(contentDir, 'articles', readdirSync(join(contentDir, 'articles')).sort()[0] ?? '');
  const file = join(folder, readdirSync(folder).sort()[0] ?? '');
  appendFileSync(file, '\nOne more sentence, written by the benchmark.\n');
  const oneFile = await run();
  await pool.close();
  db.close();
  process.stdout.write(
    JSON.stringify({ cold, noChange, oneFile, peakRssMb: Math.round(coldPeakKb / 1024) }) + '\n',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
