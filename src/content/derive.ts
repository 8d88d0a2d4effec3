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

// Most text is ASCII, where the Unicode-class patterns below mean exactly these cheaper ones.
const ASCII = /^[\x00-\x7f]*$/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const ASCII_WORD = /[A-Za-z0-9][A-Za-z0-9'-]*/g;
const TERM = /[\p{L}][\p{L}\p{N}]{2,29}(?![\p{L}\p{N}])/gu;

export function countWords(text: string): number {
  const m = text.match(ASCII.test(text) ? ASCII_WORD : WORD);
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

const isAsciiAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * The matches of TERM in lower-case ASCII text, without a regular expression: in each run of letters and
 * digits, the suffix of 3 to 30 characters that starts at the first letter it can (the regex's own rule).
 */
function asciiTerms(text: string, emit: (word: string) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isAsciiAlnum(text.charCodeAt(i))) i++;
    const start = i;
    while (i < n && isAsciiAlnum(text.charCodeAt(i))) i++;
    for (let p = Math.max(start, i - 30); p <= i - 3; p++) {
      const c = text.charCodeAt(p);
      if (c >= 97 && c <= 122) {
        emit(text.slice(p, i));
        break;
      }
    }
  }
}

/** The most frequent meaningful terms of a text, with counts (input for related-article scoring). */
export function keyTerms(text: string, limit = 24): [string, number][] {
  const counts = new Map<string, number>();
  const lower = text.toLowerCase();
  const count = (word: string) => {
    if (!STOP.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  };
  if (ASCII.test(lower)) asciiTerms(lower, count);
  else for (const word of lower.match(TERM) ?? []) count(word);
  // Partial selection: keep the best `limit` without sorting every distinct word.
  const best: [string, number][] = [];
  for (const entry of counts) {
    const last = best[best.length - 1];
    if (best.length === limit && last && (entry[1] < last[1] || (entry[1] === last[1] && entry[0] > last[0]))) continue;
    let at = best.length;
    while (at > 0) {
      const prev = best[at - 1] as [string, number];
      if (prev[1] > entry[1] || (prev[1] === entry[1] && prev[0] < entry[0])) break;
      at--;
    }
    best.splice(at, 0, entry);
    if (best.length > limit) best.pop();
  }
  return best;
}
