// Makes the variants of one source image with sharp, within a pixel and time budget: the source is
// decoded once (JPEG shrink-on-load keeps a 40-megapixel photo small in memory), scaled to the largest
// width served, and every width and format is made from that.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { variantHeight, variantWidths, type FallbackExt } from '../content/image-variants.js';
import { writeAtomic, writeManifest, type Manifest } from './cache.js';

/** An image over this many pixels is not decoded at all (a decompression bomb costs nothing). */
export const MAX_INPUT_PIXELS = 40_000_000;
/** Time allowed for all of one image's variants. */
export const IMAGE_BUDGET_MS = 30_000;

// Each image is encoded on one libvips thread; the caller decides how many images run at once.
sharp.concurrency(1);
sharp.cache(false);

const FALLBACK: Record<string, FallbackExt> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

function encoder(img: Sharp, ext: string): Sharp {
  // AVIF effort 3 keeps a cold index of a photo-heavy site in minutes, not hours, for ~5% more bytes.
  if (ext === 'avif') return img.avif({ quality: 50, effort: 3 });
  if (ext === 'webp') return img.webp({ quality: 78, effort: 4 });
  if (ext === 'png') return img.png({ compressionLevel: 9 });
  return img.jpeg({ quality: 78, mozjpeg: true });
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return `it has more than ${MAX_INPUT_PIXELS / 1_000_000} megapixels`;
  if (/timeout/i.test(message)) return `it took longer than ${IMAGE_BUDGET_MS / 1000} s to convert`;
  if (/unsupported image format/i.test(message)) return 'it is not an image sharp can read';
  return `it could not be read (${message.split('\n')[0]?.slice(0, 120)})`;
}

/**
 * Why an image could not be made into variants, without writing anything (`npm run check` on a site
 * whose cache does not have it yet): decoded whole, but small (JPEG shrink-on-load), so it is quick.
 */
export async function imageProblem(bytes: Buffer): Promise<string | null> {
  try {
    const img = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const meta = await img.metadata();
    if (!FALLBACK[meta.format ?? '']) throw new Error(`unsupported image format ${meta.format ?? ''}`);
    await img
      .resize(64)
      .timeout({ seconds: Math.ceil(IMAGE_BUDGET_MS / 1000) })
      .raw()
      .toBuffer();
    return null;
  } catch (error) {
    return reasonOf(error);
  }
}

/**
 * Writes `<key>-<width>.<ext>` for every width and format, then the manifest. A source that cannot be
 * made into variants (broken, truncated, too large, too slow) gets a manifest saying why, so it is not
 * tried again on every run and is served as it is.
 */
export async function encodeVariants(bytes: Buffer, key: string, cacheDir: string): Promise<Manifest> {
  const started = Date.now();
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' as const };
  const seconds = Math.ceil(IMAGE_BUDGET_MS / 1000);
  let manifest: Manifest;
  mkdirSync(cacheDir, { recursive: true });
  try {
    const meta = await sharp(bytes, options).metadata();
    const fallback = FALLBACK[meta.format ?? ''];
    if (!fallback || !meta.width || !meta.height)
      throw new Error(`unsupported image format ${meta.format ?? ''}`);
    // EXIF orientations 5–8 are quarter turns: the served image is as tall as the stored one is wide.
    const turned = (meta.orientation ?? 1) >= 5;
    const size = { width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height };
    const widths = variantWidths(size.width);
    const top = widths[widths.length - 1] ?? size.width;
    const base = await sharp(bytes, options)
      .rotate()
      .resize(top, variantHeight(size, top), { fit: 'fill' })
      .timeout({ seconds })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } };
    for (const ext of new Set(['avif', 'webp', fallback])) {
      for (const width of widths) {
        if (Date.now() - started > IMAGE_BUDGET_MS) throw new Error('timeout');
        const img = sharp(base.data, raw).resize(width, variantHeight(size, width), { fit: 'fill' });
        const out = await encoder(img, ext).timeout({ seconds }).toBuffer();
        writeAtomic(join(cacheDir, `${key}-${width}.${ext}`), out);
      }
    }
    manifest = { ok: true, width: size.width, height: size.height, widths, fallback };
  } catch (error) {
    manifest = { ok: false, reason: reasonOf(error) };
  }
  writeManifest(cacheDir, key, manifest);
  return manifest;
}
