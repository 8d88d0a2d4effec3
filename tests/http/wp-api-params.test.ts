import { describe, expect, it } from 'vitest';
import { WpRestError } from '../../src/http/view-models/wp-errors.js';
import { ParamReader, wpList } from '../../src/http/view-models/wp-params.js';
import { readPostQuery } from '../../src/http/view-models/wp-queries.js';

function errorOf(fn: () => unknown): ReturnType<WpRestError['body']> {
  try {
    fn();
  } catch (error) {
    if (error instanceof WpRestError) return error.body();
  }
  throw new Error('expected a WpRestError');
}

describe('WordPress parameters', () => {
  it('when lists come as commas, spaces or repeated name[] parameters, then all values are read', () => {
    const r = new ParamReader({ categories: '1, 2', 'categories[]': ['3', '4'], slug: 'a,b' });
    expect(r.intList('categories')).toEqual([1, 2, 3, 4]);
    expect(r.stringList('slug')).toEqual(['a', 'b']);
    expect(r.intList('tags')).toBeNull();
  });

  it('when several parameters are bad, then one rest_invalid_param error names them all', () => {
    const body = errorOf(() => readPostQuery({ page: '-1', per_page: '500', order: 'up' }, ['en']));
    expect(body.code).toBe('rest_invalid_param');
    expect(body.message).toBe('Invalid parameter(s): page, per_page, order');
    expect(body.data).toMatchObject({ status: 400, details: { per_page: { code: 'rest_out_of_bounds' } } });
  });

  it('when nothing is given, then WordPress defaults apply', () => {
    const q = readPostQuery({}, ['en', 'fr']);
    expect(q).toMatchObject({ page: 1, perPage: 10, order: 'desc', orderby: 'date', nothing: false });
    expect(q.filter.lang).toBeNull();
  });

  it("when the enum list is long, then it reads like WordPress's", () => {
    expect(wpList(['asc', 'desc'])).toBe('asc and desc');
    expect(wpList(['a', 'b', 'c'])).toBe('a, b, and c');
  });
});
