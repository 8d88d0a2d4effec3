// Call-to-action blocks: the inline ::cta placeholders and the `cta:` field become course cards with a button.
import { escapeHtml } from '../../lib/html.js';

export interface CtaCourse {
  area: string;
  slug: string;
  title: string;
  summary: string;
  ctaLabel: string | null;
}

export function courseUrl(lang: string, area: string, slug: string): string {
  return `/${lang}/courses/${area}/${slug}`;
}

export function ctaHtml(course: CtaCourse, label: string, lang: string, fromSlug: string): string {
  const href = `${courseUrl(lang, course.area, course.slug)}?from=${encodeURIComponent(fromSlug)}`;
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

/** Replaces the placeholders the renderer left in sanitised HTML; unknown courses lose their block. */
export function expandCtas(
  html: string,
  lookup: (ref: string) => CtaCourse | null,
  lang: string,
  fromSlug: string,
): string {
  return html.replace(
    /<aside class="cta" data-course="([^"]*)"><a class="cta__button" href="[^"]*">([\s\S]*?)<\/a><\/aside>/g,
    (_m, ref: string, label: string) => {
      const course = lookup(ref);
      if (!course) return '';
      const text = label
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'");
      return ctaHtml(course, text, lang, fromSlug);
    },
  );
}
