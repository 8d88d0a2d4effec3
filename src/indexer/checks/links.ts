// Internal links in bodies: to a course that exists, to an article that exists (a link to an old slug is a
// warning naming the new one), and from a published article never to a draft.
import { closest } from '../../content/zod-problems.js';
import { followMoves } from '../slug-moves.js';
import type { Courses } from './courses.js';
import { closestSlug } from './did-you-mean.js';
import type { Report, Version } from './version.js';
import { coursesPath } from '../../lib/urls.js';

export interface LinkTargets {
  courses: Courses;
  /** Placed articles by `lang/slug`. */
  registry: ReadonlyMap<string, Version>;
  /** Old `lang/slug` keys of articles whose slug changed, to the key each moved to. */
  moved: ReadonlyMap<string, string>;
}

function checkArticleLink(
  v: Version,
  l: { target: string; line: number },
  t: LinkTargets,
  report: Report,
): void {
  const target = t.registry.get(l.target);
  if (target) {
    if (target.draft && !v.draft)
      report(
        v,
        l.line,
        'link-to-draft',
        `link to /${l.target}, which is a draft (readers get a 404 until it is published)`,
        undefined,
        'warning',
      );
    return;
  }
  const movedTo = followMoves(l.target, t.moved, (k) => t.registry.has(k));
  if (movedTo) {
    report(
      v,
      l.line,
      'link-to-old-slug',
      `link to /${l.target}: that article is now /${movedTo} (the old address redirects there)`,
      `change the link to /${movedTo}`,
      'warning',
    );
    return;
  }
  const [lang = '', slug = ''] = l.target.split('/');
  const guess = closestSlug(slug, lang, t.registry.keys());
  report(
    v,
    l.line,
    'broken-link',
    `link to /${l.target}: no article has that slug`,
    guess ? `did you mean /${lang}/${guess}?` : 'check the slug of the article you meant',
  );
}

export function checkLinks(v: Version, t: LinkTargets, report: Report): void {
  for (const l of v.links) {
    if (l.kind === 'course' && !t.courses.keys.has(l.target)) {
      const guess = closest(l.target, [...t.courses.keys]);
      report(
        v,
        l.line,
        'broken-link',
        `link to ${coursesPath(v.lang)}/${l.target}: no such course`,
        guess ? `did you mean ${coursesPath(v.lang)}/${guess}?` : t.courses.hint(l.target),
      );
    }
    if (l.kind === 'article') checkArticleLink(v, l, t, report);
  }
}
