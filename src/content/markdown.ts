// Markdown → HTML at index time: GFM, heading ids + TOC, server-side highlighting, the ::cta directive, link facts.
import GithubSlugger from 'github-slugger';
import { Marked, type Token, type Tokens } from 'marked';
import { ctaExtension, type CtaToken } from './cta-directive.js';
import { codeBlock } from './highlight.js';
import { escapeHtml } from '../lib/html.js';
import { pathReader } from '../lib/urls.js';

export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

export interface LinkFact {
  kind: 'article' | 'course' | 'path';
  /** For articles: `lang/slug`; for courses: `area/slug`; for other paths: the path. */
  target: string;
  line: number;
}

export interface CtaFact {
  course: string;
  label: string;
  line: number;
}

export interface RenderFacts {
  html: string;
  /** Every Markdown heading, at the level written (the body's outline and TOC are settled after sanitising). */
  headings: TocEntry[];
  links: LinkFact[];
  ctas: CtaFact[];
  images: string[];
}

export interface RenderOptions {
  /** Hostnames that count as this site (links to them are internal). */
  siteHosts: readonly string[];
  languages: readonly string[];
  /** 1-based file line of the body's first line, so facts can name file lines. */
  bodyLine: number;
}

/**
 * Ids the page templates put around a rendered body (skip-link target, section headings, the enquiry form):
 * a heading never takes one, so "## Main" becomes #main-1 instead of a duplicate id.
 */
export const PAGE_IDS = [
  'main',
  'toc-heading',
  'tags-heading',
  'author-heading',
  'related-heading',
  'backlinks-heading',
  'latest-heading',
  'cat-heading',
  'courses-heading',
  'q-header',
  'q-page',
  'error-summary-title',
  'enquiry',
  'enquiry-heading',
  'course-overview',
  'course-formats',
  'course-modules',
  'course-prerequisites',
  'course-outcomes',
  'course-certification',
  'course-financing',
  'course-faq',
  'course-starts',
  'course-articles',
] as const;

function newlines(text: string): number {
  return (text.match(/\n/g) ?? []).length;
}

function plainInline(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');
}


/** What the one shared Marked instance's renderer needs from the render in progress (rendering is synchronous). */
interface RenderState {
  slugger: GithubSlugger;
  headings: TocEntry[];
  classify: (href: string) => string | null;
}
let active: RenderState | null = null;
function current(): RenderState {
  if (!active) throw new Error('renderMarkdown: no render in progress');
  return active;
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  extensions: [ctaExtension],
  renderer: {
    heading({ tokens, depth }) {
      const inner = this.parser.parseInline(tokens);
      const text = plainInline(inner).trim();
      const state = current();
      const id = state.slugger.slug(text || 'section');
      state.headings.push({ depth, id, text });
      return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
    },
    code({ text, lang }) {
      return codeBlock(text, lang);
    },
    link({ href, title, tokens }) {
      const inner = this.parser.parseInline(tokens);
      const path = current().classify(href);
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      if (path !== null) return `<a href="${escapeHtml(path)}"${t}>${inner}</a>`;
      const external = /^https?:\/\//i.test(href);
      return `<a href="${escapeHtml(href)}"${t}${external ? ' rel="noopener noreferrer"' : ''}>${inner}</a>`;
    },
    image({ href, title, text }) {
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      // `![](src)` has no description: left without alt so it is reported (and served with alt="").
      const alt = text ? ` alt="${escapeHtml(text)}"` : '';
      return `<img src="${escapeHtml(href)}"${alt}${t} loading="lazy" decoding="async">`;
    },
    checkbox({ checked }) {
      return `<span class="task" aria-hidden="true">${checked ? '☑' : '☐'}</span> `;
    },
  },
});
/** Renders an article or course body; collects what the indexer must check across files. */
export function renderMarkdown(body: string, options: RenderOptions): RenderFacts {
  const slugger = new GithubSlugger();
  for (const id of PAGE_IDS) slugger.slug(id);
  const headings: TocEntry[] = [];
  const links: LinkFact[] = [];
  const ctas: CtaFact[] = [];
  const images: string[] = [];
  const readPath = pathReader(options.languages.length > 0 ? options.languages : ['en']);
  // Line tracking: marked gives raw text per token; we count lines of block tokens as they pass, and
  // find a link's own line by looking for its raw text inside its top-level block.
  let currentLine = options.bodyLine;
  let blockRaw = '';
  let cursor = 0;
  const lineOf = (raw: string): number => {
    const at = blockRaw.indexOf(raw, cursor);
    if (at === -1) return currentLine;
    cursor = at + raw.length;
    return currentLine + newlines(blockRaw.slice(0, at));
  };



  const classify = (href: string): string | null => {
    let path: string | null = null;
    if (href.startsWith('/') && !href.startsWith('//')) path = href;
    else {
      try {
        const u = new URL(href);
        if ((u.protocol === 'http:' || u.protocol === 'https:') && options.siteHosts.includes(u.host)) path = u.pathname + u.search + u.hash;
      } catch {
        return null;
      }
    }
    return path;
  };

  const collect = (token: Token): void => {
    if (token.type === 'cta') {
      const t = token as CtaToken;
      ctas.push({ course: t.course, label: t.label, line: currentLine });
    }
    if (token.type === 'link') {
      const path = classify((token as Tokens.Link).href);
      if (path !== null) {
        const line = lineOf(token.raw);
        const t = readPath(path);
        if (t.kind === 'course') links.push({ kind: 'course', target: `${t.area}/${t.slug}`, line });
        else if (t.kind === 'article') links.push({ kind: 'article', target: `${t.lang}/${t.slug}`, line });
        else links.push({ kind: 'path', target: t.path, line });
      }
    }
    if (token.type === 'image') images.push((token as Tokens.Image).href);
  };



  active = { slugger, headings, classify };
  try {
    // Lex first so block tokens can carry their file line into the fact collector.
    const tokens = marked.lexer(body);
    for (const token of tokens) {
      blockRaw = token.raw;
      cursor = 0;
      void marked.walkTokens([token], collect);
      currentLine += newlines(token.raw);
    }
    return { html: marked.parser(tokens), headings, links, ctas, images };
  } finally {
    active = null;
  }
}
