// Slug rules: tag slugs keep the meaning of a name in any script; article slugs stay ASCII.
import { describe, expect, it } from 'vitest';
import { isSlug, isTagSlug, slugify, tagSlug } from '../../src/lib/slug.js';

const TAGS: [string, string][] = [
  ['C', 'c'],
  ['C#', 'c-sharp'],
  ['C++', 'c-plus-plus'],
  ['F#', 'f-sharp'],
  ['.NET', 'net'],
  ['Node.js', 'node-js'],
  ['R&D', 'r-and-d'],
  ['Straße', 'strasse'],
  ['Œuvre', 'oeuvre'],
  ['Ærø', 'aero'],
  ['Łódź', 'lodz'],
  ['Đakovo', 'dakovo'],
  ['Þingvellir', 'thingvellir'],
  ['Café crème', 'cafe-creme'],
  ['Ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
  ['Привет', 'привет'],
  ['Йошкар-Ола', 'йошкар-ола'],
  ['Ελληνικά', 'ελληνικά'],
  ['ΟΔΟΣ', 'οδος'],
  ['日本語', '日本語'],
  ['東京 タワー', '東京-タワー'],
  ['हिन्दी', 'हिन्दी'],
  ['Data  Engineering!', 'data-engineering'],
];

describe('tagSlug', () => {
  it.each(TAGS)('when the tag is %j, then its slug is %j', (name, slug) => {
    expect(tagSlug(name)).toBe(slug);
  });

  it('when tags differ only by # or +, then their slugs differ', () => {
    expect(new Set(['C', 'C#', 'C++'].map(tagSlug)).size).toBe(3);
  });

  it('when a tag has no letter or digit, then its slug is empty (the indexer reports it)', () => {
    expect(tagSlug('!!!')).toBe('');
    expect(tagSlug('—')).toBe('');
  });

  it('when a slug is made again from a slug, then it does not change (route parameters are checked that way)', () => {
    for (const [, slug] of TAGS) expect(isTagSlug(slug), slug).toBe(true);
    expect(isTagSlug('Привет')).toBe(false);
    expect(isTagSlug('c#')).toBe(false);
    expect(isTagSlug('')).toBe(false);
  });

  it('when a decomposed (NFD) name is slugified, then the slug is the composed (NFC) form', () => {
    expect(tagSlug('Ελληνικά'.normalize('NFD'))).toBe('ελληνικά'.normalize('NFC'));
    expect(tagSlug('Йод'.normalize('NFD'))).toBe('йод');
  });

  it('when a tag is very long, then its slug is cut at 80 characters between letters', () => {
    const slug = tagSlug('ά'.repeat(100));
    expect([...slug].length).toBe(80);
    expect(slug.normalize('NFC')).toBe(slug);
  });
});

describe('slugify (articles, courses, file names)', () => {
  it.each([
    ['Straße & Œuvre', 'strasse-and-oeuvre'],
    ['C# in 10 minutes', 'c-sharp-in-10-minutes'],
    ['Ærø, Łódź and Þórshöfn', 'aero-lodz-and-thorshofn'],
  ])('when the title is %j, then the slug is %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('when a title mixes scripts, then the slug stays ASCII: Latin transliterated, other scripts left out', () => {
    expect(slugify('Straße Привет мир')).toBe('strasse');
    expect(slugify('Привет мир')).toBe('');
    expect(slugify('日本語 2024')).toBe('2024');
    for (const [name] of TAGS) {
      const slug = slugify(name);
      if (slug !== '') expect(isSlug(slug), slug).toBe(true);
    }
  });

  it('when a slug is already valid, then slugify leaves it alone (file names are checked that way)', () => {
    for (const slug of ['c-sharp', 'what-does-a-data-engineer-do', 'a1-b2']) expect(slugify(slug)).toBe(slug);
    expect(slugify('C#')).toBe('c-sharp');
  });
});
