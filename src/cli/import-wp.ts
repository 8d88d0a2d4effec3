// `npm run import:wp -- <file-or-folder>… [--dry-run] [--media [--media-dir <uploads>]]`: turns WordPress REST
// post JSON into Markdown articles under CONTENT_DIR/articles/imported, adds missing categories and authors,
// optionally brings the posts' images into public/media, and reports what it could not convert.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { readContent, writeChanged } from '../import/content-files.js';
import { formatImportReport, planImport, type ImportPlan } from '../import/import-plan.js';
import { buildInventory } from '../import/inventory.js';
import { DEFAULT_LIMITS } from '../import/media/fetch-image.js';
import { diskSource, networkSource } from '../import/media/image-sources.js';
import { createMediaStore } from '../import/media/media-store.js';
import { localisePlanImages } from '../import/media/plan-media.js';
import { parseWpExport, type WpPostRecord } from '../import/wp-record.js';
import { progressReporter } from '../indexer/progress.js';
import { publicDir as defaultPublicDir } from '../paths.js';
import { UsageError, type CommandArgs } from './args.js';
import { paletteFor } from './colour.js';
import { runCommand } from './run-command.js';

const SPEC = {
  usage: `usage: npm run import:wp -- <export.json | folder of .json/.txt files>… [options]

  --dry-run             write nothing; print what would change
  --media               download the posts' images into public/media/<yyyy>/<mm>/ and use the local copies
  --media-dir <path>    with --media: read the images from a copy of wp-content/uploads instead of the network
  --timeout <seconds>   with --media: give up on one download after this long (default 15)
  --retries <n>         with --media: attempts after the first for server and network errors (default 3)
  --public-dir <path>   where public/ is (default: the project's public/)
  -h, --help            print this help`,
  options: {
    'dry-run': { type: 'boolean' },
    media: { type: 'boolean' },
    'media-dir': { type: 'string' },
    timeout: { type: 'string' },
    retries: { type: 'string' },
    'public-dir': { type: 'string' },
  },
  positionals: true,
} as const;

type Values = CommandArgs<typeof SPEC.options>['values'];

function number(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`--${name} ${raw}: use a number from ${min} to ${max}`);
  return n;
}

function inputFiles(target: string): string[] {
  if (statSync(target).isFile()) return [target];
  return readdirSync(target)
    .filter((name) => /\.(json|txt)$/i.test(name))
    .sort()
    .map((name) => join(target, name));
}

function readRecords(targets: string[]): { records: WpPostRecord[]; problems: string[] } {
  const records: WpPostRecord[] = [];
  const problems: string[] = [];
  for (const target of targets) {
    const abs = resolve(target);
    if (!existsSync(abs)) {
      problems.push(`${target}: no such file or folder`);
      continue;
    }
    for (const file of inputFiles(abs)) {
      const parsed = parseWpExport(readFileSync(file, 'utf8'), relative(process.cwd(), file) || file);
      records.push(...parsed.records);
      problems.push(...parsed.problems);
    }
  }
  return { records, problems };
}

/** Progress of a long step on stderr: count, rate and time left redrawn on a terminal, a line every few seconds otherwise. */
async function withProgress<T>(
  label: string,
  unit: string,
  work: (update: (done: number, total: number) => void) => T | Promise<T>,
): Promise<T> {
  const progress = progressReporter(
    { isTTY: process.stderr.isTTY, write: (t) => process.stderr.write(t) },
    { label, unit },
  );
  try {
    return await work(progress.update);
  } finally {
    progress.end();
  }
}

async function bringMedia(plan: ImportPlan, values: Values, dryRun: boolean) {
  const mediaDir = values['media-dir'];
  if (mediaDir !== undefined && !existsSync(mediaDir))
    throw new Error(`--media-dir ${mediaDir} does not exist`);
  const limits = {
    ...DEFAULT_LIMITS,
    timeoutMs: number('timeout', values.timeout, 15, 0.05, 600) * 1000,
    retries: number('retries', values.retries, 3, 0, 10),
  };
  const source = mediaDir !== undefined ? diskSource(mediaDir, limits.maxBytes) : networkSource(limits);
  const store = createMediaStore(resolve(values['public-dir'] ?? defaultPublicDir), { dryRun });
  const outcome = await withProgress('downloading', 'images', (update) =>
    localisePlanImages(plan, source, store, update),
  );
  const lines = [
    `Images: ${outcome.saved} now local (${store.written.length} new file(s)), ${outcome.failed.length} kept remote.`,
  ];
  for (const f of outcome.failed) lines.push(`  - ${f.article}: ${f.url} kept remote: ${f.reason}`);
  return lines;
}

async function main({ values, positionals }: CommandArgs<typeof SPEC.options>): Promise<number> {
  if (positionals.length === 0) throw new UsageError(`name an export file or folder\n${SPEC.usage}`);
  if (!values.media && (values['media-dir'] ?? values.timeout ?? values.retries) !== undefined)
    throw new UsageError('--media-dir, --timeout and --retries only apply with --media');
  const dryRun = values['dry-run'] === true;
  const config = loadConfig(process.env);
  if (!existsSync(config.contentDir)) throw new Error(`CONTENT_DIR ${config.contentDir} does not exist`);
  const { records, problems } = readRecords(positionals);
  const { warning } = paletteFor(process.stderr, process.env);
  for (const p of problems) console.error(warning(p));
  if (records.length === 0) throw new Error('No WordPress post records found.');

  const inventory = buildInventory(readContent(config.contentDir), config.siteUrl);
  const plan = await withProgress('converting', 'posts', (update) => planImport(records, inventory, update));
  const media = values.media ? await bringMedia(plan, values, dryRun) : [];
  const changed = writeChanged(config.contentDir, plan.writes, dryRun);
  for (const line of [...formatImportReport(plan, changed), ...media]) console.log(line);
  const prefix = relative(process.cwd(), config.contentDir) || '.';
  console.log(
    dryRun
      ? `Dry run: nothing was written (${changed.size} file(s) would change).`
      : `Wrote ${changed.size} file(s) under ${prefix}. Run \`npm run check\` to validate the content.`,
  );
  return problems.length > 0 ? 1 : 0;
}

runCommand(SPEC, main);
