// WordPress collections sort by `orderby` through tables of key functions: each value the query accepts
// sorts as WordPress does, and one a table does not name falls back to the collection's default.
import { describe, expect, it } from 'vitest';
import type { WpUserRow } from '../../src/db/wp-repo.js';
import { sortList } from '../../src/http/view-models/wp-collection.js';
import { orderKey, USER_ORDER } from '../../src/http/view-models/wp-order.js';
import { readListQuery } from '../../src/http/view-models/wp-queries.js';

const user = (id: number, slug: string, name: string): WpUserRow => ({
  id,
  slug,
  name,
  bio: '',
  avatar: null,
  url: null,
  count: 0,
});
const users = [user(3, 'ada', 'Ann'), user(1, 'cy', 'Max'), user(2, 'bo', 'Zoe')];
const sorted = (query: Record<string, string>) => {
  const q = readListQuery(query, 'user');
  return sortList([...users], orderKey(USER_ORDER, q), q.order, (u) => u.id).map((u) => u.id);
};

describe('WordPress orderby tables', () => {
  it('when users are listed without orderby, then they sort by name, as WordPress does', () => {
    expect(sorted({})).toEqual([3, 1, 2]);
  });

  it('when orderby names a key, then that key sorts, in the order asked', () => {
    expect(sorted({ orderby: 'slug' })).toEqual([3, 2, 1]);
    expect(sorted({ orderby: 'slug', order: 'desc' })).toEqual([1, 2, 3]);
    expect(sorted({ orderby: 'include', include: '2,3,1' })).toEqual([2, 3, 1]);
  });

  it('when orderby is accepted but not stored here (email), then users sort by id', () => {
    expect(sorted({ orderby: 'email' })).toEqual([1, 2, 3]);
  });
});
