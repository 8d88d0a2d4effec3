// Call-to-action blocks: the inline ::cta placeholders and the `cta:` field become course cards with a button.
import { AFTER_ARTICLE, inlineCta } from '../../lib/attribution.js';
import { escapeHtml } from '../../lib/html.js';
import { coursePath } from '../../lib/urls.js';

export interface CtaCourse {
  area: string;
  slug: string;
  title: string;
  summary: string;
  ctaLabel: string | null;
}

/**
 * The course link of a CTA: `?from=<article>&cta=<position>`. The same few URLs for every reader of an
 * article (so shared caches keep one copy of each), and what the arrival counter and the enquiry record.
 */
export function ctaHref(lang: string, course: CtaCourse, fromSlug: string, cta: string): string {
  const from = encodeURIComponent(fromSlug);
  return `${coursePath(lang, course.area, course.slug)}?from=${from}&cta=${encodeURIComponent(cta)}`;
}

export function ctaHtml(
  course: CtaCourse,
  label: string,
  lang: string,
  fromSlug: string,
  cta: string = AFTER_ARTICLE,
): string {
  const href = ctaHref(lang, course, fromSlug, cta);
  return (
    // No accessible name: an unnamed aside inside the article is not a landmark, so two CTAs for the
    // same course do not make duplicate landmarks.
    `<aside class="cta">` +
    `<p class="cta__title">${escapeHtml(course.title)}</p>` +
    `<p class="cta__summary">${escapeHtml(course.summary)}</p>` +
    `<a class="cta__button" href="${escapeHtml(href)}">${escapeHtml(label)}</a>` +
    `</aside>`
  );
}

/**
 * Replaces the placeholders the renderer left in sanitised HTML; unknown courses lose their block. Inline CTAs
 * are numbered in source order (inline-1, inline-2, …), counting dropped ones, so a position keeps its
 * number in the report when a course before it is removed.
 */
export function expandCtas(
  html: string,
  lookup: (ref: string) => CtaCourse | null,
  lang: string,
  fromSlug: string,
): string {
  let position = 0;
  return html.replace(
    /<aside class="cta" data-course="([^"]*)"><a class="cta__button" href="[^"]*">([\s\S]*?)<\/a><\/aside>/g,
    (_m, ref: string, label: string) => {
      position++;
      const course = lookup(ref);
      if (!course) return '';
      const text = label
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'");
      return ctaHtml(course, text, lang, fromSlug, inlineCta(position));
    },
  );
}
