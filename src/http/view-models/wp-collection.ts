// Filtering, sorting and paging of the small collections (terms, users, courses) that are read whole.
import { WpRestError } from './wp-errors.js';
import type { Common } from './wp-queries.js';

export interface Page<T> {
  items: T[];
  total: number;
  pages: number;
}

export interface Listable {
  id: number;
  slug: string;
  /** Text that `search` looks into (case-insensitive substring, as WordPress's LIKE search). */
  searchText: string;
}

export function filterCommon<T extends Listable>(items: readonly T[], q: Common): T[] {
  const needle = q.search?.trim().toLowerCase() ?? '';
  return items.filter(
    (it) =>
      (q.include === null || q.include.includes(it.id)) &&
      (q.exclude === null || !q.exclude.includes(it.id)) &&
      (q.slugs === null || q.slugs.includes(it.slug)) &&
      (needle === '' || it.searchText.toLowerCase().includes(needle)),
  );
}

export function sortList<T>(
  items: T[],
  key: (t: T) => string | number,
  order: 'asc' | 'desc',
  tie: (t: T) => number,
): T[] {
  const dir = order === 'asc' ? 1 : -1;
  return items.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), 'en', { sensitivity: 'base' });
    return (c || tie(a) - tie(b)) * dir;
  });
}

/** Orders by position in a list (`orderby=include` / `include_slugs`). */
export function positionIn<T>(list: readonly T[] | null, value: T): number {
  const i = list?.indexOf(value) ?? -1;
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
}

/**
 * Pages a collection. Post collections answer a page past the end with `rest_post_invalid_page_number`;
 * term and user collections answer it with an empty list, as WordPress does.
 */
export function pageOf<T>(items: readonly T[], page: number, perPage: number, strict: boolean): Page<T> {
  const total = items.length;
  const pages = Math.ceil(total / perPage);
  if (strict) assertPageInRange(page, pages, total);
  return { items: items.slice((page - 1) * perPage, page * perPage), total, pages };
}

export function assertPageInRange(page: number, pages: number, total: number): void {
  if (page > pages && total > 0)
    throw new WpRestError(
      400,
      'rest_post_invalid_page_number',
      'The page number requested is larger than the number of pages available.',
    );
}
