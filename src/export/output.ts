// The export folder as files the export owns. A manifest kept in the folder (path → digest and size) says
// what the last export wrote, so the next one writes only the files whose bytes changed, leaves every
// other file untouched (same mtime, so rsync and CDN uploads skip it), and removes what it no longer makes.
// The folder is the export's: any other file in it (left by a run that died half-way, or put there by
// hand) is removed at the end, as a fresh export would not have it.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** The manifest; its presence also marks a folder as written by the export, so a later export may change it. */
export const MANIFEST = '.folio-export';

export class ExportFolderError extends Error {}

type Entry = [digest: string, size: number];

interface Manifest {
  version: 1;
  exportedAt: string;
  files: Record<string, Entry>;
}

export interface OutputCounts {
  /** Files whose bytes were written in this run (new or changed). */
  written: number;
  /** Files the run produced with the bytes already there: not touched. */
  kept: number;
  /** Files of the previous export the run no longer produces: deleted. */
  removed: number;
}

export interface ExportOutput {
  write(file: string, body: Buffer | string): void;
  /** Copies a file from disk (public/, image variants) under the same rule. */
  copy(file: string, from: string): void;
  has(file: string): boolean;
  /** Every file this run produced, with its size. */
  readonly files: ReadonlyMap<string, number>;
  /** Removes what the previous export had and this one did not produce; writes the manifest. */
  finish(exportedAt: number): OutputCounts;
}

function digest(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('base64url');
}

function readManifest(path: string): Manifest | 'foreign' | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Manifest>;
    if (parsed.version === 1 && parsed.files && typeof parsed.files === 'object') return parsed as Manifest;
  } catch {
    // An export from before manifests wrote a date here: everything in the folder is the export's.
  }
  return 'foreign';
}

/** Every file under `root` (relative, forward slashes), dotfiles included. */
function allFiles(root: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...allFiles(root, rel));
    else out.push(rel);
  }
  return out;
}

/** Removes the folders under `root` that hold nothing; true when `dir` itself was removed. */
function pruneEmpty(dir: string, root: string): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (!entry.isDirectory() || !pruneEmpty(join(dir, entry.name), root)) empty = false;
  if (empty && dir !== root) rmdirSync(dir);
  return empty;
}

/**
 * Opens `outDir` for an export: a new or empty folder, or one an earlier export wrote. Anything else is
 * refused, so an export never deletes files it did not write.
 */
export function openOutput(outDir: string): ExportOutput {
  const manifestPath = join(outDir, MANIFEST);
  let previous: Record<string, Entry> = {};
  if (existsSync(outDir)) {
    const entries = readdirSync(outDir);
    const manifest = readManifest(manifestPath);
    if (entries.length > 0 && manifest === null)
      throw new ExportFolderError(
        `${outDir} is not empty and was not written by npm run export: choose an empty or new folder`,
      );
    if (manifest === 'foreign') {
      for (const name of entries) rmSync(join(outDir, name), { recursive: true, force: true });
    } else if (manifest) {
      previous = manifest.files;
    }
  }
  mkdirSync(outDir, { recursive: true });

  const next: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  const sizes = new Map<string, number>();
  let written = 0;
  let kept = 0;

  const unchanged = (file: string, entry: Entry): boolean => {
    const before = Object.hasOwn(previous, file) ? previous[file] : undefined;
    if (!before || before[0] !== entry[0]) return false;
    try {
      return statSync(join(outDir, file)).size === entry[1];
    } catch {
      return false;
    }
  };
  const put = (file: string, entry: Entry, store: (abs: string) => void) => {
    next[file] = entry;
    sizes.set(file, entry[1]);
    if (unchanged(file, entry)) {
      kept++;
      return;
    }
    const abs = join(outDir, file);
    mkdirSync(dirname(abs), { recursive: true });
    store(abs);
    written++;
  };

  return {
    files: sizes,
    has: (file) => sizes.has(file),
    write(file, body) {
      const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
      put(file, [digest(body), size], (abs) => writeFileSync(abs, body));
    },
    copy(file, from) {
      const bytes = readFileSync(from);
      put(file, [digest(bytes), bytes.length], (abs) => writeFileSync(abs, bytes));
    },
    finish(exportedAt) {
      let removed = 0;
      for (const file of allFiles(outDir)) {
        if (file === MANIFEST || sizes.has(file)) continue;
        rmSync(join(outDir, file), { force: true });
        removed++;
      }
      pruneEmpty(outDir, outDir);
      const manifest: Manifest = { version: 1, exportedAt: new Date(exportedAt).toISOString(), files: next };
      writeFileSync(`${manifestPath}.tmp`, JSON.stringify(manifest));
      renameSync(`${manifestPath}.tmp`, manifestPath);
      return { written, kept, removed };
    },
  };
}
