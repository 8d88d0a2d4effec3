// A property of the cross-file checks: a long-lived process that re-checks only the articles a change can
// affect (npm run dev keeps the last run's checks) reports exactly what checking every article reports,
// after any sequence of edits — links made and broken, slugs renamed, drafts, related lists, deletions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../../src/bench/corpus.js';
import type { Db } from '../../src/db/connection.js';
import { openMigrated } from '../../src/db/database.js';
import type { ContentProblem } from '../../src/errors.js';
import { indexContent } from '../../src/indexer/index-content.js';
import { IndexMemo } from '../../src/indexer/memo.js';
import { RenderPool } from '../../src/indexer/render-pool.js';
import { SAMPLE_NOW } from '../helpers/clock.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

const SEED = 3_2026;
const STEPS = 30;
const rand = prng(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

/** File name → the slug it has now (a rename changes the slug, not the file). */
const slugs = new Map<string, string>();

function randomArticle(file: string): string {
  const others = [...slugs.values()];
  // Mostly links to articles that exist, some to slugs that never did or no longer do.
  const links = Array.from({ length: 3 }, () =>
    rand() < 0.8 ? pick(others) : `gone-${Math.floor(rand() * 5)}`,
  );
  const body = links.map((s, i) => `See [part ${i}](/en/${s}) for more.`).join('\n\n');
  return article(
    {
      title: `Article ${file}`,
      slug: slugs.get(file),
      draft: rand() < 0.15 ? true : undefined,
      related: rand() < 0.3 ? [pick(others)] : undefined,
    },
    `${body}\n`,
  );
}

let site: TestSite;
let pool: RenderPool;

beforeAll(async () => {
  for (let i = 1; i <= 20; i++) slugs.set(`f${i}`, `s${i}`);
  const files: Record<string, string> = {};
  for (const file of slugs.keys()) files[`articles/${file}.md`] = randomArticle(file);
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

const shown = (problems: readonly ContentProblem[]) =>
  problems.map((p) => `${p.file}:${p.line} ${p.severity} ${p.code} ${p.message} | ${p.hint ?? ''}`);

describe('cross-file checks after edits', () => {
  it(`when random edits are indexed one run at a time with the checks kept in memory (seed ${SEED}), then the problems are those of checking every article`, async () => {
    const everything = openMigrated(':memory:');
    const kept = openMigrated(':memory:');
    const memo = new IndexMemo();
    await indexInto(everything);
    await indexInto(kept, memo);
    let kinds = new Set<string>();
    for (let step = 1; step <= STEPS; step++) {
      const edits: string[] = [];
      for (let n = 1 + Math.floor(rand() * 2); n > 0; n--) {
        const kind = pick(['rewrite', 'rewrite', 'rename', 'add', 'delete']);
        const file = kind === 'add' ? `n${step}-${n}` : pick([...slugs.keys()]);
        if (kind === 'delete' && slugs.size > 12) {
          slugs.delete(file);
          site.write({ [`articles/${file}.md`]: null });
        } else {
          if (kind === 'rename') slugs.set(file, `r${step}-${n}`);
          if (kind === 'add') slugs.set(file, `s-${file}`);
          site.write({ [`articles/${file}.md`]: randomArticle(file) });
        }
        edits.push(`${kind} ${file}`);
      }
      const full = await indexInto(everything);
      const fast = await indexInto(kept, memo);
      expect(shown(fast.problems), `step ${step}: ${edits.join(', ')}`).toEqual(shown(full.problems));
      kinds = new Set([...kinds, ...full.problems.map((p) => p.code)]);
    }
    // The edits made the problems this property is about.
    expect([...kinds]).toEqual(expect.arrayContaining(['broken-link', 'link-to-draft', 'link-to-old-slug']));
    everything.close();
    kept.close();
  });
});
