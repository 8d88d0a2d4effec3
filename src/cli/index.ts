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
import { summarise } from '../indexer/report.js';
import { CommandFailure } from './args.js';
import { paletteFor } from './colour.js';
import { contentLabel } from './content-label.js';
import { problemLines } from './problem-lines.js';
import { runCommand } from './run-command.js';

const SPEC = {
  usage: `usage: npm run index

Re-indexes CONTENT_DIR into the database at DB_PATH (default data/folio.db), beside a running server or
not: only changed files are rendered, and the new index goes live in one transaction. Prints every content
problem as file:line: message, then a summary. Exit 0 when the index was written (content errors
included), 1 when indexing itself failed and nothing changed.

  -h, --help   print this help; nothing is indexed`,
  options: {},
} as const;

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  if (!existsSync(config.contentDir))
    throw new CommandFailure(`CONTENT_DIR ${config.contentDir} does not exist: nothing was indexed`);
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
    const colours = paletteFor(process.stdout, process.env);
    for (const line of problemLines(report.problems, contentLabel(config.contentDir, process.cwd()), colours))
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

runCommand(SPEC, main, 'indexing failed, the previous index is unchanged');
