// Post objects for one API request, with what `_embed` asks for (author, categories and tags) loaded once
// per request, not once per post.
import type { createWpRepo, WpPostRow, WpTermRow, WpUserRow } from '../../db/wp-repo.js';
import type { CourseRow } from '../../db/site-repo.js';
import { absoluteHtml } from '../view-models/absolute-html.js';
import { expandCtas } from '../view-models/cta.js';
import { ctaLookup } from '../view-models/cta-lookup.js';
import { shape } from '../view-models/wp-fields.js';
import { wpPost, type WpObject, type WpSite } from '../view-models/wp-post.js';
import type { Common } from '../view-models/wp-queries.js';
import { wpTerm, wpUser } from '../view-models/wp-terms.js';

const wants = (embed: boolean | string[], rel: string) =>
  embed === true || (Array.isArray(embed) && embed.includes(rel));

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

const EMBED = { context: 'embed' as const, fields: null };

export function postShaper(
  wp: ReturnType<typeof createWpRepo>,
  course: (area: string, slug: string) => CourseRow | null,
  site: WpSite,
  now: number,
  q: Pick<Common, 'shape' | 'embed'>,
): (row: WpPostRow) => WpObject {
  const lookup = ctaLookup(course);
  let users: Map<number, WpUserRow> | null = null;
  let cats: Map<number, WpTermRow> | null = null;
  let tags: Map<number, WpTermRow> | null = null;
  return (row) => {
    const content = absoluteHtml(expandCtas(row.body_html, lookup, site.defaultLang, row.slug), site.baseUrl);
    const translations = row.translation_key
      ? wp.translations(row.translation_key, now).filter((t) => t.id !== row.id)
      : [];
    const obj = wpPost(row, site, { contentHtml: content, translations });
    const embedded: WpObject = {};
    if (wants(q.embed, 'author') && row.author_id !== null) {
      users ??= byId(wp.users(now));
      const u = users.get(row.author_id);
      if (u) embedded.author = [shape(wpUser(u, site), 'user', EMBED)];
    }
    if (wants(q.embed, 'wp:term')) {
      cats ??= byId(wp.categories(now));
      tags ??= byId(wp.tags(now));
      const cat = row.category_id === null ? undefined : cats.get(row.category_id);
      const tagRows = (JSON.parse(row.tag_ids) as number[]).flatMap((id) => tags?.get(id) ?? []);
      embedded['wp:term'] = [
        cat ? [shape(wpTerm(cat, 'category', site), 'term', EMBED)] : [],
        tagRows.map((t) => shape(wpTerm(t, 'post_tag', site), 'term', EMBED)),
      ];
    }
    return shape(obj, 'post', q.shape, embedded);
  };
}
