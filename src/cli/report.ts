// `npm run report -- [--since 30d] [--html report.html] [--csv]`: CTA arrivals, enquiries and conversion
// per article and per course from DB_PATH (opened read-only): a table, CSV on stdout, or an HTML page.
import { existsSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { createReportQueries, hasReportTables } from '../db/report.js';
import { buildReport, parseSince } from '../report/model.js';
import { reportHtml } from '../report/html.js';
import { reportCsv, reportText } from '../report/text.js';
import { CommandFailure, UsageError, type CommandArgs } from './args.js';
import { paletteFor } from './colour.js';
import { runCommand } from './run-command.js';

const USAGE = `usage: npm run report -- [--since 30d] [--html report.html] [--csv]

CTA arrivals, enquiries and conversion per article and per course, from DB_PATH (opened read-only).

  --since <period>   Nd (last N days, today included), Nw (N weeks) or an ISO date (default 30d)
  --html <file>      also write a self-contained HTML page with charts to this file
  --csv              print CSV to stdout instead of the table
  -h, --help         print this help`;

const SPEC = {
  usage: USAGE,
  options: { since: { type: 'string' }, html: { type: 'string' }, csv: { type: 'boolean' } },
} as const;

runCommand(SPEC, ({ values: args }: CommandArgs<typeof SPEC.options>) => {
  const now = Date.now();
  const sinceText = args.since ?? '30d';
  const range = parseSince(sinceText, now);
  if (!range)
    throw new UsageError(
      `--since ${sinceText} is not valid: use 30d, 4w or a past ISO date like 2026-03-01\n${USAGE}`,
    );
  if (args.html === '') throw new UsageError(`--html needs a file name\n${USAGE}`);
  const config = loadConfig(process.env);
  if (config.dbPath === ':memory:' || !existsSync(config.dbPath))
    throw new CommandFailure(`no database at ${config.dbPath}: set DB_PATH to the file Folio serves from`);
  const db = openDatabase(config.dbPath, { readonly: true });
  try {
    if (!hasReportTables(db))
      throw new CommandFailure(
        `the database at ${config.dbPath} has no attribution tables: start Folio once to migrate it`,
      );
    const report = buildReport(createReportQueries(db), range);
    if (args.html) {
      try {
        writeFileSync(args.html, reportHtml(report, new Date(now).toISOString()));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        throw new CommandFailure(`cannot write ${args.html}: ${code}`);
      }
      console.error(paletteFor(process.stderr, process.env).note(`report written to ${args.html}`));
    }
    process.stdout.write(args.csv ? reportCsv(report) : reportText(report));
    return 0;
  } finally {
    db.close();
  }
});
