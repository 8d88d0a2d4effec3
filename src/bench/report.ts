// The benchmark's Markdown: one table with the rows and targets of issue 15 (a column per size), then
// uncached search by kind, page loads against bare node:http, peak RSS per process and time per step.
import type { BenchRun, PageLoad, SearchKind, SizeResult, Step } from './types.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** A step's value, or why there is none (failures keep their error so the table says what broke). */
export function cell<T>(step: Step<T> | undefined, show: (value: T) => string): string {
  if (!step) return '—';
  if (step.status === 'ok') return show(step.value);
  if (step.status === 'skipped') return `— (${esc(step.reason)})`;
  return `**failed**: ${esc(step.error).slice(0, 160)}`;
}

export const duration = (ms: number) =>
  ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
const pct = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;
const size = (n: number) => n.toLocaleString('en-US');

function worstSearch(kinds: Record<string, SearchKind>): string {
  const measured = Object.entries(kinds).filter(([, k]) => k.n > 0);
  const errors = Object.values(kinds).reduce((n, k) => n + k.errors, 0);
  if (measured.length === 0) return `no query answered (${errors} errors)`;
  const [name, worst] = measured.reduce((a, b) => (b[1].p99 > a[1].p99 ? b : a));
  return `${worst.p99} ms (${name})`;
}

const throughput = (name: string) => (pages: Record<string, Step<PageLoad>>) =>
  cell(pages[name], (p) => `${pct(p.ratio)} (${p.folio.rps} vs ${p.bare.rps} req/s)`);

type Row = [measure: string, show: (r: SizeResult) => string, target: string];

const ROWS: Row[] = [
  ['cold index', (r) => cell(r.cold, (v) => duration(v.ms)), '≤ 10 s / ≤ 12× the 10k time'],
  [
    'peak RSS while indexing',
    (r) => (r.peakRssMb['index probe'] ? `${r.peakRssMb['index probe']} MB` : '—'),
    '≤ 300 MB / ≤ 500 MB',
  ],
  [
    'no-change re-index (in process · `npm run index`)',
    (r) => `${cell(r.noChange, (v) => duration(v.ms))} · ${cell(r.cliNoChange, (v) => duration(v.ms))}`,
    '≤ 200 ms / ≤ 1.5 s',
  ],
  [
    'one-file re-index (related + backlinks included)',
    (r) => cell(r.oneFile, (v) => `${duration(v.ms)} (${v.rendered} rendered)`),
    '—',
  ],
  [
    'saved → served under `npm run dev` (related lists and backlinks fresh)',
    (r) =>
      cell(
        r.dev,
        (v) =>
          `median ${duration(v.toServed.p50)}, max ${duration(v.toServed.max)} (${v.saves} saves${v.discarded ? `, ${v.discarded} redone after a rebuild` : ''})`,
      ),
    '≤ 300 ms / ≤ 500 ms',
  ],
  [
    'start-up to first 200, existing database',
    (r) => cell(r.startup, (v) => duration(v.ms)),
    '≤ 500 ms / ≤ 800 ms',
  ],
  [
    'serving RSS (after the load runs)',
    (r) => cell(r.servingRss, (v) => `${v.rssMb} MB`),
    '≤ 150 MB / ≤ 250 MB',
  ],
  ['uncached search p99, any query', (r) => cell(r.search, worstSearch), '≤ 30 ms / ≤ 50 ms'],
  [
    'page throughput vs bare node:http: article',
    (r) => cell(r.pages, throughput('article')),
    '≥ 70% / within 10% of 10k',
  ],
  ['… home', (r) => cell(r.pages, throughput('home')), 'within 10% of 10k'],
  ['… category', (r) => cell(r.pages, throughput('category p3')), 'within 10% of 10k'],
  ['… feed', (r) => cell(r.pages, throughput('feed')), 'within 10% of 10k'],
  ['… sitemap index', (r) => cell(r.pages, throughput('sitemap index')), 'within 10% of 10k'],
  ['database size per article', (r) => cell(r.db, (v) => `${v.perArticleKb} KB`), '≤ 25 KB'],
];

export function targetsTable(results: SizeResult[]): string[] {
  const head = `| measure | ${results.map((r) => size(r.articles)).join(' | ')} | target 10k / 100k |`;
  const rule = `|---|${results.map(() => '---|').join('')}---|`;
  return [head, rule, ...ROWS.map(([m, show, t]) => `| ${m} | ${results.map(show).join(' | ')} | ${t} |`)];
}

function searchTable(r: SizeResult): string[] {
  if (r.search.status !== 'ok') return [];
  return [
    '| uncached query kind | queries | p50 ms | p99 ms | max ms | errors | articles matching each word |',
    '|---|---|---|---|---|---|---|',
    ...Object.entries(r.search.value).map(
      ([k, v]) => `| ${k} | ${v.n} | ${v.p50} | ${v.p99} | ${v.max} | ${v.errors} | ${v.df} |`,
    ),
    '',
  ];
}

function pagesTable(r: SizeResult): string[] {
  if (r.pages.status !== 'ok') return [];
  return [
    '| page | bytes | Folio req/s | bare req/s | ratio | Folio p50 / p99 ms | bare p50 / p99 ms | errors |',
    '|---|---|---|---|---|---|---|---|',
    ...Object.entries(r.pages.value).map(([name, step]) =>
      step.status === 'ok'
        ? `| ${name} | ${step.value.bytes} | ${step.value.folio.rps} | ${step.value.bare.rps} | ${pct(step.value.ratio)} | ${step.value.folio.p50} / ${step.value.folio.p99} | ${step.value.bare.p50} / ${step.value.bare.p99} | ${step.value.folio.errors + step.value.folio.non2xx} |`
        : `| ${name} | ${cell(step, () => '')} | | | | | | |`,
    ),
    '',
  ];
}

function byName(results: SizeResult[], pick: (r: SizeResult) => Record<string, number>, unit: string) {
  const names = [...new Set(results.flatMap((r) => Object.keys(pick(r))))];
  return names.map(
    (n) =>
      `| ${n} | ${results.map((r) => (pick(r)[n] !== undefined ? `${pick(r)[n]} ${unit}` : '—')).join(' | ')} |`,
  );
}

export function formatReport(run: BenchRun): string {
  const { meta, results } = run;
  const cols = results.map((r) => size(r.articles)).join(' | ');
  const rule = `|---|${results.map(() => '---|').join('')}`;
  const lines = [
    `# Folio benchmark — ${meta.date}`,
    '',
    `Node ${meta.node}, ${meta.cpus} CPUs, load average at start ${meta.loadAverage.map((l) => l.toFixed(2)).join(' ')}; ` +
      `server pinned to CPU 0 and load generator to CPU 1: ${meta.pinned}; autocannon, ${meta.connections} connections, ` +
      `${meta.durationSeconds} s per page.`,
    '',
    ...targetsTable(results),
    '',
    '## Peak RSS per process (VmHWM / maxRSS, worker threads included)',
    '',
    `| process | ${cols} |`,
    rule,
    ...byName(results, (r) => r.peakRssMb, 'MB'),
    '',
    '## Time per step',
    '',
    `| step | ${cols} |`,
    rule,
    ...byName(
      results,
      (r) => Object.fromEntries(Object.entries(r.wallMs).map(([k, v]) => [k, Math.round(v / 100) / 10])),
      's',
    ),
    '',
  ];
  for (const r of results) {
    lines.push(`## ${size(r.articles)} articles`, '', ...searchTable(r), ...pagesTable(r));
  }
  return lines.join('\n');
}
