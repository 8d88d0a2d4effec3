// boundQuery decides how much work a search may cost: an unfinished last word with many completions is
// cut to its first MAX_COMPLETIONS, one with none is searched as typed, and every query gets the
// "in title or tags" expression that picks extra candidates for ranking.
import { describe, expect, it } from 'vitest';
import { boundQuery, MAX_COMPLETIONS, prefixToComplete } from '../../src/lib/search-bounds.js';
import { parseSearchQuery } from '../../src/lib/search-query.js';

const words = (n: number, stem: string) =>
  Array.from({ length: n }, (_, i) => `${stem}${String(i).padStart(3, '0')}`);

describe('prefixToComplete', () => {
  it('when the last word is a prefix, then it is returned as the index stores it, accents removed', () => {
    expect(prefixToComplete(parseSearchQuery('Données Pipel'))).toBe('pipel');
    expect(prefixToComplete(parseSearchQuery('CAFÉ'))).toBe('cafe');
  });

  it('when there is no prefix (one letter, or nothing), then null', () => {
    expect(prefixToComplete(parseSearchQuery('sql c'))).toBeNull();
    expect(prefixToComplete(parseSearchQuery('  '))).toBeNull();
  });
});

describe('boundQuery', () => {
  it("when the prefix has few completions, then they are searched as words (the prefix search's matches, streamed)", () => {
    const q = boundQuery(parseSearchQuery('data pipel'), ['pipeline', 'pipelines']);
    expect(q.all?.match).toBe('"data" AND ("pipeline" OR "pipelines")');
    expect(q.any?.match).toBe('"data" OR ("pipeline" OR "pipelines")');
  });

  it('when the prefix has more completions than the bound, then only the first ones are searched', () => {
    const found = words(MAX_COMPLETIONS + 1, 'ma');
    const q = boundQuery(parseSearchQuery('data ma'), found);
    const first = found.slice(0, MAX_COMPLETIONS).map((w) => `"${w}"`);
    expect(q.all?.match).toBe(`"data" AND (${first.join(' OR ')})`);
    expect(q.all?.match).not.toContain('*');
    expect(q.all?.match).not.toContain(found[MAX_COMPLETIONS]);
  });

  it('when no indexed word starts with the prefix, then the word is searched as typed', () => {
    expect(boundQuery(parseSearchQuery('zebra'), []).all?.match).toBe('"zebra"');
  });

  it('when a query is bounded, then its titled expression requires a term in title or tags on top of the match', () => {
    const q = boundQuery(parseSearchQuery('sql joins'), ['joins']);
    expect(q.all?.titled).toBe('("sql" AND ("joins")) AND {title tags}: ("sql" OR ("joins"))');
    expect(q.any?.titled).toBe('("sql" OR ("joins")) AND {title tags}: ("sql" OR ("joins"))');
    expect(boundQuery(parseSearchQuery('sql'), ['sql']).all?.titled).toBe(
      '(("sql")) AND {title tags}: ("sql")',
    );
  });

  it('when the query has no terms, then there is nothing to search', () => {
    expect(boundQuery(parseSearchQuery('***'), [])).toEqual({ all: null, any: null });
  });
});
