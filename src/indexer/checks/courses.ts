// Course references: `cta:`, `::cta` blocks and links to course pages must name a course that exists
// (`area/slug`, or `slug` when only one area has it).
import { closest } from '../../content/zod-problems.js';
import type { Report, Version } from './version.js';

export interface CourseRef {
  area: string;
  slug: string;
  path: string;
}

export interface Courses {
  keys: ReadonlySet<string>;
  /** `area/slug` for a reference, or null when it names no course (or several). */
  resolve(ref: string): string | null;
  hint(ref: string): string;
}

export function courseIndex(courses: readonly CourseRef[]): Courses {
  const keys = new Set(courses.map((c) => `${c.area}/${c.slug}`));
  const bySlug = new Map<string, string[]>();
  for (const c of courses) bySlug.set(c.slug, [...(bySlug.get(c.slug) ?? []), `${c.area}/${c.slug}`]);
  return {
    keys,
    resolve(ref) {
      if (ref.includes('/')) return keys.has(ref) ? ref : null;
      const matches = bySlug.get(ref) ?? [];
      return matches.length === 1 ? (matches[0] ?? null) : null;
    },
    hint(ref) {
      const guess = closest(ref, [...keys, ...bySlug.keys()]);
      return guess ? `did you mean "${guess}"?` : `known courses: ${[...keys].join(', ') || 'none yet'}`;
    },
  };
}

export function checkCourseRefs(v: Version, courses: Courses, report: Report): void {
  if (v.cta && !courses.resolve(v.cta))
    report(v, 'cta', 'unknown-course', `cta "${v.cta}" is not a known course`, courses.hint(v.cta));
  for (const c of v.ctas)
    if (!courses.resolve(c.course))
      report(
        v,
        c.line,
        'unknown-course',
        `::cta course "${c.course}" is not a known course`,
        courses.hint(c.course),
      );
}
