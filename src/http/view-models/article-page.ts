// Gathers and shapes everything the article template shows.
import type { ArticleCard, ArticleRow, CourseRow } from '../../db/site-repo.js';
import type { TocEntry } from '../../content/markdown.js';
import { toIso } from '../../lib/dates.js';
import type { Ctx, PageLocals } from '../context.js';
import { imageLd, sharedImage } from '../image-files.js';
import { stringsFor } from '../i18n.js';
import {
  articlePath,
  authorPath,
  categoryFeedPath,
  categoryPath,
  coursePath,
  homePath,
} from '../../lib/urls.js';
import { ctaHtml, expandCtas, type CtaCourse } from './cta.js';
import { absolute, breadcrumbLd, makeSeo } from './seo.js';

export const RELATED_SHOWN = 5;
const TOC_MIN_WORDS = 600;

export function toCtaCourse(c: CourseRow): CtaCourse {
  const data = JSON.parse(c.data_json) as { cta_label?: string };
  return {
    area: c.area_slug,
    slug: c.slug,
    title: c.title,
    summary: c.summary,
    ctaLabel: data.cta_label ?? null,
  };
}

/** Explicit `related` first, then the precomputed candidates; never itself, never invisible ones. */
export function pickRelated(
  self: number,
  explicit: readonly ArticleCard[],
  scored: readonly ArticleCard[],
  n = RELATED_SHOWN,
): ArticleCard[] {
  const out: ArticleCard[] = [];
  const seen = new Set<number>([self]);
  for (const a of [...explicit, ...scored]) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    out.push(a);
    if (out.length === n) break;
  }
  return out;
}

export function buildArticlePage(ctx: Ctx, a: ArticleRow, now: number): PageLocals {
  const site = ctx.site();
  const base = ctx.baseUrl();
  const t = stringsFor(a.lang);
  const courseLang = site.default_language;
  const courseCache = new Map<string, CtaCourse | null>();
  const lookup = (ref: string): CtaCourse | null => {
    if (!courseCache.has(ref)) {
      const [area = '', slug = ''] = ref.split('/');
      const row = ctx.repo.course(area, slug);
      courseCache.set(ref, row ? toCtaCourse(row) : null);
    }
    return courseCache.get(ref) ?? null;
  };
  const body = expandCtas(a.body_html, lookup, courseLang, a.slug);
  const ctaCourse = a.cta_course ? lookup(a.cta_course) : null;
  const ctaBlock = ctaCourse
    ? ctaHtml(ctaCourse, ctaCourse.ctaLabel ?? `${t.exploreCourse}: ${ctaCourse.title}`, courseLang, a.slug)
    : null;
  const explicit = ctx.repo.bySlugs(a.lang, JSON.parse(a.related_json) as string[], now);
  const related = pickRelated(a.id, explicit, ctx.repo.related(a.id, now));
  const toc = JSON.parse(a.toc_json) as TocEntry[];
  const tags = ctx.repo.tagsOf(a.id);
  const translations = a.translation_key ? ctx.repo.translations(a.translation_key, a.id, now) : [];
  const path = articlePath(a.lang, a.slug);
  const crumbs = [
    { name: t.home, href: homePath(a.lang) },
    { name: a.category_name ?? a.category_slug, href: categoryPath(a.lang, a.category_slug) },
    { name: a.title, href: path },
  ];
  const published = toIso(a.published_at);
  const modified = toIso(Math.max(a.modified_at, a.published_at));
  // Link previews and structured data name the 1200-wide variant, with its real size.
  const shared = a.image ? sharedImage(ctx.images, a.image) : null;
  const seo = makeSeo(site, base, {
    title: a.title,
    description: a.excerpt,
    path,
    type: 'article',
    image: shared?.url ?? null,
    ...(shared ? { imageSize: { width: shared.width, height: shared.height } } : {}),
    imageAlt: a.image_alt,
    publishedTime: published,
    modifiedTime: modified,
    alternates: translations.length
      ? [
          { lang: a.lang, href: path },
          ...translations.map((x) => ({ lang: x.lang, href: articlePath(x.lang, x.slug) })),
        ]
      : [],
    feeds: [
      {
        title: `${site.title}: ${a.category_name ?? a.category_slug}`,
        href: categoryFeedPath(a.lang, a.category_slug),
      },
    ],
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'BlogPosting',
        headline: a.title,
        description: a.excerpt,
        datePublished: published,
        dateModified: modified,
        inLanguage: a.lang,
        wordCount: a.word_count,
        author: {
          '@type': 'Person',
          name: a.author_name ?? a.author_slug,
          url: absolute(base, authorPath(a.lang, a.author_slug)),
        },
        publisher: { '@type': 'Organization', name: site.title, url: `${base}/` },
        mainEntityOfPage: { '@type': 'WebPage', '@id': absolute(base, path) },
        ...(shared ? { image: imageLd(base, shared) } : {}),
        articleSection: a.category_name ?? a.category_slug,
        keywords: tags.map((x) => x.name).join(', '),
      },
      breadcrumbLd(base, crumbs),
    ],
  });
  return {
    lang: a.lang,
    seo,
    article: a,
    body,
    ctaBlock,
    ctaCourseUrl: ctaCourse ? coursePath(courseLang, ctaCourse.area, ctaCourse.slug) : null,
    toc: a.word_count >= TOC_MIN_WORDS && toc.length >= 3 ? toc : [],
    tags,
    related,
    backlinks: ctx.repo.backlinks(a, now),
    prev: ctx.repo.prev(a, now),
    next: ctx.repo.next(a, now),
    crumbs,
    translations,
    updated: a.modified_at > a.published_at,
  };
}
