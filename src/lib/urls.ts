// Every public path of the site, in one place: pages, archives, feeds, courses, the sitemap and its parts,
// and the reserved top-level names. Everything that links to a page (templates, view models, feeds, the
// sitemap, the export, the WordPress API, the importers) asks here, and so do the rules that read paths
// back (the Markdown link classifier, the alias checks). Paths come back as they are sent: percent-encoded
// UTF-8 where a segment needs it (only tag slugs may hold any script; every other slug is ASCII).

export const FEED_EXTENSIONS = ['xml', 'atom', 'json'] as const;
export type FeedExtension = (typeof FEED_EXTENSIONS)[number];

export type ArchiveKind = 'category' | 'tag' | 'author';

/** The second segment of a language's own pages, which neither an article slug nor an alias can take. */
const SECTIONS = ['category', 'tag', 'tags', 'author', 'courses', 'search'] as const;

/** Top-level paths that are not in any language. */
export const SITE_FEED = '/feed.xml';
export const SITEMAP = '/sitemap.xml';
export const ROBOTS = '/robots.txt';
export const LLMS = '/llms.txt';
export const WP_API = '/wp-json';

export const homePath = (lang: string): string => `/${lang}/`;

export const articlePath = (lang: string, slug: string): string => `/${lang}/${slug}`;

export function archivePath(kind: ArchiveKind, lang: string, slug: string): string {
  return `/${lang}/${kind}/${kind === 'tag' ? encodeURIComponent(slug) : slug}`;
}

export const categoryPath = (lang: string, slug: string): string => archivePath('category', lang, slug);
export const tagPath = (lang: string, slug: string): string => archivePath('tag', lang, slug);
export const authorPath = (lang: string, slug: string): string => archivePath('author', lang, slug);

/** Page `n` of a paginated list whose first page is `root`. */
export const pagePath = (root: string, n: number): string => (n <= 1 ? root : `${root}/page/${n}`);

export const tagIndexPath = (lang: string): string => `/${lang}/tags`;
export const searchPath = (lang: string): string => `/${lang}/search`;

export const feedPath = (lang: string, ext: FeedExtension = 'xml'): string => `/${lang}/feed.${ext}`;
export const categoryFeedPath = (lang: string, slug: string, ext: FeedExtension = 'xml'): string =>
  `${categoryPath(lang, slug)}/feed.${ext}`;

export const coursesPath = (lang: string): string => `/${lang}/courses`;
export const areaPath = (lang: string, area: string): string => `${coursesPath(lang)}/${area}`;
export const coursePath = (lang: string, area: string, slug: string): string =>
  `${areaPath(lang, area)}/${slug}`;
export const thanksPath = (lang: string, area: string, slug: string): string =>
  `${coursePath(lang, area, slug)}/thanks`;
export const enquiryPath = (lang: string, area: string, slug: string): string =>
  `${coursePath(lang, area, slug)}/enquiry`;

export const sitemapPartPath = (type: string, n: number): string => `/sitemap-${type}-${n}.xml`;
export const SITEMAP_PART = /^\/sitemap-[\w-]+\.xml$/;

/** A language's not-found page, as static hosts look for it: /404 for the default language, /<lang>/404 else. */
export const notFoundPath = (lang: string, defaultLang: string): string =>
  lang === defaultLang ? '/404' : `/${lang}/404`;

/** Decodes each segment: the path as a file name or as a router sees it. */
export function decodePath(path: string): string {
  return path
    .split('/')
    .map((s) => decodeURIComponent(s))
    .join('/');
}

/** Percent-encodes decoded segments (UTF-8, as browsers send them). */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/**
 * The canonical decoded path for decoded segments: empty segments dropped (no doubled or trailing slash),
 * a language's pages lower-cased, and a language home with its trailing slash. The server redirects
 * every other spelling to it; the indexer reads aliases and links through it.
 */
export function canonicalOf(segments: readonly string[], languages: readonly string[]): string {
  const parts = segments.filter((s) => s !== '');
  const first = parts[0]?.toLowerCase() ?? '';
  const isLang = languages.includes(first);
  const canon = isLang ? parts.map((s) => s.toLowerCase()) : [...parts];
  const path = `/${canon.join('/')}`;
  return isLang && canon.length === 1 ? `${path}/` : path;
}

/** `canonicalOf` for a path. */
export const canonicalForm = (path: string, languages: readonly string[]): string =>
  canonicalOf(path.split('/'), languages);

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads an internal path back as the page it names: an article, a course, or another path. */
type PathTarget =
  | { kind: 'article'; lang: string; slug: string }
  | { kind: 'course'; area: string; slug: string }
  | { kind: 'path'; path: string };

export function pathReader(languages: readonly string[]): (path: string) => PathTarget {
  const langs = languages.map(escapeRe).join('|');
  const tail = '/?(?:[?#].*)?$';
  const article = new RegExp(`^/(${langs})/(${SLUG})${tail}`);
  const course = new RegExp(`^/(?:${langs})/courses/([a-z0-9-]+)/([a-z0-9-]+)${tail}`);
  return (path) => {
    const c = course.exec(path);
    if (c) return { kind: 'course', area: c[1] as string, slug: c[2] as string };
    const a = article.exec(path);
    if (a && !(SECTIONS as readonly string[]).includes(a[2] as string))
      return { kind: 'article', lang: a[1] as string, slug: a[2] as string };
    return { kind: 'path', path: path.split(/[?#]/)[0] ?? path };
  };
}

/** The paths of the site's own pages in these languages (homes, archives, courses, search, feeds). */
export function realPagePattern(languages: readonly string[]): RegExp {
  const sections = [...SECTIONS, 'feed\\.(?:xml|atom|json)'].join('|');
  return new RegExp(`^/(${languages.map(escapeRe).join('|')})(/(${sections})(/.*)?)?/?$`);
}

/** Top-level paths that belong to the server, not to any language (an alias cannot take them). */
export const RESERVED_PATH =
  /^\/(wp-json|healthz|feed\.xml|sitemap[\w.-]*\.xml|robots\.txt|llms\.txt|assets|img|_img|_internal|css|js|favicon\.[a-z]+)(\/|$)/;

/** The builders by short name, as templates see them (`url.article(a.lang, a.slug)`). */
export const TEMPLATE_URLS = {
  home: homePath,
  article: articlePath,
  category: categoryPath,
  tag: tagPath,
  author: authorPath,
  tags: tagIndexPath,
  search: searchPath,
  feed: feedPath,
  courses: coursesPath,
  area: areaPath,
  course: coursePath,
} as const;
