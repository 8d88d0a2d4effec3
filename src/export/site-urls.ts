// Every public URL of the site, listed from the index (not by crawling): homes, articles, archives and
// their pages, tag indexes, feeds, courses, search, sitemap, robots.txt and llms.txt. The export's link
// check then proves the list. Paths are decoded (tag slugs may hold any script); the fetcher
// percent-encodes them.
import type { ArchiveCount } from '../db/export-repo.js';

export const FEED_EXTENSIONS = ['xml', 'atom', 'json'] as const;

export interface SiteUrlInput {
  languages: readonly string[];
  defaultLang: string;
  perPage: number;
  articles: readonly { lang: string; slug: string }[];
  archives: readonly ArchiveCount[];
  areas: readonly string[];
  courses: readonly { area: string; slug: string }[];
}

export function siteUrls(input: SiteUrlInput): string[] {
  const urls: string[] = ['/robots.txt', '/sitemap.xml', '/feed.xml', '/llms.txt'];
  for (const lang of input.languages) {
    // The tag index is linked from every page's footer, so it exists even before any tag does.
    urls.push(`/${lang}/`, `/${lang}/search`, `/${lang}/tags`);
    for (const ext of FEED_EXTENSIONS) urls.push(`/${lang}/feed.${ext}`);
  }
  for (const a of input.articles) urls.push(`/${a.lang}/${a.slug}`);
  for (const a of input.archives) {
    if (a.count === 0) continue;
    const root = `/${a.lang}/${a.kind}/${a.slug}`;
    urls.push(root);
    const pages = Math.ceil(a.count / input.perPage);
    for (let n = 2; n <= pages; n++) urls.push(`${root}/page/${n}`);
    if (a.kind === 'category') for (const ext of FEED_EXTENSIONS) urls.push(`${root}/feed.${ext}`);
  }
  // Course pages exist in the default language only (other languages redirect to them).
  if (input.courses.length > 0 || input.areas.length > 0) {
    const base = `/${input.defaultLang}/courses`;
    urls.push(base);
    for (const area of input.areas) urls.push(`${base}/${area}`);
    for (const c of input.courses) urls.push(`${base}/${c.area}/${c.slug}`);
  }
  return [...new Set(urls)];
}
