// One-file re-index in a long-lived process (as npm run dev does it), phases timed:
// node scripts/one-file-reindex.mjs <copy of a content folder> <its database> [saves]. It appends to the first article.
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openMigrated } from '../dist/db/database.js';
import { indexContent } from '../dist/indexer/index-content.js';
import { IndexMemo } from '../dist/indexer/memo.js';
import { RenderPool } from '../dist/indexer/render-pool.js';
const [contentDir, dbPath, n = '5'] = process.argv.slice(2);
const db = openMigrated(dbPath);
const pool = new RenderPool({ timeoutMs: 10_000 });
const memo = new IndexMemo();
const run = async (phase, changedPaths) => {
  const t = performance.now();
  const r = await indexContent(db, {
    contentDir,
    maxFileBytes: 2_000_000,
    pool,
    siteUrl: null,
    memo,
    ...(changedPaths ? { changedPaths } : {}),
  });
  console.log(
    phase,
    Math.round(performance.now() - t),
    'ms',
    JSON.stringify(r.phases),
    'rendered',
    r.rendered,
    'heapMB',
    Math.round(process.memoryUsage().heapUsed / 1048576),
  );
};
await run('noChange');
await run('noChange2');
const folder = readdirSync(join(contentDir, 'articles')).sort()[0];
const name = readdirSync(join(contentDir, 'articles', folder)).sort()[0];
const rel = `articles/${folder}/${name}`;
for (let i = 0; i < Number(n); i++) {
  appendFileSync(join(contentDir, rel), `\nOne more sentence ${i}, from the probe.\n`);
  await run('oneFile-watch', [rel]);
}
appendFileSync(join(contentDir, rel), `\nOne more sentence, scan.\n`);
await run('oneFile-scan');
await pool.close();
db.close();
