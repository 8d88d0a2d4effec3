// How each WordPress collection sorts: `orderby` values as data, one key function each. A value the
// query accepts but the table does not name (users' registered_date, email) sorts by the fallback.
import type { CourseRow } from '../../db/site-repo.js';
import type { WpTermRow, WpUserRow } from '../../db/wp-repo.js';
import { positionIn } from './wp-collection.js';
import type { ListQuery } from './wp-queries.js';

type Key<T> = (row: T, q: ListQuery) => string | number;

export interface OrderTable<T> {
  keys: Readonly<Record<string, Key<T>>>;
  fallback: Key<T>;
}

export const TERM_ORDER: OrderTable<WpTermRow> = {
  keys: {
    id: (r) => r.id,
    include: (r, q) => positionIn(q.include, r.id),
    slug: (r) => r.slug,
    include_slugs: (r, q) => positionIn(q.slugs, r.slug),
    description: (r) => r.description,
    count: (r) => r.count,
    term_group: () => 0,
  },
  fallback: (r) => r.name,
};

export const USER_ORDER: OrderTable<WpUserRow> = {
  keys: {
    include: (u, q) => positionIn(q.include, u.id),
    slug: (u) => u.slug,
    include_slugs: (u, q) => positionIn(q.slugs, u.slug),
    url: (u) => u.url ?? '',
    name: (u) => u.name,
  },
  fallback: (u) => u.id,
};

export const COURSE_ORDER: OrderTable<CourseRow> = {
  keys: {
    id: (c) => c.id,
    title: (c) => c.title,
    slug: (c) => c.slug,
    include: (c, q) => positionIn(q.include, c.id),
  },
  fallback: (c) => c.modified_at,
};

/** The sort key of a row for this query's `orderby`. */
export function orderKey<T>(table: OrderTable<T>, q: ListQuery): (row: T) => string | number {
  const key = Object.hasOwn(table.keys, q.orderby) ? (table.keys[q.orderby] as Key<T>) : table.fallback;
  return (row) => key(row, q);
}
