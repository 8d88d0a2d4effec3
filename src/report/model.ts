// The conversion report as data: the period asked for, and rows per article and per course with their
// conversion, best first. Rendered as a terminal table, CSV or an HTML page by the modules beside this one.
import type { ReportQueries, ReportRange, WeekTotal } from '../db/report.js';
import { parseIsoDate, toIso } from '../lib/dates.js';

const DAY_MS = 86_400_000;

export interface ReportRow {
  kind: 'article' | 'course';
  /** `slug` for an article, `area/slug` for a course; '' for enquiries that came from no article. */
  key: string;
  title: string;
  arrivals: number;
  enquiries: number;
  /** Enquiries that arrivals can convert into: for a course, those that came from an article. */
  converted: number;
  /** converted / arrivals, or null when there were no arrivals (shown as "—"). */
  conversion: number | null;
}

export interface Report {
  range: ReportRange;
  articles: ReportRow[];
  courses: ReportRow[];
  weeks: WeekTotal[];
}

/**
 * `--since`: `30d` (the last 30 days, today included), `4w` (28 days), or an ISO date or date-time.
 * Returns null when the text is none of these.
 */
export function parseSince(text: string, nowMs: number): ReportRange | null {
  const rel = /^([1-9][0-9]{0,3})([dw])$/.exec(text.trim());
  let since: number | null;
  if (rel) {
    const days = Number(rel[1]) * (rel[2] === 'w' ? 7 : 1);
    since = Math.floor(nowMs / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
  } else since = parseIsoDate(text);
  if (since === null || since > nowMs) return null;
  const sinceIso = toIso(since);
  return { sinceIso, sinceDay: sinceIso.slice(0, 10) };
}

function conversionOf(converted: number, arrivals: number): number | null {
  return arrivals > 0 ? converted / arrivals : null;
}

/** Most enquiries first, then the better conversion, then more arrivals, then by title. */
export function byBest(a: ReportRow, b: ReportRow): number {
  return (
    b.enquiries - a.enquiries ||
    (b.conversion ?? -1) - (a.conversion ?? -1) ||
    b.arrivals - a.arrivals ||
    a.title.localeCompare(b.title)
  );
}

export function buildReport(q: ReportQueries, range: ReportRange): Report {
  const articles: ReportRow[] = q.articles(range).map((r) => ({
    kind: 'article',
    key: r.slug,
    title: r.title ?? r.slug,
    arrivals: r.arrivals,
    enquiries: r.enquiries,
    converted: r.enquiries,
    conversion: conversionOf(r.enquiries, r.arrivals),
  }));
  articles.sort(byBest);
  const direct = q.withoutArticle(range);
  // Enquiries from no article close the list, so the table's enquiries add up to the total.
  if (direct > 0)
    articles.push({
      kind: 'article',
      key: '',
      title: '(no article)',
      arrivals: 0,
      enquiries: direct,
      converted: 0,
      conversion: null,
    });
  const courses: ReportRow[] = q.courses(range).map((r) => ({
    kind: 'course',
    key: `${r.area}/${r.slug}`,
    title: r.title ?? `${r.area}/${r.slug}`,
    arrivals: r.arrivals,
    enquiries: r.enquiries,
    converted: r.fromArticles,
    conversion: conversionOf(r.fromArticles, r.arrivals),
  }));
  courses.sort(byBest);
  return { range, articles, courses, weeks: q.weeks(range) };
}

/** `12.5%`, or `—` when there were no arrivals to convert. */
export function formatConversion(c: number | null): string {
  return c === null ? '—' : `${(Math.round(c * 1000) / 10).toFixed(1)}%`;
}
