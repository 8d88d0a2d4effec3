// parseSearchQuery: whatever a reader types becomes quoted terms only, capped, with the last word as a prefix.
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, MAX_TERMS, parseSearchQuery } from '../../src/lib/search-query.js';

describe('parseSearchQuery', () => {
  it('when a reader types words, then every term is required and the last one is a prefix', () => {
    expect(parseSearchQuery('SQL Joins pipel')).toEqual({
      terms: ['sql', 'joins', 'pipel'],
      all: '"sql" "joins" "pipel"*',
      any: '"sql" OR "joins" OR "pipel"*',
    });
  });

  it('when the query is one word, then there is no "any" fallback; a one-letter last word is not a prefix', () => {
    expect(parseSearchQuery('airflow')).toEqual({ terms: ['airflow'], all: '"airflow"*', any: null });
    expect(parseSearchQuery('c').all).toBe('"c"');
  });

  it('when the input holds FTS5 operators, quotes and symbols, then they become plain words or vanish', () => {
    const q = parseSearchQuery('title:sql OR "a" NEAR(b) -x* ^y {z} \' ; DROP');
    expect(q.terms).toEqual(['title', 'sql', 'or', 'a', 'near', 'b', 'x', 'y', 'z', 'drop']);
    expect(q.all).toBe('"title" "sql" "or" "a" "near" "b" "x" "y" "z" "drop"*');
    expect(q.all).not.toMatch(/[():^{}\-']/);
  });

  it('when nothing searchable is left, then there is no query at all', () => {
    for (const input of ['', '   ', '"*()-^', '\u0000\u0001'])
      expect(parseSearchQuery(input)).toEqual({ terms: [], all: null, any: null });
  });

  it('when words repeat or there are too many, then duplicates are dropped and at most 10 are kept', () => {
    expect(parseSearchQuery('sql SQL sql data').terms).toEqual(['sql', 'data']);
    const many = Array.from({ length: 15 }, (_, i) => `w${i}`).join(' ');
    expect(parseSearchQuery(many).terms).toEqual(Array.from({ length: MAX_TERMS }, (_, i) => `w${i}`));
  });

  it('when a term is very long or the input is past the cap, then the term is cut at 40 and the input at 2,000 characters', () => {
    expect(parseSearchQuery('x'.repeat(100)).terms).toEqual(['x'.repeat(40)]);
    const beyond = `${'a '.repeat(MAX_QUERY_CHARS / 2)}hidden`;
    expect(parseSearchQuery(beyond).terms).toEqual(['a']);
  });

  it('when letters have accents or compatibility forms, then they are kept as letters, lowercased and NFKC-normalised', () => {
    expect(parseSearchQuery('Carrières ＳＱＬ').terms).toEqual(['carrières', 'sql']);
  });
});
