// Decides what a link in an imported WordPress post becomes: a site-relative link when its target exists here,
// a CTA when it is a course button, the old absolute URL or plain text when it cannot be made internal.
import { slugify } from '../lib/slug.js';
import { articlePath, categoryPath, coursePath, homePath } from '../lib/urls.js';

export interface SiteKnowledge {
  languages: readonly string[];
  defaultLang: string;
  /** Hosts of this Folio site (SITE_URL, site.yml url): links to them are checked by `npm run check`. */
  siteHosts: readonly string[];
  hasArticle(lang: string, slug: string): boolean;
  hasCourse(area: string, slug: string): boolean;
  hasCategory(slug: string): boolean;
  /** Posts of the batch being imported, by WordPress id (for `/?p=<id>` links). */
  postByWpId(id: number): { lang: string; slug: string } | null;
}

export type LinkDecision =
  /** Left as written: external sites, mail, in-page anchors. */
  | { kind: 'keep'; href: string }
  /** Rewritten to this site: `/en/<slug>`, `/en/category/<slug>`, … */
  | { kind: 'internal'; href: string }
  | { kind: 'course'; href: string; course: string }
  /** Still points at the old WordPress site, because nothing here answers it yet. */
  | { kind: 'old-site'; href: string; reason: string }
  /** Made plain text: the link would break here (or is unsafe). */
  | { kind: 'text'; reason: string };

const FILE_PATH = /^\/wp-(content|includes|admin)\/|\.[a-z0-9]{2,5}$/i;

function segmentSlug(raw: string): string {
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    /* a malformed escape: slugify what is there */
  }
  return slugify(text);
}

/**
 * @param href the link as written in the post
 * @param origin the WordPress site's origin (from the record's `link`), against which relative links resolve
 */
export function resolveLink(href: string, origin: string | null, site: SiteKnowledge): LinkDecision {
  const raw = href.trim();
  if (raw === '' || raw.startsWith('#')) return { kind: 'keep', href: raw };
  if (/^(mailto|tel):/i.test(raw)) return { kind: 'keep', href: raw };
  let url: URL;
  try {
    url = new URL(raw, origin ?? 'http://folio.invalid');
  } catch {
    return { kind: 'text', reason: `link "${raw}" is not a valid URL` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { kind: 'text', reason: `link "${raw}" uses the ${url.protocol} scheme, which is not allowed` };
  const originHost = origin ? new URL(origin).host : 'folio.invalid';
  const sameSite = url.host === originHost || site.siteHosts.includes(url.host);
  if (!sameSite) return { kind: 'keep', href: raw };

  const absolute = url.host === 'folio.invalid' ? url.pathname + url.search + url.hash : url.href;
  const ourHost = site.siteHosts.includes(url.host);
  const missing = (what: string): LinkDecision =>
    ourHost || url.host === 'folio.invalid'
      ? {
          kind: 'text',
          reason: `link to ${url.pathname}: ${what} here, so the link was turned into plain text`,
        }
      : {
          kind: 'old-site',
          href: absolute,
          reason: `link to ${absolute} still points at the old site: ${what} here yet (add it and re-run the import to make the link internal)`,
        };

  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (FILE_PATH.test(path))
    return ourHost
      ? { kind: 'keep', href: absolute }
      : { kind: 'old-site', href: absolute, reason: `file ${absolute} is still served by the old site` };

  const parts = path.split('/').filter(Boolean);
  const hasLang = parts.length > 0 && site.languages.includes(parts[0] ?? '');
  const lang = hasLang ? (parts[0] ?? site.defaultLang) : site.defaultLang;
  const rest = hasLang ? parts.slice(1) : parts;
  const hash = url.hash;

  if (rest[0] === 'courses' && rest.length === 3) {
    const area = segmentSlug(rest[1] ?? '');
    const slug = segmentSlug(rest[2] ?? '');
    if (site.hasCourse(area, slug)) {
      const target = coursePath(site.defaultLang, area, slug);
      return { kind: 'course', href: target + hash, course: `${area}/${slug}` };
    }
    return missing(`there is no course ${area}/${slug}`);
  }
  const p = url.searchParams.get('p');
  if (rest.length === 0 && p !== null) {
    const post = /^\d+$/.test(p) ? site.postByWpId(Number(p)) : null;
    return post
      ? { kind: 'internal', href: articlePath(post.lang, post.slug) + hash }
      : missing(`post ${p} is not imported`);
  }
  if (rest.length === 0) return { kind: 'internal', href: homePath(lang) + hash };
  if (rest[0] === 'category' && rest.length >= 2) {
    const slug = segmentSlug(rest.at(-1) ?? '');
    return site.hasCategory(slug)
      ? { kind: 'internal', href: categoryPath(lang, slug) + hash }
      : missing(`there is no category ${slug}`);
  }
  if (['tag', 'author', 'page', 'feed', 'wp-json', 'search'].includes(rest[0] ?? ''))
    return missing('that WordPress page has no counterpart');
  // A post permalink: /<slug>, /<lang>/<slug>, or dated /2023/05/31/<slug>.
  const slug = segmentSlug(rest.at(-1) ?? '');
  if (slug !== '' && site.hasArticle(lang, slug))
    return { kind: 'internal', href: articlePath(lang, slug) + hash };
  return missing(`there is no article ${articlePath(lang, slug)}`);
}
