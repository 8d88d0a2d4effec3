// `npm run enquiries:export -- --format csv|json [--since <date>]`: prints course enquiries from DB_PATH to stdout.
import { existsSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { createEnquiryStore, type EnquiryRow } from '../db/enquiries.js';
import { toCsv } from '../lib/csv.js';
import { parseIsoDate, toIso } from '../lib/dates.js';
import { CommandFailure, UsageError, type CommandArgs } from './args.js';
import { paletteFor } from './colour.js';
import { runCommand } from './run-command.js';

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

const SPEC = {
  usage: `${USAGE}

Prints the course enquiries in DB_PATH to stdout (the count goes to stderr), oldest first. To a file:
npm run -s enquiries:export -- --format csv > enquiries.csv

  --format <csv|json>   the output format (default csv)
  --since <date>        only enquiries from this ISO date or date-time on
  -h, --help            print this help`,
  options: { format: { type: 'string' }, since: { type: 'string' } },
} as const;

interface Options {
  format: 'csv' | 'json';
  sinceIso: string;
}

function options({ values }: CommandArgs<typeof SPEC.options>): Options {
  const format = values.format ?? 'csv';
  const since = values.since ?? null;
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

function main(args: CommandArgs<typeof SPEC.options>): number {
  const wanted = options(args);
  const config = loadConfig(process.env);
  if (config.dbPath !== ':memory:' && !existsSync(config.dbPath))
    throw new CommandFailure(`no database at ${config.dbPath}: set DB_PATH to the file Folio serves from`);
  const db = openDatabase(config.dbPath, { readonly: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'enquiries'").get();
    if (!table)
      throw new CommandFailure(
        `the database at ${config.dbPath} has no enquiries table: start Folio once to migrate it`,
      );
    const rows = createEnquiryStore(db).list(wanted.sinceIso);
    process.stdout.write(render(rows, wanted.format));
    console.error(
      paletteFor(process.stderr, process.env).note(
        `${rows.length} ${rows.length === 1 ? 'enquiry' : 'enquiries'} exported`,
      ),
    );
    return 0;
  } finally {
    db.close();
  }
}

runCommand(SPEC, main);
