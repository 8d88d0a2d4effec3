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

describe('key terms of ASCII text', () => {
  const viaRegex = (text: string) => {
    const counts = new Map<string, number>();
    for (const w of text.toLowerCase().match(/[\p{L}][\p{L}\p{N}]{2,29}(?![\p{L}\p{N}])/gu) ?? [])
      counts.set(w, (counts.get(w) ?? 0) + 1);
    return counts;
  };
  it('for random ASCII text with long runs, digits and punctuation, the terms are those of the Unicode rule', () => {
    const rand = prng(11);
    const alphabet = 'abcdefxyz0123456789 -.';
    for (let n = 0; n < 300; n++) {
      let text = '';
      const len = Math.floor(rand() * 300);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      // No stop word can be spelled with this alphabet, so every match is a term.
      expect(new Map(keyTerms(text, 10_000)), JSON.stringify(text)).toEqual(viaRegex(text));
    }
  });
});
