// Articles and courses in the shape of WordPress REST v2 post objects (the fields of the seed record).
import type { WpPostRow } from '../../db/wp-repo.js';
import type { CourseRow } from '../../db/site-repo.js';
import { toWpDate } from '../../lib/dates.js';
import { escapeHtml } from '../../lib/html.js';
import { absolute } from './seo.js';
import { articlePath, coursePath } from '../../lib/urls.js';

export type WpObject = Record<string, unknown>;

export interface WpSite {
  baseUrl: string;
  defaultLang: string;
}

export const apiRoot = (site: WpSite) => `${site.baseUrl}/wp-json/wp/v2`;
export const CURIES = [{ name: 'wp', href: 'https://api.w.org/{rel}', templated: true }];

/** The permanent id URL WordPress uses as `guid` (and Folio as the feed GUID): it never changes. */
export function guidUrl(baseUrl: string, id: number): string {
  return `${baseUrl}/?p=${id}`;
}

const rendered = (html: string) => ({ rendered: html });
const excerptHtml = (text: string) => `<p>${escapeHtml(text)}</p>\n`;

export function wpPost(
  row: WpPostRow,
  site: WpSite,
  extra: { contentHtml: string; translations: readonly { id: number; lang: string }[] },
): WpObject {
  const api = apiRoot(site);
  const modified = Math.max(row.modified_at, row.published_at);
  const tags = JSON.parse(row.tag_ids) as number[];
  const tagSlugs = JSON.parse(row.tag_slugs) as string[];
  const translations: Record<string, number> = { [row.lang]: row.id };
  for (const t of extra.translations) translations[t.lang] = t.id;
  return {
    id: row.id,
    date: toWpDate(row.published_at),
    date_gmt: toWpDate(row.published_at),
    guid: rendered(guidUrl(site.baseUrl, row.id)),
    modified: toWpDate(modified),
    modified_gmt: toWpDate(modified),
    slug: row.slug,
    status: 'publish',
    type: 'post',
    link: site.baseUrl + articlePath(row.lang, row.slug),
    title: rendered(escapeHtml(row.title)),
    content: { rendered: extra.contentHtml, protected: false },
    excerpt: { rendered: excerptHtml(row.excerpt), protected: false },
    author: row.author_id ?? 0,
    featured_media: 0,
    comment_status: 'closed',
    ping_status: 'closed',
    sticky: false,
    template: '',
    format: 'standard',
    meta: {},
    categories: row.category_id === null ? [] : [row.category_id],
    tags,
    class_list: [
      `post-${row.id}`,
      'post',
      'type-post',
      'status-publish',
      'format-standard',
      ...(row.image ? ['has-post-thumbnail'] : []),
      'hentry',
      `category-${row.category_slug}`,
      ...tagSlugs.map((s) => `tag-${s}`),
    ],
    // Polylang's field names, so multilingual WordPress clients find the language and its translations.
    lang: row.lang,
    translations,
    featured_image:
      row.image === null ? null : { url: absolute(site.baseUrl, row.image), alt: row.image_alt ?? '' },
    _links: {
      self: [{ href: `${api}/posts/${row.id}`, targetHints: { allow: ['GET'] } }],
      collection: [{ href: `${api}/posts` }],
      about: [{ href: `${api}/types/post` }],
      ...(row.author_id === null
        ? {}
        : { author: [{ embeddable: true, href: `${api}/users/${row.author_id}` }] }),
      'wp:term': [
        { taxonomy: 'category', embeddable: true, href: `${api}/categories?post=${row.id}` },
        { taxonomy: 'post_tag', embeddable: true, href: `${api}/tags?post=${row.id}` },
      ],
      curies: CURIES,
    },
  };
}

/** Courses as a custom post type `course` (rest base `courses`), as a WordPress site would register them. */
export function wpCourse(row: CourseRow, site: WpSite, contentHtml: string): WpObject {
  const api = apiRoot(site);
  return {
    id: row.id,
    date: toWpDate(row.modified_at),
    date_gmt: toWpDate(row.modified_at),
    guid: rendered(`${site.baseUrl}/?post_type=course&p=${row.id}`),
    modified: toWpDate(row.modified_at),
    modified_gmt: toWpDate(row.modified_at),
    slug: row.slug,
    status: 'publish',
    type: 'course',
    link: site.baseUrl + coursePath(site.defaultLang, row.area_slug, row.slug),
    title: rendered(escapeHtml(row.title)),
    content: { rendered: contentHtml, protected: false },
    excerpt: { rendered: excerptHtml(row.summary), protected: false },
    featured_media: 0,
    template: '',
    meta: {},
    course_area: row.area_slug,
    class_list: [`post-${row.id}`, 'course', 'type-course', 'status-publish', 'hentry'],
    _links: {
      self: [{ href: `${api}/courses/${row.id}`, targetHints: { allow: ['GET'] } }],
      collection: [{ href: `${api}/courses` }],
      about: [{ href: `${api}/types/course` }],
      curies: CURIES,
    },
  };
}
