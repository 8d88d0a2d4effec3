// Step 5b: related lists after a run. A few changed articles recompute only the lists they can affect
// (their own, those that mention them, and neighbours they would now enter); many changes recompute all.
// A long-lived process passes the index it kept from its last run, updated here per changed article
// rather than rebuilt over the whole site; it is rebuilt once enough has changed since it was built.
import type { StoredArticle } from '../db/stored-article.js';
import {
  buildRelatedIndex,
  RELATED_KEEP,
  type RelatedIndex,
  type RelatedInput,
  type Scored,
} from './related.js';

/** Up to this many changed articles, only the related lists they can affect are recomputed. */
export const INCREMENTAL_RELATED_MAX = 200;

/** A kept index is rebuilt once this share of the site changed since it was built (term weights drift). */
const DRIFT_SHARE = 0.05;
const DRIFT_MIN = 100;

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

/** Ids of the lists that one of `touched` can change. */
function affectedLists(store: RelatedStore, index: RelatedIndex, touched: ReadonlySet<number>): number[] {
  const affected = new Set<number>(store.relatedHolders([...touched]));
  const candidates = new Map<number, number[]>();
  for (const id of touched) {
    if (!index.has(id)) continue;
    affected.add(id);
    for (const j of index.neighbours(id)) {
      const list = candidates.get(j);
      if (list) list.push(id);
      else candidates.set(j, [id]);
    }
  }
  const floors = store.relatedFloors([...candidates.keys()]);
  for (const [j, from] of candidates) {
    if (affected.has(j)) continue;
    const floor = floors.get(j);
    // A neighbour's list changes only if a touched article now scores above the weakest entry it keeps.
    if (!floor || floor.n < RELATED_KEEP || from.some((i) => index.pair(j, i) >= floor.floor))
      affected.add(j);
  }
  return [...affected].filter((id) => index.has(id));
}

/** The kept index brought up to date with the touched articles, or null when a rebuild is due. */
function updatedIndex(
  kept: RelatedIndex | null,
  current: readonly StoredArticle[],
  touched: ReadonlySet<number>,
): RelatedIndex | null {
  if (!kept || kept.drift + touched.size > Math.max(DRIFT_MIN, kept.size * DRIFT_SHARE)) return null;
  for (const id of touched) kept.remove(id);
  for (const a of current) if (touched.has(a.id)) kept.upsert(relatedInput(a));
  return kept;
}

/** Writes the related lists this run changes; returns the index, for a long-lived process to keep. */
/** The related index of the current articles, built without writing any list (a long-lived process warming up). */
export function relatedIndexOf(current: readonly StoredArticle[]): RelatedIndex {
  return buildRelatedIndex(current.map(relatedInput));
}

export function updateRelated(
  store: RelatedStore,
  current: readonly StoredArticle[],
  touched: ReadonlySet<number>,
  incremental: boolean,
  kept: RelatedIndex | null = null,
): RelatedIndex {
  const few = incremental && touched.size <= INCREMENTAL_RELATED_MAX;
  const index =
    (few ? updatedIndex(kept, current, touched) : null) ?? buildRelatedIndex(current.map(relatedInput));
  const targets = few ? affectedLists(store, index, touched) : current.map((a) => a.id);
  for (const id of targets) store.writeRelated(id, index.score(id));
  return index;
}
