// The one HTML allowlist: everything rendered from Markdown passes through here exactly once, at index time.
import sanitizeHtml from 'sanitize-html';

import { EMBED_HOSTS } from '../lib/embeds.js';

export { EMBED_HOSTS };

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'span', 'strong', 'b', 'em', 'i',
    'u', 's', 'del', 'ins', 'mark', 'sub', 'sup', 'small', 'abbr', 'kbd', 'samp', 'var', 'q', 'cite', 'dfn', 'time',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'figure', 'figcaption', 'picture', 'table', 'thead', 'tbody',
    'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col', 'details', 'summary', 'aside', 'div', 'iframe',
  ],
  allowedAttributes: {
    '*': ['id', 'title', 'lang', 'dir'],
    a: ['href', 'rel', 'class', 'hreflang'],
    img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
    pre: ['data-lang'],
    code: ['class'],
    span: ['class', 'aria-hidden'],
    aside: ['class', 'data-course'],
    div: ['class'],
    th: ['align', 'scope', 'colspan', 'rowspan'],
    td: ['align', 'colspan', 'rowspan'],
    ol: ['start', 'reversed'],
    time: ['datetime'],
    abbr: ['title'],
    iframe: ['src', 'width', 'height', 'title', 'allow', 'allowfullscreen', 'loading', 'referrerpolicy'],
  },
  allowedClasses: {
    code: [/^hljs$/, /^language-[a-z0-9+#-]+$/],
    span: [/^hljs-[a-z0-9_-]+$/, 'task', /^[a-z]+_$/],
    a: ['cta__button'],
    aside: ['cta'],
    div: ['table-wrap'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'poster', 'background'],
  allowProtocolRelative: false,
  allowedIframeHostnames: [...EMBED_HOSTS],
  allowIframeRelativeUrls: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'xmp', 'iframe-fallback'],
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
  // An iframe whose src was refused (other host, javascript:, srcdoc only) would still frame about:blank;
  // an image whose src was refused (data:, javascript:, a lazy-load placeholder) is an empty box without alt.
  exclusiveFilter: (frame) => (frame.tag === 'iframe' || frame.tag === 'img') && !frame.attribs.src?.trim(),
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const external = /^https?:\/\//i.test(href);
      const next: Record<string, string> = { ...attribs };
      if (external) next.rel = 'noopener noreferrer';
      else delete next.rel;
      return { tagName, attribs: next };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy', decoding: 'async' } }),
    iframe: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy', referrerpolicy: 'strict-origin-when-cross-origin' } }),
  },
};

export function sanitize(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/**
 * Plain text of a stored body, for search, excerpts and reading time. The input has been sanitised and
 * serialised (no script or style elements; `<` escaped in text; attribute values double-quoted, where a
 * serialiser may leave `>`), so removing tags is a text operation.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<\/(p|h[1-6]|li|pre|blockquote|tr|td|th|div|aside|figcaption)>|<br ?\/?>/g, ' ')
    .replace(/<(?:[^>"]|"[^"]*")*>/g, '');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp|#39);/gi, (m, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16) || 32);
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)) || 32);
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[lower] ?? m;
  });
}
