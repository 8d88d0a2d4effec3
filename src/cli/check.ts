// `npm run check`: validates all content against a scratch database; prints every problem; exit 1 on errors.
import { loadConfig } from '../config.js';
import { openMigrated } from '../db/database.js';
import { indexContent } from '../indexer/index-content.js';
import { RenderPool } from '../indexer/render-pool.js';
import { formatReport, summarise } from '../indexer/report.js';
import { relative } from 'node:path';
import { existsSync } from 'node:fs';

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const json = process.argv.includes('--json');
  if (!existsSync(config.contentDir)) {
    console.error(`CONTENT_DIR ${config.contentDir} does not exist`);
    return 1;
  }
  const db = openMigrated(':memory:');
  const pool = new RenderPool({ size: config.indexWorkers, timeoutMs: config.renderTimeoutMs });
  try {
    const report = await indexContent(db, {
      contentDir: config.contentDir,
      maxFileBytes: config.maxFileBytes,
      pool,
      siteUrl: config.siteUrl,
    });
    const counts = summarise(report.problems);
    const prefix = `${relative(process.cwd(), config.contentDir) || '.'}/`;
    if (json) {
      console.log(
        JSON.stringify(
          {
            ...counts,
            articles: report.articles,
            problems: report.problems.map((p) => ({ ...p, file: prefix + p.file })),
          },
          null,
          2,
        ),
      );
    } else {
      for (const line of formatReport(report.problems, prefix)) console.log(line);
      console.log(
        `${report.articles} articles checked: ${counts.errors} errors, ${counts.warnings} warnings, ${counts.notes} notes`,
      );
    }
    return counts.errors > 0 ? 1 : 0;
  } finally {
    await pool.close();
    db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
