// `npm run export -- <dir>`: the whole public site as static files for any CDN or object store. Indexes
// content/ into a scratch database first, so the export always matches the files; fails (exit 1) on
// content errors (unless --allow-errors), on a page that does not render, or on a broken internal link.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { openMigrated } from '../db/database.js';
import { ExportError, exportSite } from '../export/export-site.js';
import { indexContent } from '../indexer/index-content.js';
import { RenderPool } from '../indexer/render-pool.js';
import { publicDir } from '../paths.js';
import { progressReporter } from '../indexer/progress.js';
import { formatReport, summarise } from '../indexer/report.js';
import { createLogger } from '../logger.js';
import { contentLabel } from './content-label.js';
import { synopsis, UsageError, type CommandArgs } from './args.js';
import { runCommand } from './run-command.js';

const SPEC = {
  usage: `usage: npm run export -- <dir> [--allow-errors]

Writes the whole public site as static files into <dir>, for any CDN or object store. Indexes content/
into a scratch database first; exits 1 on content errors, a page that does not render or a broken link.

  --allow-errors   export anyway, leaving the files with content errors out
  -h, --help       print this help`,
  options: { 'allow-errors': { type: 'boolean' } },
  positionals: true,
} as const;

async function main({ values, positionals }: CommandArgs<typeof SPEC.options>): Promise<number> {
  const allowErrors = values['allow-errors'] === true;
  if (positionals.length !== 1)
    throw new UsageError(`name one folder to export into\n${synopsis(SPEC.usage)}`);
  const outDir = resolve(positionals[0] as string);
  const config = loadConfig({ LOG_LEVEL: 'error', ...process.env, NODE_ENV: 'production' });
  if (!existsSync(config.contentDir)) {
    console.error(`CONTENT_DIR ${config.contentDir} does not exist`);
    return 1;
  }
  const started = performance.now();
  const db = openMigrated(':memory:');
  const pool = new RenderPool({ size: config.indexWorkers, timeoutMs: config.renderTimeoutMs });
  // Progress on stderr: count, rate and time left redrawn on a terminal, a line every 5 s otherwise.
  const sink = { isTTY: process.stderr.isTTY, write: (t: string) => process.stderr.write(t) };
  try {
    const indexing = progressReporter(sink);
    const index = await indexContent(db, {
      contentDir: config.contentDir,
      maxFileBytes: config.maxFileBytes,
      pool,
      siteUrl: config.siteUrl,
      images: { publicDir, cacheDir: config.imageCacheDir },
      onProgress: indexing.update,
    });
    indexing.end();
    await pool.close();
    const counts = summarise(index.problems);
    const prefix = contentLabel(config.contentDir, process.cwd());
    for (const line of formatReport(
      index.problems.filter((p) => p.severity === 'error'),
      prefix,
    ))
      console.log(line);
    if (counts.errors > 0 && !allowErrors) {
      console.error(
        `${counts.errors} content errors: nothing was exported (fix them, or pass --allow-errors to leave those files out)`,
      );
      return 1;
    }
    const exporting = progressReporter(sink, { label: 'exporting', unit: 'pages' });
    const report = await exportSite({
      db,
      config,
      logger: createLogger(config),
      outDir,
      onProgress: exporting.update,
    });
    exporting.end();
    for (const f of report.failed) console.log(`${f.path}: answered ${f.status}, not exported`);
    for (const b of report.broken) console.log(`${b.file}: broken internal link to ${b.href}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `exported ${report.pages} pages, ${report.files} files (${(report.bytes / 1_048_576).toFixed(1)} MB) ` +
        `and ${report.redirects} redirects to ${outDir} in ${seconds} s ` +
        `(index ${(index.durationMs / 1000).toFixed(1)} s, pages ${(report.ms / 1000).toFixed(1)} s); ` +
        `link check: ${report.broken.length} broken`,
    );
    console.log(
      `files: ${report.written} written, ${report.kept} unchanged (not touched), ${report.removed} removed; ` +
        `${report.gone} deleted articles answer 410`,
    );
    return report.failed.length > 0 || report.broken.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ExportError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await pool.close();
    db.close();
  }
}

runCommand(SPEC, main, 'export failed');
