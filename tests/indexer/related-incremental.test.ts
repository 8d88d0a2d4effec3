// A property of the related lists: after any sequence of edits, the lists small (incremental) re-indexes
// leave behind are the lists a full rebuild of the same files computes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.js';
import { openMigrated } from '../../src/db/database.js';
import { indexContent } from '../../src/indexer/index-content.js';
import { IndexMemo } from '../../src/indexer/memo.js';
import { RenderPool } from '../../src/indexer/render-pool.js';
import { SAMPLE_NOW } from '../helpers/clock.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';
import { prng } from '../../src/bench/corpus.js';

/** The benchmark corpus's seeded generator (mulberry32), so a failure replays exactly. */
const random = prng;

const SEED = 16_2026;
const STEPS = 40;
// Bodies of stop words only, so no article has key terms: term weights depend on the whole corpus, and how
// far an incremental run lets them drift from a full rebuild is an open question (issue 16's closing note).
// Tags, categories, dates, drafts, additions and deletions exercise which lists an incremental run rewrites.
const WORDS = ['the', 'and', 'with', 'about', 'which', 'there', 'would', 'other', 'these', 'between'];
// Two letters: too short to count as key terms themselves.
const TAGS = ['sq', 'py', 'cl', 'ml', 'ca', 'dv', 'dk', 'sp', 'll', 'gt'];
const CATEGORIES = ['news', 'guides'];

const rand = random(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const some = <T>(list: readonly T[], n: number): T[] => Array.from({ length: n }, () => pick(list));

let serial = 0;
/** A new article file: its own day (so recency never ties), random tags, category and key words. */
function randomArticle(slug: string): string {
  serial++;
  const day = new Date(Date.UTC(2024, 0, 1) + serial * 86_400_000).toISOString().slice(0, 10);
  const body = `${some(WORDS, 20).join(' ')}.\n`;
  return article(
    {
      title: `Article ${slug}`,
      slug,
      date: day,
      category: pick(CATEGORIES),
      tags: [...new Set(some(TAGS, 3))],
    },
    body,
  );
}

/**
 * Each article's related list as readers get it: slugs in order (ids differ between two databases). Scores
 * are left out on purpose: term weights depend on the whole corpus, so any edit moves every stored score a
 * little, and only the lists an edit can reorder are rewritten. Entries with exactly the same score are
 * ordered by id, and ids depend on the order articles were first indexed, so a tie is written as one
 * group ("a=b") rather than as an order.
 */
function relatedLists(db: Db): Record<string, string[]> {
  const rows = db
    .prepare<[], { slug: string; other: string; score: number }>(
      `SELECT a.slug, b.slug AS other, r.score FROM related r
       JOIN articles a ON a.id = r.article_id JOIN articles b ON b.id = r.related_id
       ORDER BY a.slug, r.rank`,
    )
    .all();
  const lists: Record<string, { score: number; slugs: string[] }[]> = {};
  for (const r of rows) {
    const groups = (lists[r.slug] ??= []);
    const last = groups.at(-1);
    if (last && last.score === r.score) last.slugs.push(r.other);
    else groups.push({ score: r.score, slugs: [r.other] });
  }
  return Object.fromEntries(
    Object.entries(lists).map(([slug, groups]) => [slug, groups.map((g) => g.slugs.sort().join('='))]),
  );
}

let site: TestSite;
let pool: RenderPool;
const live = new Set<string>();

beforeAll(async () => {
  const files: Record<string, string> = {};
  // More articles than a list keeps (12), so edits push entries in and out of other lists.
  for (let i = 1; i <= 30; i++) {
    const slug = `a${i}`;
    files[`articles/${slug}.md`] = randomArticle(slug);
    live.add(slug);
  }
  site = await createTestSite({ sample: false, files });
  pool = new RenderPool({ size: 1, timeoutMs: site.config.renderTimeoutMs });
});
afterAll(async () => {
  await pool.close();
  await site.close();
});

const indexInto = (db: Db, memo?: IndexMemo) =>
  indexContent(db, {
    contentDir: site.contentDir,
    maxFileBytes: site.config.maxFileBytes,
    pool,
    siteUrl: site.config.siteUrl,
    now: SAMPLE_NOW,
    ...(memo ? { memo } : {}),
  });

async function fullRebuild(): Promise<Record<string, string[]>> {
  const fresh = openMigrated(':memory:');
  try {
    await indexInto(fresh);
    return relatedLists(fresh);
  } finally {
    fresh.close();
  }
}

describe('related lists after edits', () => {
  it(`when random edits of tags, categories, dates, drafts, additions and deletions are indexed one run at a time (seed ${SEED}), then every list equals a full rebuild's`, async () => {
    expect(Object.keys(relatedLists(site.db))).toHaveLength(30);
    // The same edits indexed as `npm run dev` does: the related index kept in memory between runs.
    const kept = openMigrated(':memory:');
    const memo = new IndexMemo();
    await indexInto(kept, memo);
    let reused = 0;
    for (let step = 1; step <= STEPS; step++) {
      const edits: string[] = [];
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
        const kind = pick(['rewrite', 'rewrite', 'add', 'delete', 'draft']);
        const slug = kind === 'add' ? `n${step}-${n}` : pick([...live]);
        if (kind === 'delete' && live.size > 24) {
          site.write({ [`articles/${slug}.md`]: null });
          live.delete(slug);
        } else if (kind === 'draft') {
          site.write({
            [`articles/${slug}.md`]: randomArticle(slug).replace('\n---\n', '\ndraft: true\n---\n'),
          });
        } else {
          site.write({ [`articles/${slug}.md`]: randomArticle(slug) });
          live.add(slug);
        }
        edits.push(`${kind} ${slug}`);
      }
      const report = await site.reindex();
      expect(report.rendered + report.removed, edits.join(', ')).toBeGreaterThan(0);
      const full = await fullRebuild();
      expect(relatedLists(site.db), `step ${step}: ${edits.join(', ')}`).toEqual(full);
      const before = memo.related;
      await indexInto(kept, memo);
      if (before && memo.related === before) reused++;
      expect(relatedLists(kept), `kept index, step ${step}: ${edits.join(', ')}`).toEqual(full);
    }
    // Most runs updated the kept index rather than building a new one.
    expect(reused).toBeGreaterThan(STEPS / 2);
    kept.close();
  });
});

describe('a long-lived process starting on an up-to-date index', () => {
  it('when its first run finds nothing changed, then it still builds the kept state, and the first saved file reuses it', async () => {
    const db = openMigrated(':memory:');
    await indexInto(db); // an earlier process (or npm run index) left the index up to date
    const listsBefore = relatedLists(db);
    const memo = new IndexMemo();
    const first = await indexInto(db, memo);
    expect({ rendered: first.rendered, removed: first.removed }).toEqual({ rendered: 0, removed: 0 });
    expect(relatedLists(db)).toEqual(listsBefore);
    const kept = memo.related;
    expect(kept).not.toBeNull();
    expect(memo.checks).not.toBeNull();

    const slug = [...live][0] as string;
    site.write({ [`articles/${slug}.md`]: randomArticle(slug) });
    await site.reindex();
    const saved = await indexInto(db, memo);
    expect(saved.rendered).toBe(1);
    expect(memo.related).toBe(kept); // updated in place, not built again
    expect(relatedLists(db)).toEqual(await fullRebuild());
    db.close();
  });
});
