// Uncached search: a stream of distinct queries (common words, two common words, rare terms, a common word
// with a rare term) sent one after another by one client. The page cache keys by URL, so a URL never sent
// before cannot be answered from it: every URL in the stream is different.
import { Agent, get } from 'node:http';
import type { CorpusVocabulary } from './corpus.js';
import { summarise } from './stats.js';
import type { SearchKind } from './types.js';

export const KINDS = ['common word', 'two common words', 'rare term', 'common word + rare term'] as const;
export type QueryKind = (typeof KINDS)[number];

export interface Query {
  kind: QueryKind;
  url: string;
}

export interface Terms {
  /** Words in at least half the articles, most frequent first. */
  common: { word: string; df: number }[];
  /** Terms in one to three articles. */
  rare: { word: string; df: number }[];
  articles: number;
}

/** Chooses the words from the generator's own counts, so "common" and "rare" hold at every size. */
export function chooseTerms(vocabulary: CorpusVocabulary, articles: number): Terms {
  const byDf = (m: Map<string, number>, keep: (df: number) => boolean) =>
    [...m]
      .filter(([, df]) => keep(df))
      .map(([word, df]) => ({ word, df }))
      .sort((a, b) => b.df - a.df || a.word.localeCompare(b.word));
  return {
    common: byDf(vocabulary.common, (df) => df >= articles / 2),
    rare: byDf(vocabulary.rare, (df) => df >= 1 && df <= 3),
    articles,
  };
}

const searchUrl = (q: string, page: number) =>
  `/en/search?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ''}`;

/** The i-th query of a kind; distinct for every i below the kind's capacity (see `capacity`). */
function nth(kind: QueryKind, i: number, t: Terms): string {
  const c = t.common.length;
  const r = t.rare.length;
  switch (kind) {
    case 'common word':
      // Each common word once, then again on the next page of results: a different query string.
      return searchUrl(t.common[i % c]?.word ?? '', 1 + Math.floor(i / c));
    case 'two common words': {
      // The i-th unordered pair (a, b), a < b, in order of b.
      let b = 1;
      while ((b * (b + 1)) / 2 <= i) b++;
      const a = i - (b * (b - 1)) / 2;
      return searchUrl(`${t.common[a]?.word ?? ''} ${t.common[b]?.word ?? ''}`, 1);
    }
    case 'rare term':
      return searchUrl(t.rare[i]?.word ?? '', 1);
    case 'common word + rare term':
      return searchUrl(`${t.common[i % c]?.word ?? ''} ${t.rare[(i * 7 + 3) % r]?.word ?? ''}`, 1);
  }
}

/** How many distinct queries of a kind the terms allow (pages are capped at 100 by the search route). */
export function capacity(kind: QueryKind, t: Terms): number {
  const c = t.common.length;
  const r = t.rare.length;
  if (kind === 'common word') return c * 100;
  if (kind === 'two common words') return (c * (c - 1)) / 2;
  if (kind === 'rare term') return r;
  return c > 0 && r > 0 ? r : 0;
}

/** `perKind` queries of each kind, interleaved so a change in machine load touches every kind alike. */
export function queryStream(t: Terms, perKind: number): Query[] {
  const counts = KINDS.map((kind) => Math.min(perKind, capacity(kind, t)));
  const out: Query[] = [];
  for (let i = 0; i < perKind; i++)
    KINDS.forEach((kind, k) => {
      if (i < (counts[k] ?? 0)) out.push({ kind, url: nth(kind, i, t) });
    });
  return out;
}

function dfRange(kind: QueryKind, t: Terms): string {
  const share = (df: number) => `${((df / t.articles) * 100).toFixed(df / t.articles < 0.01 ? 3 : 0)}%`;
  const range = (xs: { df: number }[]) =>
    xs.length ? `${share(xs[xs.length - 1]?.df ?? 0)}–${share(xs[0]?.df ?? 0)}` : 'none';
  if (kind === 'rare term') return range(t.rare);
  if (kind === 'common word + rare term') return `${range(t.common)} + ${range(t.rare)}`;
  return range(t.common);
}

/** Sends the stream one request at a time on one keep-alive connection; stops at `maxMs`. */
export async function runSearchStream(
  base: string,
  t: Terms,
  perKind: number,
  maxMs: number,
): Promise<Record<string, SearchKind>> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const samples = new Map<QueryKind, number[]>(KINDS.map((k) => [k, []]));
  const errors = new Map<QueryKind, number>(KINDS.map((k) => [k, 0]));
  const deadline = performance.now() + maxMs;
  try {
    for (const q of queryStream(t, perKind)) {
      if (performance.now() > deadline) break;
      const t0 = performance.now();
      const status = await new Promise<number>((done) => {
        get(base + q.url, { agent }, (res) => {
          res.resume();
          res.on('end', () => done(res.statusCode ?? 0));
        }).on('error', () => done(0));
      });
      if (status === 200) samples.get(q.kind)?.push(performance.now() - t0);
      else errors.set(q.kind, (errors.get(q.kind) ?? 0) + 1);
    }
  } finally {
    agent.destroy();
  }
  return Object.fromEntries(
    KINDS.map((kind) => [
      kind,
      { ...summarise(samples.get(kind) ?? []), errors: errors.get(kind) ?? 0, df: dfRange(kind, t) },
    ]),
  );
}
