// Turns a WordPress REST query string into what each collection needs: filters, sort, page and shaping.
// The rules (defaults, enums, limits, error codes) are WordPress's, so its clients behave as they would there.
import type { WpPostFilter, WpPostOrderby } from '../../db/wp-repo.js';
import { WP_POST_ORDERBY } from '../../db/wp-repo.js';
import { MAX_QUERY_CHARS, parseSearchQuery } from '../../lib/search-query.js';
import { WpRestError } from './wp-errors.js';
import type { ShapeOptions } from './wp-fields.js';
import { ParamReader, type Query } from './wp-params.js';

export interface Paging {
  page: number;
  perPage: number;
  order: 'asc' | 'desc';
}

export interface Common extends Paging {
  shape: ShapeOptions;
  /** `_embed`: true for every embeddable link, or the list of link relations asked for. */
  embed: boolean | string[];
  search: string | null;
  include: number[] | null;
  exclude: number[] | null;
  slugs: string[] | null;
}

const KNOWN_STATUSES = ['publish', 'future', 'draft', 'pending', 'private', 'trash', 'any'];

function readCommon(
  r: ParamReader,
  what: string,
  orderDefault: 'asc' | 'desc',
): Omit<Common, 'shape'> & { context: string } {
  const context = r.oneOf('context', ['view', 'embed', 'edit'], 'view');
  if (context === 'edit')
    throw new WpRestError(401, 'rest_forbidden_context', `Sorry, you are not allowed to edit ${what}.`);
  const embedRaw = r.stringList('_embed');
  return {
    context,
    page: r.int('page', { min: 1, def: 1 }),
    perPage: r.int('per_page', { min: 1, max: 100, def: 10 }),
    order: r.oneOf('order', ['asc', 'desc'], orderDefault),
    search: r.string('search', MAX_QUERY_CHARS),
    include: r.intList('include'),
    exclude: r.intList('exclude'),
    slugs: r.stringList('slug'),
    embed: embedRaw === null ? false : embedRaw.length === 0 ? true : embedRaw,
  };
}

function shapeOf(r: ParamReader, context: string): ShapeOptions {
  const fields = r.stringList('_fields');
  return { context: context === 'embed' ? 'embed' : 'view', fields: fields && fields.length ? fields : null };
}

export interface PostQuery extends Common {
  filter: Omit<WpPostFilter, 'now'>;
  orderby: WpPostOrderby;
  /** A search with no searchable word matches nothing (WordPress would find no post either). */
  nothing: boolean;
}

export function readPostQuery(query: Query, languages: readonly string[]): PostQuery {
  const r = new ParamReader(query);
  const common = readCommon(r, 'posts in this post type', 'desc');
  const orderby = r.oneOf('orderby', WP_POST_ORDERBY, 'date');
  const lang = r.has('lang') ? r.oneOf('lang', languages, languages[0] ?? 'en') : null;
  const statuses = r.stringList('status');
  const filter = {
    lang,
    slugs: common.slugs,
    categories: r.intList('categories'),
    categoriesExclude: r.intList('categories_exclude'),
    tags: r.intList('tags'),
    tagsExclude: r.intList('tags_exclude'),
    authors: r.intList('author'),
    authorsExclude: r.intList('author_exclude'),
    include: common.include,
    exclude: common.exclude,
    match: null as string | null,
    before: r.date('before'),
    after: r.date('after'),
    modifiedBefore: r.date('modified_before'),
    modifiedAfter: r.date('modified_after'),
  };
  const shape = shapeOf(r, common.context);
  r.finish();
  for (const s of statuses ?? [])
    if (s !== 'publish') {
      if (KNOWN_STATUSES.includes(s))
        throw new WpRestError(401, 'rest_forbidden_status', 'Status is forbidden.');
      throw new WpRestError(400, 'rest_invalid_param', 'Invalid parameter(s): status', {
        params: { status: `status[0] is not one of ${KNOWN_STATUSES.join(', ')}.` },
      });
    }
  const searching = common.search !== null && common.search.trim() !== '';
  const parsed = searching ? parseSearchQuery(common.search ?? '') : null;
  filter.match = parsed?.all ?? null;
  if (orderby === 'relevance' && !searching)
    throw new WpRestError(
      400,
      'rest_no_search_term_defined',
      'You need to define a search term to order by relevance.',
    );
  if (orderby === 'include' && !common.include?.length)
    throw new WpRestError(
      400,
      'rest_orderby_include_missing_include',
      'You need to define an include parameter to order by include.',
    );
  return {
    ...common,
    shape,
    filter,
    orderby: orderby === 'relevance' && filter.match === null ? 'date' : orderby,
    nothing: searching && filter.match === null,
  };
}

export interface ListQuery extends Common {
  orderby: string;
  /** Terms: only those with posts. */
  hideEmpty: boolean;
  /** Terms: only those of this post. */
  post: number | null;
  /** Categories: only children of this parent id (0 = top level). */
  parent: number | null;
  /** Courses: only this area. */
  area: string | null;
}

const TERM_ORDERBY = [
  'id',
  'include',
  'name',
  'slug',
  'include_slugs',
  'term_group',
  'description',
  'count',
] as const;
const USER_ORDERBY = [
  'id',
  'include',
  'name',
  'registered_date',
  'slug',
  'include_slugs',
  'email',
  'url',
] as const;
const COURSE_ORDERBY = ['date', 'id', 'title', 'slug', 'modified', 'include'] as const;

export function readListQuery(query: Query, kind: 'category' | 'tag' | 'user' | 'course'): ListQuery {
  const r = new ParamReader(query);
  const what =
    kind === 'user' ? 'users' : kind === 'course' ? 'posts in this post type' : 'terms in this taxonomy';
  const common = readCommon(r, what, kind === 'course' ? 'desc' : 'asc');
  const orderby =
    kind === 'user'
      ? r.oneOf('orderby', USER_ORDERBY, 'name')
      : kind === 'course'
        ? r.oneOf('orderby', COURSE_ORDERBY, 'date')
        : r.oneOf('orderby', TERM_ORDERBY, 'name');
  const hideEmpty = kind === 'category' || kind === 'tag' ? (r.bool('hide_empty') ?? false) : false;
  const post =
    kind === 'category' || kind === 'tag' ? (r.has('post') ? r.int('post', { min: 1, def: 0 }) : null) : null;
  const parent = kind === 'category' && r.has('parent') ? r.int('parent', { min: 0, def: 0 }) : null;
  const area = kind === 'course' ? r.string('course_area', 200) : null;
  const shape = shapeOf(r, common.context);
  r.finish();
  return { ...common, shape, orderby, hideEmpty, post, parent, area };
}

/** Reads only `context`, `_fields` and `_embed`, for single-object routes. */
export function readOneQuery(query: Query, what: string): Pick<Common, 'shape' | 'embed'> {
  const r = new ParamReader(query);
  const context = r.oneOf('context', ['view', 'embed', 'edit'], 'view');
  if (context === 'edit')
    throw new WpRestError(401, 'rest_forbidden_context', `Sorry, you are not allowed to edit ${what}.`);
  const embedRaw = r.stringList('_embed');
  const shape = shapeOf(r, context);
  r.finish();
  return { shape, embed: embedRaw === null ? false : embedRaw.length === 0 ? true : embedRaw };
}
