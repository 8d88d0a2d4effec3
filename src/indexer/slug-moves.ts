// Which articles changed their address in this run (same file, or same translation_key in the same
// language), and where an old address leads after every move so far. Pure: placements in, moves out.

/** Where an article lives: its file and its `lang/slug` key. */
export interface Placement {
  path: string;
  lang: string;
  slug: string;
  translationKey: string | null;
}

export interface SlugMove {
  /** The file that moved (after the run). */
  path: string;
  from: { lang: string; slug: string };
  to: { lang: string; slug: string };
}

const keyOf = (p: { lang: string; slug: string }) => `${p.lang}/${p.slug}`;

/**
 * Moves from the index before this run to the articles written in it. A renamed file whose slug also
 * changed is matched by its translation_key, but only when the old file is gone (otherwise they are two
 * articles).
 */
export function detectMoves(
  before: readonly Placement[],
  written: readonly Placement[],
  scannedPaths: ReadonlySet<string>,
): SlugMove[] {
  const byPath = new Map(before.map((b) => [b.path, b]));
  const orphansByKey = new Map<string, Placement>();
  for (const b of before)
    if (b.translationKey && !scannedPaths.has(b.path)) orphansByKey.set(`${b.lang}\n${b.translationKey}`, b);
  const moves: SlugMove[] = [];
  for (const a of written) {
    const old =
      byPath.get(a.path) ??
      (a.translationKey ? orphansByKey.get(`${a.lang}\n${a.translationKey}`) : undefined);
    if (old && keyOf(old) !== keyOf(a))
      moves.push({
        path: a.path,
        from: { lang: old.lang, slug: old.slug },
        to: { lang: a.lang, slug: a.slug },
      });
  }
  return moves;
}

/**
 * Where `start` (a `lang/slug` key that is not an article) leads: the first key along the moves that
 * `exists`, or null. Loops and chains longer than `maxHops` end the search.
 */
export function followMoves(
  start: string,
  moves: ReadonlyMap<string, string>,
  exists: (key: string) => boolean,
  maxHops = 16,
): string | null {
  let key = start;
  const seen = new Set<string>([start]);
  for (let hop = 0; hop < maxHops; hop++) {
    const next = moves.get(key);
    if (next === undefined || seen.has(next)) return null;
    if (exists(next)) return next;
    seen.add(next);
    key = next;
  }
  return null;
}
