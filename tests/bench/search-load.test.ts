// Uncached search stream: every URL distinct (the page cache keys by URL), kinds interleaved, and the words
// "common" and "rare" chosen from the generated corpus's own document frequencies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../src/bench/corpus.js';
import { capacity, chooseTerms, KINDS, queryStream, type Terms } from '../../src/bench/search-load.js';

const dir = mkdtempSync(join(tmpdir(), 'folio-bench-terms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ARTICLES = 120;
const { vocabulary } = writeCorpus({ dir, articles: ARTICLES, seed: 42 });
const terms = chooseTerms(vocabulary, ARTICLES);
const q = (url: string) => new URL(url, 'http://x').searchParams.get('q') ?? '';

describe('uncached search stream', () => {
  it('finds common words in at least half the articles and rare terms in one to three', () => {
    expect(terms.common.length).toBeGreaterThan(20);
    expect(terms.rare.length).toBeGreaterThan(20);
    expect(terms.common.every((t) => t.df >= ARTICLES / 2)).toBe(true);
    expect(terms.rare.every((t) => t.df >= 1 && t.df <= 3)).toBe(true);
  });

  it('never sends the same URL twice, so the page cache cannot answer any of them', () => {
    const stream = queryStream(terms, 300);
    expect(new Set(stream.map((s) => s.url)).size).toBe(stream.length);
    expect(stream.every((s) => s.url.startsWith('/en/search?q='))).toBe(true);
  });

  it('sends each kind its share, interleaved, with the words its name promises', () => {
    const stream = queryStream(terms, 30);
    expect(stream.slice(0, 4).map((s) => s.kind)).toEqual([...KINDS]);
    const common = new Set(terms.common.map((t) => t.word));
    const rare = new Set(terms.rare.map((t) => t.word));
    for (const s of stream) {
      const words = q(s.url).split(' ');
      if (s.kind === 'common word') expect(words.length === 1 && common.has(words[0] ?? '')).toBe(true);
      if (s.kind === 'two common words') expect(words.every((w) => common.has(w)) && words.length).toBe(2);
      if (s.kind === 'rare term') expect(words.length === 1 && rare.has(words[0] ?? '')).toBe(true);
      if (s.kind === 'common word + rare term')
        expect(common.has(words[0] ?? '') && rare.has(words[1] ?? '')).toBe(true);
    }
    for (const kind of KINDS) expect(stream.filter((s) => s.kind === kind)).toHaveLength(30);
  });

  it('two common words are distinct pairs, never a word with itself', () => {
    const pairs = queryStream(terms, 200)
      .filter((s) => s.kind === 'two common words')
      .map((s) => q(s.url).split(' '));
    expect(pairs.every(([a, b]) => a !== b)).toBe(true);
    expect(new Set(pairs.map((p) => [...p].sort().join(' '))).size).toBe(pairs.length);
  });

  it('sends fewer queries of a kind rather than repeat one when the corpus has too few terms', () => {
    const few: Terms = {
      articles: 10,
      common: [
        { word: 'alpha', df: 9 },
        { word: 'beta', df: 8 },
        { word: 'gamma', df: 7 },
      ],
      rare: [{ word: 'zed0001', df: 1 }],
    };
    const stream = queryStream(few, 50);
    expect(stream.filter((s) => s.kind === 'two common words')).toHaveLength(
      capacity('two common words', few),
    );
    expect(stream.filter((s) => s.kind === 'rare term')).toHaveLength(1);
    expect(new Set(stream.map((s) => s.url)).size).toBe(stream.length);
  });
});
