// Related-article scoring at index time: shared category and tags, a BM25-style overlap of key terms, and
// recency. Work per article is bounded (a few terms, capped posting lists), so the cost grows linearly;
// a long-lived process updates the index per changed article instead of rebuilding it.

export interface RelatedInput {
  id: number;
  lang: string;
  category: string;
  tags: readonly string[];
  /** Key terms as [term id, count, …] (lib/intern.ts). */
  terms: PackedTerms;
  publishedAt: number;
}

export interface Scored {
  id: number;
  score: number;
}

import type { PackedTerms } from '../lib/intern.js';
import { buildPostings, removeArticle, upsertArticle, type Built } from './related-postings.js';

export const RELATED_KEEP = 12;
/** Tags shared by more articles than this say little about any one of them. */
const MAX_TAG_POSTING = 2000;
const DAY = 86_400_000;

const sat = (c: number) => (c * 2.2) / (c + 1.2);

/**
 * The related-terms index over every article, by article id. A long-lived process keeps it between runs
 * and updates it per changed article (remove, upsert) instead of rebuilding it: term weights (idf) of the
 * articles left alone stay as they were when it was built, so it is rebuilt once enough has changed.
 */
export interface RelatedIndex {
  readonly size: number;
  /** Articles removed or upserted since the index was built. */
  readonly drift: number;
  has(id: number): boolean;
  score(id: number): Scored[];
  /** Ids of the articles that share a followed term or a tag with this one (its possible neighbours). */
  neighbours(id: number): Set<number>;
  /** The score article `other` would get in article `id`'s list (cheap: no candidate search). */
  pair(id: number, other: number): number;
  remove(id: number): void;
  upsert(item: RelatedInput): void;
}

/** The score article j would get in article i's list (cheap: no candidate search). */
function pairScore(b: Built, i: number, j: number): number {
  const x = b.items[i] as RelatedInput;
  const y = b.items[j] as RelatedInput;
  if (x.lang !== y.lang || i === j) return -Infinity;
  const other = new Map<number, number>();
  for (let k = 0; k < y.terms.length; k += 2) other.set(y.terms[k] as number, y.terms[k + 1] as number);
  let self = 0;
  let text = 0;
  for (const [t, c, w] of b.followed[i] ?? []) {
    self += w * sat(c) * sat(c);
    const oc = other.get(t);
    if (oc !== undefined) text += w * sat(c) * sat(oc);
  }
  let score = self > 0 ? (text * 4) / self : 0;
  for (const tag of x.tags)
    if (y.tags.includes(tag) && (b.tagPostings.get(tag)?.length ?? 0) <= MAX_TAG_POSTING) score += 2;
  if (x.category === y.category) score += 3;
  return score + Math.exp(-Math.abs(x.publishedAt - y.publishedAt) / (365 * DAY));
}

function neighboursOf(b: Built, i: number): Set<number> {
  const out = new Set<number>();
  for (const [t] of b.followed[i] ?? []) for (const j of b.postings.get(t)?.docs ?? []) out.add(j);
  for (const tag of b.items[i]?.tags ?? []) {
    const list = b.tagPostings.get(tag) ?? [];
    if (list.length <= MAX_TAG_POSTING) for (const j of list) out.add(j);
  }
  out.delete(i);
  return out;
}

/** Text and tag overlap of article i with every candidate, into b.scores (b.touched lists them). */
function accumulate(b: Built, i: number): void {
  const { scores, touched } = b;
  const add = (j: number, s: number) => {
    if (scores[j] === 0) touched.push(j);
    scores[j] = (scores[j] ?? 0) + s;
  };
  let self = 0;
  for (const [t, c, w] of b.followed[i] ?? []) {
    self += w * sat(c) * sat(c);
    // A term that has since become too common (an upsert passed the cap) has no posting any more.
    const p = b.postings.get(t);
    if (!p) continue;
    for (let k = 0; k < p.docs.length; k++) {
      const j = p.docs[k] as number;
      if (j !== i) add(j, w * sat(c) * sat(p.counts[k] as number));
    }
  }
  // Text similarity is scaled to 0..4 so it weighs like two shared tags at most.
  const norm = self > 0 ? 4 / self : 0;
  for (const j of touched) scores[j] = (scores[j] ?? 0) * norm;
  for (const tag of (b.items[i] as RelatedInput).tags) {
    const list = b.tagPostings.get(tag) ?? [];
    if (list.length > MAX_TAG_POSTING) continue;
    for (const j of list) if (j !== i) add(j, 2);
  }
}

/** Article i's best RELATED_KEEP, by insertion into a short sorted list (no sort of all candidates). */
function scoreOf(b: Built, i: number): Scored[] {
  accumulate(b, i);
  const item = b.items[i] as RelatedInput;
  const best: Scored[] = [];
  for (const j of b.touched) {
    const other = b.items[j] as RelatedInput;
    const base = b.scores[j] ?? 0;
    b.scores[j] = 0;
    if (other.lang !== item.lang) continue;
    const category = other.category === item.category ? 3 : 0;
    const score = base + category + Math.exp(-Math.abs(other.publishedAt - item.publishedAt) / (365 * DAY));
    const last = best[best.length - 1];
    if (
      best.length === RELATED_KEEP &&
      last &&
      (score < last.score || (score === last.score && other.id > last.id))
    )
      continue;
    let at = best.length;
    while (at > 0) {
      const prev = best[at - 1] as Scored;
      if (prev.score > score || (prev.score === score && prev.id < other.id)) break;
      at--;
    }
    best.splice(at, 0, { id: other.id, score });
    if (best.length > RELATED_KEEP) best.pop();
  }
  b.touched.length = 0;
  return best;
}

export function buildRelatedIndex(items: readonly RelatedInput[]): RelatedIndex {
  const b = buildPostings(items);
  const slot = (id: number) => b.slotOf.get(id) ?? -1;
  const idsOf = (slots: Set<number>) => new Set([...slots].map((j) => (b.items[j] as RelatedInput).id));
  return {
    get size() {
      return b.slotOf.size;
    },
    get drift() {
      return b.drift;
    },
    has: (id) => b.slotOf.has(id),
    score: (id) => (b.slotOf.has(id) ? scoreOf(b, slot(id)) : []),
    neighbours: (id) => (b.slotOf.has(id) ? idsOf(neighboursOf(b, slot(id))) : new Set()),
    pair: (id, other) =>
      b.slotOf.has(id) && b.slotOf.has(other) ? pairScore(b, slot(id), slot(other)) : -Infinity,
    remove: (id) => removeArticle(b, id),
    upsert: (it) => upsertArticle(b, it),
  };
}

/** Scores every article (or only the ids in `only`) against its candidates, keeping the best RELATED_KEEP. */
export function computeRelated(
  items: readonly RelatedInput[],
  only?: ReadonlySet<number>,
): Map<number, Scored[]> {
  const index = buildRelatedIndex(items);
  const out = new Map<number, Scored[]>();
  for (const item of items) if (!only || only.has(item.id)) out.set(item.id, index.score(item.id));
  return out;
}
