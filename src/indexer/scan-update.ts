// Keeping a scan up to date without listing the tree again: digests from the stat cache, and a rescan of
// only the paths a file watcher reported (anything unusual falls back to the full scan and its rules).
import { existsSync, lstatSync, realpathSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { classify, readScanned, type ScannedFile } from './scan.js';

/**
 * Digests for every listed file: from the stat cache when size and time are unchanged, otherwise by
 * reading it. Article and course texts are not kept (the render step reads them again when it needs
 * them); the site-wide YAML files keep theirs.
 */
export function digestFiles(
  files: ScannedFile[],
  statCache: ReadonlyMap<string, { size: number; mtimeMs: number; hash: string }>,
  maxBytes: number,
): void {
  for (const f of files) {
    const cacheable = f.kind === 'article' || f.kind === 'course';
    const cached = statCache.get(f.path);
    if (cacheable && cached && cached.size === f.size && cached.mtimeMs === f.mtimeMs) {
      f.hash = cached.hash;
      continue;
    }
    readScanned(f, maxBytes);
    if (cacheable) delete f.text;
  }
}

/**
 * The previous scan with only `changed` paths (relative, as the watcher reports them) looked at again —
 * for a long-lived process that knows what changed, so one save does not list the whole tree. Anything
 * but a plain file or a missing one (a folder, a link, a name outside the content layout) answers null:
 * the caller scans everything, with every safety rule.
 */
export function rescanPaths(
  previous: readonly ScannedFile[],
  contentDir: string,
  changed: readonly string[],
): ScannedFile[] | null {
  const root = realpathSync(contentDir);
  // Copies without digests: this run computes its own (from the stat cache for unchanged files).
  const byPath = new Map<string, ScannedFile>(
    previous.map((f) => [
      f.path,
      f.problem ? { ...f } : { path: f.path, kind: f.kind, abs: f.abs, size: f.size, mtimeMs: f.mtimeMs },
    ]),
  );
  let added = false;
  for (const rel of changed) {
    if (rel.split('/').some((part) => part === '' || part === '..' || part.startsWith('.'))) return null;
    const abs = join(root, ...rel.split('/'));
    let stat: Stats;
    try {
      // A folder on the way that is a link (in or out of content/) is the full scan's business.
      if (realpathSync(dirname(abs)) !== dirname(abs)) return null;
      stat = lstatSync(abs);
    } catch {
      if (existsSync(dirname(abs))) byPath.delete(rel);
      else return null;
      continue;
    }
    const kind = classify(rel);
    if (!stat.isFile() || !kind) return null;
    if (!byPath.has(rel)) added = true;
    byPath.set(rel, { path: rel, kind, abs, size: stat.size, mtimeMs: stat.mtimeMs });
  }
  // The same order as a full scan (sorted names, depth first), so reports do not depend on how files were found.
  const files = [...byPath.values()];
  // Only a new file can change the order; a save or a deletion keeps the previous scan's.
  if (!added) return files;
  return files
    .map((f) => ({ f, key: walkOrderKey(f.path) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.f);
}

/**
 * A key whose string order is a depth-first walk's with each folder's names sorted: "/" becomes a
 * character below any in a name, so "a/x.md" (inside folder "a") comes before "a-b.md".
 */
function walkOrderKey(path: string): string {
  return path.replaceAll('/', '\u0000');
}
