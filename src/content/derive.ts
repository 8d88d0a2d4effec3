// Values derived from rendered content: excerpt, reading time, word count and the key terms used for related links.
import { truncateText } from '../lib/html.js';
import { htmlToText } from './sanitize.js';

export const WORDS_PER_MINUTE = 220;
export const EXCERPT_MAX = 300;

export function firstParagraphText(html: string): string {
  const m = /<p>([\s\S]*?)<\/p>/.exec(html);
  return m ? htmlToText(`<p>${m[1] ?? ''}</p>`) : '';
}

export function makeExcerpt(html: string, bodyText: string): string {
  const first = firstParagraphText(html) || bodyText;
  return truncateText(first, EXCERPT_MAX);
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return m ? m.length : 0;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

const STOP = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each even few for from further had has have having he her here hers herself him himself his how however i if in into is it its itself just like make many may me might more most much must my myself need no nor not now of off often on once one only or other our ours out over own same she should so some such than that the their theirs them then there these they this those through to too two under until up us use used using very want was way we well were what when where which while who whom why will with within without would yet you your yours ' +
    'le la les un une des du de et en est pour que qui dans sur au aux par pas plus ce cette ces son sa ses leur leurs il elle ils elles nous vous on ou mais avec sans se ne'
  ).split(' '),
);

/** The most frequent meaningful terms of a text, with counts (input for related-article scoring). */
export function keyTerms(text: string, limit = 24): [string, number][] {
  const counts = new Map<string, number>();
  for (const raw of text.toLowerCase().match(/[\p{L}][\p{L}\p{N}]{2,}/gu) ?? []) {
    if (STOP.has(raw) || raw.length > 30) continue;
    counts.set(raw, (counts.get(raw) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
}
