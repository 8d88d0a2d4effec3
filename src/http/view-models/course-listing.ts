// The course index (every area with its courses) and one area's page.
import type { SiteConfig } from '../../content/schema.js';
import type { AreaRow, CourseRow } from '../../db/site-repo.js';
import type { Strings } from '../i18n.js';
import type { CourseStrings } from '../i18n-courses.js';
import type { PageLocals } from '../context.js';
import { areaPath, coursePath, coursesPath, homePath } from '../../lib/urls.js';
import { courseCrumbs, courseData, type Crumb } from './course-page.js';
import { absolute, breadcrumbLd, makeSeo } from './seo.js';

export interface CourseCard {
  href: string;
  title: string;
  summary: string;
  duration: string;
  formats: string[];
}

export interface AreaGroup {
  slug: string;
  name: string;
  intro: string;
  href: string;
  courses: CourseCard[];
}

export function courseCard(lang: string, row: CourseRow): CourseCard {
  const data = courseData(row);
  return {
    href: coursePath(lang, row.area_slug, row.slug),
    title: row.title,
    summary: row.summary,
    duration: data.duration,
    formats: data.formats.map((f) => f.name),
  };
}

/** Areas in their configured order; courses in a folder without an _area.yml still get a group. */
export function groupByArea(
  lang: string,
  areas: readonly AreaRow[],
  courses: readonly CourseRow[],
): AreaGroup[] {
  const groups = new Map<string, AreaGroup>();
  const group = (slug: string, name: string, intro: string) => {
    const g = { slug, name, intro, href: areaPath(lang, slug), courses: [] };
    groups.set(slug, g);
    return g;
  };
  for (const a of areas) group(a.slug, a.name, a.intro);
  for (const c of courses)
    (groups.get(c.area_slug) ?? group(c.area_slug, c.area_slug, '')).courses.push(courseCard(lang, c));
  return [...groups.values()].filter((g) => g.courses.length > 0);
}

function itemList(baseUrl: string, cards: readonly CourseCard[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    itemListElement: cards.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      url: absolute(baseUrl, c.href),
      name: c.title,
    })),
  };
}

export function buildCourseIndex(input: {
  site: SiteConfig;
  baseUrl: string;
  lang: string;
  t: Strings;
  strings: CourseStrings;
  areas: AreaRow[];
  courses: CourseRow[];
}): PageLocals {
  const { site, baseUrl, lang, t, strings } = input;
  const groups = groupByArea(lang, input.areas, input.courses);
  const crumbs: Crumb[] = [
    { name: t.home, href: homePath(lang) },
    { name: strings.coursesTitle, href: coursesPath(lang) },
  ];
  return {
    lang,
    seo: makeSeo(site, baseUrl, {
      title: strings.coursesTitle,
      description: strings.coursesIntro,
      path: coursesPath(lang),
      jsonLd: [
        itemList(
          baseUrl,
          groups.flatMap((g) => g.courses),
        ),
        breadcrumbLd(baseUrl, crumbs),
      ],
    }),
    cs: strings,
    crumbs,
    groups,
  };
}

export function buildAreaPage(input: {
  site: SiteConfig;
  baseUrl: string;
  lang: string;
  t: Strings;
  strings: CourseStrings;
  area: { slug: string; name: string; intro: string };
  courses: CourseRow[];
}): PageLocals {
  const { site, baseUrl, lang, t, strings, area } = input;
  const crumbs = courseCrumbs(t, strings, lang, area);
  const cards = input.courses.map((c) => courseCard(lang, c));
  return {
    lang,
    seo: makeSeo(site, baseUrl, {
      title: strings.areaCourses(area.name),
      description: area.intro || `${strings.areaCourses(area.name)}: ${cards.map((c) => c.title).join(', ')}`,
      path: areaPath(lang, area.slug),
      jsonLd: [itemList(baseUrl, cards), breadcrumbLd(baseUrl, crumbs)],
    }),
    cs: strings,
    crumbs,
    area,
    courses: cards,
  };
}
