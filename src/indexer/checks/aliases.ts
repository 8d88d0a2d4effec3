// `aliases:` are old paths that redirect: one article each (the oldest claiming it), never a real page.
import { RESERVED_PATH } from '../../lib/urls.js';
import type { Report, Version } from './version.js';

const clean = (alias: string) => alias.replace(/\/+$/, '') || '/';

/** Each alias with the article it belongs to: the oldest claim wins, whatever order files are read in. */
export function aliasClaims(placed: readonly Version[]): Map<string, string> {
  const owners = new Map<string, string>();
  const byAge = placed
    .filter((v) => v.aliases.length > 0)
    .sort((a, b) => (a.id ?? Infinity) - (b.id ?? Infinity) || (a.path < b.path ? -1 : 1));
  for (const v of byAge)
    for (const alias of v.aliases) if (!owners.has(clean(alias))) owners.set(clean(alias), v.path);
  return owners;
}

/** Reports collisions; an alias that is a real page is removed from `owners`. */
export function checkAliases(
  v: Version,
  owners: Map<string, string>,
  registry: ReadonlyMap<string, Version>,
  realPage: RegExp,
  report: Report,
): void {
  for (const alias of v.aliases) {
    const path = clean(alias);
    const real =
      realPage.test(path) || RESERVED_PATH.test(path) || registry.has(path.slice(1)) || path === '/';
    const other = owners.get(path);
    if (real) {
      report(
        v,
        'aliases',
        'alias-collision',
        `alias ${alias} is a real page of the site and cannot redirect`,
        'remove it from aliases',
      );
      owners.delete(path);
    } else if (other && other !== v.path)
      report(
        v,
        'aliases',
        'alias-collision',
        `alias ${alias} is already claimed by ${other}`,
        'keep it in one article only',
      );
  }
}
