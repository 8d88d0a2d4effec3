// Where an imported WordPress post will live and what it belongs to: language, slug, file path, category
// and author, decided for the whole batch before any body is converted.
import { decodeHTML } from 'entities';
import { slugify } from '../lib/slug.js';
import type { SiteKnowledge } from './links.js';
import { classList, type WpPostRecord } from './wp-record.js';

export interface Named {
  slug: string;
  name: string;
  /** True when WordPress's export did not say the name and a placeholder was made up. */
  placeholder: boolean;
  /** What the WordPress id was, for the report. */
  wpId: number | null;
}

export interface PostIdentity {
  wpId: number;
  lang: string;
  slug: string;
  /** Path relative to the content directory. */
  path: string;
  origin: string | null;
  category: Named;
  otherCategories: Named[];
  author: Named;
  notes: string[];
}

export const IMPORT_DIR = 'articles/imported';
export const plain = (html: string) =>
  decodeHTML(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

function titleCase(slug: string): string {
  const words = slug.split('-').filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ') || slug;
}

function originOf(link: string | null | undefined): string | null {
  if (!link) return null;
  try {
    const u = new URL(link);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

export function cleanSlug(raw: string): string {
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    /* keep the raw text */
  }
  return slugify(text);
}

export function terms(record: WpPostRecord, taxonomy: string) {
  return (record._embedded?.['wp:term'] ?? []).flat().filter((t) => t.taxonomy === taxonomy);
}

function categoriesOf(record: WpPostRecord): Named[] {
  const embedded = terms(record, 'category');
  if (embedded.length)
    return embedded.map((t) => ({
      slug: cleanSlug(t.slug),
      name: decodeHTML(t.name),
      placeholder: false,
      wpId: t.id,
    }));
  const fromClasses = classList(record)
    .filter((c) => c.startsWith('category-'))
    .map((c) => cleanSlug(c.slice('category-'.length)))
    .filter((s) => s !== '');
  if (fromClasses.length)
    return fromClasses.map((slug, i) => ({
      slug,
      name: titleCase(slug),
      placeholder: true,
      wpId: fromClasses.length === record.categories.length ? (record.categories[i] ?? null) : null,
    }));
  if (record.categories.length)
    return record.categories.map((id) => ({
      slug: `wp-category-${id}`,
      name: `WordPress category ${id}`,
      placeholder: true,
      wpId: id,
    }));
  return [{ slug: 'uncategorized', name: 'Uncategorized', placeholder: true, wpId: null }];
}

function authorOf(record: WpPostRecord): Named {
  const embedded = record._embedded?.author?.[0];
  const id = record.author ?? null;
  if (embedded?.name) {
    const slug = cleanSlug(embedded.slug ?? embedded.name) || `wp-author-${id ?? 0}`;
    return { slug, name: decodeHTML(embedded.name), placeholder: false, wpId: id };
  }
  if (id !== null)
    return { slug: `wp-author-${id}`, name: `WordPress author ${id}`, placeholder: true, wpId: id };
  return { slug: 'wp-author', name: 'WordPress author', placeholder: true, wpId: null };
}

/** Where a post will live and what it belongs to; decided for the whole batch before any body is converted. */
export function identify(
  record: WpPostRecord,
  site: Pick<SiteKnowledge, 'languages' | 'defaultLang'>,
): PostIdentity {
  const notes: string[] = [];
  const origin = originOf(record.link);
  const linkPath = record.link ? new URL(record.link, 'http://x.invalid').pathname : '';
  const first = linkPath.split('/').filter(Boolean)[0] ?? '';
  const lang = site.languages.includes(first) ? first : site.defaultLang;
  let slug = cleanSlug(record.slug);
  if (!slug) slug = slugify(plain(record.title.rendered)) || `wp-${record.id}`;
  if (slug !== record.slug)
    notes.push(`slug "${record.slug}" became "${slug}" (lowercase letters, digits and hyphens only)`);
  const [
    category = { slug: 'uncategorized', name: 'Uncategorized', placeholder: true, wpId: null },
    ...otherCategories
  ] = categoriesOf(record);
  return {
    wpId: record.id,
    lang,
    slug,
    path: lang === site.defaultLang ? `${IMPORT_DIR}/${slug}.md` : `${IMPORT_DIR}/${lang}/${slug}.md`,
    origin,
    category,
    otherCategories,
    author: authorOf(record),
    notes,
  };
}
