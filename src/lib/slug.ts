// Slugs for URLs: the one rule for what a slug looks like and how free text becomes one (ASCII for
// articles and file names, Unicode-preserving for tags), sharing one transliteration.

export const SLUG_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX = 80;

export function isSlug(text: string): boolean {
  return SLUG_RE.test(text);
}

/** Latin letters that NFKD does not take apart into ASCII plus accents (input is lower-cased first). */
const LATIN: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
  ŀ: 'l',
  ƒ: 'f',
  ə: 'e',
};

/** Symbols that carry meaning in names: "C#" is not "C", "C++" is not "C". */
const SYMBOLS: Readonly<Record<string, string>> = { '&': 'and', '#': 'sharp', '+': 'plus' };

const MARK = /^\p{M}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const ASCII = /^[\x20-\x7e]*$/;

/**
 * Words of `text` joined by "-": Latin letters transliterated to ASCII, `&#+` spelled out, punctuation and
 * spaces as separators. Letters of other scripts (with their combining marks) are kept when `keepScripts`.
 */
function transliterate(text: string, keepScripts: boolean): string {
  let out = '';
  // Whether the last base character was kept as it is, so a combining mark after it belongs to it.
  let keptBase = false;
  // Lower-cased as a whole, not per character: Greek final sigma depends on its neighbours.
  for (const ch of text.toLowerCase().normalize('NFC')) {
    const ascii = LATIN[ch] ?? ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const symbol = SYMBOLS[ascii];
    if (symbol) {
      out += ` ${symbol} `;
      keptBase = false;
      continue;
    }
    if (ascii !== '' && ASCII.test(ascii)) {
      out += ascii.replace(/[^a-z0-9]+/g, ' ');
      keptBase = false;
    } else if (keepScripts && (LETTER_OR_DIGIT.test(ch) || (keptBase && MARK.test(ch)))) {
      out += ch;
      keptBase = true;
    } else if (!MARK.test(ch)) {
      // A mark NFC could not compose onto an ASCII letter is dropped without splitting the word.
      out += ' ';
      keptBase = false;
    }
  }
  return out.trim().split(/ +/).join('-');
}

/** At most `max` code points, cut between characters a reader sees (never between a letter and its accent). */
function clip(slug: string, max: number): string {
  if ([...slug].length <= max) return slug;
  let out = '';
  let length = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(slug)) {
    length += [...segment].length;
    if (length > max) break;
    out += segment;
  }
  return out.replace(/-+$/, '');
}

/** An ASCII slug (`SLUG_RE`) for articles, courses and file names: "Straße & Œuvre" → "strasse-and-oeuvre". */
export function slugify(text: string): string {
  return clip(transliterate(text, false), MAX);
}

/**
 * A tag's slug: like `slugify`, but letters of non-Latin scripts stay (lower-cased, NFC) so "Привет" and
 * "日本語" keep their meaning; URLs percent-encode them. Empty when the name has no letter or digit.
 */
export function tagSlug(name: string): string {
  let slug = tagSlugs.get(name);
  if (slug === undefined) {
    if (tagSlugs.size >= TAG_MEMO_MAX) tagSlugs.clear();
    slug = clip(transliterate(name, true), MAX);
    tagSlugs.set(name, slug);
  }
  return slug;
}

/**
 * Remembered slugs of tag names: a few hundred names repeat over thousands of articles and every index
 * run checks them all, while the transliteration works character by character. Bounded; a pure cache.
 */
const tagSlugs = new Map<string, string>();
const TAG_MEMO_MAX = 20_000;

/** True when `text` is what `tagSlug` makes of it: a route parameter that can name a tag. */
export function isTagSlug(text: string): boolean {
  return text !== '' && tagSlug(text) === text;
}
