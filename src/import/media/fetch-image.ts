// Downloads one image with the limits an import needs: a timeout, a size cap, an image/* Content-Type whose
// bytes really are an image, and retries with backoff for server errors and network failures only.
import { isImageContentType, sniffImage, type ImageKind } from './image-bytes.js';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  /** Attempts after the first one. */
  retries: number;
  /** First retry delay; doubles each time. */
  backoffMs: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 20 * 1024 * 1024,
  retries: 3,
  backoffMs: 500,
};

export type ImageResult = { ok: true; bytes: Uint8Array; kind: ImageKind } | { ok: false; reason: string };

/** "larger than 20 MB" (or kB for small caps), the reason a too-big image is refused. */
export function tooLarge(maxBytes: number): string {
  return maxBytes >= 1024 * 1024
    ? `larger than ${Math.round(maxBytes / 1024 / 1024)} MB`
    : `larger than ${Math.ceil(maxBytes / 1024)} kB`;
}

/** A failure worth trying again (the server or the network), as opposed to a final answer. */
class Transient extends Error {}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function attempt(url: string, limits: FetchLimits): Promise<ImageResult> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: 'follow' });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new Transient(
      timedOut ? `no answer within ${limits.timeoutMs / 1000} s` : 'the server could not be reached',
    );
  }
  if (response.status >= 500) throw new Transient(`the server answered ${response.status}`);
  if (!response.ok) return { ok: false, reason: `the server answered ${response.status}` };
  const type = response.headers.get('content-type');
  if (!isImageContentType(type)) {
    await response.body?.cancel();
    return { ok: false, reason: `not an image (Content-Type ${type ?? 'missing'})` };
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await readCapped(response, limits.maxBytes);
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new Transient(
      timedOut ? `no answer within ${limits.timeoutMs / 1000} s` : 'the download was cut off',
    );
  }
  if (bytes === null) return { ok: false, reason: tooLarge(limits.maxBytes) };
  return checkedImage(bytes);
}

/** Bytes that claim to be an image, accepted only when their first bytes say so too. */
export function checkedImage(bytes: Uint8Array): ImageResult {
  const kind = sniffImage(bytes);
  return kind
    ? { ok: true, bytes, kind }
    : { ok: false, reason: 'the bytes are not a PNG, JPEG, GIF, WebP, AVIF, BMP or ICO image' };
}

export async function fetchImage(url: string, limits: FetchLimits = DEFAULT_LIMITS): Promise<ImageResult> {
  let last = '';
  for (let n = 0; n <= limits.retries; n++) {
    if (n > 0) await new Promise((r) => setTimeout(r, limits.backoffMs * 2 ** (n - 1)));
    try {
      return await attempt(url, limits);
    } catch (error) {
      if (!(error instanceof Transient)) throw error;
      last = error.message;
    }
  }
  return { ok: false, reason: `${last} (${limits.retries + 1} attempts)` };
}
