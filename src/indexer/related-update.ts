// Step 5b: related lists after a run. A few changed articles recompute only the lists they can affect
// (their own, those that mention them, and neighbours they would now enter); many changes recompute all.
import type { StoredArticle } from '../db/index-store.js';
import { buildRelatedIndex, RELATED_KEEP, type RelatedInput, type Scored } from './related.js';

/** Up to this many changed articles, only the related lists they can affect are recomputed. */
export const INCREMENTAL_RELATED_MAX = 200;

export interface RelatedStore {
  relatedHolders(ids: readonly number[]): number[];
  relatedFloors(ids: readonly number[]): Map<number, { n: number; floor: number }>;
  writeRelated(id: number, list: readonly Scored[]): void;
}

function relatedInput(a: StoredArticle): RelatedInput {
  return {
    id: a.id,
    lang: a.lang,
    category: a.category,
    tags: a.tags.map((t) => t.toLowerCase()),
    terms: a.terms,
    publishedAt: a.publishedAt,
  };
}

/** Positions in `current` of the lists that one of `touched` can change. */
function affectedLists(
  store: RelatedStore,
  current: readonly StoredArticle[],
  index: ReturnType<typeof buildRelatedIndex>,
  touched: ReadonlySet<number>,
): number[] {
  const position = new Map(current.map((a, i) => [a.id, i]));
  const affected = new Set<number>(store.relatedHolders([...touched]));
  const candidates = new Map<number, number[]>();
  for (const id of touched) {
    const i = position.get(id);
    if (i === undefined) continue;
    affected.add(id);
    for (const j of index.neighbours(i)) {
      const list = candidates.get(j);
      if (list) list.push(i);
      else candidates.set(j, [i]);
    }
  }
  const floors = store.relatedFloors([...candidates.keys()].map((j) => (current[j] as StoredArticle).id));
  for (const [j, from] of candidates) {
    const id = (current[j] as StoredArticle).id;
    if (affected.has(id)) continue;
    const floor = floors.get(id);
    // A neighbour's list changes only if a touched article now scores above the weakest entry it keeps.
    if (!floor || floor.n < RELATED_KEEP || from.some((i) => index.pair(j, i) >= floor.floor))
      affected.add(id);
  }
  return [...affected].map((id) => position.get(id)).filter((i): i is number => i !== undefined);
}

export function updateRelated(
  store: RelatedStore,
  current: readonly StoredArticle[],
  touched: ReadonlySet<number>,
  incremental: boolean,
): void {
  const index = buildRelatedIndex(current.map(relatedInput));
  const targets =
    incremental && touched.size <= INCREMENTAL_RELATED_MAX
      ? affectedLists(store, current, index, touched)
      : current.keys();
  for (const i of targets) store.writeRelated((current[i] as StoredArticle).id, index.score(i));
}
