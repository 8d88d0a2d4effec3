// Content warnings for `npm run check`: things that do not break the site but cost readers or search
// traffic. Pure rules over what the index stores about each article; the caller supplies file lookups.
import type { WarningArticle } from '../db/content-facts.js';
import type { ContentProblem } from '../errors.js';
import { articlePath, canonicalForm } from '../lib/urls.js';

/** Search results show about this many characters of a title and of a description. */
// The article shape lives with its query in db/content-facts.ts.
export type { WarningArticle } from '../db/content-facts.js';

export const TITLE_MAX = 60;
export const DESCRIPTION_MAX = 160;

export interface WarningInput {
  articles: readonly WarningArticle[];
  languages: readonly string[];
  /** True when a site path such as /img/photo.svg names a file under public/. */
  publicFileExists: (sitePath: string) => boolean;
  /** The 1-based line of a file that contains `needle` (for facts stored without a line). */
  lineOf?: (file: string, needle: string) => number;
}

const sitePath = (ref: string): string | null => {
  if (!ref.startsWith('/') || ref.startsWith('//')) return null;
  const bare = ref.split(/[?#]/)[0] ?? ref;
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
};

type Warn = (a: WarningArticle, key: string | number, code: string, message: string, hint: string) => void;

/** Warnings about how an article shows in listings and search: orphans, CTAs, titles, descriptions. */
function listingWarnings(published: readonly WarningArticle[], warn: Warn): void {
  // Inbound links: body links and related lists of other published articles.
  const inbound = new Set<string>();
  for (const a of published) {
    for (const l of a.facts.links)
      if (l.kind === 'article' && l.target !== `${a.lang}/${a.slug}`) inbound.add(l.target);
    for (const slug of a.related) if (slug !== a.slug) inbound.add(`${a.lang}/${slug}`);
  }
  const byTitle = new Map<string, WarningArticle>();
  const perLang = new Map<string, number>();
  for (const a of published) perLang.set(a.lang, (perLang.get(a.lang) ?? 0) + 1);
  for (const a of [...published].sort((x, y) => (x.path < y.path ? -1 : 1))) {
    // The only article in its language has nothing that could link to it.
    if ((perLang.get(a.lang) ?? 0) > 1 && !inbound.has(`${a.lang}/${a.slug}`))
      warn(
        a,
        1,
        'orphan-article',
        `no other article links to "${a.title}": readers reach it only through listings and search`,
        'link to it from a related article, or list its slug under related: in one',
      );
    if (!a.cta && a.facts.ctas.length === 0)
      warn(
        a,
        1,
        'no-cta',
        `"${a.title}" has no call to action`,
        'add cta: <course> to the front matter or a ::cta[Label]{course=<course>} line to the body',
      );
    const titleKey = `${a.lang}\n${a.title.trim().toLowerCase().replace(/\s+/g, ' ')}`;
    const same = byTitle.get(titleKey);
    if (same)
      warn(
        a,
        'title',
        'duplicate-title',
        `the title "${a.title}" is also used by ${same.path}`,
        'give each article its own title, so search results and tabs tell them apart',
      );
    else byTitle.set(titleKey, a);
    if (a.title.length > TITLE_MAX)
      warn(
        a,
        'title',
        'title-too-long',
        `the title is ${a.title.length} characters; search results show about ${TITLE_MAX}`,
        'shorten it, or put the words readers search for first',
      );
    if (a.excerpt.length > DESCRIPTION_MAX)
      warn(
        a,
        a.facts.lines.excerpt ? 'excerpt' : 1,
        'description-too-long',
        `the description (excerpt) is ${a.excerpt.length} characters; search results show about ${DESCRIPTION_MAX}`,
        a.facts.lines.excerpt
          ? 'shorten the excerpt'
          : 'add a shorter excerpt: to the front matter (the first paragraph is used otherwise)',
      );
  }
}

/** Warnings about what an article points at: missing images, images without alt, alias chains. */
function referenceWarnings(input: WarningInput, warn: Warn): void {
  const lineOf = input.lineOf ?? (() => 1);
  const aliasOwner = new Map<string, WarningArticle>();
  for (const a of input.articles) for (const alias of a.aliases) aliasOwner.set(alias, a);
  for (const a of input.articles) {
    const image = a.image ? sitePath(a.image) : null;
    if (image && !input.publicFileExists(image))
      warn(
        a,
        'image',
        'missing-image',
        `image ${a.image} is not a file under public/`,
        `add public${image} or fix the path`,
      );
    for (const src of new Set(a.facts.images)) {
      const path = sitePath(src);
      if (path && !input.publicFileExists(path))
        warn(
          a,
          lineOf(a.path, src),
          'missing-image',
          `image ${src} is not a file under public/`,
          `add public${path} or fix the path`,
        );
    }
    for (const src of new Set(a.facts.imagesWithoutAlt))
      warn(
        a,
        lineOf(a.path, src),
        'image-without-alt',
        `image ${src} has no alt text, so it is served as decoration (alt="") and screen readers skip it`,
        `describe what it shows: ![description](${src}), or write <img src="${src}" alt=""> if it is only decoration`,
      );
    for (const alias of a.aliases) {
      const canonical = canonicalForm(alias, input.languages);
      if (canonical === alias) continue;
      const next = aliasOwner.get(canonical);
      if (next)
        warn(
          a,
          'aliases',
          'alias-chain',
          `alias ${alias} is first redirected to ${canonical}, an alias of ${next === a ? 'this article' : next.path}: two redirects instead of one`,
          `write the alias as ${canonical}`,
        );
      else
        warn(
          a,
          'aliases',
          'alias-chain',
          `alias ${alias} is first redirected to ${canonical}, which is not an alias: readers end on a 404`,
          `write the alias as ${canonical}`,
        );
    }
    for (const l of a.facts.links) {
      if (l.kind !== 'path') continue;
      const target = aliasOwner.get(l.target) ?? aliasOwner.get(canonicalForm(l.target, input.languages));
      if (target)
        warn(
          a,
          l.line,
          'alias-chain',
          `link to ${l.target} goes through a redirect (an alias of ${target.path})`,
          `link to ${articlePath(target.lang, target.slug)} directly`,
        );
    }
  }
}

export function contentWarnings(input: WarningInput): ContentProblem[] {
  const out: ContentProblem[] = [];
  const warn: Warn = (a, key, code, message, hint) =>
    out.push({
      file: a.path,
      line: typeof key === 'number' ? key : (a.facts.lines[key] ?? 1),
      code,
      message,
      hint,
      severity: 'warning',
    });
  listingWarnings(
    input.articles.filter((a) => !a.draft),
    warn,
  );
  referenceWarnings(input, warn);
  return out;
}
