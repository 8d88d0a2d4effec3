// The importers' disk edges: reading what the content folder already holds, and writing planned files
// (a dry run writes nothing but reports the same changes).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { ContentFile } from './inventory.js';

/** The content files an importer needs to know about (site settings, people, categories, articles, courses). */
export function readContent(dir: string): ContentFile[] {
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

export interface PlannedFile {
  /** Relative to the content directory. */
  path: string;
  text: string;
}

/** Writes the files whose text differs from what is on disk; returns the paths that changed (or would). */
export function writeChanged(
  contentDir: string,
  writes: readonly PlannedFile[],
  dryRun: boolean,
): Set<string> {
  const changed = new Set<string>();
  for (const w of writes) {
    const abs = join(contentDir, w.path);
    const before = existsSync(abs) ? readFileSync(abs, 'utf8') : null;
    if (before === w.text) continue;
    changed.add(w.path);
    if (dryRun) continue;
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, w.text);
  }
  return changed;
}
