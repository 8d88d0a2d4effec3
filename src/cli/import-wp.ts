// `npm run import:wp -- <file-or-folder>… [--dry-run]`: turns WordPress REST post JSON into Markdown articles
// under CONTENT_DIR/articles/imported, adds missing categories and authors, and reports what it could not convert.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { loadConfig } from '../config.js';
import { formatImportReport, planImport } from '../import/import-plan.js';
import { buildInventory, type ContentFile } from '../import/inventory.js';
import { parseWpExport, type WpPostRecord } from '../import/wp-record.js';

const USAGE = 'usage: npm run import:wp -- <export.json | folder of .json/.txt files>… [--dry-run]';

/** The content files the importer needs to know about (site settings, people, categories, articles, courses). */
function readContent(dir: string): ContentFile[] {
  const out: ContentFile[] = [];
  const walk = (abs: string, depth: number) => {
    if (depth > 20) return;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(abs, entry.name);
      const rel = relative(dir, full).split(sep).join('/');
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.isFile() && (/\.md$/i.test(entry.name) || /^(site|authors|categories)\.yml$/.test(rel)))
        out.push({ path: rel, text: readFileSync(full, 'utf8') });
    }
  };
  walk(dir, 0);
  return out;
}

function inputFiles(target: string): string[] {
  const stat = statSync(target);
  if (stat.isFile()) return [target];
  return readdirSync(target)
    .filter((name) => /\.(json|txt)$/i.test(name))
    .sort()
    .map((name) => join(target, name));
}

function main(): number {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const targets = args.filter((a) => !a.startsWith('--'));
  if (targets.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig(process.env);
  if (!existsSync(config.contentDir)) {
    console.error(`CONTENT_DIR ${config.contentDir} does not exist`);
    return 1;
  }
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
  for (const p of problems) console.error(p);
  if (records.length === 0) {
    console.error('No WordPress post records found.');
    return 1;
  }

  const plan = planImport(records, buildInventory(readContent(config.contentDir), config.siteUrl));
  const changed = new Set<string>();
  for (const w of plan.writes) {
    const abs = join(config.contentDir, w.path);
    const before = existsSync(abs) ? readFileSync(abs, 'utf8') : null;
    if (before === w.text) continue;
    changed.add(w.path);
    if (dryRun) continue;
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, w.text);
  }
  for (const line of formatImportReport(plan, changed)) console.log(line);
  const prefix = relative(process.cwd(), config.contentDir) || '.';
  console.log(
    dryRun
      ? `Dry run: nothing was written (${changed.size} file(s) would change).`
      : `Wrote ${changed.size} file(s) under ${prefix}. Run \`npm run check\` to validate the content.`,
  );
  return problems.length > 0 ? 1 : 0;
}

process.exitCode = main();
