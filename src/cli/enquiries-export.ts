// `npm run enquiries:export -- --format csv|json [--since <date>]`: prints course enquiries from DB_PATH to stdout.
import { existsSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { createEnquiryStore, type EnquiryRow } from '../db/enquiries.js';
import { toCsv } from '../lib/csv.js';
import { parseIsoDate, toIso } from '../lib/dates.js';

const USAGE = 'usage: npm run enquiries:export -- --format csv|json [--since 2026-03-01]';
const COLUMNS = [
  'id',
  'created_at',
  'course_area',
  'course_slug',
  'name',
  'email',
  'phone',
  'format',
  'message',
  'consent',
  'from_article',
  'from_cta',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'referrer_host',
] as const;

class UsageError extends Error {}

interface Options {
  format: 'csv' | 'json';
  sinceIso: string;
}

function parseArgs(argv: readonly string[]): Options {
  let format = 'csv';
  let since: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value\n${USAGE}`);
      return v;
    };
    if (name === '--format') format = value();
    else if (name === '--since') since = value();
    else if (name === '--help' || name === '-h') throw new UsageError(USAGE);
    else throw new UsageError(`unknown option "${arg}"\n${USAGE}`);
  }
  if (format !== 'csv' && format !== 'json')
    throw new UsageError(`--format ${format} is not supported: use csv or json\n${USAGE}`);
  let sinceIso = '';
  if (since !== null) {
    const ms = parseIsoDate(since);
    if (ms === null)
      throw new UsageError(
        `--since ${since} is not a date: use an ISO date like 2026-03-01 or a date-time like 2026-03-01T09:00:00Z`,
      );
    sinceIso = toIso(ms);
  }
  return { format, sinceIso };
}

function render(rows: readonly EnquiryRow[], format: 'csv' | 'json'): string {
  if (format === 'json')
    return `${JSON.stringify(
      rows.map((r) => ({ ...r, consent: r.consent === 1 })),
      null,
      2,
    )}\n`;
  return toCsv(
    COLUMNS,
    rows.map((r) => COLUMNS.map((c) => r[c])),
  );
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  const config = loadConfig(process.env);
  if (config.dbPath !== ':memory:' && !existsSync(config.dbPath)) {
    console.error(`no database at ${config.dbPath}: set DB_PATH to the file Folio serves from`);
    return 1;
  }
  const db = openDatabase(config.dbPath, { readonly: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'enquiries'").get();
    if (!table) {
      console.error(
        `the database at ${config.dbPath} has no enquiries table: start Folio once to migrate it`,
      );
      return 1;
    }
    const rows = createEnquiryStore(db).list(options.sinceIso);
    process.stdout.write(render(rows, options.format));
    console.error(`${rows.length} ${rows.length === 1 ? 'enquiry' : 'enquiries'} exported`);
    return 0;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
