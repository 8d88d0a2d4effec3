// One index run with its phases timed: node scripts/index-phases.mjs <content folder> <database> [--memo].
// On an empty database it is the cold run; --memo keeps the cross-file state as long-lived processes do.
import { openMigrated } from '../dist/db/database.js';
import { indexContent } from '../dist/indexer/index-content.js';
import { IndexMemo } from '../dist/indexer/memo.js';
import { RenderPool } from '../dist/indexer/render-pool.js';
const [contentDir, dbPath, flag] = process.argv.slice(2);
if (!contentDir || !dbPath) throw new Error('usage: node scripts/index-phases.mjs <content> <db> [--memo]');
const db = openMigrated(dbPath);
const pool = new RenderPool({ timeoutMs: 10_000 });
const t = performance.now();
const r = await indexContent(db, {
  contentDir,
  maxFileBytes: 2_000_000,
  pool,
  siteUrl: null,
  ...(flag === '--memo' ? { memo: new IndexMemo() } : {}),
});
const ms = Math.round(performance.now() - t);
const mb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(`${ms} ms, ${r.rendered} rendered, peak RSS ${mb} MB, phases (ms): ${JSON.stringify(r.phases)}`);
await pool.close();
db.close();
