// The related index's data: articles in reusable slots, term and tag postings, each article's followed
// terms, and the updates a long-lived process applies per changed article (see related.ts for scoring).
import type { RelatedInput } from './related.js';

/** Key terms per article that are followed to find candidates. */
const TERMS_FOLLOWED = 8;
/** Terms shared by more articles than this say little about any one of them. */
const MAX_POSTING = 200;

interface Posting {
  docs: number[];
  counts: number[];
}

/** A followed term of an article: the term id, its count there, and its idf. */
export type Followed = [number, number, number];

/**
 * Articles live in slots (reused after removal) so postings and the scratch scores are small integer
 * arrays. Postings are kept for every term in at most `cap` articles, including terms only one article has
 * yet, so a second article with the term finds the first.
 */
export interface Built {
  items: (RelatedInput | null)[];
  followed: (Followed[] | null)[];
  slotOf: Map<number, number>;
  free: number[];
  df: Map<number, number>;
  postings: Map<number, Posting>;
  tagPostings: Map<string, number[]>;
  cap: number;
  drift: number;
  /** Scratch space for score(): accumulated scores and the slots that have one. */
  scores: Float64Array;
  touched: number[];
}

const idfOf = (n: number, d: number) => Math.log(1 + (n - d + 0.5) / (d + 0.5));

/** The article's best terms: in 2..cap articles, by weight. */
function followedOf(b: Built, it: RelatedInput): Followed[] {
  const n = b.slotOf.size;
  const mine: Followed[] = [];
  for (let k = 0; k < it.terms.length; k += 2) {
    const t = it.terms[k] as number;
    const d = b.df.get(t) ?? 0;
    if (d >= 2 && d <= b.cap) mine.push([t, it.terms[k + 1] as number, idfOf(n, d)]);
  }
  mine.sort((x, y) => y[1] * y[2] - x[1] * x[2]);
  return mine.slice(0, TERMS_FOLLOWED);
}

function place(b: Built, it: RelatedInput): number {
  const slot = b.free.pop() ?? b.items.length;
  b.slotOf.set(it.id, slot);
  b.items[slot] = it;
  if (slot >= b.scores.length) {
    const grown = new Float64Array(Math.ceil((slot + 1) * 1.5));
    grown.set(b.scores);
    b.scores = grown;
  }
  return slot;
}

/** Adds a placed article to the postings (a term that passes the cap stops being followed by anyone new). */
function post(b: Built, slot: number, it: RelatedInput): void {
  for (let k = 0; k < it.terms.length; k += 2) {
    const t = it.terms[k] as number;
    const d = b.df.get(t) ?? 0;
    if (d > b.cap) {
      b.postings.delete(t);
      continue;
    }
    let p = b.postings.get(t);
    if (!p) b.postings.set(t, (p = { docs: [], counts: [] }));
    p.docs.push(slot);
    p.counts.push(it.terms[k + 1] as number);
  }
  for (const tag of it.tags) {
    let list = b.tagPostings.get(tag);
    if (!list) b.tagPostings.set(tag, (list = []));
    list.push(slot);
  }
}

function countTerms(b: Built, it: RelatedInput, by: 1 | -1): void {
  for (let k = 0; k < it.terms.length; k += 2) {
    const t = it.terms[k] as number;
    const d = (b.df.get(t) ?? 0) + by;
    if (d > 0) b.df.set(t, d);
    else b.df.delete(t);
  }
}

function removeFrom(list: number[], slot: number, alongside?: number[]): void {
  const at = list.indexOf(slot);
  if (at < 0) return;
  list.splice(at, 1);
  alongside?.splice(at, 1);
}

function unpost(b: Built, slot: number, it: RelatedInput): void {
  for (let k = 0; k < it.terms.length; k += 2) {
    const t = it.terms[k] as number;
    const p = b.postings.get(t);
    if (!p) continue;
    removeFrom(p.docs, slot, p.counts);
    if (p.docs.length === 0) b.postings.delete(t);
  }
  for (const tag of it.tags) {
    const list = b.tagPostings.get(tag);
    if (!list) continue;
    removeFrom(list, slot);
    if (list.length === 0) b.tagPostings.delete(tag);
  }
}

export function buildPostings(items: readonly RelatedInput[]): Built {
  const b: Built = {
    items: [],
    followed: [],
    slotOf: new Map(),
    free: [],
    df: new Map(),
    postings: new Map(),
    tagPostings: new Map(),
    cap: Math.min(MAX_POSTING, Math.max(5, Math.floor(items.length / 4))),
    drift: 0,
    scores: new Float64Array(items.length),
    touched: [],
  };
  for (const it of items) countTerms(b, it, 1);
  for (const it of items) post(b, place(b, it), it);
  items.forEach((it, slot) => (b.followed[slot] = followedOf(b, it)));
  return b;
}

function detach(b: Built, id: number): boolean {
  const slot = b.slotOf.get(id);
  const it = slot === undefined ? null : b.items[slot];
  if (slot === undefined || !it) return false;
  unpost(b, slot, it);
  countTerms(b, it, -1);
  b.items[slot] = null;
  b.followed[slot] = null;
  b.slotOf.delete(id);
  b.free.push(slot);
  return true;
}

export function removeArticle(b: Built, id: number): void {
  if (detach(b, id)) b.drift++;
}

export function upsertArticle(b: Built, it: RelatedInput): void {
  detach(b, it.id);
  countTerms(b, it, 1);
  const slot = place(b, it);
  post(b, slot, it);
  b.followed[slot] = followedOf(b, it);
  // A term the site had once is now shared: the article that had it alone starts following it.
  for (let k = 0; k < it.terms.length; k += 2) {
    const t = it.terms[k] as number;
    if (b.df.get(t) !== 2) continue;
    for (const other of b.postings.get(t)?.docs ?? [])
      if (other !== slot) b.followed[other] = followedOf(b, b.items[other] as RelatedInput);
  }
  b.drift++;
}
