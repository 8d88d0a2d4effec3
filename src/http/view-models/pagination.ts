// Pagination arithmetic for archives and search: page numbers, bounds and prev/next URLs.
import { pagePath } from '../../lib/urls.js';

export const PER_PAGE = 12;

export interface Pagination {
  page: number;
  pages: number;
  total: number;
  offset: number;
  prevUrl: string | null;
  nextUrl: string | null;
}

/** `base` is the archive root (e.g. /en/category/data); page n > 1 lives at base/page/n. Returns null past the end. */
export function paginate(base: string, page: number, total: number, perPage = PER_PAGE): Pagination | null {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (!Number.isInteger(page) || page < 1 || page > pages) return null;
  const url = (n: number) => pagePath(base, n);
  return {
    page,
    pages,
    total,
    offset: (page - 1) * perPage,
    prevUrl: page > 1 ? url(page - 1) : null,
    nextUrl: page < pages ? url(page + 1) : null,
  };
}

/** Parses a `/page/<n>` segment strictly: digits only, no leading zeros. */
export function parsePageParam(raw: string | undefined): number | null {
  if (raw === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) return null;
  return Number(raw);
}
