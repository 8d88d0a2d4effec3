// Which files of another engine's site are articles, and what their paths say: Jekyll's dated file names
// (_posts/2024-03-01-slug.md), Hugo page bundles (post/index.md, index.fr.md), drafts folders.
import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';

export interface SourceFile {
  /** Absolute path. */
  abs: string;
  /** Relative to the folder given on the command line (its name alone for a single file): used in reports. */
  rel: string;
}

export interface PathFacts {
  slug: string;
  /** `YYYY-MM-DD` from the file or bundle name, when it starts with one. */
  date: string | null;
  /** A Hugo language suffix: `index.fr.md`, `post.fr.md`. */
  lang: string | null;
  /** The folder holding the file's own images (Hugo page bundles and any folder post). */
  bundleDir: string | null;
  /** In a Jekyll `_drafts` folder. */
  draft: boolean;
}

const ARTICLE = /\.(md|mdx|markdown)$/i;
/** Not articles: Hugo list pages, Eleventy/Jekyll includes and layouts, dependencies, build output. */
const SKIP_DIRS = new Set([
  'node_modules',
  '_site',
  '_includes',
  '_layouts',
  '_data',
  'public',
  'dist',
  '.git',
  'static',
  'assets',
]);
const SKIP_FILES = /^(_index|readme|changelog|license|404)\.(md|mdx|markdown)$/i;

export function findSources(target: string, isFile: boolean): SourceFile[] {
  if (isFile) return [{ abs: target, rel: basename(target) }];
  const out: SourceFile[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 20) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (entry.name.startsWith('.')) continue;
      const abs = join(dir, entry.name);
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name.toLowerCase())) walk(abs, depth + 1);
      else if (entry.isFile() && ARTICLE.test(entry.name) && !SKIP_FILES.test(entry.name))
        out.push({ abs, rel: relative(target, abs).split(sep).join('/') });
    }
  };
  walk(target, 0);
  return out;
}

export function pathFacts(file: SourceFile): PathFacts {
  const name = basename(file.abs).replace(ARTICLE, '');
  const [stem = '', langSuffix] = name.split(/\.(?=[a-z]{2}$)/);
  const bundle = /^index$/i.test(stem);
  const base = bundle ? basename(dirname(file.abs)) : stem;
  const dated = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(base);
  return {
    slug: dated ? (dated[2] ?? '') : base,
    date: dated ? (dated[1] ?? null) : null,
    lang: langSuffix ?? null,
    bundleDir: dirname(file.abs),
    draft: file.rel.split('/').includes('_drafts'),
  };
}
