// The `::cta[Label]{course=area/slug}` directive: a call-to-action block on a line of its own, tokenised
// by marked and rendered as a placeholder that names the course (expanded with its title when pages are built).
import type { RendererExtension, TokenizerExtension, Tokens } from 'marked';
import { escapeHtml } from '../lib/html.js';

/** `::cta[Label]{course=area/slug}` on a line of its own. */
const CTA_RE = /^::cta\[([^\]\n]{1,200})\]\{\s*course\s*=\s*"?([a-z0-9/-]{1,120})"?\s*\}[ \t]*(?:\n+|$)/;

export interface CtaToken extends Tokens.Generic {
  type: 'cta';
  label: string;
  course: string;
}

export const ctaExtension: TokenizerExtension & RendererExtension = {
  name: 'cta',
  level: 'block',
  // Only where a line starts: a directive inside a sentence stays text.
  start(src: string) {
    if (src.startsWith('::cta[')) return 0;
    const i = src.indexOf('\n::cta[');
    return i === -1 ? undefined : i + 1;
  },
  tokenizer(src: string) {
    const m = CTA_RE.exec(src);
    if (!m) return undefined;
    return { type: 'cta', raw: m[0], label: (m[1] ?? '').trim(), course: m[2] ?? '' } satisfies CtaToken;
  },
  renderer(token) {
    const t = token as CtaToken;
    // Expanded with the course's title and summary when the page is built (see expandCtas).
    return `<aside class="cta" data-course="${escapeHtml(t.course)}"><a class="cta__button" href="/courses/${escapeHtml(t.course)}">${escapeHtml(t.label)}</a></aside>\n`;
  },
};
