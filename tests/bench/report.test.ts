// Bench report: the issue 15 targets table from a results object, one column per size, failures spelled out.
import { describe, expect, it } from 'vitest';
import { cell, formatReport, targetsTable } from '../../src/bench/report.js';
import type { BenchRun, PageLoad, SizeResult, Step } from '../../src/bench/types.js';

const ok = <T>(value: T): Step<T> => ({ status: 'ok', value });
const load = (rps: number) => ({ rps, p50: 1, p99: 4, errors: 0, non2xx: 0 });
const page = (folio: number, bare: number): Step<PageLoad> =>
  ok({ path: '/', bytes: 100, folio: load(folio), bare: load(bare), ratio: folio / bare });

function size(articles: number): SizeResult {
  const kind = { n: 200, p50: 3, p99: 12.5, max: 20, errors: 0, df: '50%–100%' };
  return {
    articles,
    wallMs: { corpus: 1200, index: 15_000 },
    corpus: ok({ ms: 1200, bytes: 1, files: 1 }),
    cold: ok({ ms: 8400, rendered: articles, articles, errors: 0 }),
    noChange: ok({ ms: 150, rendered: 0, articles, errors: 0 }),
    oneFile: ok({ ms: 90, rendered: 1, articles, errors: 0 }),
    cliNoChange: ok({ ms: 640, reportedMs: 300 }),
    db: ok({ bytes: 1, perArticleKb: 21.5 }),
    startup: ok({ ms: 410 }),
    pages: ok({
      article: page(7000, 10_000),
      home: page(900, 1000),
      'category p3': page(500, 1000),
      feed: { status: 'failed', error: '/feed.xml answered 500' },
      'sitemap index': page(100, 100),
    }),
    search: ok({ 'common word': kind, 'rare term': { ...kind, p99: 2 } }),
    servingRss: ok({ rssMb: 140 }),
    dev: ok({
      saves: 5,
      toEvent: { n: 5, p50: 200, p99: 260, max: 260 },
      toServed: { n: 5, p50: 240, p99: 310, max: 310 },
      relatedChecked: 5,
      startupMs: 900,
      discarded: 0,
    }),
    peakRssMb: { 'index probe': 290, server: 150 },
  };
}

const failedAt100k: SizeResult = {
  ...size(100_000),
  cold: { status: 'failed', error: 'killed by SIGABRT: JavaScript heap out of memory | abort' },
  noChange: { status: 'skipped', reason: 'an earlier index phase failed' },
};

describe('bench report', () => {
  const table = targetsTable([size(1000), size(10_000), failedAt100k]);

  it('has the rows of the issue 15 targets, in order, with a column per size and the targets', () => {
    expect(table[0]).toBe('| measure | 1,000 | 10,000 | 100,000 | target 10k / 100k |');
    const rows = table.slice(2).map((r) => r.split(' | ')[0]?.slice(2));
    expect(rows).toEqual([
      'cold index',
      'peak RSS while indexing',
      'no-change re-index (in process · `npm run index`)',
      'one-file re-index (related + backlinks included)',
      'saved → served under `npm run dev` (related lists and backlinks fresh)',
      'start-up to first 200, existing database',
      'serving RSS (after the load runs)',
      'uncached search p99, any query',
      'page throughput vs bare node:http: article',
      '… home',
      '… category',
      '… feed',
      '… sitemap index',
      'database size per article',
    ]);
    // Five cells on every line, the rule included: an unescaped | in an error would add one.
    expect(table.map((r) => r.split(/(?<!\\)\|/).length)).toEqual(table.map(() => 7));
  });

  it('formats each figure with its unit', () => {
    const row = (name: string) => table.find((r) => r.startsWith(`| ${name} |`)) ?? '';
    expect(row('cold index')).toContain('| 8400 ms | 8400 ms |');
    expect(row('peak RSS while indexing')).toContain('| 290 MB |');
    expect(row('no-change re-index (in process · `npm run index`)')).toContain('| 150 ms · 640 ms |');
    expect(row('uncached search p99, any query')).toContain('12.5 ms (common word)');
    expect(row('page throughput vs bare node:http: article')).toContain('70.0% (7000 vs 10000 req/s)');
    expect(row('saved → served under `npm run dev` (related lists and backlinks fresh)')).toContain(
      'median 240 ms, max 310 ms (5 saves)',
    );
    expect(row('database size per article')).toContain('| 21.5 KB |');
  });

  it('says which step failed and why, without breaking the table', () => {
    const cold = table.find((r) => r.startsWith('| cold index |')) ?? '';
    expect(cold).toContain('**failed**: killed by SIGABRT: JavaScript heap out of memory \\| abort');
    expect(table.find((r) => r.startsWith('| … feed |'))).toContain('**failed**: /feed.xml answered 500');
    expect(cell({ status: 'skipped', reason: 'no index' }, () => 'x')).toBe('— (no index)');
  });

  it('lists peak RSS for every process and the time of each step', () => {
    const run: BenchRun = {
      meta: {
        ...{ date: 'd', node: 'v20', cpus: 2, pinned: true, durationSeconds: 5, connections: 50 },
        ...{ loadAverage: [0.5, 0.4, 0.3], sizes: [1000] },
      },
      results: [size(1000)],
    };
    const md = formatReport(run);
    expect(md).toContain('| index probe | 290 MB |');
    expect(md).toContain('| server | 150 MB |');
    expect(md).toContain('| index | 15 s |');
    expect(md).toContain('| rare term | 200 | 3 | 2 | 20 | 0 | 50%–100% |');
    expect(md).toContain('load average at start 0.50 0.40 0.30');
  });
});
