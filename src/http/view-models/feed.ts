// Builds RSS 2.0, Atom and JSON Feed documents from feed rows and site settings with the `feed` library.
// Links are absolute; each item's id is the article's permanent `/?p=<id>` URL, which no edit can change.
import { Feed, type Item } from 'feed';
import type { FeedRow } from '../../db/syndication-repo.js';
import { escapeHtml } from '../../lib/html.js';
import { absolute } from './seo.js';
import { guidUrl } from './wp-post.js';
import { cdataSafe, xmlSafe } from './xml-text.js';
import { articlePath, authorPath, categoryPath, type FeedExtension } from '../../lib/urls.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
export const FEED_EXT: Record<FeedFormat, string> = { rss: 'xml', atom: 'atom', json: 'json' };

export interface FeedInput {
  baseUrl: string;
  lang: string;
  title: string;
  description: string;
  /** The page the feed follows, e.g. /en/ or /en/category/news. */
  pagePath: string;
  /** The feed's own path in each format, e.g. /en/feed.atom or /en/category/news/feed.json. */
  feedAt: (ext: FeedExtension) => string;
  /** Where this RSS document is served when not at `feedAt('xml')` (the site-wide /feed.xml). */
  rssPath?: string;
  rows: readonly FeedRow[];
  content: 'full' | 'excerpt';
  /** Turns an article's stored body into the HTML readers get (CTA blocks expanded). */
  bodyHtml: (row: FeedRow) => string;
  /** When the feed last changed if it has no items (keeps the document, and its ETag, stable). */
  emptyUpdated: number;
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

function imageType(url: string): string | null {
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase() ?? '';
  return IMAGE_TYPES[ext] ?? null;
}

function itemFor(row: FeedRow, input: FeedInput, format: FeedFormat): Item {
  const base = input.baseUrl;
  const link = base + articlePath(row.lang, row.slug);
  const image = row.image ? absolute(base, row.image) : null;
  const author = row.author_name ?? row.author_slug;
  const category = row.category_name ?? row.category_slug;
  const figure = image
    ? `<p><img src="${escapeHtml(image)}" alt="${escapeHtml(row.image_alt ?? '')}"></p>`
    : '';
  const content = input.content === 'full' ? cdataSafe(figure + input.bodyHtml(row)) : undefined;
  const item: Item = {
    // RSS and JSON Feed titles are plain text; Atom's are declared HTML, so they are escaped there.
    title:
      format === 'atom'
        ? cdataSafe(escapeHtml(row.title))
        : format === 'rss'
          ? cdataSafe(row.title)
          : row.title,
    id: guidUrl(base, row.id),
    link,
    date: new Date(Math.max(row.modified_at, row.published_at)),
    published: new Date(row.published_at),
    description: cdataSafe(escapeHtml(row.excerpt)),
    ...(content === undefined ? {} : { content }),
    category: [
      {
        name: xmlSafe(category),
        term: row.category_slug,
        domain: base + categoryPath(row.lang, row.category_slug),
      },
    ],
  };
  if (format === 'rss') {
    // RSS's <author> must be an e-mail address; Dublin Core's creator carries a name (its namespace comes with content:encoded).
    if (content !== undefined)
      item.extensions = [{ name: 'dc:creator', objects: { _cdata: cdataSafe(author) } }];
    const type = image ? imageType(image) : null;
    if (image && type) item.enclosure = { url: image, type, length: 0 };
  } else {
    item.author = [{ name: xmlSafe(author), link: base + authorPath(row.lang, row.author_slug) }];
    if (format === 'json' && image) item.image = image;
  }
  return item;
}

export function buildFeed(input: FeedInput, format: FeedFormat): string {
  const base = input.baseUrl;
  const updated = input.rows.reduce(
    (t, r) => Math.max(t, r.modified_at, r.published_at),
    input.rows.length ? 0 : input.emptyUpdated,
  );
  const feed = new Feed({
    id: absolute(base, input.pagePath),
    title: xmlSafe(input.title),
    description: xmlSafe(input.description || input.title),
    link: absolute(base, input.pagePath),
    language: input.lang,
    updated: new Date(updated),
    generator: 'Folio',
    feedLinks: {
      rss: absolute(base, input.rssPath ?? input.feedAt('xml')),
      atom: absolute(base, input.feedAt('atom')),
      json: absolute(base, input.feedAt('json')),
    },
  });
  for (const row of input.rows) feed.addItem(itemFor(row, input, format));
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  return feed.json1();
}
