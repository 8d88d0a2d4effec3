// `npm run report`: per article and per course, CTA arrivals, enquiries and conversion from seeded rows,
// best first; the period (--since), CSV, a self-contained HTML page with SVG charts, and argument errors.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAttributionStore } from '../../src/db/attribution.js';
import { createEnquiryStore, type NewEnquiry } from '../../src/db/enquiries.js';
import { projectRoot } from '../../src/paths.js';
import { createTestSite, type TestSite } from '../helpers/site.js';

const run = promisify(execFile);
const CLI = join(projectRoot, 'dist/cli/report.js');
const DAY = 86_400_000;

const A = 'what-does-a-data-engineer-do';
const B = 'sql-joins-explained';
const C = 'building-your-first-etl-pipeline';

let site: TestSite;

async function report(args: string[], dbPath = site.dbPath) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, DB_PATH: dbPath, NODE_ENV: 'test' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let n = 0;
function enquiry(daysAgo: number, from: string | null, course = 'data-engineer'): NewEnquiry {
  n++;
  return {
    createdAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
    courseArea: 'data-ai',
    courseSlug: course,
    name: `=Reader ${n}`,
    email: `r${n}@example.com`,
    phone: null,
    format: null,
    message: 'Hello',
    consent: true,
    fromArticle: from,
    idempotencyKey: `k${n}`,
  };
}

function day(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
}

beforeAll(async () => {
  site = await createTestSite();
  const enquiries = createEnquiryStore(site.db);
  const counter = createAttributionStore(site.db);
  const arrive = (daysAgo: number, article: string, cta: string, times: number, course = 'data-engineer') => {
    for (let i = 0; i < times; i++)
      counter.countArrival({ day: day(daysAgo), article, cta, courseArea: 'data-ai', courseSlug: course });
  };
  // A: 10 arrivals, 2 enquiries (20%); B: 4 arrivals, 2 enquiries (50%); C: 5 arrivals, none.
  arrive(0, A, 'inline-1', 6);
  arrive(3, A, 'after-article', 4);
  arrive(1, B, 'inline-1', 4, 'data-analyst');
  arrive(2, C, 'inline-2', 5);
  for (const e of [
    enquiry(0, A),
    enquiry(2, A),
    enquiry(1, B, 'data-analyst'),
    enquiry(8, B, 'data-analyst'),
  ])
    enquiries.add(e);
  enquiries.add(enquiry(1, 'an-article-since-removed'));
  enquiries.add(enquiry(0, null));
  // Outside the default 30 days: 100 arrivals and one enquiry for A, 40 days ago.
  arrive(40, A, 'inline-1', 100);
  enquiries.add(enquiry(40, A));
}, 60_000);
afterAll(async () => site.close());

describe('npm run report', () => {
  it('when run without options, then the last 30 days are tabled per article and per course, best first, within 100 columns', async () => {
    const { code, stdout } = await report([]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(100);
    const rows = lines.filter((l) => /\s(\d+\.\d%|—)$/.test(l)).map((l) => l.replace(/\s+/g, ' '));
    expect(rows).toEqual([
      'SQL joins explained: inner, left, full and the mistakes that bite 4 2 50.0%',
      'What does a data engineer actually do? 10 2 20.0%',
      'an-article-since-removed 0 1 —',
      'Building your first ETL pipeline in Python 5 0 0.0%',
      '(no article) 0 1 —',
      'Data Engineer 15 4 3 20.0%',
      'Data Analyst 4 2 2 50.0%',
    ]);
    expect(stdout).toMatch(/^Enquiries and CTA arrivals since \S+ \(6 enquiries\)/);
  });

  it('when --since is given as days, weeks or a date, then older rows count; invalid values exit 2', async () => {
    const wide = await report(['--since', '60d']);
    expect(wide.stdout.replace(/ +/g, ' ')).toContain('What does a data engineer actually do? 110 3 2.7%');
    const week = await report(['--since=1w']);
    // B's second enquiry is 8 days old.
    expect(week.stdout.replace(/ +/g, ' ')).toContain(
      'SQL joins explained: inner, left, full and the mistakes that bite 4 1 25.0%',
    );
    const date = await report(['--since', day(2)]);
    expect(date.stdout.replace(/ +/g, ' ')).toContain('What does a data engineer actually do? 6 2 33.3%');
    for (const bad of ['30x', '0d', 'yesterday', '2026-02-30', '2999-01-01']) {
      const r = await report(['--since', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^--since \S+ is not valid/);
      expect(r.stdout).toBe('');
    }
  });

  it('when --csv is given, then RFC 4180 CSV with article and course rows is printed, formulas neutralised', async () => {
    const { code, stdout } = await report(['--csv']);
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe('kind,key,title,arrivals,enquiries,from_articles,conversion');
    expect(lines[1]).toBe(
      `article,${B},"SQL joins explained: inner, left, full and the mistakes that bite",4,2,2,0.5`,
    );
    expect(lines).toContain('article,,(no article),0,1,0,');
    expect(lines).toContain('course,data-ai/data-engineer,Data Engineer,15,4,3,0.2');
    expect(stdout.endsWith('\r\n')).toBe(true);
  });

  it('when --html is given, then a self-contained page with accessible SVG charts and no script is written', async () => {
    const file = join(site.dir, 'report.html');
    const { code, stderr } = await report(['--html', file]);
    expect(code).toBe(0);
    expect(stderr).toContain(`report written to ${file}`);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(html.match(/<svg [^>]*role="img"/g)).toHaveLength(2);
    expect(html).toContain('<title id="weeks-title">Enquiries per week</title>');
    expect(html).toContain('<title id="top-title">Top articles by enquiries</title>');
    expect(html).toMatch(/<desc id="top-desc">[^<]*first: SQL joins explained[^<]*with 2\./);
    expect(html).toContain(
      '<th scope="row">What does a data engineer actually do?</th><td class="n">10</td><td class="n">2</td><td class="n">20.0%</td>',
    );
    expect(html.match(/<rect class="bar"/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('when asked for help, given an unknown option, or pointed at no database, then it exits 0, 2 or 1 with a clear message', async () => {
    const help = await report(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run report/);
    const unknown = await report(['--weeks', '3']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--weeks.*valid options: --since, --html, --csv, --help/);
    const none = await report([], join(site.dir, 'missing.db'));
    expect(none.code).toBe(1);
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
    expect(none.stderr).toMatch(/^no database at .*missing\.db/);
  });
});
