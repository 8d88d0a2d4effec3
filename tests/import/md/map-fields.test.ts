import { describe, expect, it } from 'vitest';
import { mapFields } from '../../../src/import/md/map-fields.js';
import type { PathFacts } from '../../../src/import/md/source-files.js';

const facts = (over: Partial<PathFacts> = {}): PathFacts => ({
  slug: 'a-post',
  date: null,
  lang: null,
  bundleDir: null,
  draft: false,
  ...over,
});
const site = { languages: ['en', 'fr'], defaultLang: 'en' };
const map = (data: Record<string, unknown>, f = facts(), options = {}) =>
  mapFields(data, f, { ...site, ...options });

describe('front matter aliases from other engines', () => {
  it('description, summary and excerpt become the excerpt', () => {
    expect(map({ description: 'From Astro.' }).excerpt).toBe('From Astro.');
    expect(map({ summary: 'From Hugo.' }).excerpt).toBe('From Hugo.');
    expect(map({ excerpt: 'From Jekyll.' }).excerpt).toBe('From Jekyll.');
  });

  it('pubDate, publishDate, date and the date in the file name become the date', () => {
    expect(map({ pubDate: 'Jul 08 2022' }).date).toBe('2022-07-08T00:00:00.000Z');
    expect(map({ publishDate: '2023-04-05' }).date).toBe('2023-04-05');
    expect(map({ date: '2023-04-05 10:30:00 +0200' }).date).toBe('2023-04-05T10:30:00+0200');
    expect(map({}, facts({ date: '2021-02-03' })).date).toBe('2021-02-03');
    expect(map({}).date).toBeNull();
  });

  it('lastmod, updatedDate and modified become updated, never before the date', () => {
    expect(map({ date: '2024-01-01', lastmod: '2024-02-01' }).updated).toBe('2024-02-01');
    expect(map({ date: '2024-01-01', updatedDate: '2024-03-01' }).updated).toBe('2024-03-01');
    expect(map({ date: '2024-01-01', modified: '2024-04-01' }).updated).toBe('2024-04-01');
    expect(map({ date: '2024-05-01', lastmod: '2024-02-01' }).updated).toBeNull();
  });

  it('the first of categories is the category and the rest are tags; a scalar tags becomes a list', () => {
    const m = map({ categories: ['Data Science', 'Python'], tags: 'pandas, numpy' });
    expect(m.category.slug).toBe('data-science');
    expect(m.category.name).toBe('Data Science');
    expect(m.tags).toEqual(['pandas', 'numpy', 'python']);
    expect(map({ categories: 'news' }).category.slug).toBe('news');
    expect(map({ tags: 'one two' }).tags).toEqual(['one', 'two']);
  });

  it('without a category or author the options are used, else placeholders', () => {
    expect(map({}, facts(), { category: 'guides', author: 'ann' }).category.slug).toBe('guides');
    expect(map({}, facts(), { category: 'guides', author: 'ann' }).author.slug).toBe('ann');
    expect(map({}).category).toMatchObject({ slug: 'uncategorized', placeholder: true });
    expect(map({}).author).toMatchObject({ slug: 'imported-author', placeholder: true });
  });

  it('heroImage, cover and image become the featured image with its alt', () => {
    expect(map({ heroImage: '/hero.png' }).image).toEqual({ src: '/hero.png', alt: null });
    expect(map({ cover: { image: 'c.png', alt: 'A cover' } }).image).toEqual({
      src: 'c.png',
      alt: 'A cover',
    });
    expect(map({ image: { src: './i.png', alt: 'An image' } }).image).toEqual({
      src: './i.png',
      alt: 'An image',
    });
    expect(map({ image: 'i.png', image_alt: 'Alt text' }).image).toEqual({ src: 'i.png', alt: 'Alt text' });
  });

  it('draft: true, published: false and a _drafts folder make a draft', () => {
    expect(map({ draft: true }).draft).toBe(true);
    expect(map({ published: false }).draft).toBe(true);
    expect(map({}, facts({ draft: true })).draft).toBe(true);
    expect(map({ published: true }).draft).toBe(false);
  });

  it('Docusaurus authors as a key, a list or objects: the first is the author, the others are reported', () => {
    expect(map({ authors: 'ada' }).author).toMatchObject({ slug: 'ada', name: 'Ada' });
    const m = map({ authors: [{ name: 'Grace Hopper', title: 'Reviewer' }, 'ada'] });
    expect(m.author).toMatchObject({ slug: 'grace-hopper', name: 'Grace Hopper', placeholder: false });
    expect(m.notes.join('\n')).toContain('co-author(s) ada dropped');
  });

  it('a Gatsby path slug keeps its last part; the language comes from the front matter or the file name', () => {
    expect(map({ slug: '/blog/my-post/' }).slug).toBe('my-post');
    expect(map({ lang: 'fr' }).lang).toBe('fr');
    expect(map({}, facts({ lang: 'fr' })).lang).toBe('fr');
    const unknown = map({ lang: 'de' });
    expect(unknown.lang).toBe('en');
    expect(unknown.notes.join('\n')).toContain('language "de" is not in site.yml');
  });

  it('keys Folio does not use are named in a note', () => {
    expect(map({ layout: 'post', weight: 3, toc: true }).notes).toContain(
      'front matter keys Folio does not use were dropped: weight, toc',
    );
  });
});
