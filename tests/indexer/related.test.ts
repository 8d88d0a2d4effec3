// Related-article scoring: shared tags, category and key terms rank candidates; lists are bounded and
// consistent with the pair scores the incremental re-index relies on.
import { describe, expect, it } from 'vitest';
import {
  buildRelatedIndex,
  computeRelated,
  RELATED_KEEP,
  type RelatedInput,
} from '../../src/indexer/related.js';
import { prng } from '../../src/bench/corpus.js';
import { packTerms } from '../../src/lib/intern.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');

type ItemOver = Partial<Omit<RelatedInput, 'terms'>> & { terms?: readonly (readonly [string, number])[] };

function item(id: number, over: ItemOver = {}): RelatedInput {
  const { terms = [], ...rest } = over;
  return {
    id,
    lang: 'en',
    category: 'news',
    tags: [],
    publishedAt: T0 + id * DAY,
    ...rest,
    terms: packTerms(terms),
  };
}
const ids = (list: { id: number }[] | undefined) => (list ?? []).map((s) => s.id);

describe('computeRelated', () => {
  it('when candidates share a tag, a category or key terms, then more in common ranks higher; never itself or another language', () => {
    const items = [
      item(1, {
        tags: ['sql'],
        terms: [
          ['joins', 3],
          ['index', 2],
        ],
      }),
      item(2, { tags: ['sql'], category: 'guides' }), // a tag
      item(3, { tags: ['sql'] }), // a tag and the category
      item(4, {
        terms: [
          ['joins', 3],
          ['index', 2],
        ],
        category: 'guides',
      }), // the same key terms
      item(5, { tags: ['sql'], lang: 'fr' }), // a tag, another language
      item(6, { category: 'news' }), // the category alone: nothing to find it by
      item(7, { terms: [['joins', 1]], category: 'guides' }),
      item(8, { terms: [['index', 1]], category: 'guides' }),
      item(9, { terms: [['other', 1]] }),
      item(10, { terms: [['other', 1]] }),
    ];
    // A tag (2) and the category (3) outweigh identical key terms (at most 4); a tag alone comes next.
    expect(ids(computeRelated(items).get(1))).toEqual([3, 4, 2, 7, 8]);
  });

  it('when more than 12 candidates qualify, then the best 12 are kept, best first, ties to the lower id', () => {
    const items = [
      item(1, { tags: ['t'] }),
      ...Array.from({ length: 20 }, (_, i) => item(100 + i, { tags: ['t'], publishedAt: T0 })),
    ];
    items[0] = item(1, { tags: ['t'], publishedAt: T0 });
    const list = computeRelated(items).get(1) ?? [];
    expect(list).toHaveLength(RELATED_KEEP);
    expect(ids(list)).toEqual(Array.from({ length: RELATED_KEEP }, (_, i) => 100 + i));
    expect(new Set(list.map((s) => s.score)).size).toBe(1);
  });

  it('when only some ids are asked for, then only their lists are computed', () => {
    const items = [item(1, { tags: ['t'] }), item(2, { tags: ['t'] }), item(3, { tags: ['t'] })];
    expect([...computeRelated(items, new Set([2])).keys()]).toEqual([2]);
  });
});

/** The benchmark corpus's seeded generator (mulberry32), so a failure replays exactly. */
const random = prng;

describe('buildRelatedIndex', () => {
  const rand = random(7);
  const words = ['alpha', 'beta', 'gamma', 'delta', 'omega', 'sigma', 'kappa', 'theta', 'zeta', 'eta'];
  const items = Array.from({ length: 40 }, (_, i) =>
    item(i + 1, {
      lang: rand() < 0.2 ? 'fr' : 'en',
      category: rand() < 0.5 ? 'news' : 'guides',
      tags: ['a', 'b', 'c', 'd'].filter(() => rand() < 0.3),
      terms: words.filter(() => rand() < 0.4).map((w) => [w, 1 + Math.floor(rand() * 4)] as const),
      publishedAt: T0 + Math.floor(rand() * 900) * DAY,
    }),
  );
  const index = buildRelatedIndex(items);

  it('when a list is computed, then each score equals the pair score and each entry is a neighbour', () => {
    for (const { id } of items) {
      const neighbours = index.neighbours(id);
      for (const s of index.score(id)) {
        expect(index.pair(id, s.id)).toBeCloseTo(s.score, 9);
        expect(neighbours.has(s.id)).toBe(true);
      }
    }
  });

  it('when two articles are in different languages or are the same, then their pair score rules them out', () => {
    const fr = items.find((x) => x.lang === 'fr')?.id ?? 0;
    const en = items.find((x) => x.lang === 'en')?.id ?? 0;
    expect(index.pair(fr, en)).toBe(-Infinity);
    expect(index.pair(en, en)).toBe(-Infinity);
  });
});

describe('a kept related index, updated per article', () => {
  const rand = random(11);
  const tagsOf = () => ['a', 'b', 'c', 'd', 'e'].filter(() => rand() < 0.35);
  const catOf = () => (rand() < 0.5 ? 'news' : 'guides');
  const dayOf = () => T0 + Math.floor(rand() * 900) * DAY;
  const start = Array.from({ length: 40 }, (_, i) =>
    item(i + 1, { tags: tagsOf(), category: catOf(), publishedAt: dayOf() }),
  );

  it('when articles are changed, added and removed, then every list equals a fresh build of the same articles', () => {
    const kept = buildRelatedIndex(start);
    const now = new Map(start.map((x) => [x.id, x]));
    for (let step = 0; step < 30; step++) {
      const id = 1 + Math.floor(rand() * 50);
      if (rand() < 0.25 && now.has(id)) {
        kept.remove(id);
        now.delete(id);
      } else {
        const next = item(id, { tags: tagsOf(), category: catOf(), publishedAt: dayOf() });
        kept.upsert(next);
        now.set(id, next);
      }
    }
    const fresh = buildRelatedIndex([...now.values()]);
    expect(kept.size).toBe(now.size);
    for (const id of now.keys()) expect(kept.score(id), `list of ${id}`).toEqual(fresh.score(id));
    expect(kept.drift).toBe(30);
  });

  it('when a new article shares a term only one other article had, then each finds the other', () => {
    const words = Array.from({ length: 30 }, (_, i) => item(i + 1, { terms: [[`common${i % 3}`, 2]] }));
    const kept = buildRelatedIndex([...words, item(31, { terms: [['walrus', 3]], category: 'guides' })]);
    kept.upsert(item(32, { terms: [['walrus', 2]], category: 'guides' }));
    expect(ids(kept.score(32))[0]).toBe(31);
    expect(ids(kept.score(31))[0]).toBe(32);
  });

  it('when an article is removed, then no list names it and it has none', () => {
    const kept = buildRelatedIndex(start);
    const target = ids(kept.score(1))[0] ?? 0;
    kept.remove(target);
    expect(kept.has(target)).toBe(false);
    expect(kept.score(target)).toEqual([]);
    for (const { id } of start) expect(ids(kept.score(id))).not.toContain(target);
  });
});
