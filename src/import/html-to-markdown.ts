// Cleaned WordPress HTML → clean Markdown with turndown (+ GFM tables): course buttons become ::cta lines,
// links are resolved against this site, headings start at level 2, and anything dropped is noted.
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import type { LinkDecision } from './links.js';

/** The few DOM members the rules use (turndown hands its own DOM nodes to rules). */
interface DomNode {
  nodeName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): { length: number; item(index: number): DomNode | null };
}

export interface MarkdownOptions {
  resolve: (href: string) => LinkDecision;
  /** An absolute URL for an image source, or null when it cannot be used. */
  imageUrl: (src: string) => string | null;
}

export interface MarkdownResult {
  markdown: string;
  notes: string[];
  /** `area/slug` of every course a ::cta line was made for. */
  ctas: string[];
}

const BUTTON = /\b(wp-block-button__link|wp-element-button|elementor-button(-link)?|button)\b/;
const DROPPED = [
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'object',
  'embed',
  'canvas',
  'svg',
  'template',
  'map',
];

const isTag = (node: DomNode, ...names: string[]) => names.includes(node.nodeName.toLowerCase());
const oneLine = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const mdUrl = (href: string) => href.replace(/ /g, '%20').replace(/([()])/g, '\\$1');

function videoLink(src: string): string | null {
  const yt = /^(?:https?:)?\/\/(?:www\.)?(?:youtube(?:-nocookie)?\.com\/embed\/|youtu\.be\/)([\w-]{6,})/.exec(
    src,
  );
  if (yt) return `https://www.youtube.com/watch?v=${yt[1] ?? ''}`;
  const vimeo = /^(?:https?:)?\/\/player\.vimeo\.com\/video\/(\d+)/.exec(src);
  if (vimeo) return `https://vimeo.com/${vimeo[1] ?? ''}`;
  return null;
}

/** The widest image a srcset offers (WordPress galleries list the original last or first, resized ones around it). */
export function largestCandidate(srcset: string | null): string | null {
  let best: { url: string; width: number } | null = null;
  for (const part of (srcset ?? '').split(/,\s+/)) {
    const [url = '', size = ''] = part.trim().split(/\s+/);
    const width = /^(\d+)w$/.exec(size)
      ? Number(size.slice(0, -1))
      : /^(\d+(?:\.\d+)?)x$/.test(size)
        ? Number(size.slice(0, -1)) * 1000
        : 1;
    if (url && (!best || width > best.width)) best = { url, width };
  }
  return best?.url ?? null;
}

/** Heading levels shift so the post's top level becomes h2 (the page title is the h1). */
function headingShift(html: string): number {
  const levels = [...html.matchAll(/<h([1-6])\b/gi)].map((m) => Number(m[1]));
  return levels.length ? 2 - Math.min(...levels) : 0;
}

export function htmlToMarkdown(html: string, options: MarkdownOptions): MarkdownResult {
  const notes = new Set<string>();
  const ctas: string[] = [];
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
    strongDelimiter: '**',
    hr: '---',
    br: '\\',
  });
  service.use(gfm);
  const baseEscape = service.escape.bind(service);
  // Also escape what Folio's Markdown would read as HTML or as a ::cta directive.
  service.escape = (text: string) => baseEscape(text).replace(/</g, '\\<').replace(/^::/gm, '\\::');

  // turndown tries the most recently added rule first: general rules go first, specific ones after.
  service.addRule('link', {
    filter: (node: DomNode) => isTag(node, 'a') && node.getAttribute('href') !== null,
    replacement: (content: string, node: DomNode) => {
      const decision = options.resolve(node.getAttribute('href') ?? '');
      if (decision.kind === 'text') {
        notes.add(decision.reason);
        return content;
      }
      if (decision.kind === 'old-site') notes.add(decision.reason);
      if (!content.trim()) return '';
      const title = node.getAttribute('title');
      const t = title ? ` "${title.replace(/"/g, '\\"')}"` : '';
      return `[${content}](${mdUrl(decision.href)}${t})`;
    },
  });

  service.addRule('image', {
    filter: 'img',
    replacement: (_content: string, node: DomNode) => {
      const src = largestCandidate(node.getAttribute('srcset')) ?? node.getAttribute('src') ?? '';
      const url = src ? options.imageUrl(src) : null;
      if (!url) {
        notes.add(`dropped an image whose address cannot be used here (${src.slice(0, 60) || 'no src'})`);
        return '';
      }
      const alt = oneLine(node.getAttribute('alt'));
      if (!alt) notes.add(`image ${url} has no alt text: describe it for readers who cannot see it`);
      return `![${alt.replace(/[[\]]/g, '')}](${mdUrl(url)})`;
    },
  });

  const shift = headingShift(html);
  service.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content: string, node: DomNode) => {
      const level = Math.min(6, Math.max(2, Number(node.nodeName.slice(1)) + shift));
      const text = content.replace(/\s+/g, ' ').trim();
      return text ? `\n\n${'#'.repeat(level)} ${text}\n\n` : '';
    },
  });

  service.addRule('dropped', {
    filter: (node: DomNode) => isTag(node, ...DROPPED),
    replacement: (_content: string, node: DomNode) => {
      notes.add(`dropped a <${node.nodeName.toLowerCase()}> element (it has no Markdown equivalent)`);
      return '';
    },
  });

  service.addRule('media', {
    filter: (node: DomNode) => isTag(node, 'iframe', 'video', 'audio'),
    replacement: (_content: string, node: DomNode) => {
      const source = node.getElementsByTagName('source').item(0);
      const src = node.getAttribute('src') ?? source?.getAttribute('src') ?? '';
      const link = isTag(node, 'iframe') ? videoLink(src) : src ? options.imageUrl(src) : null;
      if (!link) {
        notes.add(`dropped an embedded <${node.nodeName.toLowerCase()}>${src ? ` (${src})` : ''}`);
        return '';
      }
      notes.add(`an embedded ${isTag(node, 'audio') ? 'audio player' : 'video'} became a link to ${link}`);
      return `\n\n[${isTag(node, 'audio') ? 'Listen' : 'Watch the video'}](${mdUrl(link)})\n\n`;
    },
  });

  service.addRule('courseButton', {
    filter: (node: DomNode) =>
      isTag(node, 'a') && node.getAttribute('href') !== null && BUTTON.test(node.getAttribute('class') ?? ''),
    replacement: (content: string, node: DomNode) => {
      const label = oneLine(node.textContent).replace(/[[\]]/g, '').slice(0, 200);
      const decision = options.resolve(node.getAttribute('href') ?? '');
      if (decision.kind === 'course' && label) {
        ctas.push(decision.course);
        return `\n\n::cta[${label}]{course=${decision.course}}\n\n`;
      }
      if (decision.kind === 'text') {
        notes.add(`button "${label}": ${decision.reason}`);
        return `\n\n${content}\n\n`;
      }
      if (decision.kind === 'old-site') notes.add(`button "${label}": ${decision.reason}`);
      else notes.add(`button "${label}" does not lead to a course page, so it became a plain link`);
      return `\n\n[${content}](${mdUrl(decision.href)})\n\n`;
    },
  });

  service.addRule('figcaption', {
    filter: 'figcaption',
    replacement: (content: string) => (content.trim() ? `\n\n_${content.trim()}_\n\n` : ''),
  });

  const markdown = service
    .turndown(html)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown: `${markdown}\n`, notes: [...notes], ctas };
}
