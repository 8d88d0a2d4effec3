// /llms.txt (llmstxt.org): a Markdown map of the site for language models. An H1 with the site's name, a
// blockquote with its description, a line on how to read the rest, then H2 sections of `- [title](url): note`
// lists: categories, courses, the newest articles with their excerpts, and an Optional section (feeds,
// the sitemap, the other languages) that a reader short of context may skip.
import { articlePath, categoryPath, coursePath, feedPath, homePath, SITEMAP } from '../../lib/urls.js';

export interface LlmsTxtInput {
  title: string;
  description: string;
  baseUrl: string;
  lang: string;
  languageName: string;
  categories: readonly { slug: string; name: string; description: string; count: number }[];
  courses: readonly { area: string; areaName: string; slug: string; title: string; summary: string }[];
  /** Newest first. */
  articles: readonly { slug: string; title: string; excerpt: string; published_at: number }[];
  otherLanguages: readonly { code: string; name: string }[];
}

/** Notes longer than this are cut at a word: the file is a map, the pages hold the text. */
const NOTE_MAX = 280;

/** One line of plain text: a newline would end the list item, and `#`/`>` at a line start would become structure. */
function line(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function note(text: string): string {
  const one = line(text);
  if (one.length <= NOTE_MAX) return one;
  const cut = one.slice(0, NOTE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > NOTE_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** Link text with the characters that would end it (or escape out of it) escaped. */
function label(text: string): string {
  return line(text).replace(/([\\[\]])/g, '\\$1');
}

function item(title: string, url: string, text: string): string {
  const n = note(text);
  return `- [${label(title)}](${url})${n ? `: ${n}` : ''}`;
}

export function buildLlmsTxt(input: LlmsTxtInput): string {
  const { baseUrl: base, lang } = input;
  const out = [`# ${line(input.title)}`, ''];
  if (line(input.description)) out.push(`> ${line(input.description)}`, '');
  out.push(
    `Pages in ${line(input.languageName)} (${lang}). Every link is an HTML page; recent articles are newest first, and the feeds under Optional carry their full text.`,
    '',
  );
  if (input.categories.length > 0) {
    out.push('## Categories', '');
    for (const c of input.categories)
      out.push(
        item(
          c.name,
          base + categoryPath(lang, c.slug),
          `${c.description} (${c.count === 1 ? '1 article' : `${c.count} articles`})`,
        ),
      );
    out.push('');
  }
  if (input.courses.length > 0) {
    out.push('## Courses', '');
    for (const c of input.courses)
      out.push(item(c.title, base + coursePath(lang, c.area, c.slug), `${c.summary} (${c.areaName})`));
    out.push('');
  }
  if (input.articles.length > 0) {
    out.push('## Recent articles', '');
    for (const a of input.articles)
      out.push(
        item(
          a.title,
          base + articlePath(lang, a.slug),
          `${new Date(a.published_at).toISOString().slice(0, 10)}: ${a.excerpt}`,
        ),
      );
    out.push('');
  }
  out.push(
    '## Optional',
    '',
    item('RSS feed', base + feedPath(lang), 'the newest articles'),
    item('JSON Feed', base + feedPath(lang, 'json'), 'the same, as JSON'),
    item('Sitemap', base + SITEMAP, 'every public page'),
    ...input.otherLanguages.map((l) =>
      item(l.name, base + homePath(l.code), `the site in ${l.name} (${l.code})`),
    ),
  );
  return `${out.join('\n')}\n`;
}
