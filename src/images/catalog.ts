// What is known about a local image, synchronously: its size and the variants made of it. Used where
// articles render (a worker thread) and where pages are served (featured images, og:image, sitemaps).
// Remembered per file by size and modification time, so a lookup is one stat once the file is known.
import { readFileSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { ImageFacts, ImageLookup } from '../content/image-variants.js';
import type { LoadContext } from '../content/load-entry.js';
import { imageKey, readManifest } from './cache.js';
import { svgSize } from './svg-size.js';

/** Files made into variants; other images (GIF, AVIF, ICO) are served as they are. */
export const RASTER_FILE = /\.(jpe?g|png|webp)$/i;

/** The file under public/ a site path names; null when it would leave the folder. */
export function publicFile(publicDir: string, sitePath: string): string | null {
  const root = resolve(publicDir);
  const abs = resolve(root, `.${sitePath.startsWith('/') ? sitePath : `/${sitePath}`}`);
  return abs.startsWith(root + sep) ? abs : null;
}

interface Known {
  size: number;
  mtimeMs: number;
  /** Raster: the key whose manifest tells the variants (read again until it exists). */
  key?: string;
  facts: ImageFacts | null;
}

const MAX_KNOWN = 10_000;

export class ImageCatalog {
  private readonly known = new Map<string, Known>();

  constructor(
    readonly publicDir: string,
    readonly cacheDir: string,
  ) {}

  lookup: ImageLookup = (sitePath) => {
    const abs = publicFile(this.publicDir, sitePath);
    if (!abs) return null;
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    let known = this.known.get(abs);
    if (!known || known.size !== stat.size || known.mtimeMs !== stat.mtimeMs) {
      known = this.read(abs, stat.size, stat.mtimeMs);
      if (this.known.size >= MAX_KNOWN) this.known.clear();
      this.known.set(abs, known);
    }
    if (!known.facts && known.key) known.facts = this.factsOf(known.key);
    return known.facts;
  };

  /** The content key of a raster image (null for SVGs, other files and missing ones). */
  keyOf(sitePath: string): string | null {
    if (!RASTER_FILE.test(sitePath)) return null;
    this.lookup(sitePath);
    const abs = publicFile(this.publicDir, sitePath);
    return (abs && this.known.get(abs)?.key) ?? null;
  }

  private read(abs: string, size: number, mtimeMs: number): Known {
    try {
      if (/\.svg$/i.test(abs)) {
        const s = svgSize(readFileSync(abs, 'utf8'));
        return { size, mtimeMs, facts: s ? { kind: 'svg', ...s } : null };
      }
      if (!RASTER_FILE.test(abs)) return { size, mtimeMs, facts: null };
      const key = imageKey(readFileSync(abs));
      return { size, mtimeMs, key, facts: this.factsOf(key) };
    } catch {
      return { size, mtimeMs, facts: null };
    }
  }

  private factsOf(key: string): ImageFacts | null {
    const m = readManifest(this.cacheDir, key);
    return m?.ok
      ? { kind: 'raster', key, width: m.width, height: m.height, widths: m.widths, fallback: m.fallback }
      : null;
  }
}

const catalogs = new Map<string, ImageCatalog>();

/** One catalog per folder pair in a process (a worker keeps it across the files it renders). */
export function catalogFor(dirs: { publicDir: string; cacheDir: string }): ImageCatalog {
  const id = `${dirs.publicDir}\n${dirs.cacheDir}`;
  let catalog = catalogs.get(id);
  if (!catalog) {
    catalog = new ImageCatalog(dirs.publicDir, dirs.cacheDir);
    catalogs.set(id, catalog);
  }
  return catalog;
}

/** The render context with image lookups attached, when the indexer asked for variants. */
export function withImages(ctx: LoadContext): LoadContext {
  return ctx.imageDirs && !ctx.images ? { ...ctx, images: catalogFor(ctx.imageDirs).lookup } : ctx;
}
