// `npm run enquiries:export`: CSV and JSON on stdout, safe against spreadsheet formulas, with clear argument errors.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigrated } from '../../src/db/database.js';
import { createEnquiryStore, type NewEnquiry } from '../../src/db/enquiries.js';
import { csvCell, toCsv } from '../../src/lib/csv.js';
import { projectRoot } from '../../src/paths.js';

const run = promisify(execFile);
const CLI = join(projectRoot, 'dist/cli/enquiries-export.js');

async function exportCli(
  args: string[],
  dbPath: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
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

const base: NewEnquiry = {
  createdAt: '2026-03-01T10:00:00.000Z',
  courseArea: 'data-ai',
  courseSlug: 'data-engineer',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: null,
  format: 'Part-time',
  message: 'Hello',
  consent: true,
  fromArticle: 'what-does-a-data-engineer-do',
  idempotencyKey: 'k1',
};

describe('enquiries:export', () => {
  let dir: string;
  let dbPath: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-export-'));
    dbPath = join(dir, 'folio.db');
    const db = openMigrated(dbPath);
    const store = createEnquiryStore(db);
    store.add(base);
    store.add({
      ...base,
      idempotencyKey: 'k2',
      createdAt: '2026-04-02T09:30:00.000Z',
      name: '=HYPERLINK("http://evil.example","click")',
      email: 'eve@example.com',
      phone: '+33 1 23 45 67 89',
      format: null,
      message: 'Line one, with "quotes"\nline two',
      fromArticle: null,
    });
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when asked for CSV, then a header and one properly quoted row per enquiry are printed, formulas neutralised', async () => {
    const { code, stdout, stderr } = await exportCli(['--format', 'csv'], dbPath);
    expect(code).toBe(0);
    expect(stderr).toContain('2 enquiries exported');
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe(
      'id,created_at,course_area,course_slug,name,email,phone,format,message,consent,from_article,from_cta,utm_source,utm_medium,utm_campaign,utm_term,utm_content,referrer_host',
    );
    expect(lines[1]).toBe(
      '1,2026-03-01T10:00:00.000Z,data-ai,data-engineer,Ada Lovelace,ada@example.com,,Part-time,Hello,1,what-does-a-data-engineer-do,,,,,,,',
    );
    expect(stdout).toContain(
      `2,2026-04-02T09:30:00.000Z,data-ai,data-engineer,"'=HYPERLINK(""http://evil.example"",""click"")",eve@example.com,'+33 1 23 45 67 89,,"Line one, with ""quotes""\nline two",1,,,,,,,,\r\n`,
    );
  });

  it('when asked for JSON, then an array of enquiries with a boolean consent is printed', async () => {
    const { code, stdout } = await exportCli(['--format=json'], dbPath);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({
      id: 2,
      created_at: '2026-04-02T09:30:00.000Z',
      course_area: 'data-ai',
      course_slug: 'data-engineer',
      name: '=HYPERLINK("http://evil.example","click")',
      email: 'eve@example.com',
      phone: '+33 1 23 45 67 89',
      format: null,
      message: 'Line one, with "quotes"\nline two',
      consent: true,
      from_article: null,
      from_cta: null,
      utm_source: null,
      utm_medium: null,
      utm_campaign: null,
      utm_term: null,
      utm_content: null,
      referrer_host: null,
    });
  });

  it('when --since is given, then only enquiries from that moment on are printed', async () => {
    const { code, stdout } = await exportCli(['--format', 'json', '--since', '2026-04-01'], dbPath);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { email: string }[]).map((r) => r.email)).toEqual(['eve@example.com']);
    const none = await exportCli(['--format', 'json', '--since', '2026-04-02T09:30:01Z'], dbPath);
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  it('when the format, the date or an option is wrong, then it exits 2 (a usage error) with a message saying what to write', async () => {
    const format = await exportCli(['--format', 'xml'], dbPath);
    expect(format.code).toBe(2);
    expect(format.stdout).toBe('');
    expect(format.stderr).toContain('--format xml is not supported: use csv or json');
    const since = await exportCli(['--format', 'csv', '--since', '2026-02-30'], dbPath);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since 2026-02-30 is not a date');
    const missing = await exportCli(['--since'], dbPath);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--since needs a value');
    const unknown = await exportCli(['--everything'], dbPath);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option --everything; valid options: --format, --since, --help');
  });

  it('when DB_PATH names no database, then it says so instead of creating one', async () => {
    const { code, stderr } = await exportCli(['--format', 'csv'], join(dir, 'missing.db'));
    expect(code).toBe(1);
    expect(stderr).toContain('no database at');
  });
});

describe('csv cells', () => {
  it('when a cell starts with = + - @ tab or CR, then it gets a leading quote; other cells are left alone', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
    ]);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
  });

  it('when a cell holds a comma, quote or line break, then it is quoted with doubled quotes', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"\nbye']])).toBe('a,b\r\n"x,y","say ""hi""\nbye"\r\n');
  });
});
