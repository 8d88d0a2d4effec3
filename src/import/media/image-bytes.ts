// What kind of image a byte buffer really holds, from its first bytes: a server's Content-Type or a file's
// extension is only a claim. SVG is refused on purpose: served from the site it could carry scripts.

export type ImageKind = 'png' | 'jpg' | 'gif' | 'webp' | 'avif' | 'bmp' | 'ico';

const starts = (bytes: Uint8Array, at: number, sig: readonly number[]) =>
  sig.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, at: number, text: string) =>
  starts(
    bytes,
    at,
    [...text].map((c) => c.charCodeAt(0)),
  );

/** The image format the bytes start with, or null when they are not an image Folio serves. */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  if (starts(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(bytes, 0, [0xff, 0xd8, 0xff])) return 'jpg';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'webp';
  if (ascii(bytes, 4, 'ftypavif') || ascii(bytes, 4, 'ftypavis')) return 'avif';
  if (ascii(bytes, 0, 'BM') && bytes.length > 26) return 'bmp';
  if (starts(bytes, 0, [0, 0, 1, 0])) return 'ico';
  return null;
}

/** True when a Content-Type header names a raster image type (parameters ignored). */
export function isImageContentType(header: string | null): boolean {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type.startsWith('image/') && type !== 'image/svg+xml';
}
