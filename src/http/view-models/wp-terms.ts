// Categories, tags and authors in the shape of WordPress REST v2 terms and users.
import type { WpTermRow, WpUserRow } from '../../db/wp-repo.js';
import { absolute } from './seo.js';
import { apiRoot, CURIES, type WpObject, type WpSite } from './wp-post.js';
import { archivePath, authorPath } from '../../lib/urls.js';

export type Taxonomy = 'category' | 'post_tag';

export function wpTerm(row: WpTermRow, taxonomy: Taxonomy, site: WpSite): WpObject {
  const api = apiRoot(site);
  const base = taxonomy === 'category' ? 'categories' : 'tags';
  const filter = taxonomy === 'category' ? 'categories' : 'tags';
  return {
    id: row.id,
    count: row.count,
    description: row.description,
    link:
      site.baseUrl + archivePath(taxonomy === 'category' ? 'category' : 'tag', site.defaultLang, row.slug),
    name: row.name,
    slug: row.slug,
    taxonomy,
    ...(taxonomy === 'category' ? { parent: row.parent_id ?? 0 } : {}),
    meta: [],
    _links: {
      self: [{ href: `${api}/${base}/${row.id}`, targetHints: { allow: ['GET'] } }],
      collection: [{ href: `${api}/${base}` }],
      about: [{ href: `${api}/taxonomies/${taxonomy}` }],
      ...(taxonomy === 'category' && row.parent_id !== null
        ? { up: [{ embeddable: true, href: `${api}/categories/${row.parent_id}` }] }
        : {}),
      'wp:post_type': [{ href: `${api}/posts?${filter}=${row.id}` }],
      curies: CURIES,
    },
  };
}

const AVATAR_SIZES = ['24', '48', '96'] as const;

export function wpUser(row: WpUserRow, site: WpSite): WpObject {
  const api = apiRoot(site);
  const avatar = row.avatar ? absolute(site.baseUrl, row.avatar) : null;
  return {
    id: row.id,
    name: row.name,
    url: row.url ?? '',
    description: row.bio,
    link: site.baseUrl + authorPath(site.defaultLang, row.slug),
    slug: row.slug,
    avatar_urls: avatar ? Object.fromEntries(AVATAR_SIZES.map((s) => [s, avatar])) : {},
    meta: [],
    _links: {
      self: [{ href: `${api}/users/${row.id}`, targetHints: { allow: ['GET'] } }],
      collection: [{ href: `${api}/users` }],
    },
  };
}
