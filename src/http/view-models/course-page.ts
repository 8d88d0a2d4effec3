// Shapes a course row (validated front matter in data_json, sanitised body) into the landing page's locals.
import type { CourseFrontMatter, SiteConfig } from '../../content/schema.js';
import type { AreaRow, ArticleCard, CourseRow } from '../../db/site-repo.js';
import { parseIsoDate } from '../../lib/dates.js';
import type { Strings } from '../i18n.js';
import type { CourseStrings } from '../i18n-courses.js';
import type { PageLocals } from '../context.js';
import { areaPath, coursePath, coursesPath, homePath } from '../../lib/urls.js';
import type { EnquiryFormLocals } from './enquiry-form.js';
import { absolute, breadcrumbLd, makeSeo } from './seo.js';

export interface Crumb {
  name: string;
  href: string;
}

export function courseData(row: CourseRow): CourseFrontMatter {
  return JSON.parse(row.data_json) as CourseFrontMatter;
}

/** Start dates still ahead of `now`, soonest first, as epoch ms. */
export function upcomingStarts(dates: readonly string[], now: number): number[] {
  return dates
    .map((d) => parseIsoDate(d))
    .filter((t): t is number => t !== null && t > now)
    .sort((a, b) => a - b);
}

export function courseCrumbs(
  t: Strings,
  s: CourseStrings,
  lang: string,
  area: { slug: string; name: string },
  course?: { slug: string; title: string },
): Crumb[] {
  const crumbs: Crumb[] = [
    { name: t.home, href: homePath(lang) },
    { name: s.coursesTitle, href: coursesPath(lang) },
    { name: area.name, href: areaPath(lang, area.slug) },
  ];
  if (course) crumbs.push({ name: course.title, href: coursePath(lang, area.slug, course.slug) });
  return crumbs;
}

export function courseJsonLd(
  site: SiteConfig,
  baseUrl: string,
  lang: string,
  row: CourseRow,
  data: CourseFrontMatter,
): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: row.title,
    description: row.summary,
    url: absolute(baseUrl, coursePath(lang, row.area_slug, row.slug)),
    inLanguage: lang,
    provider: { '@type': 'Organization', name: site.title, url: `${baseUrl}/` },
    ...(data.certification ? { educationalCredentialAwarded: data.certification } : {}),
    ...(data.prerequisites.length ? { coursePrerequisites: data.prerequisites } : {}),
    ...(data.outcomes.length ? { teaches: data.outcomes } : {}),
  };
}

export function buildCoursePage(input: {
  site: SiteConfig;
  baseUrl: string;
  lang: string;
  t: Strings;
  strings: CourseStrings;
  row: CourseRow;
  area: AreaRow | null;
  articles: ArticleCard[];
  now: number;
  form: EnquiryFormLocals;
}): PageLocals {
  const { site, baseUrl, lang, t, strings, row } = input;
  const data = courseData(row);
  const area = input.area ?? { slug: row.area_slug, name: row.area_slug };
  const crumbs = courseCrumbs(t, strings, lang, area, row);
  const starts = upcomingStarts(data.start_dates, input.now);
  const seo = makeSeo(site, baseUrl, {
    title: row.title,
    description: row.summary,
    path: coursePath(lang, row.area_slug, row.slug),
    jsonLd: [courseJsonLd(site, baseUrl, lang, row, data), breadcrumbLd(baseUrl, crumbs)],
  });
  return {
    lang,
    seo,
    cs: strings,
    crumbs,
    course: row,
    data,
    area,
    starts,
    nextStart: starts[0] ?? null,
    ctaLabel: data.cta_label ?? strings.enquireNow,
    articles: input.articles,
    form: input.form,
  };
}
