// Article bodies are stored compressed (raw DEFLATE): the HTML and the search text are most of each row,
// and they compress to about 40% on typical prose. Compression happens in the render workers; reading is
// one inflate of a few KB per page built (finished pages are cached), and SQL sees plain text through the
// `folio_unpack` function every connection registers. Rows written before compression keep their text
// in the old columns (`body_html`, `body_text`) with NULL blobs, and read the same way.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Db } from './connection.js';

export function packText(text: string): Uint8Array {
  // Level 3: within 3% of the best ratio on article HTML at three quarters of the default level's time.
  return deflateRawSync(text, { level: 3 });
}

export function unpackText(packed: Uint8Array | null | undefined, plain = ''): string {
  return packed ? inflateRawSync(packed).toString('utf8') : plain;
}

/** `folio_unpack(blob, plain)`: the text of a compressed column, or `plain` when the blob is NULL. */
export function registerBodyCodec(db: Db): void {
  db.function('folio_unpack', { deterministic: true }, (packed: unknown, plain: unknown) =>
    unpackText(packed instanceof Uint8Array ? packed : null, typeof plain === 'string' ? plain : ''),
  );
}

/** The select-list fragment for an article's HTML body (table alias `a`). */
export const ARTICLE_BODY_HTML = 'folio_unpack(a.html_z, a.body_html) AS body_html';
