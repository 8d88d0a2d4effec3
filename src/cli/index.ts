// `npm run index`: re-indexes content/ into the database at DB_PATH, beside a running server or not.
// The index is applied in one transaction; a running server picks up the new generation by itself.
// Exit 0 when the index was written (content errors included, each printed as file:line: message);
// exit 1 when indexing itself failed (unreadable content folder, database error) and nothing changed.
import { existsSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { openMigrated } from '../db/database.js';
import { createSiteRepo } from '../db/site-repo.js';
import { indexContent } from '../indexer/index-content.js';
import { RenderPool } from '../indexer/render-pool.js';
import { publicDir } from '../paths.js';
import { progressReporter } from '../indexer/progress.js';
import { formatReport, summarise } from '../indexer/report.js';
import { contentLabel } from './content-label.js';
import { runCommand } from './run-command.js';

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  if (!existsSync(config.contentDir)) {
    console.error(`CONTENT_DIR ${config.contentDir} does not exist: nothing was indexed`);
    return 1;
  }
  const db = openMigrated(config.dbPath);
  const pool = new RenderPool({ size: config.indexWorkers, timeoutMs: config.renderTimeoutMs });
  // Progress goes to stderr, so the report on stdout stays clean for tools.
  const progress = progressReporter({ isTTY: process.stderr.isTTY, write: (t) => process.stderr.write(t) });
  try {
    const report = await indexContent(db, {
      contentDir: config.contentDir,
      maxFileBytes: config.maxFileBytes,
      pool,
      siteUrl: config.siteUrl,
      images: { publicDir, cacheDir: config.imageCacheDir },
      onProgress: progress.update,
    });
    progress.end();
    for (const line of formatReport(report.problems, contentLabel(config.contentDir, process.cwd())))
      console.log(line);
    const counts = summarise(report.problems);
    console.log(
      `indexed ${report.articles} articles into ${config.dbPath} in ${report.durationMs} ms ` +
        `(${report.rendered} rendered, ${report.unchanged} unchanged, ${report.removed} removed): ` +
        `${counts.errors} errors, ${counts.warnings} warnings, ${counts.notes} notes; ` +
        (report.changed
          ? `generation ${createSiteRepo(db).state('generation') ?? '?'} is live`
          : 'nothing changed, the index was already up to date'),
    );
    if (counts.errors > 0)
      console.log('files with errors keep their last good version online until they are fixed');
    return 0;
  } finally {
    await pool.close();
    db.close();
  }
}

runCommand(main, 'indexing failed, the previous index is unchanged');
