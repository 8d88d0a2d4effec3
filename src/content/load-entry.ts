// Pure loading of one content file: text in, a validated, rendered, sanitised entry (or problems) out.
import { createHash } from 'node:crypto';
import { parseIsoDate } from '../lib/dates.js';
import { slugify } from '../lib/slug.js';
import { formatZod, PARSE_OPTIONS } from './zod-problems.js';
import { splitFrontMatter } from './front-matter.js';
import type { ImageLookup } from './image-variants.js';
import type { CtaFact, LinkFact, TocEntry } from './markdown.js';
import { renderBody } from './render-body.js';
import { htmlToText } from './sanitize.js';
import { articleSchema, courseSchema, type CourseFrontMatter } from './schema.js';
import { countWords, keyTerms, makeExcerpt, readingMinutes } from './derive.js';
import type { ContentProblem } from '../errors.js';

export interface LoadContext {
  defaultLang: string;
  languages: readonly string[];
  siteHosts: readonly string[];
  /** Where images and their variants live (set by the indexer when it makes variants). */
  imageDirs?: { publicDir: string; cacheDir: string };
  /** Variants of local images, attached where the render runs (a function cannot cross to a worker). */
  images?: ImageLookup;
}

export interface ArticleEntry {
  kind: 'article';
  sourcePath: string;
  hash: string;
  lang: string;
  slug: string;
  title: string;
  publishedAt: number;
  modifiedAt: number;
  updated: string | null;
  category: string;
  tags: string[];
  author: string;
  excerpt: string;
  image: string | null;
  imageAlt: string | null;
  cta: string | null;
  related: string[];
  aliases: string[];
  draft: boolean;
  translationKey: string | null;
  html: string;
  text: string;
  toc: TocEntry[];
  words: number;
  readingMinutes: number;
  links: LinkFact[];
  ctas: CtaFact[];
  images: string[];
  /** Image sources written without alt text (served with alt=""), for a warning. */
  imagesWithoutAlt: string[];
  terms: [string, number][];
  /** File lines of front matter keys, for cross-file problems found later. */
  lines: Record<string, number>;
}

export interface CourseEntry {
  kind: 'course';
  sourcePath: string;
  hash: string;
  area: string;
  slug: string;
  data: CourseFrontMatter;
  html: string;
  text: string;
  links: LinkFact[];
  lines: Record<string, number>;
}

export type LoadResult<T> = { ok: true; entry: T } | { ok: false; problems: ContentProblem[] };

export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function fail(file: string, line: number, code: string, message: string, hint?: string): LoadResult<never> {
  return { ok: false, problems: [{ file, line, code, message, severity: 'error', ...(hint ? { hint } : {}) }] };
}

const ARTICLE_KEYS = Object.keys(articleSchema.shape ?? {});

function keyLines(data: object, lineOf: (p: readonly PropertyKey[]) => number): Record<string, number> {
  const lines: Record<string, number> = {};
  for (const key of Object.keys(data)) lines[key] = lineOf([key]);
  return lines;
}

export function loadArticle(sourcePath: string, text: string, ctx: LoadContext): LoadResult<ArticleEntry> {
  const split = splitFrontMatter(text);
  if (!split.ok) return fail(sourcePath, split.line, split.code, split.message, split.hint);
  const { data, lineOf, body, bodyLine } = split.value;
  const parsed = articleSchema.safeParse(data, PARSE_OPTIONS);
  if (!parsed.success) {
    return { ok: false, problems: formatZod(sourcePath, parsed.error.issues, lineOf, ARTICLE_KEYS) };
  }
  const fm = parsed.data;
  const lines = keyLines(data as object, lineOf);
  const fileSlug = sourcePath.split('/').pop()?.replace(/\.md$/i, '') ?? '';
  const slug = fm.slug ?? fileSlug;
  if (!fm.slug && slugify(fileSlug) !== fileSlug) {
    return fail(sourcePath, 1, 'slug-from-file-name', `the file name "${fileSlug}" is not a valid slug`, `rename the file to ${slugify(fileSlug) || 'my-article'}.md or add a slug: key`);
  }
  const lang = fm.lang ?? ctx.defaultLang;
  if (!ctx.languages.includes(lang)) {
    return fail(sourcePath, lines.lang ?? 1, 'unknown-language', `lang "${lang}" is not one of the site's languages (${ctx.languages.join(', ')})`, 'add it to languages in site.yml or fix the code');
  }
  const rendered = renderBody(body, {
    siteHosts: ctx.siteHosts,
    languages: ctx.languages,
    bodyLine,
    ...(ctx.images ? { images: ctx.images } : {}),
  });
  const html = rendered.html;
  const plain = htmlToText(html);
  const words = countWords(plain);
  const publishedAt = parseIsoDate(fm.date) ?? 0;
  // Tags without a usable slug are kept so the cross-file checks can report them (they get no page).
  const tags = [...new Set((fm.tags ?? []).map((t) => t.trim()).filter((t) => t !== ''))];
  return {
    ok: true,
    entry: {
      kind: 'article',
      sourcePath,
      hash: digest(text),
      lang,
      slug,
      title: fm.title,
      publishedAt,
      modifiedAt: fm.updated ? (parseIsoDate(fm.updated) ?? publishedAt) : publishedAt,
      updated: fm.updated ?? null,
      category: fm.category,
      tags,
      author: fm.author,
      excerpt: fm.excerpt ?? makeExcerpt(html, plain),
      image: fm.image ?? null,
      imageAlt: fm.image_alt ?? null,
      cta: fm.cta ?? null,
      related: fm.related ?? [],
      aliases: fm.aliases ?? [],
      draft: fm.draft ?? false,
      translationKey: fm.translation_key ?? null,
      html,
      text: plain,
      toc: rendered.toc,
      words,
      readingMinutes: readingMinutes(words),
      links: rendered.links,
      ctas: rendered.ctas,
      images: rendered.images,
      imagesWithoutAlt: rendered.imagesWithoutAlt,
      terms: keyTerms(`${fm.title} ${fm.title} ${tags.join(' ')} ${plain}`),
      lines,
    },
  };
}

const COURSE_KEYS = Object.keys(courseSchema.shape);

export function loadCourse(sourcePath: string, text: string, ctx: LoadContext): LoadResult<CourseEntry> {
  const parts = sourcePath.split('/');
  const area = parts.at(-2) ?? '';
  const slug = (parts.at(-1) ?? '').replace(/\.md$/i, '');
  if (slugify(area) !== area || slugify(slug) !== slug) {
    return fail(sourcePath, 1, 'course-path', 'course files must live at courses/<area>/<slug>.md with lowercase-hyphen names', `rename to courses/${slugify(area) || 'area'}/${slugify(slug) || 'course'}.md`);
  }
  const split = splitFrontMatter(text);
  if (!split.ok) return fail(sourcePath, split.line, split.code, split.message, split.hint);
  const { data, lineOf, body, bodyLine } = split.value;
  const parsed = courseSchema.safeParse(data, PARSE_OPTIONS);
  if (!parsed.success) return { ok: false, problems: formatZod(sourcePath, parsed.error.issues, lineOf, COURSE_KEYS) };
  const rendered = renderBody(body, { siteHosts: ctx.siteHosts, languages: ctx.languages, bodyLine });
  const html = rendered.html;
  return {
    ok: true,
    entry: { kind: 'course', sourcePath, hash: digest(text), area, slug, data: parsed.data, html, text: htmlToText(html), links: rendered.links, lines: keyLines(data as object, lineOf) },
  };
}
