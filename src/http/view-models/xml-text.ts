// Text that is safe inside XML documents: characters XML 1.0 forbids are dropped, CDATA cannot be closed early.

// Everything outside XML 1.0's Char production (control characters, lone surrogates, U+FFFE/U+FFFF).
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, '');
}

/** For HTML placed in a CDATA section: `]]>` becomes `]]&gt;`, which HTML reads back as the same text. */
export function cdataSafe(html: string): string {
  return xmlSafe(html).replaceAll(']]>', ']]&gt;');
}

/** W3C Datetime (sitemaps, feeds) to the second, in UTC. */
export function w3cDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
