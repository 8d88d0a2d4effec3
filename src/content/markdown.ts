// Markdown → HTML at index time: GFM, heading ids + TOC, server-side highlighting, the ::cta directive, link facts.
import GithubSlugger from 'github-slugger';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdownLang from 'highlight.js/lib/languages/markdown';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import r from 'highlight.js/lib/languages/r';
import rust from 'highlight.js/lib/languages/rust';
import scala from 'highlight.js/lib/languages/scala';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yamlLang from 'highlight.js/lib/languages/yaml';
import { Marked, type Token, type Tokens, type TokenizerExtension, type RendererExtension } from 'marked';
import { escapeHtml } from '../lib/html.js';
import { pathReader } from '../lib/urls.js';

const LANGUAGES = { bash, css, dockerfile, go, ini, java, javascript, json, markdown: markdownLang, plaintext, python, r, rust, scala, shell, sql, typescript, xml, yaml: yamlLang };
for (const [name, def] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, def);
hljs.registerAliases(['sh', 'zsh', 'console'], { languageName: 'bash' });
hljs.registerAliases(['js', 'mjs'], { languageName: 'javascript' });
hljs.registerAliases(['ts'], { languageName: 'typescript' });
hljs.registerAliases(['py'], { languageName: 'python' });
hljs.registerAliases(['yml'], { languageName: 'yaml' });
hljs.registerAliases(['html', 'svg'], { languageName: 'xml' });
hljs.registerAliases(['docker'], { languageName: 'dockerfile' });
hljs.registerAliases(['text', 'txt'], { languageName: 'plaintext' });

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

/** `::cta[Label]{course=area/slug}` on a line of its own. */
const CTA_RE = /^::cta\[([^\]\n]{1,200})\]\{\s*course\s*=\s*"?([a-z0-9/-]{1,120})"?\s*\}[ \t]*(?:\n+|$)/;

interface CtaToken extends Tokens.Generic {
  type: 'cta';
  label: string;
  course: string;
}

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

const ctaExtension: TokenizerExtension & RendererExtension = {
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
      const language = (lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      const known = language !== '' && hljs.getLanguage(language) !== undefined;
      const body = known ? hljs.highlight(text, { language, ignoreIllegals: true }).value : escapeHtml(text);
      const cls = known ? ` class="hljs language-${escapeHtml(language)}"` : '';
      const label = known ? ` data-lang="${escapeHtml(language)}"` : '';
      return `<pre${label}><code${cls}>${body}</code></pre>\n`;
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
