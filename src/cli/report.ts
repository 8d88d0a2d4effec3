// `npm run report -- [--since 30d] [--html report.html] [--csv]`: CTA arrivals, enquiries and conversion
// per article and per course from DB_PATH (opened read-only): a table, CSV on stdout, or an HTML page.
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { createReportQueries, hasReportTables } from '../db/report.js';
import { buildReport, parseSince } from '../report/model.js';
import { reportHtml } from '../report/html.js';
import { reportCsv, reportText } from '../report/text.js';
import { CliExit, runEnquiryCli } from './enquiries-cli.js';

const USAGE = `usage: npm run report -- [--since 30d] [--html report.html] [--csv]
  --since  the period: Nd (last N days, today included), Nw (N weeks) or an ISO date (default 30d)
  --html   also write a self-contained HTML page with charts to this file
  --csv    print CSV to stdout instead of the table`;

const OPTIONS = {
  since: { type: 'string' },
  html: { type: 'string' },
  csv: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readArgs(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const valid = Object.keys(OPTIONS)
      .map((k) => `--${k}`)
      .join(', ');
    throw new CliExit(2, `${message} (valid options: ${valid})\n${USAGE}`);
  }
}

runEnquiryCli(() => {
  const args = readArgs(process.argv.slice(2));
  if (args.help) throw new CliExit(0, USAGE);
  const now = Date.now();
  const sinceText = args.since ?? '30d';
  const range = parseSince(sinceText, now);
  if (!range)
    throw new CliExit(
      2,
      `--since ${sinceText} is not valid: use 30d, 4w or a past ISO date like 2026-03-01\n${USAGE}`,
    );
  if (args.html === '') throw new CliExit(2, `--html needs a file name\n${USAGE}`);
  const config = loadConfig(process.env);
  if (config.dbPath === ':memory:' || !existsSync(config.dbPath))
    throw new CliExit(1, `no database at ${config.dbPath}: set DB_PATH to the file Folio serves from`);
  const db = openDatabase(config.dbPath, { readonly: true });
  try {
    if (!hasReportTables(db))
      throw new CliExit(
        1,
        `the database at ${config.dbPath} has no attribution tables: start Folio once to migrate it`,
      );
    const report = buildReport(createReportQueries(db), range);
    if (args.html) {
      try {
        writeFileSync(args.html, reportHtml(report, new Date(now).toISOString()));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        throw new CliExit(1, `cannot write ${args.html}: ${code}`);
      }
      console.error(`report written to ${args.html}`);
    }
    process.stdout.write(args.csv ? reportCsv(report) : reportText(report));
    return 0;
  } finally {
    db.close();
  }
});
