import { describe, expect, it } from 'vitest';
import { planSitemap, splitParts, urlEntry, type SitemapUrl } from '../../src/http/view-models/sitemap.js';
import { cdataSafe, w3cDate, xmlSafe } from '../../src/http/view-models/xml-text.js';

const urls = (n: number): SitemapUrl[] =>
  Array.from({ length: n }, (_, i) => ({
    loc: `https://example.com/en/post-${i}`,
    lastmod: Date.UTC(2024, 0, 1 + i),
  }));

describe('sitemap parts', () => {
  it('when a type has more URLs than a part may hold, then it is split into numbered parts, each with its newest lastmod', () => {
    const parts = splitParts('articles', urls(12), { maxUrls: 5, maxBytes: 1_000_000 });
    expect(parts.map((p) => [p.n, p.entries.length])).toEqual([
      [1, 5],
      [2, 5],
      [3, 2],
    ]);
    expect(parts[2]?.lastmod).toBe(Date.UTC(2024, 0, 12));
  });

  it('when everything fits, then the plan is a single urlset; one URL more and it becomes an index', () => {
    const one = planSitemap(new Map([['articles', urls(5)]]), { maxUrls: 5, maxBytes: 1_000_000 });
    expect(one.kind).toBe('single');
    const many = planSitemap(new Map([['articles', urls(6)]]), { maxUrls: 5, maxBytes: 1_000_000 });
    expect(many.kind).toBe('index');
  });

  it('when a URL holds XML specials or raw spaces, then the entry escapes and encodes them', () => {
    expect(
      urlEntry({
        loc: 'https://example.com/a?x=1&y=<2>',
        lastmod: null,
        images: ['https://example.com/a b.png'],
      }),
    ).toBe(
      '<url><loc>https://example.com/a?x=1&amp;y=%3C2%3E</loc><image:image><image:loc>https://example.com/a%20b.png</image:loc></image:image></url>\n',
    );
  });
});

describe('XML text', () => {
  it('when text holds characters XML forbids, then they are dropped; CDATA closers are neutralised', () => {
    expect(xmlSafe('a\u0000b\u0008c\uFFFEd\tok')).toBe('abcd\tok');
    expect(cdataSafe('x]]>y]]>z')).toBe('x]]&gt;y]]&gt;z');
    expect(w3cDate(Date.UTC(2024, 1, 3, 4, 5, 6, 789))).toBe('2024-02-03T04:05:06Z');
  });
});
