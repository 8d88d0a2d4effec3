// Related-article scoring at index time: shared category and tags, BM25-style term overlap, and recency.

export interface RelatedInput {
  id: number;
  lang: string;
  category: string;
  tags: readonly string[];
  terms: readonly (readonly [string, number])[];
  publishedAt: number;
}

export const RELATED_KEEP = 12;
const DAY = 86_400_000;

/**
 * Scores every article against the candidates that share a term or a tag with it, keeping the best
 * RELATED_KEEP. Terms that occur in more than a fifth of the corpus carry too little signal to follow.
 */
export function computeRelated(
  items: readonly RelatedInput[],
  only?: ReadonlySet<number>,
): Map<number, { id: number; score: number }[]> {
  const byTerm = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const [t] of item.terms) (byTerm.get(t) ?? byTerm.set(t, []).get(t))?.push(i);
    for (const t of item.tags) (byTag.get(t) ?? byTag.set(t, []).get(t))?.push(i);
  });
  const n = items.length;
  const maxDf = Math.max(5, Math.floor(n / 5));
  const idf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const tfMaps = items.map((it) => new Map(it.terms.map(([t, c]) => [t, c] as const)));
  const sat = (c: number) => (c * 2.2) / (c + 1.2);
  const out = new Map<number, { id: number; score: number }[]>();

  items.forEach((item, i) => {
    if (only && !only.has(item.id)) return;
    const scores = new Map<number, number>();
    let selfText = 0;
    for (const [t, c] of item.terms) {
      const posting = byTerm.get(t) ?? [];
      if (posting.length > maxDf) continue;
      const w = idf(posting.length);
      selfText += w * sat(c) * sat(c);
      for (const j of posting) {
        if (j === i) continue;
        const other = tfMaps[j]?.get(t) ?? 0;
        scores.set(j, (scores.get(j) ?? 0) + w * sat(c) * sat(other));
      }
    }
    // Normalise text similarity to 0..4 so it weighs like two shared tags at most.
    const norm = selfText > 0 ? 4 / selfText : 0;
    for (const [j, s] of scores) scores.set(j, s * norm);
    for (const t of item.tags)
      for (const j of byTag.get(t) ?? []) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + 2);
    const ranked: { id: number; score: number }[] = [];
    for (const [j, base] of scores) {
      const other = items[j] as RelatedInput;
      if (other.lang !== item.lang) continue;
      const category = other.category === item.category ? 3 : 0;
      const recency = Math.exp(-Math.abs(other.publishedAt - item.publishedAt) / (365 * DAY));
      ranked.push({ id: other.id, score: base + category + recency });
    }
    ranked.sort((a, b) => b.score - a.score || a.id - b.id);
    out.set(item.id, ranked.slice(0, RELATED_KEEP));
  });
  return out;
}
