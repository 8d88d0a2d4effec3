// `npm run check`: validates all content against a scratch database; prints every problem (errors, then
// warnings such as orphan articles or missing images, then notes); exit 1 on errors only. --json for tools.
import { loadConfig } from '../config.js';
import { openMigrated } from '../db/database.js';
import { indexContent } from '../indexer/index-content.js';
import { RenderPool } from '../indexer/render-pool.js';
import { progressReporter } from '../indexer/progress.js';
import { sortProblems, summarise } from '../indexer/report.js';
import { contentWarnings } from '../indexer/warnings.js';
import { createContentFacts } from '../db/content-facts.js';
import { createSiteRepo } from '../db/site-repo.js';
import { readServedAddresses } from '../db/slug-moves.js';
import { publicDir } from '../paths.js';
import { paletteFor } from './colour.js';
import { contentLabel } from './content-label.js';
import { problemLines } from './problem-lines.js';
import { join } from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { CommandFailure, type CommandArgs } from './args.js';
import { runCommand } from './run-command.js';

const SPEC = {
  usage: `usage: npm run check -- [--json]

Validates all content (CONTENT_DIR) against a scratch database, without touching the served one: prints
every problem as file:line: message (errors, then warnings, then notes) and a summary. Exit 1 on errors.

  --json       print the problems and counts as JSON instead
  -h, --help   print this help`,
  options: { json: { type: 'boolean' } },
} as const;

/** Finds the line of a content file that mentions `needle` (1 when it cannot). */
function lineFinder(contentDir: string): (file: string, needle: string) => number {
  const texts = new Map<string, string[]>();
  return (file, needle) => {
    let lines = texts.get(file);
    if (!lines) {
      try {
        lines = readFileSync(join(contentDir, file), 'utf8').split('\n');
      } catch {
        lines = [];
      }
      texts.set(file, lines);
    }
    const at = lines.findIndex((l) => l.includes(needle));
    return at === -1 ? 1 : at + 1;
  };
}

function isPublicFile(sitePath: string): boolean {
  const abs = join(publicDir, sitePath);
  if (!abs.startsWith(publicDir)) return false;
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

async function main({ values }: CommandArgs<typeof SPEC.options>): Promise<number> {
  const config = loadConfig(process.env);
  const json = values.json === true;
  if (!existsSync(config.contentDir))
    throw new CommandFailure(`CONTENT_DIR ${config.contentDir} does not exist`);
  const db = openMigrated(':memory:');
  const pool = new RenderPool({ size: config.indexWorkers, timeoutMs: config.renderTimeoutMs });
  try {
    // Slug changes are reported against the index the site is serving, when there is one.
    const previous = config.dbPath === ':memory:' ? undefined : readServedAddresses(config.dbPath);
    const progress = progressReporter({ isTTY: process.stderr.isTTY, write: (t) => process.stderr.write(t) });
    const report = await indexContent(db, {
      onProgress: progress.update,
      contentDir: config.contentDir,
      maxFileBytes: config.maxFileBytes,
      pool,
      siteUrl: config.siteUrl,
      // Images are checked (broken, too large, heavy) against the served cache, which is never written.
      images: { publicDir, cacheDir: config.imageCacheDir, readOnly: true },
      ...(previous ? { previous } : {}),
    });
    progress.end();
    const problems = [
      ...report.problems,
      ...contentWarnings({
        articles: createContentFacts(db).articles(),
        languages: createSiteRepo(db)
          .site()
          .languages.map((l) => l.code),
        publicFileExists: isPublicFile,
        lineOf: lineFinder(config.contentDir),
      }),
    ];
    const counts = summarise(problems);
    const prefix = contentLabel(config.contentDir, process.cwd());
    const summary = `${report.articles} articles checked: ${counts.errors} errors, ${counts.warnings} warnings, ${counts.notes} notes`;
    if (json) {
      console.log(
        JSON.stringify(
          {
            ok: counts.errors === 0,
            ...counts,
            articles: report.articles,
            summary,
            problems: sortProblems(problems).map((p) => ({ ...p, file: prefix + p.file })),
          },
          null,
          2,
        ),
      );
    } else {
      for (const line of problemLines(problems, prefix, paletteFor(process.stdout, process.env)))
        console.log(line);
      console.log(summary);
    }
    return counts.errors > 0 ? 1 : 0;
  } finally {
    await pool.close();
    db.close();
  }
}

runCommand(SPEC, main);
