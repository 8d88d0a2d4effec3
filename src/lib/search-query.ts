// Turns any user input into a safe FTS5 query: only quoted terms, capped in length and number.

export const MAX_QUERY_CHARS = 2_000;
export const MAX_TERMS = 10;
const MAX_TERM_CHARS = 40;

export interface ParsedQuery {
  /** The terms as the reader typed them (normalised), for display. */
  terms: string[];
  /** FTS5 MATCH expression requiring every term (last one as a prefix), or null when there is nothing to search. */
  all: string | null;
  /** FTS5 MATCH expression for any term, used to suggest results when `all` finds nothing. */
  any: string | null;
}

export function parseSearchQuery(input: string): ParsedQuery {
  const words =
    input
      .slice(0, MAX_QUERY_CHARS)
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms: string[] = [];
  for (const w of words) {
    const t = w.slice(0, MAX_TERM_CHARS);
    if (!terms.includes(t)) terms.push(t);
    if (terms.length === MAX_TERMS) break;
  }
  if (terms.length === 0) return { terms, all: null, any: null };
  // Terms hold letters and digits only, so wrapping them in quotes can never produce FTS5 syntax.
  const quoted = terms.map((t) => `"${t}"`);
  const last = terms.length - 1;
  const withPrefix = quoted.map((q, i) => (i === last && (terms[i]?.length ?? 0) >= 2 ? `${q}*` : q));
  return { terms, all: withPrefix.join(' '), any: terms.length > 1 ? withPrefix.join(' OR ') : null };
}
