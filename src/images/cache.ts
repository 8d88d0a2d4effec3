// The image cache folder: variants named by the source's content digest and the encoder settings, and
// one small manifest per source saying what was made (or why nothing could be). Derived data: deleting
// the folder only means the next full index makes everything again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMAGE_SETTINGS_VERSION, type FallbackExt } from '../content/image-variants.js';

export type Manifest =
  | { ok: true; width: number; height: number; widths: number[]; fallback: FallbackExt }
  | { ok: false; reason: string };

/** The name of a source's variants: its bytes and the settings they were made with. */
export function imageKey(bytes: Buffer): string {
  return createHash('sha256').update(IMAGE_SETTINGS_VERSION).update(bytes).digest('hex').slice(0, 24);
}

const manifestPath = (cacheDir: string, key: string) => join(cacheDir, `${key}.json`);

export function readManifest(cacheDir: string, key: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(manifestPath(cacheDir, key), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/**
 * Writes a file whole or not at all (a temporary name, then a rename), so a reader or a second process
 * never sees half a variant; the manifest is written last, once every variant is in place.
 */
export function writeAtomic(path: string, data: Buffer | string): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export function writeManifest(cacheDir: string, key: string, manifest: Manifest): void {
  mkdirSync(cacheDir, { recursive: true });
  writeAtomic(manifestPath(cacheDir, key), JSON.stringify(manifest));
}
