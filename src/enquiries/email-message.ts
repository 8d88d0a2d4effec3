// The enquiry e-mail's content: a plain-text and an HTML part with the same facts, written from the payload.
// The HTML escapes every value and links only to the site (no images, nothing fetched when it is opened).
import { escapeHtml } from '../lib/html.js';
import type { EnquiryPayload } from './payload.js';

export interface EnquiryMessage {
  subject: string;
  text: string;
  html: string;
}

type Row = [label: string, value: string, href?: string];

function ctaLabel(cta: string): string {
  if (cta === 'after-article') return 'after the article (after-article)';
  const n = /^inline-(\d+)$/.exec(cta)?.[1];
  return n ? `in the article, CTA number ${n} (${cta})` : cta;
}

/** One line per fact, in the order the reader filled them in, then where the enquiry came from. */
function rows(p: EnquiryPayload, courseTitle: string): { enquiry: Row[]; origin: Row[] } {
  const enquiry: Row[] = [
    ['Course', courseTitle, p.course.url],
    ['Name', p.name],
    ['E-mail', p.email],
  ];
  if (p.phone) enquiry.push(['Phone', p.phone]);
  enquiry.push(['Format', p.format ?? 'Not sure yet']);
  enquiry.push(['Consent to be contacted', p.consent ? 'yes' : 'no']);
  enquiry.push(['Received', p.created_at]);
  const a = p.attribution;
  const origin: Row[] = [];
  if (a.article) {
    const title = a.article_title ?? a.article;
    origin.push(a.article_url ? ['Article', title, a.article_url] : ['Article', title]);
  }
  if (origin.length === 0) origin.push(['Article', 'none (the reader did not come from an article)']);
  if (a.cta) origin.push(['Button', ctaLabel(a.cta)]);
  if (a.utm) for (const [key, value] of Object.entries(a.utm)) if (value !== null) origin.push([key, value]);
  if (a.referrer_host) origin.push(['Referred by', a.referrer_host]);
  return { enquiry, origin };
}

function textPart(p: EnquiryPayload, all: { enquiry: Row[]; origin: Row[] }): string {
  const line = ([label, value, href]: Row) => `${label}: ${value}${href ? ` <${href}>` : ''}`;
  return [
    `New enquiry #${p.id}`,
    '',
    ...all.enquiry.map(line),
    '',
    'Message:',
    p.message,
    '',
    'Where it came from:',
    ...all.origin.map(line),
    '',
  ].join('\n');
}

function htmlRows(list: readonly Row[]): string {
  return list
    .map(([label, value, href]) => {
      const cell = href ? `<a href="${escapeHtml(href)}">${escapeHtml(value)}</a>` : escapeHtml(value);
      return `<tr><th scope="row" align="left">${escapeHtml(label)}</th><td>${cell}</td></tr>`;
    })
    .join('\n');
}

function htmlPart(p: EnquiryPayload, all: { enquiry: Row[]; origin: Row[] }): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>New enquiry</title></head>',
    '<body style="font-family: sans-serif; line-height: 1.4">',
    `<h1 style="font-size: 1.2em">New enquiry #${p.id}</h1>`,
    `<table cellpadding="4">\n${htmlRows(all.enquiry)}\n</table>`,
    '<h2 style="font-size: 1em">Message</h2>',
    `<p style="white-space: pre-wrap">${escapeHtml(p.message)}</p>`,
    '<h2 style="font-size: 1em">Where it came from</h2>',
    `<table cellpadding="4">\n${htmlRows(all.origin)}\n</table>`,
    '</body></html>',
    '',
  ].join('\n');
}

export function enquiryMessage(p: EnquiryPayload, courseTitle: string): EnquiryMessage {
  const all = rows(p, courseTitle);
  // No CR/LF can reach the Subject header: names are single-line after validation, but say so here too.
  const subject = `Enquiry: ${courseTitle} (${p.name})`.replace(/[\r\n]+/g, ' ');
  return { subject, text: textPart(p, all), html: htmlPart(p, all) };
}
