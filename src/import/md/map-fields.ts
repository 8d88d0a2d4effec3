// Another engine's front matter → Folio's fields. Aliases: description/summary → excerpt; pubDate,
// publishDate, date in the file name → date; lastmod, updatedDate, modified → updated; the first of
// categories → category and the rest tags; heroImage/cover/image → image with its alt; draft or published: false.
import { truncateText } from '../../lib/html.js';
import { slugify } from '../../lib/slug.js';
import type { Named } from '../post-identity.js';
import { imageOf, isDraft, isoDate, people, stringList, textOf } from './field-values.js';
import type { PathFacts } from './source-files.js';

export interface MapOptions {
  category?: string;
  author?: string;
  lang?: string;
  languages: readonly string[];
  defaultLang: string;
}

export interface MappedFields {
  title: string | null;
  slug: string;
  /** Null when neither the front matter nor the file name gives one: the file is skipped. */
  date: string | null;
  updated: string | null;
  excerpt: string | null;
  tags: string[];
  draft: boolean;
  lang: string;
  aliases: string[];
  image: { src: string; alt: string | null } | null;
  category: Named;
  otherCategories: Named[];
  author: Named;
  notes: string[];
}

/** Keys Folio reads through an alias or that only steer the old engine's templates: not reported as dropped. */
const KNOWN = new Set([
  'title',
  'slug',
  'date',
  'pubDate',
  'publishDate',
  'published',
  'lastmod',
  'updatedDate',
  'updated',
  'modified',
  'description',
  'summary',
  'excerpt',
  'categories',
  'category',
  'tags',
  'tag',
  'author',
  'authors',
  'heroImage',
  'cover',
  'image',
  'image_alt',
  'imageAlt',
  'heroImageAlt',
  'draft',
  'lang',
  'language',
  'aliases',
  'layout',
  'permalink',
  'url',
]);

/** A name written as a key (`baking`, `ada`) reads better capitalised; the editor is told to check it. */
const named = (text: string, placeholder = false): Named => {
  const slug = slugify(text);
  const key = slug === text;
  return {
    slug,
    name: key ? text.charAt(0).toUpperCase() + text.slice(1).replace(/-/g, ' ') : text,
    placeholder: placeholder || key,
    wpId: null,
  };
};
/** Eleventy files join collections through tags; "post" and "posts" are not topics. */
const COLLECTION_TAGS = new Set(['post', 'posts']);

/** Gatsby and Docusaurus slugs are often paths (`/blog/my-post/`): the last part is the article's slug. */
const lastSegment = (text: string | null) =>
  text === null ? null : (text.split('/').filter(Boolean).pop() ?? null);

function firstOf(data: Record<string, unknown>, keys: string[]): unknown {
  for (const k of keys) if (data[k] !== undefined && data[k] !== null && data[k] !== '') return data[k];
  return undefined;
}

function categoriesOf(data: Record<string, unknown>, options: MapOptions): Named[] {
  const listed = stringList(firstOf(data, ['categories', 'category']))
    .map((c) => named(c))
    .filter((c) => c.slug);
  if (listed.length) return listed;
  if (options.category) return [named(options.category)];
  return [named('Uncategorized', true)];
}

function aliasesOf(data: Record<string, unknown>, notes: string[]): string[] {
  const paths = [...stringList(data.aliases), ...stringList(firstOf(data, ['permalink', 'url']))];
  const ok = paths
    .map((p) => (p.startsWith('/') ? p.replace(/\/+$/, '') || '/' : `/${p}`))
    .filter((p) => /^\/[A-Za-z0-9._~\-/%]+$/.test(p));
  if (ok.length < paths.length)
    notes.push(
      `${paths.length - ok.length} old address(es) are not plain site paths and were not kept as aliases`,
    );
  return [...new Set(ok)];
}

export function mapFields(
  data: Record<string, unknown>,
  facts: PathFacts,
  options: MapOptions,
): MappedFields {
  const notes: string[] = [];
  const dateValue = firstOf(data, ['date', 'pubDate', 'publishDate', 'published']);
  const date = isoDate(dateValue) ?? facts.date;
  if (dateValue !== undefined && typeof dateValue !== 'boolean' && isoDate(dateValue) === null)
    notes.push(
      `the date ${JSON.stringify(dateValue)} could not be read${facts.date ? '; the date in the file name was used' : ''}`,
    );
  const updatedValue = firstOf(data, ['lastmod', 'updatedDate', 'updated', 'modified']);
  let updated = isoDate(updatedValue);
  if (updated && date && updated.slice(0, 10) < date.slice(0, 10)) updated = null;

  const rawExcerpt = textOf(firstOf(data, ['description', 'summary', 'excerpt']));
  const excerpt = rawExcerpt ? truncateText(rawExcerpt.replace(/\s+/g, ' '), 300) : null;
  if (rawExcerpt && excerpt !== rawExcerpt.replace(/\s+/g, ' '))
    notes.push('the description was longer than 300 characters and was shortened');

  const [category = named('Uncategorized', true), ...otherCategories] = categoriesOf(data, options);
  const written = stringList(firstOf(data, ['tags', 'tag']));
  const topical = written.filter((t) => !COLLECTION_TAGS.has(t.toLowerCase()));
  if (topical.length < written.length)
    notes.push('the collection tag "post" was dropped (it groups pages, it is not a topic)');
  const tags = [...new Set([...topical, ...otherCategories.map((c) => c.slug)])].filter(
    (t) => slugify(t) !== '',
  );
  if (otherCategories.length)
    notes.push(
      `also in ${otherCategories.map((c) => c.slug).join(', ')}: a Folio article has one category, so these became tags`,
    );

  const [author, ...coAuthors] = people(firstOf(data, ['authors', 'author']));
  if (coAuthors.length)
    notes.push(
      `co-author(s) ${coAuthors.map((a) => a.name).join(', ')} dropped: a Folio article has one author`,
    );

  const langValue = textOf(firstOf(data, ['lang', 'language'])) ?? facts.lang ?? options.lang ?? null;
  const lang =
    langValue && options.languages.includes(langValue.toLowerCase())
      ? langValue.toLowerCase()
      : options.defaultLang;
  if (langValue && lang !== langValue.toLowerCase())
    notes.push(`language "${langValue}" is not in site.yml; the article is in ${lang}`);

  const image = imageOf(firstOf(data, ['heroImage', 'cover', 'image', 'featured_image']));
  const alt = textOf(firstOf(data, ['image_alt', 'imageAlt', 'heroImageAlt']));
  const dropped = Object.keys(data).filter((k) => !KNOWN.has(k));
  if (dropped.length) notes.push(`front matter keys Folio does not use were dropped: ${dropped.join(', ')}`);

  return {
    title: textOf(data.title),
    slug:
      slugify(lastSegment(textOf(data.slug)) ?? facts.slug) ||
      slugify(textOf(data.title) ?? '') ||
      'imported',
    date,
    updated,
    excerpt,
    tags: tags.slice(0, 30),
    draft: isDraft(data) || facts.draft,
    lang,
    aliases: aliasesOf(data, notes),
    image: image ? { src: image.src, alt: image.alt ?? alt } : null,
    category,
    otherCategories,
    author: author
      ? named(author.name)
      : options.author
        ? named(options.author)
        : named('Imported author', true),
    notes,
  };
}
