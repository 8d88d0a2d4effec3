// Shared by the timing scripts: an indexer on a database (with the kept state of a long-lived process when
// asked), each run printed with its time, phases, files rendered and memory.
import { openMigrated } from '../dist/db/database.js';
import { indexContent } from '../dist/indexer/index-content.js';
import { IndexMemo } from '../dist/indexer/memo.js';
import { RenderPool } from '../dist/indexer/render-pool.js';

export function timedIndexer(contentDir, dbPath, { memo = false } = {}) {
  const db = openMigrated(dbPath);
  const pool = new RenderPool({ timeoutMs: 10_000 });
  const kept = memo ? new IndexMemo() : undefined;
  return {
    async run(label, changedPaths) {
      const t = performance.now();
      const r = await indexContent(db, {
        contentDir,
        maxFileBytes: 2_000_000,
        pool,
        siteUrl: null,
        ...(kept ? { memo: kept } : {}),
        ...(changedPaths ? { changedPaths } : {}),
      });
      const ms = Math.round(performance.now() - t);
      const heap = Math.round(process.memoryUsage().heapUsed / 1048576);
      const peak = Math.round(process.resourceUsage().maxRSS / 1024);
      console.log(
        `${label}: ${ms} ms, ${r.rendered} rendered, phases (ms) ${JSON.stringify(r.phases)}, heap ${heap} MB, peak RSS ${peak} MB`,
      );
      return r;
    },
    async close() {
      await pool.close();
      db.close();
    },
  };
}
