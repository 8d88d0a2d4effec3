// Small text helpers for imported Markdown: a title from the first heading, a plain-text excerpt.
import { truncateText } from '../../lib/html.js';

/** Markdown → plain words: images, link targets, emphasis and heading marks gone. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^```[\s\S]*?^```/gm, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The excerpt a summary marker gives: the text before it, at most 300 characters; null when empty. */
export function plainSummary(markdown: string): string | null {
  const text = plainText(markdown);
  return text ? truncateText(text, 300) : null;
}

/**
 * The article's title: the front matter's, else the body's leading `# Heading` (then removed from the body,
 * as Folio prints the title itself), else words from the slug. A leading heading equal to the title goes too.
 */
export function takeTitle(
  title: string | null,
  markdown: string,
  slug: string,
): { title: string; markdown: string } {
  const h1 = /^# +(.+?)\s*#*\s*\n/.exec(markdown);
  const heading = h1?.[1] ? plainText(h1[1]) : null;
  const chosen =
    title ??
    heading ??
    slug
      .split('-')
      .map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w))
      .join(' ');
  if (h1 && heading === chosen) return { title: chosen, markdown: markdown.slice(h1[0].length).trimStart() };
  return { title: chosen, markdown };
}
