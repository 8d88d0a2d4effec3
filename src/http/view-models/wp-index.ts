// The discovery documents WordPress REST clients read first: /wp-json (site and routes), /wp-json/wp/v2,
// and the post types and taxonomies the routes serve.
import type { SiteConfig } from '../../content/schema.js';
import type { WpObject } from './wp-post.js';
import { homePath } from '../../lib/urls.js';

type Arg = {
  description: string;
  type: string;
  required: false;
  default?: unknown;
  enum?: readonly string[];
};

const integer = (description: string, extra: Partial<Arg> = {}): Arg => ({
  description,
  type: 'integer',
  required: false,
  ...extra,
});
const text = (description: string): Arg => ({ description, type: 'string', required: false });
const idList = (description: string): Arg => ({ description, type: 'array', required: false, default: [] });

const CONTEXT: Arg = {
  description: 'Scope under which the request is made.',
  type: 'string',
  required: false,
  default: 'view',
  enum: ['view', 'embed'],
};
const PAGING = {
  context: CONTEXT,
  page: integer('Current page of the collection.', { default: 1 }),
  per_page: integer('Maximum number of items to be returned in result set (1 to 100).', { default: 10 }),
  search: text('Limit results to those matching a string.'),
  include: idList('Limit result set to specific IDs.'),
  exclude: idList('Ensure result set excludes specific IDs.'),
  slug: idList('Limit result set to items with one or more specific slugs.'),
};
const ORDER = (def: 'asc' | 'desc', by: readonly string[], byDefault: string) => ({
  order: {
    description: 'Order sort attribute ascending or descending.',
    type: 'string',
    required: false,
    default: def,
    enum: ['asc', 'desc'],
  },
  orderby: {
    description: 'Sort collection by attribute.',
    type: 'string',
    required: false,
    default: byDefault,
    enum: by,
  },
});

const POST_ARGS = {
  ...PAGING,
  ...ORDER('desc', ['date', 'id', 'title', 'slug', 'modified', 'author', 'include', 'relevance'], 'date'),
  after: text('Limit response to posts published after a given ISO8601 compliant date.'),
  before: text('Limit response to posts published before a given ISO8601 compliant date.'),
  modified_after: text('Limit response to posts modified after a given ISO8601 compliant date.'),
  modified_before: text('Limit response to posts modified before a given ISO8601 compliant date.'),
  author: idList('Limit result set to posts assigned to specific authors.'),
  author_exclude: idList('Ensure result set excludes posts assigned to specific authors.'),
  categories: idList('Limit result set to items with specific terms assigned in the categories taxonomy.'),
  categories_exclude: idList(
    'Limit result set to items except those with specific terms assigned in the categories taxonomy.',
  ),
  tags: idList('Limit result set to items with specific terms assigned in the tags taxonomy.'),
  tags_exclude: idList(
    'Limit result set to items except those with specific terms assigned in the tags taxonomy.',
  ),
  status: {
    description: 'Limit result set to posts assigned one or more statuses.',
    type: 'array',
    required: false,
    default: 'publish',
  },
  lang: text('Limit result set to one language (a code from site.yml).'),
};
const TERM_ARGS = {
  ...PAGING,
  ...ORDER('asc', ['id', 'include', 'name', 'slug', 'include_slugs', 'description', 'count'], 'name'),
  hide_empty: {
    description: 'Whether to hide terms not assigned to any posts.',
    type: 'boolean',
    required: false,
    default: false,
  },
  post: integer('Limit result set to terms assigned to a specific post.'),
};
const USER_ARGS = {
  ...PAGING,
  ...ORDER(
    'asc',
    ['id', 'include', 'name', 'slug', 'include_slugs', 'email', 'url', 'registered_date'],
    'name',
  ),
};
const COURSE_ARGS = {
  ...PAGING,
  ...ORDER('asc', ['date', 'id', 'title', 'slug', 'modified'], 'title'),
  course_area: text('Limit result set to one course area (its slug).'),
};
const ONE = { context: CONTEXT, id: integer('Unique identifier for the object.') };

const COLLECTIONS: Record<string, object> = {
  posts: POST_ARGS,
  categories: TERM_ARGS,
  tags: TERM_ARGS,
  users: USER_ARGS,
  courses: COURSE_ARGS,
};

