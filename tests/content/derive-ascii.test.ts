// Word counts and key terms take a cheaper path for ASCII text; it must give exactly what the Unicode
// rule gives (a property over generated text), and non-ASCII text still counts every script.
import { describe, expect, it } from 'vitest';
import { countWords, keyTerms } from '../../src/content/derive.js';
import { prng } from '../../src/bench/corpus.js';

const unicodeWords = (t: string) => (t.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;

describe('countWords and keyTerms', () => {
  it('for random ASCII text, the word count equals the Unicode rule', () => {
    const rand = prng(7);
    const alphabet = "abcXYZ019 -'.,!\n\t_";
    for (let n = 0; n < 300; n++) {
      let text = '';
      const len = Math.floor(rand() * 200);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      expect(countWords(text), JSON.stringify(text)).toBe(unicodeWords(text));
    }
  });

  it('for text in other scripts, every word is counted and becomes a term', () => {
    const text = 'Привет мир, привет данные. Données données café 日本語';
    expect(countWords(text)).toBe(unicodeWords(text));
    // Ties are ordered by code unit, so the result does not depend on the locale.
    expect(keyTerms(text)).toEqual([
      ['données', 2],
      ['привет', 2],
      ['café', 1],
      ['данные', 1],
      ['мир', 1],
      ['日本語', 1],
    ]);
  });

  it('for ASCII text, terms are lower-cased, stop words dropped, counted and ordered by count', () => {
    expect(keyTerms('The Pipeline and the pipeline: pipelines, SQL sql SQL. ab a1b2c3 x9')).toEqual([
      ['sql', 3],
      ['pipeline', 2],
      ['a1b2c3', 1],
      ['pipelines', 1],
    ]);
  });
});
