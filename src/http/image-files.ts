// Image variants as HTTP: /_img/<key>-<width>.<ext> from the cache folder (immutable: the name is the
// content), and what templates and link previews need to know about a featured image.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import {
  IMAGE_PREFIX,
  pictureHtml,
  shareVariant,
  VARIANT_NAME,
  type ImageFacts,
} from '../content/image-variants.js';
import type { ImageCatalog } from '../images/catalog.js';
import { CACHE_PROFILES } from './middleware/cache-control.js';
import { deliver, prepareResponse } from './respond.js';
import { absolute } from './view-models/seo.js';

const TYPES: Record<string, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  png: 'image/png',
};

/**
 * Serves one variant. Only names the encoder writes are looked up (so no path can leave the folder);
 * anything else, or a variant not (or no longer) in the cache, is left to the 404 page.
 */
export function imageVariantRoute(cacheDir: string) {
  return async (req: Request, res: Response, next: () => void): Promise<void> => {
    const name = typeof req.params.file === 'string' ? req.params.file : '';
    const match = VARIANT_NAME.exec(name);
    if (!match) {
      next();
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(join(cacheDir, name));
    } catch {
      next();
      return;
    }
    res.setHeader('Cache-Control', CACHE_PROFILES.immutable);
    deliver(req, res, prepareResponse(res, body, TYPES[match[3] ?? ''] ?? 'application/octet-stream', 0));
  };
}

export interface SharedImage {
  url: string;
  width: number | null;
  height: number | null;
}

/** The image a link preview or structured data names: the 1200-wide variant when there is one. */
export function sharedImage(catalog: ImageCatalog, src: string): SharedImage {
  const facts = src.startsWith('/') && !src.startsWith('//') ? catalog.lookup(src) : null;
  if (facts?.kind === 'raster') return shareVariant(facts);
  if (facts?.kind === 'svg') return { url: src, width: facts.width, height: facts.height };
  return { url: src, width: null, height: null };
}

/**
 * The markup of an image a template shows (the featured image, a card's image): a <picture> with real
 * sizes when variants exist, else the original file as it is.
 */
export function templatePicture(
  catalog: ImageCatalog,
  src: string,
  options: { alt: string; eager: boolean; sizes?: string; className?: string },
): string {
  const facts: ImageFacts | null = src.startsWith('/') && !src.startsWith('//') ? catalog.lookup(src) : null;
  return pictureHtml(src, facts, options);
}

/** JSON-LD `image`: an ImageObject with its size for a variant, else the URL alone. */
export function imageLd(baseUrl: string, image: SharedImage): string | object {
  const url = absolute(baseUrl, image.url);
  return image.width && image.height && image.url.startsWith(IMAGE_PREFIX)
    ? { '@type': 'ImageObject', url, width: image.width, height: image.height }
    : url;
}
