// Makes site-relative links and images in sanitised HTML absolute, for HTML read away from the site (feeds, API).
import { escapeHtml } from '../../lib/html.js';

/** Sanitised HTML always quotes attributes with ", so a plain pattern finds every relative href and src. */
export function absoluteHtml(html: string, baseUrl: string): string {
  const base = escapeHtml(baseUrl);
  return html.replace(/(\s(?:href|src))="\/(?!\/)/g, (_m, attr: string) => `${attr}="${base}/`);
}
