// One WordPress post record → one Folio article file: front matter (title, dates, category, tags, author,
// excerpt, image, aliases) and a Markdown body, with notes on everything that could not be carried over as
// it was. Where the post lives (post-identity.ts) is decided first, for the whole batch.
import { decodeHTML } from 'entities';
import { stringify } from 'yaml';
import { parseIsoDate } from '../lib/dates.js';
import { truncateText } from '../lib/html.js';
import { slugify } from '../lib/slug.js';
import { articlePath } from '../lib/urls.js';
import { htmlToMarkdown } from './html-to-markdown.js';
import { resolveLink, type SiteKnowledge } from './links.js';
import { cleanSlug, plain, terms, type PostIdentity } from './post-identity.js';
import { classList, type WpPostRecord } from './wp-record.js';
import { cleanWpHtml } from './wp-html.js';

export interface ConvertedPost extends PostIdentity {
  text: string;
  ctas: string[];
}

const EXCERPT_CHARS = 160;

/** `2023-05-31T13:38:11` in GMT → `2023-05-31T13:38:11Z`; null for WordPress's empty dates. */
function gmt(value: string | null | undefined): string | null {
  if (!value || value.startsWith('0000')) return null;
  const text = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  return parseIsoDate(text) === null ? null : text;
}

export function convertPost(record: WpPostRecord, id: PostIdentity, site: SiteKnowledge): ConvertedPost {
  const notes = [...id.notes];
  const fm: Record<string, unknown> = {};

  let title = plain(record.title.rendered);
  if (!title) {
    title = `Untitled post ${record.id}`;
    notes.push(`the post has no title; it was called "${title}"`);
  } else if (title.length > 200) {
    title = truncateText(title, 200);
    notes.push('the title was longer than 200 characters and was shortened');
  }
  fm.title = title;
  fm.slug = id.slug;

  let date = gmt(record.date_gmt);
  if (!date) {
    date = gmt(record.date) ?? '1970-01-01T00:00:00Z';
    notes.push('the export has no GMT date; the local date was read as UTC');
  }
  fm.date = date;
  const modified = gmt(record.modified_gmt) ?? gmt(record.modified);
  if (modified && (parseIsoDate(modified) ?? 0) > (parseIsoDate(date) ?? 0)) fm.updated = modified;

  fm.category = id.category.slug;
  if (id.otherCategories.length)
    notes.push(
      `also in ${id.otherCategories.map((c) => c.slug).join(', ')}: a Folio article has one category, so these became tags`,
    );
  const tagNames = terms(record, 'post_tag').map((t) => decodeHTML(t.name));
  const classTags = classList(record)
    .filter((c) => c.startsWith('tag-'))
    .map((c) => cleanSlug(c.slice(4)));
  const tags = [
    ...new Set([...(tagNames.length ? tagNames : classTags), ...id.otherCategories.map((c) => c.slug)]),
  ].filter((t) => slugify(t) !== '');
  if (record.tags.length > 0 && tagNames.length === 0 && classTags.length === 0)
    notes.push(`${record.tags.length} tag(s) could not be named: export with ?_embed to include tag names`);
  if (tags.length) fm.tags = tags.slice(0, 30);
  fm.author = id.author.slug;

  // Excerpts become meta descriptions: kept to the length search results show.
  const excerpt = truncateText(
    plain(record.excerpt?.rendered ?? '')
      .replace(/\s*(\[(…|\.\.\.)\]|…)\s*$/u, '')
      .replace(/\s*(Continue reading|Read more)\b.*$/i, ''),
    EXCERPT_CHARS,
  );
  if (excerpt) fm.excerpt = excerpt;

  const imageUrl = absoluteImageUrl(id.origin);
  featuredImage(record, imageUrl, title, fm, notes);

  if (record.content.protected)
    notes.push('the post is password-protected in WordPress: its content is not in the export');
  if (['draft', 'pending', 'private'].includes(record.status) || record.content.protected) {
    fm.draft = true;
    notes.push(
      `status "${record.status}${record.content.protected ? ', protected' : ''}" became draft: true`,
    );
  }
  if (id.lang !== site.defaultLang) fm.lang = id.lang;

  const oldPath = record.link ? new URL(record.link, 'http://x.invalid').pathname.replace(/\/+$/, '') : '';
  if (
    oldPath &&
    oldPath !== articlePath(id.lang, id.slug) &&
    /^\/[A-Za-z0-9._~\-/%]*$/.test(oldPath) &&
    oldPath !== '/'
  )
    fm.aliases = [oldPath];

  const cleaned = cleanWpHtml(record.content.rendered);
  notes.push(...cleaned.notes);
  const body = htmlToMarkdown(cleaned.html, {
    resolve: (href) => resolveLink(href, id.origin, site),
    imageUrl,
  });
  notes.push(...body.notes);
  if (body.markdown.trim() === '') notes.push('the post body is empty after conversion');

  const source = record.link ? `: ${record.link}` : '';
  const text = `---\n# Imported from WordPress post ${record.id}${source}\n${stringify(fm, { lineWidth: 0 })}---\n\n${body.markdown}`;
  return { ...id, notes, text, ctas: body.ctas };
}

function oneLineAlt(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** A body or featured image address made absolute against the old site; null when it is not http(s). */
function absoluteImageUrl(origin: string | null): (src: string) => string | null {
  return (src) => {
    try {
      const u = new URL(src, origin ?? undefined);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch {
      return null;
    }
  };
}

/** `image:` and `image_alt:` from the embedded featured media, with notes on what is missing. */
function featuredImage(
  record: WpPostRecord,
  imageUrl: (src: string) => string | null,
  title: string,
  fm: Record<string, unknown>,
  notes: string[],
): void {
  const media = record._embedded?.['wp:featuredmedia']?.[0];
  const image = media?.source_url ? imageUrl(media.source_url) : null;
  const alt = oneLineAlt(media?.alt_text);
  if (image) {
    fm.image = image;
    fm.image_alt = alt || title;
    if (!alt) notes.push('the featured image has no alt text; the title was used');
    notes.push(`the featured image still loads from ${new URL(image).host}`);
  } else if ((record.featured_media ?? 0) > 0)
    notes.push(
      `featured image ${record.featured_media} was not imported: the export has no URL for it (export with ?_embed)`,
    );
}
