// Values derived from a rendered body: excerpt, word count, reading time and the key terms behind related lists.
import { describe, expect, it } from 'vitest';
import {
  EXCERPT_MAX,
  countWords,
  firstParagraphText,
  keyTerms,
  makeExcerpt,
  readingMinutes,
} from '../../src/content/derive.js';

describe('excerpts', () => {
  it('when the body starts with a heading and a paragraph, then the excerpt is the first paragraph as text', () => {
    const html = '<h2>Intro</h2><p>Data <strong>engineers</strong> build &amp; run pipelines.</p><p>Second.</p>';
    expect(firstParagraphText(html)).toBe('Data engineers build & run pipelines.');
    expect(makeExcerpt(html, 'ignored')).toBe('Data engineers build & run pipelines.');
  });

  it('when the body has no paragraph, then the excerpt comes from the body text', () => {
    expect(makeExcerpt('<ul><li>One</li></ul>', 'One item only')).toBe('One item only');
  });

  it('when the first paragraph is long, then the excerpt is cut at a word within 300 characters and ends with …', () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const excerpt = makeExcerpt(`<p>${words}</p>`, '');
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX);
    expect(excerpt).toMatch(/ word\d+…$/);
    expect(words.startsWith(excerpt.slice(0, -1))).toBe(true);
  });
});

describe('words and reading time', () => {
  it('when text has contractions, hyphens, digits and accents, then each word counts once', () => {
    expect(countWords("It's a well-known fact: 3 cafés, l’été — 42!")).toBe(8);
    expect(countWords('  ... ')).toBe(0);
  });

  it('when an article is read at 220 words a minute, then the time is rounded and never under a minute', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(329)).toBe(1);
    expect(readingMinutes(330)).toBe(2);
    expect(readingMinutes(2200)).toBe(10);
  });
});

describe('key terms', () => {
  it('when text repeats meaningful words, then they come first by count, ties alphabetically, without stop words', () => {
    const text = 'The pipeline moves data. The pipeline runs nightly; data arrives, and the warehouse stores data.';
    expect(keyTerms(text, 3)).toEqual([
      ['data', 3],
      ['pipeline', 2],
      ['arrives', 1],
    ]);
  });

  it('when words are short, start with a digit, or are French stop words, then they are not terms', () => {
    expect(keyTerms('an ox 2024 les données dans le cloud', 10)).toEqual([
      ['cloud', 1],
      ['données', 1],
    ]);
  });

  it('when there are more distinct words than the limit, then exactly the best ones are kept', () => {
    const text = Array.from({ length: 40 }, (_, i) => `term${String(i).padStart(2, '0')} `.repeat((i % 5) + 1)).join('');
    const best = keyTerms(text, 8);
    expect(best).toHaveLength(8);
    expect(best.every(([, n]) => n === 5)).toBe(true);
    expect(best.map(([w]) => w)).toEqual(['term04', 'term09', 'term14', 'term19', 'term24', 'term29', 'term34', 'term39']);
  });
});
