// A word in nearly every article: the search still answers a correct first page (title matches first,
// even the oldest), says "more than 1,000" instead of a count it no longer computes, and pages through
// the 1,000 listed results with working links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringsFor } from '../../src/http/i18n.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';
import { cardPaths, element, links, mustFind, textOf } from './reader-html.js';

const NOW = Date.parse('2024-06-01T12:00:00Z');
const FILLERS = 1_020;

const files: Record<string, string> = {
  // First and last in path order, so one of them is among the first indexed whichever way ids run.
  'articles/aaa-title.md': article(
    { title: 'Everyday gearbox care', slug: 'first-title', date: '2019-01-01' },
    'Everyday checks.\n',
  ),
  'articles/zzz-title.md': article(
    { title: 'Everyday gearbox repairs', slug: 'last-title', date: '2019-01-02' },
    'Everyday fixes.\n',
  ),
};
for (let i = 0; i < FILLERS; i++) {
  const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  files[`articles/m-${String(i).padStart(4, '0')}.md`] = article(
    { title: `Story ${i}`, slug: `story-${i}`, date: day },
    `A story about the everyday life of gearbox number ${i}, told in plain words.\n`,
  );
}

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite({ sample: false, files, now: () => NOW });
}, 120_000);
afterAll(async () => site.close());

const get = (query: string) => site.http.get(`/en/search?${query}`);
const rel = (html: string, kind: 'prev' | 'next') =>
  links(element(html, 'nav', 'class="pagination"') ?? '').find((l) => l.tag.includes(`rel="${kind}"`))
    ?.href ?? null;

describe('a word in nearly every article', () => {
  it('when it is searched, then the title matches come first and the count says more than 1,000', async () => {
    const res = await get('q=everyday');
    expect(res.status).toBe(200);
    expect(textOf(mustFind(res.text, 'h1'))).toBe('More than 1,000 results for “everyday”');
    expect(res.text).toContain(
      'So many articles match that only 1,000 are listed. Add a word to narrow the search.',
    );
    const cards = cardPaths(res.text);
    expect(cards).toHaveLength(10);
    expect(cards.slice(0, 2).sort()).toEqual(['/en/first-title', '/en/last-title']);
    expect(textOf(mustFind(res.text, 'nav', 'class="pagination"'))).toContain('Page 1 of 100');
  });

  it('when the next-page link is followed, then it shows ten other results, up to page 100 and no further', async () => {
    const first = await get('q=everyday');
    const next = rel(first.text, 'next');
    expect(next).toBe('/en/search?q=everyday&page=2');
    const second = await site.http.get(next ?? '');
    const seen = cardPaths(second.text);
    expect(seen).toHaveLength(10);
    expect(seen.filter((p) => cardPaths(first.text).includes(p))).toEqual([]);
    const last = await get('q=everyday&page=100');
    expect(cardPaths(last.text)).toHaveLength(10);
    expect(rel(last.text, 'next')).toBeNull();
    expect(rel(last.text, 'prev')).toBe('/en/search?q=everyday&page=99');
    const beyond = await get('q=everyday&page=150');
    expect(textOf(mustFind(beyond.text, 'nav', 'class="pagination"'))).toContain('Page 100 of 100');
  });

  it('when two letters are typed, then they match as the start of words and still answer', async () => {
    const res = await get('q=ev');
    expect(res.status).toBe(200);
    expect(textOf(mustFind(res.text, 'h1'))).toBe('More than 1,000 results for “ev”');
  });
});

describe('the wording', () => {
  it('when there are more results than listed, then both languages say "more than" with their own digits', () => {
    expect(stringsFor('en').resultsFor('x', 1000, true)).toBe('More than 1,000 results for “x”');
    expect(stringsFor('fr').resultsFor('x', 1000, true)).toBe('Plus de 1\u202f000 résultats pour « x »');
    expect(stringsFor('fr').manyResults(1000)).toBe(
      'Tant d’articles correspondent que seuls 1\u202f000 sont listés. Ajoutez un mot pour affiner la recherche.',
    );
    expect(stringsFor('en').resultsFor('x', 12)).toBe('12 results for “x”');
  });
});
