// What WordPress does to an object after shaping it: `context=embed` trims it, `_embed` adds `_embedded`,
// `_fields` keeps only the listed (dotted) fields; and the prev/next Link header of a paged collection.
import type { WpObject } from './wp-post.js';

export type WpKind = 'post' | 'course' | 'term' | 'user';

const EMBED_FIELDS: Record<WpKind, readonly string[]> = {
  post: ['id', 'date', 'slug', 'type', 'link', 'title', 'excerpt', 'author', 'featured_media', '_links'],
  course: ['id', 'date', 'slug', 'type', 'link', 'title', 'excerpt', 'featured_media', '_links'],
  term: ['id', 'link', 'name', 'slug', 'taxonomy', '_links'],
  user: ['id', 'name', 'url', 'description', 'link', 'slug', 'avatar_urls', '_links'],
};

export interface ShapeOptions {
  context: 'view' | 'embed';
  /** `_fields`: null keeps every field. */
  fields: readonly string[] | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Keeps only the listed fields; `title.rendered` keeps `{ title: { rendered } }`, as WordPress does. */
export function pickFields(obj: WpObject, fields: readonly string[]): WpObject {
  const out: WpObject = {};
  for (const field of fields) {
    const parts = field.split('.');
    let src: unknown = obj;
    let dst: Record<string, unknown> = out;
    parts.forEach((key, i) => {
      if (!isObject(src) || !(key in src)) {
        src = undefined;
        return;
      }
      if (i === parts.length - 1) {
        dst[key] = src[key];
        return;
      }
      const next = dst[key];
      const child: Record<string, unknown> = isObject(next) ? next : {};
      dst[key] = child;
      dst = child;
      src = src[key];
    });
  }
  return out;
}

export function shape(obj: WpObject, kind: WpKind, options: ShapeOptions, embedded?: WpObject): WpObject {
  let out = options.context === 'embed' ? pickFields(obj, EMBED_FIELDS[kind]) : obj;
  if (embedded && Object.keys(embedded).length > 0) out = { ...out, _embedded: embedded };
  return options.fields ? pickFields(out, options.fields) : out;
}

/** `Link: <…?page=1>; rel="prev", <…?page=3>; rel="next"`, keeping the request's other parameters. */
export function pageLinks(collectionUrl: string, search: string, page: number, pages: number): string | null {
  const links: string[] = [];
  const at = (n: number) => {
    const params = new URLSearchParams(search);
    params.set('page', String(n));
    return `<${collectionUrl}?${params.toString()}>`;
  };
  if (page > 1) links.push(`${at(Math.min(page - 1, Math.max(pages, 1)))}; rel="prev"`);
  if (pages > page) links.push(`${at(page + 1)}; rel="next"`);
  return links.length ? links.join(', ') : null;
}
