// The URL module: every public path is built and read back by one set of rules.
import { describe, expect, it } from 'vitest';
import {
  archivePath,
  articlePath,
  canonicalForm,
  categoryFeedPath,
  coursePath,
  decodePath,
  encodePath,
  enquiryPath,
  homePath,
  notFoundPath,
  pagePath,
  pathReader,
  RESERVED_PATH,
  realPagePattern,
  tagPath,
} from '../../src/lib/urls.js';

describe('building paths', () => {
  it('when a page is asked for, then its path is the one the router serves', () => {
    expect(homePath('en')).toBe('/en/');
    expect(articlePath('fr', 'bonjour')).toBe('/fr/bonjour');
    expect(archivePath('category', 'en', 'data')).toBe('/en/category/data');
    expect(pagePath(archivePath('author', 'en', 'ada'), 1)).toBe('/en/author/ada');
    expect(pagePath(archivePath('author', 'en', 'ada'), 3)).toBe('/en/author/ada/page/3');
    expect(categoryFeedPath('en', 'data', 'atom')).toBe('/en/category/data/feed.atom');
    expect(coursePath('en', 'data', 'sql-basics')).toBe('/en/courses/data/sql-basics');
    expect(enquiryPath('en', 'data', 'sql-basics')).toBe('/en/courses/data/sql-basics/enquiry');
    expect(notFoundPath('en', 'en')).toBe('/404');
    expect(notFoundPath('fr', 'en')).toBe('/fr/404');
  });

  it('when a tag slug is in another script, then its path is percent-encoded and decodes back', () => {
    const path = tagPath('en', 'дані');
    expect(path).toBe('/en/tag/%D0%B4%D0%B0%D0%BD%D1%96');
    expect(decodePath(path)).toBe('/en/tag/дані');
    expect(encodePath(decodePath(path))).toBe(path);
  });
});

describe('reading paths back', () => {
  const read = pathReader(['en', 'fr']);

  it.each([
    ['/en/some-article', { kind: 'article', lang: 'en', slug: 'some-article' }],
    ['/fr/bonjour/#part', { kind: 'article', lang: 'fr', slug: 'bonjour' }],
    ['/en/courses/data/sql-basics?from=x', { kind: 'course', area: 'data', slug: 'sql-basics' }],
    ['/en/courses', { kind: 'path', path: '/en/courses' }],
    ['/en/tags', { kind: 'path', path: '/en/tags' }],
    ['/en/search?q=sql', { kind: 'path', path: '/en/search' }],
    ['/de/some-article', { kind: 'path', path: '/de/some-article' }],
    ['/en/category/data', { kind: 'path', path: '/en/category/data' }],
  ])('when a link names %s, then it is read as %o', (path, target) => {
    expect(read(path)).toEqual(target);
  });

  it("when an alias names one of the site's own pages, then it is a real page or reserved", () => {
    const real = realPagePattern(['en', 'fr']);
    for (const p of ['/en', '/en/', '/fr/category/x', '/en/tags', '/en/feed.atom', '/en/courses/a/b'])
      expect(real.test(p), p).toBe(true);
    for (const p of ['/en/old-post', '/blog/old', '/de/category/x']) expect(real.test(p), p).toBe(false);
    for (const p of ['/wp-json/wp/v2/posts', '/sitemap-articles-1.xml', '/llms.txt', '/_img/x.avif'])
      expect(RESERVED_PATH.test(p), p).toBe(true);
    expect(RESERVED_PATH.test('/blog/sitemap')).toBe(false);
  });
});

describe('canonicalForm', () => {
  it.each([
    ['/en//a//b/', '/en/a/b'],
    ['/EN/Some-Slug', '/en/some-slug'],
    ['/en', '/en/'],
    ['/fr/', '/fr/'],
    ['/Blog/Old/', '/Blog/Old'],
    ['/', '/'],
  ])('when the path is %s, then the canonical form is %s', (path, canonical) => {
    expect(canonicalForm(path, ['en', 'fr'])).toBe(canonical);
  });
});
