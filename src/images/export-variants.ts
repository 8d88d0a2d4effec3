// The static export's copy of the image variants: every variant file in the cache goes to _img/, under
// the same names the exported HTML uses (files a CDN can cache forever).
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IMAGE_PREFIX, VARIANT_NAME } from '../content/image-variants.js';

/** Copies the variants; `written` gets each file's export-relative path and size. */
export function exportVariants(cacheDir: string, outDir: string, written: Map<string, number>): void {
  let names: string[];
  try {
    names = readdirSync(cacheDir).filter((n) => VARIANT_NAME.test(n));
  } catch {
    return; // no cache: the site has no local raster images
  }
  const folder = IMAGE_PREFIX.replace(/^\/|\/$/g, '');
  mkdirSync(join(outDir, folder), { recursive: true });
  for (const name of names) {
    const from = join(cacheDir, name);
    copyFileSync(from, join(outDir, folder, name));
    written.set(`${folder}/${name}`, statSync(from).size);
  }
}
