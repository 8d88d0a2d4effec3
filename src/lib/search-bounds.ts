// Keeps every search's work bounded whatever the corpus size: an unfinished last word is completed to at
// most MAX_COMPLETIONS indexed words, and a second expression picks the articles worth ranking first.
import type { ParsedQuery } from './search-query.js';

/** An unfinished word with more indexed completions than this is searched as its first ones only. */
export const MAX_COMPLETIONS = 8;

/** An FTS5 expression pair: `match` selects the results, `titled` the ones matching in title or tags. */
export interface BoundedMatch {
  match: string;
  titled: string;
}

export interface BoundedQuery {
  all: BoundedMatch | null;
  any: BoundedMatch | null;
}

/**
 * The last word as the index stores it (lower case, accents removed like `remove_diacritics`), when the
 * parser made it a prefix; null otherwise. The caller looks up its completions in the index vocabulary.
 */
export function prefixToComplete(parsed: ParsedQuery): string | null {
  const last = parsed.terms.at(-1);
  if (last === undefined || !parsed.all?.endsWith('*')) return null;
  return last.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;

/**
 * Rewrites the parsed query with the completions found for its prefix (up to MAX_COMPLETIONS + 1, in
 * index order). The completions are searched as words joined by OR — the same matches as FTS5's own
 * prefix search, which would merge the postings of every completion in full on each statement; more than
 * MAX_COMPLETIONS are cut to the first ones (a two-letter prefix can have hundreds); none means no indexed
 * word starts with it, so the word is searched as typed (that also covers any folding this module does not
 * mirror).
 */
export function boundQuery(parsed: ParsedQuery, completions: readonly string[]): BoundedQuery {
  if (parsed.terms.length === 0) return { all: null, any: null };
  const exprs = parsed.terms.map(quote);
  const last = exprs.length - 1;
  if (prefixToComplete(parsed) !== null) {
    // The completions found are the prefix's words (all of them, up to the bound): searched as words, they
    // stream through FTS5 and stop at each statement's LIMIT, where a prefix query first merges every
    // matching doclist in full, once per statement, which at 100,000 articles cost tens of milliseconds.
    if (completions.length > 0)
      exprs[last] = `(${completions.slice(0, MAX_COMPLETIONS).map(quote).join(' OR ')})`;
  }
  const anyTerm = exprs.length > 1 ? `(${exprs.join(' OR ')})` : (exprs[0] ?? '');
  const titled = (match: string) => `(${match}) AND {title tags}: ${anyTerm}`;
  // Explicit AND: FTS5 accepts implicit AND between phrases only, not beside a bracketed group.
  const all = exprs.join(' AND ');
  const either = exprs.length > 1 ? exprs.join(' OR ') : null;
  return {
    all: { match: all, titled: titled(all) },
    any: either === null ? null : { match: either, titled: titled(either) },
  };
}
