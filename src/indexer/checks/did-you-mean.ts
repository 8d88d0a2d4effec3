// The one "did you mean" of the cross-file checks: the closest known name, as a hint or a fallback.
import { closest } from '../../content/zod-problems.js';

/** `did you mean "x"?` for the closest of `known`, or `otherwise` when nothing is close. */
export function didYouMean(value: string, known: Iterable<string>, otherwise: string): string {
  const guess = closest(value, [...known]);
  return guess ? `did you mean "${guess}"?` : otherwise;
}

/** The closest slug of `lang` among registry keys (`lang/slug`), or undefined. */
export function closestSlug(slug: string, lang: string, keys: Iterable<string>): string | undefined {
  const prefix = `${lang}/`;
  const slugs: string[] = [];
  for (const k of keys) if (k.startsWith(prefix)) slugs.push(k.slice(prefix.length));
  return closest(slug, slugs);
}
