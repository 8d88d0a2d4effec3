// Reading other engines' front matter values the way they meant them: dates in their many spellings, a tag
// string or a list, a name or an object with a name, an image as a path or {src, alt}.
import { parseIsoDate } from '../../lib/dates.js';
import { slugify } from '../../lib/slug.js';

/** An ISO date or date-time Folio accepts, from a string, a YAML/TOML date or a number of seconds; else null. */
export function isoDate(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const text = value.toISOString();
    return parseIsoDate(text) === null ? null : text;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (parseIsoDate(text) !== null) return text;
  // Jekyll and Hugo write "2024-03-01 10:30:00 +0100" or "2024-03-01T10:30:00+0100".
  const spaced = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text,
  );
  if (spaced) {
    const candidate = `${spaced[1] ?? ''}T${spaced[2] ?? ''}${spaced[3] ?? ''}`;
    if (parseIsoDate(candidate) !== null) return candidate;
  }
  const ms = Date.parse(text);
  return /\d{4}/.test(text) && !Number.isNaN(ms) ? new Date(ms).toISOString() : null;
}

/** A list of non-empty strings from a list, or a scalar split on commas (or spaces when it has none). */
export function stringList(value: unknown): string[] {
  if (Array.isArray(value))
    return value
      .flatMap((v) => (typeof v === 'string' || typeof v === 'number' ? [String(v).trim()] : []))
      .filter(Boolean);
  if (typeof value !== 'string') return [];
  const parts = value.includes(',') ? value.split(',') : value.split(/\s+/);
  return parts.map((p) => p.trim()).filter(Boolean);
}

export const textOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** A person as Docusaurus and others write one: `jane`, `{ name: Jane, ... }`, or the first of a list. */
export function people(value: unknown): { slug: string; name: string }[] {
  const list = Array.isArray(value)
    ? (value as unknown[])
    : value === undefined || value === null
      ? []
      : [value];
  return list
    .flatMap((p) => {
      if (typeof p === 'string' && p.trim()) return [{ slug: slugify(p), name: p.trim() }];
      if (p && typeof p === 'object') {
        const o = p as Record<string, unknown>;
        const name = textOf(o.name) ?? textOf(o.title);
        const key = textOf(o.key) ?? textOf(o.slug) ?? name;
        if (name && key) return [{ slug: slugify(key), name }];
      }
      return [];
    })
    .filter((p) => p.slug !== '');
}

/** A featured image as `path`, `{ src | image | url, alt }` (Astro, Hugo themes' cover), with its alt if given. */
export function imageOf(value: unknown): { src: string; alt: string | null } | null {
  const src = textOf(value);
  if (src) return { src, alt: null };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  const inner = textOf(o.src) ?? textOf(o.image) ?? textOf(o.url);
  return inner ? { src: inner, alt: textOf(o.alt) } : null;
}

/** `published: false`, `draft: true` or `draft: "true"`. */
export function isDraft(data: Record<string, unknown>): boolean {
  const yes = (v: unknown) => v === true || v === 'true' || v === 'yes';
  const no = (v: unknown) => v === false || v === 'false' || v === 'no';
  return yes(data.draft) || no(data.published);
}
