// Route parameter guards shared by routers: a path that does not fit is a 404, never a 500.
import { NotFoundError } from '../../errors.js';
import { isSlug, isTagSlug } from '../../lib/slug.js';
import type { Ctx } from '../context.js';
import { parsePageParam } from '../view-models/pagination.js';

export function requireLang(ctx: Ctx, raw: string | undefined): string {
  if (raw === undefined || !ctx.languages().includes(raw)) throw new NotFoundError();
  return raw;
}

export function requireSlug(raw: string | undefined): string {
  if (raw === undefined || !isSlug(raw)) throw new NotFoundError();
  return raw;
}

/** A tag slug: Unicode letters are allowed, but only in the form `tagSlug` makes (lower case, NFC). */
export function requireTagSlug(raw: string | undefined): string {
  if (raw === undefined || !isTagSlug(raw)) throw new NotFoundError();
  return raw;
}

export function requirePage(raw: string | undefined): number {
  const page = parsePageParam(raw);
  if (page === null) throw new NotFoundError();
  return page;
}
