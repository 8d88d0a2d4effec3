// Finding slug changes between two versions of the index, and following old addresses through moves.
import { describe, expect, it } from 'vitest';
import { detectMoves, followMoves, type Placement } from '../../src/indexer/slug-moves.js';

const at = (path: string, slug: string, translationKey: string | null = null, lang = 'en'): Placement => ({
  path,
  lang,
  slug,
  translationKey,
});

describe('detectMoves', () => {
  it('when a file keeps its path and changes its slug, then that is one move', () => {
    const moves = detectMoves([at('a.md', 'old')], [at('a.md', 'new')], new Set(['a.md']));
    expect(moves).toEqual([
      { path: 'a.md', from: { lang: 'en', slug: 'old' }, to: { lang: 'en', slug: 'new' } },
    ]);
  });

  it('when a file keeps its slug, then nothing moved', () => {
    expect(detectMoves([at('a.md', 'same')], [at('a.md', 'same')], new Set(['a.md']))).toEqual([]);
  });

  it('when a file is renamed and its slug changes, then the translation_key connects the two', () => {
    const moves = detectMoves([at('old.md', 'old', 'k1')], [at('new.md', 'new', 'k1')], new Set(['new.md']));
    expect(moves.map((m) => [m.path, m.from.slug, m.to.slug])).toEqual([['new.md', 'old', 'new']]);
  });

  it('when the old file still exists, then a shared translation_key is two articles, not a move', () => {
    const moves = detectMoves(
      [at('old.md', 'old', 'k1')],
      [at('new.md', 'new', 'k1')],
      new Set(['old.md', 'new.md']),
    );
    expect(moves).toEqual([]);
  });

  it('when the translation_key matches in another language, then it is a translation, not a move', () => {
    const moves = detectMoves(
      [at('en.md', 'hello', 'k1', 'en')],
      [at('fr.md', 'bonjour', 'k1', 'fr')],
      new Set(['fr.md']),
    );
    expect(moves).toEqual([]);
  });

  it('when a file changes language, then its old address moves to the new language', () => {
    const moves = detectMoves(
      [at('a.md', 'guide', null, 'en')],
      [at('a.md', 'guide', null, 'fr')],
      new Set(['a.md']),
    );
    expect(moves.map((m) => [m.from.lang, m.to.lang])).toEqual([['en', 'fr']]);
  });
});

describe('followMoves', () => {
  const moves = new Map([
    ['en/a', 'en/b'],
    ['en/b', 'en/c'],
    ['en/x', 'en/y'],
    ['en/y', 'en/x'],
  ]);
  it('when moves chain, then the old address leads to the last article', () => {
    expect(followMoves('en/a', moves, (k) => k === 'en/c')).toBe('en/c');
  });
  it('when an article sits midway, then the nearest one wins', () => {
    expect(followMoves('en/a', moves, (k) => k === 'en/b' || k === 'en/c')).toBe('en/b');
  });
  it('when the moves loop without an article, then there is nowhere to go', () => {
    expect(followMoves('en/x', moves, () => false)).toBeNull();
  });
  it('when the address never moved, then there is nowhere to go', () => {
    expect(followMoves('en/zzz', moves, () => true)).toBeNull();
  });
});