export function wpRoutes(api: string): Record<string, WpObject> {
  const routes: Record<string, WpObject> = {};
  const route = (path: string, args: object, self: boolean) => {
    routes[path] = {
      namespace: 'wp/v2',
      methods: ['GET'],
      endpoints: [{ methods: ['GET'], args }],
      ...(self ? { _links: { self: [{ href: `${api}${path.slice('/wp/v2'.length)}` }] } } : {}),
    };
  };
  route('/wp/v2', { namespace: { default: 'wp/v2', required: false }, context: CONTEXT }, true);
  for (const [name, args] of Object.entries(COLLECTIONS)) {
    route(`/wp/v2/${name}`, args, true);
    route(`/wp/v2/${name}/(?P<id>[\\d]+)`, ONE, false);
  }
  route('/wp/v2/types', { context: CONTEXT }, true);
  route('/wp/v2/types/(?P<type>[\\w-]+)', { context: CONTEXT }, false);
  route('/wp/v2/taxonomies', { context: CONTEXT }, true);
  route('/wp/v2/taxonomies/(?P<taxonomy>[\\w-]+)', { context: CONTEXT }, false);
  return routes;
}

export function wpIndex(site: SiteConfig, baseUrl: string): WpObject {
  const api = `${baseUrl}/wp-json/wp/v2`;
  return {
    name: site.title,
    description: site.description,
    url: baseUrl,
    home: baseUrl + homePath(site.default_language),
    gmt_offset: 0,
    timezone_string: 'UTC',
    page_for_posts: 0,
    page_on_front: 0,
    show_on_front: 'posts',
    namespaces: ['wp/v2'],
    authentication: {},
    routes: {
      '/': {
        namespace: '',
        methods: ['GET'],
        endpoints: [{ methods: ['GET'], args: { context: CONTEXT } }],
        _links: { self: [{ href: `${baseUrl}/wp-json/` }] },
      },
      ...wpRoutes(api),
    },
    site_logo: 0,
    site_icon: 0,
    site_icon_url: '',
    _links: { help: [{ href: 'https://developer.wordpress.org/rest-api/' }] },
  };
}

export function wpNamespace(baseUrl: string): WpObject {
  return {
    namespace: 'wp/v2',
    routes: wpRoutes(`${baseUrl}/wp-json/wp/v2`),
    _links: { up: [{ href: `${baseUrl}/wp-json/` }] },
  };
}

export function wpTypes(baseUrl: string): Record<string, WpObject> {
  const api = `${baseUrl}/wp-json/wp/v2`;
  const type = (slug: string, name: string, description: string, restBase: string, taxonomies: string[]) => ({
    description,
    hierarchical: false,
    has_archive: slug === 'course',
    name,
    slug,
    icon: null,
    taxonomies,
    rest_base: restBase,
    rest_namespace: 'wp/v2',
    _links: {
      collection: [{ href: `${api}/types` }],
      'wp:items': [{ href: `${api}/${restBase}` }],
      curies: [{ name: 'wp', href: 'https://api.w.org/{rel}', templated: true }],
    },
  });
  return {
    post: type('post', 'Posts', 'Articles of the site.', 'posts', ['category', 'post_tag']),
    course: type('course', 'Courses', 'Course landing pages that articles lead to.', 'courses', []),
  };
}

export function wpTaxonomies(baseUrl: string): Record<string, WpObject> {
  const api = `${baseUrl}/wp-json/wp/v2`;
  const tax = (slug: string, name: string, restBase: string, hierarchical: boolean) => ({
    name,
    slug,
    description: '',
    types: ['post'],
    hierarchical,
    rest_base: restBase,
    rest_namespace: 'wp/v2',
    _links: {
      collection: [{ href: `${api}/taxonomies` }],
      'wp:items': [{ href: `${api}/${restBase}` }],
      curies: [{ name: 'wp', href: 'https://api.w.org/{rel}', templated: true }],
    },
  });
  return {
    category: tax('category', 'Categories', 'categories', true),
    post_tag: tax('post_tag', 'Tags', 'tags', false),
  };
}
