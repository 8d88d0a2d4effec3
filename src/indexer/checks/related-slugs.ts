// `related:` names articles of the same language; an unknown slug is reported with the closest one.
import { closestSlug } from './did-you-mean.js';
import type { Report, Version } from './version.js';

export function checkRelatedSlugs(v: Version, registry: ReadonlyMap<string, Version>, report: Report): void {
  for (const slug of v.related) {
    if (registry.has(`${v.lang}/${slug}`)) continue;
    const guess = closestSlug(slug, v.lang, registry.keys());
    report(
      v,
      'related',
      'unknown-related',
      `related article "${slug}" does not exist in language ${v.lang}`,
      guess ? `did you mean "${guess}"?` : 'use the slug of an existing article',
    );
  }
}
