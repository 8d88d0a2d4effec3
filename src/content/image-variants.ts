// What an image is served as: the widths and formats made of it at index time, their URLs, and the
// <picture> markup that offers them. Pure, and part of the rendering code, so a change here renders every
// article again (its stored markup names these files).

/** Bumped when the encoder settings change: every variant gets a new name and is made again. */
export const IMAGE_SETTINGS_VERSION = 'img1';
/** Widths offered to browsers; an image is never enlarged, so smaller originals get fewer. */
export const VARIANT_WIDTHS = [480, 800, 1200, 1600] as const;
/** The one width shared by link previews (og:image) and structured data. */
export const SHARE_WIDTH = 1200;
/** The URL prefix variants are served under (a folder of its own, never a content path). */
export const IMAGE_PREFIX = '/_img/';
/** Variant file names: key, width, format. Anything else under the prefix is a 404. */
export const VARIANT_NAME = /^([0-9a-f]{24})-([1-9][0-9]{0,4})\.(avif|webp|jpg|png)$/;

export type FallbackExt = 'jpg' | 'png' | 'webp';

export type ImageFacts =
  | {
      kind: 'raster';
      /** Content digest and settings version: the variants' names. */
      key: string;
      width: number;
      height: number;
      /** Widths made, ascending; the last is the largest variant. */
      widths: number[];
      fallback: FallbackExt;
    }
  | { kind: 'svg'; width: number; height: number };

/** Image facts for a local source path (`/img/a.jpg`); null when there are none (remote, missing, broken). */
export type ImageLookup = (src: string) => ImageFacts | null;

export function variantWidths(originalWidth: number): number[] {
  const below = VARIANT_WIDTHS.filter((w) => w < originalWidth);
  const largest = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1] ?? originalWidth;
  return originalWidth <= largest ? [...below, originalWidth] : below;
}

/** The height of a variant, rounded as the encoder is told to make it (so markup and file agree). */
export function variantHeight(facts: { width: number; height: number }, width: number): number {
  return Math.max(1, Math.round((facts.height * width) / facts.width));
}

export function variantUrl(key: string, width: number, ext: string): string {
  return `${IMAGE_PREFIX}${key}-${width}.${ext}`;
}

/** The variant link previews use: 1200 wide, or the largest one below that. */
export function shareVariant(
  facts: Extract<ImageFacts, { kind: 'raster' }>,
): { url: string; width: number; height: number } {
  const width = [...facts.widths].reverse().find((w) => w <= SHARE_WIDTH) ?? facts.widths[0] ?? facts.width;
  return { url: variantUrl(facts.key, width, facts.fallback), width, height: variantHeight(facts, width) };
}

export interface PictureParts {
  sources: { type: string; srcset: string }[];
  img: { src: string; srcset: string; width: number; height: number };
}

const TYPES: Record<string, string> = { avif: 'image/avif', webp: 'image/webp' };

/** The <source>s and <img> attributes for a raster image: AVIF, then WebP, then the original format. */
export function pictureParts(facts: Extract<ImageFacts, { kind: 'raster' }>): PictureParts {
  const srcset = (ext: string) => facts.widths.map((w) => `${variantUrl(facts.key, w, ext)} ${w}w`).join(', ');
  const formats = facts.fallback === 'webp' ? ['avif'] : ['avif', 'webp'];
  const largest = facts.widths[facts.widths.length - 1] ?? facts.width;
  return {
    sources: formats.map((ext) => ({ type: TYPES[ext] ?? '', srcset: srcset(ext) })),
    img: {
      src: variantUrl(facts.key, largest, facts.fallback),
      srcset: srcset(facts.fallback),
      width: largest,
      height: variantHeight(facts, largest),
    },
  };
}

/** How wide images are laid out: the article column, full width on a phone. */
export const BODY_SIZES = '(min-width: 62rem) 60rem, calc(100vw - 2rem)';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
/** Escapes an attribute value as EJS does, so a template's own <img> and this markup read the same. */
export const escapeAttr = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
const esc = escapeAttr;

/**
 * A complete <picture> (raster) or <img> (SVG, or an image without variants) for a template: the featured image is eager with
 * fetchpriority="high" (it is the largest paint), others lazy.
 */
export function pictureHtml(
  src: string,
  facts: ImageFacts | null,
  options: { alt: string; eager: boolean; sizes?: string; className?: string },
): string {
  const cls = options.className ? ` class="${esc(options.className)}"` : '';
  const loading = options.eager ? 'fetchpriority="high" decoding="async"' : 'loading="lazy" decoding="async"';
  // Nothing known (remote, not converted): the original file as it is.
  if (!facts) return `<img${cls} src="${esc(src)}" alt="${esc(options.alt)}" ${loading}>`;
  if (facts.kind === 'svg')
    return `<img${cls} src="${esc(src)}" alt="${esc(options.alt)}" width="${facts.width}" height="${facts.height}" ${loading}>`;
  const parts = pictureParts(facts);
  const sizes = esc(options.sizes ?? BODY_SIZES);
  const sources = parts.sources
    .map((s) => `<source type="${s.type}" srcset="${esc(s.srcset)}" sizes="${sizes}">`)
    .join('');
  const i = parts.img;
  return `<picture>${sources}<img${cls} src="${esc(i.src)}" srcset="${esc(i.srcset)}" sizes="${sizes}" alt="${esc(options.alt)}" width="${i.width}" height="${i.height}" ${loading}></picture>`;
}
