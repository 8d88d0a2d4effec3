// The report as one self-contained HTML file: inline CSS, two SVG charts (enquiries per week, top articles)
// each with a title, a description and a data table as its text alternative, and no scripts.
import { escapeHtml as esc } from '../lib/html.js';
import { formatConversion, type Report, type ReportRow } from './model.js';
import type { WeekTotal } from '../db/report.js';

const STYLE = `body{font:16px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;margin:1rem 0 2rem;width:100%}th,td{padding:.3rem .6rem;border-bottom:1px solid #ccc}
th{text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
svg{max-width:100%;height:auto}.bar{fill:#1f5fa8}.label{font-size:12px;fill:#1a1a1a}
caption{text-align:left;font-weight:600;padding:.3rem 0}`;

function numbersTable(caption: string, head: string, rows: readonly ReportRow[], withFrom: boolean): string {
  const th = ['Arrivals', 'Enquiries', ...(withFrom ? ['From articles'] : []), 'Conversion'];
  const body = rows
    .map((r) => {
      const cells = [r.arrivals, r.enquiries, ...(withFrom ? [r.converted] : [])].map(
        (n) => `<td class="n">${n}</td>`,
      );
      return `<tr><th scope="row">${esc(r.title)}</th>${cells.join('')}<td class="n">${formatConversion(r.conversion)}</td></tr>`;
    })
    .join('\n');
  return `<table><caption>${esc(caption)}</caption>
<thead><tr><th scope="col">${head}</th>${th.map((h) => `<th scope="col" class="n">${h}</th>`).join('')}</tr></thead>
<tbody>${body || '<tr><td colspan="5">Nothing in this period.</td></tr>'}</tbody></table>`;
}

function svg(id: string, title: string, desc: string, width: number, height: number, inner: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc">
<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>
${inner}</svg>`;
}

export function weeksChart(weeks: readonly WeekTotal[]): string {
  const width = 720;
  const height = 240;
  const top = 20;
  const base = height - 40;
  const max = Math.max(1, ...weeks.map((w) => w.enquiries));
  const slot = weeks.length > 0 ? (width - 40) / weeks.length : width;
  const bars = weeks
    .map((w, i) => {
      const h = Math.round(((base - top) * w.enquiries) / max);
      const x = Math.round(20 + i * slot + slot * 0.15);
      const bw = Math.max(2, Math.round(slot * 0.7));
      const cx = x + bw / 2;
      return `<rect class="bar" x="${x}" y="${base - h}" width="${bw}" height="${h}"/>
<text class="label" x="${cx}" y="${base - h - 4}" text-anchor="middle">${w.enquiries}</text>
<text class="label" x="${cx}" y="${base + 16}" text-anchor="middle">${esc(w.week.slice(5))}</text>`;
    })
    .join('\n');
  const total = weeks.reduce((n, w) => n + w.enquiries, 0);
  const desc =
    weeks.length === 0
      ? 'No enquiries in this period.'
      : `Bar chart of ${total} enquiries over ${weeks.length} weeks, from the week of ${weeks[0]?.week} to the week of ${weeks[weeks.length - 1]?.week}; the most in one week was ${max}. The table below has the numbers.`;
  return svg(
    'weeks',
    'Enquiries per week',
    desc,
    width,
    height,
    `<line x1="20" y1="${base}" x2="${width - 20}" y2="${base}" stroke="#666"/>\n${bars}`,
  );
}

export function topArticlesChart(rows: readonly ReportRow[]): string {
  const top = rows.filter((r) => r.key !== '' && r.enquiries > 0).slice(0, 10);
  const width = 720;
  const rowH = 26;
  const height = Math.max(40, top.length * rowH + 10);
  const labelW = 300;
  const max = Math.max(1, ...top.map((r) => r.enquiries));
  const bars = top
    .map((r, i) => {
      const y = 5 + i * rowH;
      const w = Math.round(((width - labelW - 60) * r.enquiries) / max);
      const label = r.title.length > 42 ? `${r.title.slice(0, 41)}…` : r.title;
      return `<text class="label" x="${labelW - 8}" y="${y + 17}" text-anchor="end">${esc(label)}</text>
<rect class="bar" x="${labelW}" y="${y + 4}" width="${w}" height="${rowH - 8}"/>
<text class="label" x="${labelW + w + 6}" y="${y + 17}">${r.enquiries}</text>`;
    })
    .join('\n');
  const desc =
    top.length === 0
      ? 'No article brought an enquiry in this period.'
      : `Horizontal bar chart of the ${top.length} articles that brought the most enquiries; first: ${top[0]?.title} with ${top[0]?.enquiries}. The article table below has every number.`;
  return svg('top', 'Top articles by enquiries', desc, width, height, bars);
}

function weeksTable(weeks: readonly WeekTotal[]): string {
  const rows = weeks.map(
    (w) => `<tr><th scope="row">${esc(w.week)}</th><td class="n">${w.enquiries}</td></tr>`,
  );
  return `<table><caption>Enquiries per week (week starting Monday)</caption>
<thead><tr><th scope="col">Week of</th><th scope="col" class="n">Enquiries</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="2">No enquiries in this period.</td></tr>'}</tbody></table>`;
}

export function reportHtml(report: Report, generatedAt: string): string {
  const since = esc(report.range.sinceIso);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Enquiries report since ${since}</title><style>${STYLE}</style></head>
<body><main>
<h1>Enquiries and CTA arrivals since ${since}</h1>
<p>Generated ${esc(generatedAt)}. Conversion is enquiries from an article divided by CTA arrivals (“—” when there were none).
Arrivals are counted by Folio, so pages a shared cache (nginx, a CDN) answered are not in them: an undercount.</p>
<h2>Enquiries per week</h2>
${weeksChart(report.weeks)}
${weeksTable(report.weeks)}
<h2>Top articles</h2>
${topArticlesChart(report.articles)}
${numbersTable('Per article, best first', 'Article', report.articles, false)}
<h2>Courses</h2>
${numbersTable('Per course, best first', 'Course', report.courses, true)}
</main></body></html>
`;
}
