// Every public URL of the site, listed from the index (not by crawling): homes, articles, archives and
// their pages, tag indexes, feeds, courses, search, sitemap, robots.txt and llms.txt. The export's link
// check then proves the list. Paths are decoded (tag slugs may hold any script); the fetcher
// percent-encodes them.
import type { ArchiveCount } from '../db/export-repo.js';
import {
  archivePath,
  areaPath,
  articlePath,
  categoryFeedPath,
  coursePath,
  coursesPath,
  decodePath,
  FEED_EXTENSIONS,
  feedPath,
  homePath,
  LLMS,
  pagePath,
  ROBOTS,
  searchPath,
  SITE_FEED,
  SITEMAP,
  tagIndexPath,
} from '../lib/urls.js';

export interface SiteUrlInput {
  languages: readonly string[];
  defaultLang: string;
  perPage: number;
  articles: readonly { lang: string; slug: string }[];
  archives: readonly ArchiveCount[];
  areas: readonly string[];
  courses: readonly { area: string; slug: string }[];
}

/** Every public path, decoded (as file names and as the router sees them), each once. */
export function siteUrls(input: SiteUrlInput): string[] {
  const urls: string[] = [ROBOTS, SITEMAP, SITE_FEED, LLMS];
  for (const lang of input.languages) {
    // The tag index is linked from every page's footer, so it exists even before any tag does.
    urls.push(homePath(lang), searchPath(lang), tagIndexPath(lang));
    for (const ext of FEED_EXTENSIONS) urls.push(feedPath(lang, ext));
  }
  for (const a of input.articles) urls.push(articlePath(a.lang, a.slug));
  for (const a of input.archives) {
    if (a.count === 0) continue;
    const root = archivePath(a.kind, a.lang, a.slug);
    const pages = Math.ceil(a.count / input.perPage);
    for (let n = 1; n <= pages; n++) urls.push(pagePath(root, n));
    if (a.kind === 'category')
      for (const ext of FEED_EXTENSIONS) urls.push(categoryFeedPath(a.lang, a.slug, ext));
  }
  // Course pages exist in the default language only (other languages redirect to them).
  if (input.courses.length > 0 || input.areas.length > 0) {
    const lang = input.defaultLang;
    urls.push(coursesPath(lang));
    for (const area of input.areas) urls.push(areaPath(lang, area));
    for (const c of input.courses) urls.push(coursePath(lang, c.area, c.slug));
  }
  return [...new Set(urls.map(decodePath))];
}
