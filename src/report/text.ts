// The report for a terminal (an aligned table under 100 columns, long titles cut with "…") and as CSV.
import { toCsv } from '../lib/csv.js';
import { formatConversion, type Report, type ReportRow } from './model.js';

export const TABLE_WIDTH = 99;

interface Column {
  head: string;
  width: number;
  value: (r: ReportRow) => string;
}

/** Cuts to `width` characters, ending with "…" when something was cut. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

function columns(kind: 'article' | 'course'): Column[] {
  const numbers: Column[] = [
    { head: 'Arrivals', width: 8, value: (r) => String(r.arrivals) },
    { head: 'Enquiries', width: 9, value: (r) => String(r.enquiries) },
    ...(kind === 'course'
      ? [{ head: 'From articles', width: 13, value: (r: ReportRow) => String(r.converted) }]
      : []),
    { head: 'Conversion', width: 10, value: (r) => formatConversion(r.conversion) },
  ];
  const used = numbers.reduce((n, c) => n + c.width + 2, 0);
  const head = kind === 'article' ? 'Article' : 'Course';
  return [{ head, width: TABLE_WIDTH - used, value: (r) => r.title }, ...numbers];
}

function table(kind: 'article' | 'course', rows: readonly ReportRow[]): string[] {
  const cols = columns(kind);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const w = cols[i]?.width ?? 0;
        return i === 0 ? truncate(cell, w).padEnd(w) : cell.padStart(w);
      })
      .join('  ')
      .trimEnd();
  const out = [line(cols.map((c) => c.head)), line(cols.map((c) => '-'.repeat(c.width)))];
  for (const r of rows) out.push(line(cols.map((c) => c.value(r))));
  if (rows.length === 0) out.push('(nothing in this period)');
  return out;
}

export function reportText(report: Report): string {
  const total = report.weeks.reduce((n, w) => n + w.enquiries, 0);
  return [
    `Enquiries and CTA arrivals since ${report.range.sinceIso} (${total} ${total === 1 ? 'enquiry' : 'enquiries'})`,
    '',
    ...table('article', report.articles),
    '',
    ...table('course', report.courses),
    '',
    'Conversion = enquiries from an article / CTA arrivals ("—" without arrivals).',
    'Arrivals are an undercount: pages a shared cache (nginx, a CDN) answers never reach Folio.',
    '',
  ].join('\n');
}

const CSV_HEADER = ['kind', 'key', 'title', 'arrivals', 'enquiries', 'from_articles', 'conversion'];

/** One CSV (RFC 4180, formula cells neutralised) with article rows, then course rows; conversion 0–1 or empty. */
export function reportCsv(report: Report): string {
  const rows = [...report.articles, ...report.courses].map((r) => [
    r.kind,
    r.key,
    r.title,
    r.arrivals,
    r.enquiries,
    r.converted,
    r.conversion === null ? null : Number(r.conversion.toFixed(4)),
  ]);
  return toCsv(CSV_HEADER, rows);
}
