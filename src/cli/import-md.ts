// `npm run import:md -- <file-or-folder>… [--category c] [--author a] [--lang xx] [--dry-run]`: Markdown from
// Hugo, Jekyll, Eleventy, Astro, Docusaurus or Gatsby → Folio articles under CONTENT_DIR/articles/imported,
// with their images in public/media; nothing existing is overwritten; a report at the end.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { readContent, writeChanged } from '../import/content-files.js';
import { buildInventory } from '../import/inventory.js';
import { localImageLookup } from '../import/md/local-images.js';
import { formatMdReport } from '../import/md/md-report.js';
import { planMdImport, type MdSource } from '../import/md/plan-md-import.js';
import { findSources, pathFacts } from '../import/md/source-files.js';
import { createMediaStore, type MediaStore } from '../import/media/media-store.js';
import { progressReporter } from '../indexer/progress.js';
import { slugify } from '../lib/slug.js';
import { publicDir as defaultPublicDir } from '../paths.js';
import { UsageError, type CommandArgs } from './args.js';
import { runCommand } from './run-command.js';

const SPEC = {
  usage: `usage: npm run import:md -- <file-or-folder>… [options]

Converts Markdown from Hugo (YAML or TOML front matter, page bundles, shortcodes), Jekyll (_posts, Liquid),
Eleventy, Astro, Docusaurus (.md/.mdx, admonitions) and Gatsby into articles under CONTENT_DIR/articles/imported.

  --category <slug>     category for files that name none (default: uncategorized, added to categories.yml)
  --author <slug>       author for files that name none (default: a placeholder added to authors.yml)
  --lang <code>         language for files that name none (default: site.yml's default language)
  --dry-run             write nothing; print what would be imported
  --public-dir <path>   where public/ is, for the copied images (default: the project's public/)
  -h, --help            print this help`,
  options: {
    category: { type: 'string' },
    author: { type: 'string' },
    lang: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'public-dir': { type: 'string' },
  },
  positionals: true,
} as const;

function slugOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (slugify(value) !== value)
    throw new UsageError(`--${name} ${value}: use a slug like ${slugify(value) || 'news'}`);
  return value;
}

/** Every article file of every target, read. */
function readSources(targets: string[]): MdSource[] {
  const found = targets.map((t) => {
    const abs = resolve(t);
    if (!existsSync(abs)) throw new Error(`${t}: no such file or folder`);
    const isFile = statSync(abs).isFile();
    return { root: isFile ? dirname(abs) : abs, files: findSources(abs, isFile) };
  });
  return found.flatMap(({ root, files }) =>
    files.map((file) => ({
      abs: file.abs,
      root,
      rel: file.rel,
      text: readFileSync(file.abs, 'utf8'),
      facts: pathFacts(file),
    })),
  );
}

function main({ values, positionals }: CommandArgs<typeof SPEC.options>): number {
  if (positionals.length === 0) throw new UsageError(`name a Markdown file or folder\n${SPEC.usage}`);
  if (values.lang !== undefined && !/^[a-z]{2}$/.test(values.lang))
    throw new UsageError(`--lang ${values.lang}: use a two-letter code like en`);
  const options = {
    category: slugOption('category', values.category),
    author: slugOption('author', values.author),
    lang: values.lang,
  };
  const dryRun = values['dry-run'] === true;
  const config = loadConfig(process.env);
  if (!existsSync(config.contentDir)) throw new Error(`CONTENT_DIR ${config.contentDir} does not exist`);
  const inv = buildInventory(readContent(config.contentDir), config.siteUrl);
  const store: MediaStore = createMediaStore(resolve(values['public-dir'] ?? defaultPublicDir), { dryRun });

  const sources = readSources(positionals);
  if (sources.length === 0) throw new Error('No Markdown files (.md, .mdx, .markdown) found.');
  // Big folders show progress on stderr: count, rate and time left on a terminal, a line every few seconds otherwise.
  const progress = progressReporter(
    { isTTY: process.stderr.isTTY, write: (t) => process.stderr.write(t) },
    { label: 'converting' },
  );
  const plan = planMdImport(sources, inv, options, localImageLookup(store), progress.update);
  progress.end();
  const changed = writeChanged(config.contentDir, plan.writes, dryRun);
  for (const line of formatMdReport(plan, changed, dryRun)) console.log(line);
  const images = dryRun ? '' : ` and ${store.written.length} image(s) under public/media`;
  console.log(
    dryRun
      ? `Dry run: nothing was written (${changed.size} file(s) would change).`
      : `Wrote ${changed.size} file(s) under ${relative(process.cwd(), config.contentDir) || '.'}${images}. Run \`npm run check\` to validate the content.`,
  );
  const unreadable = plan.skipped.filter((s) => /: front matter|never closed|no date/.test(s)).length;
  if (unreadable) console.error(`${unreadable} file(s) could not be imported; see "Not imported" above.`);
  return unreadable ? 1 : 0;
}

runCommand(SPEC, main);
