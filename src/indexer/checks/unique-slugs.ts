// One article per `lang/slug`: versions already published keep their slug, then files in path order.
import type { Report, Version } from './version.js';

export function placeUnique(
  versions: Version[],
  report: Report,
  rejected: Set<string>,
): { registry: Map<string, Version>; placed: Version[] } {
  const registry = new Map<string, Version>();
  const placed: Version[] = [];
  versions.sort((a, b) => Number(a.fresh) - Number(b.fresh) || (a.path < b.path ? -1 : 1));
  for (const v of versions) {
    const key = `${v.lang}/${v.slug}`;
    const holder = registry.get(key);
    if (holder && holder.path !== v.path) {
      report(
        v,
        v.lines.slug ? 'slug' : 1,
        'duplicate-slug',
        `the slug "${v.slug}" is already used by ${holder.path}`,
        'give this article another slug: key',
      );
      if (v.fresh) rejected.add(v.path);
      continue;
    }
    registry.set(key, v);
    placed.push(v);
  }
  return { registry, placed };
}
