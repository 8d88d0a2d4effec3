// Plans a Markdown import as data: the article files to write (never over an existing article), the
// categories and authors to add, and the report: what was imported, skipped and why, and file:line warnings.
import { stringify } from 'yaml';
import { truncateText } from '../../lib/html.js';
import { IMPORT_DIR, type Named } from '../post-identity.js';
import type { Inventory } from '../inventory.js';
import { newNameWrites } from '../new-names.js';
import { convertBody } from './convert-body.js';
import { splitForeign } from './foreign-front-matter.js';
import { mapFields, type MapOptions, type MappedFields } from './map-fields.js';
import { plainSummary, takeTitle } from './text.js';
import type { PathFacts } from './source-files.js';
import { articlePath } from '../../lib/urls.js';

export interface MdSource {
  abs: string;
  /** The folder named on the command line (a file's own folder): images are read only from inside it. */
  root: string;
  /** As shown in reports. */
  rel: string;
  text: string;
  facts: PathFacts;
}

export type ImageLookup = (
  source: MdSource,
  ref: string,
  month: string,
) => { ok: true; path: string } | { ok: false; reason: string };

export interface MdImportPlan {
  writes: { path: string; text: string }[];
  articles: { source: string; path: string; notes: string[] }[];
  skipped: string[];
  warnings: string[];
  createdCategories: Named[];
  createdAuthors: Named[];
}

type Options = Pick<MapOptions, 'category' | 'author' | 'lang'>;

function frontMatter(
  m: MappedFields,
  title: string,
  excerpt: string | null,
  image: { src: string; alt: string } | null,
  defaultLang: string,
) {
  const fm: Record<string, unknown> = { title, slug: m.slug, date: m.date };
  if (m.updated) fm.updated = m.updated;
  fm.category = m.category.slug;
  if (m.tags.length) fm.tags = m.tags;
  fm.author = m.author.slug;
  if (excerpt) fm.excerpt = excerpt;
  if (image) Object.assign(fm, { image: image.src, image_alt: image.alt });
  const own = articlePath(m.lang, m.slug);
  const aliases = m.aliases.filter((a) => a !== own && a !== '/');
  if (aliases.length) fm.aliases = aliases.slice(0, 50);
  if (m.draft) fm.draft = true;
  if (m.lang !== defaultLang) fm.lang = m.lang;
  return fm;
}

function convertOne(
  source: MdSource,
  m: MappedFields,
  body: string,
  bodyLine: number,
  lookup: ImageLookup,
  warnings: string[],
) {
  const month = (m.date ?? '').slice(0, 7).replace('-', '/');
  const warn = (line: number, message: string) => warnings.push(`${source.rel}:${line}: ${message}`);
  const converted = convertBody(body, bodyLine, (ref, line) => {
    const found = lookup(source, ref, month);
    if (!found.ok) warn(line, `image ${ref} kept as written: ${found.reason}`);
    return found.ok ? found.path : null;
  });
  for (const w of converted.warnings) warn(w.line, w.message);
  const notes = [...m.notes];
  const { title, markdown } = takeTitle(m.title, converted.markdown, m.slug);
  if (!m.title) notes.push(`no title in the front matter; "${title}" was used`);
  const excerpt = m.excerpt ?? (converted.summary ? plainSummary(converted.summary) : null);
  let image: { src: string; alt: string } | null = null;
  if (m.image) {
    const remote = /^https?:\/\//i.test(m.image.src);
    const found = remote ? { ok: true as const, path: m.image.src } : lookup(source, m.image.src, month);
    if (found.ok) image = { src: found.path, alt: m.image.alt ?? title };
    else notes.push(`featured image ${m.image.src} was dropped: ${found.reason}`);
    if (found.ok && !m.image.alt) notes.push('the featured image has no alt text; the title was used');
  }
  return { title, markdown, excerpt, image, notes };
}

export function planMdImport(
  sources: readonly MdSource[],
  inv: Inventory,
  options: Options,
  lookup: ImageLookup,
  progress?: (done: number, total: number) => void,
): MdImportPlan {
  const plan: MdImportPlan = {
    writes: [],
    articles: [],
    skipped: [],
    warnings: [],
    createdCategories: [],
    createdAuthors: [],
  };
  const taken = new Map<string, string>();
  const onDisk = new Set(inv.articles.values());
  const newCategories = new Map<string, Named>();
  const newAuthors = new Map<string, Named>();
  for (const [i, source] of sources.entries()) {
    progress?.(i + 1, sources.length);
    const split = splitForeign(source.text);
    if (!split.ok) {
      plan.skipped.push(`${source.rel}:${split.line}: ${split.message}; file skipped`);
      continue;
    }
    const m = mapFields(split.data, source.facts, {
      ...options,
      languages: inv.languages,
      defaultLang: inv.defaultLang,
    });
    if (!m.date) {
      plan.skipped.push(
        `${source.rel}: no date: add date: to its front matter or name the file YYYY-MM-DD-slug.md`,
      );
      continue;
    }
    const key = `${m.lang}/${m.slug}`;
    const existing = inv.articles.get(key) ?? taken.get(key);
    if (existing) {
      plan.skipped.push(`${source.rel}: /${key} already exists (${existing}); nothing was overwritten`);
      continue;
    }
    const path =
      m.lang === inv.defaultLang ? `${IMPORT_DIR}/${m.slug}.md` : `${IMPORT_DIR}/${m.lang}/${m.slug}.md`;
    if (onDisk.has(path)) {
      plan.skipped.push(`${source.rel}: ${path} already exists; nothing was overwritten`);
      continue;
    }
    taken.set(key, source.rel);
    const one = convertOne(source, m, split.body, split.bodyLine, lookup, plan.warnings);
    const fm = frontMatter(m, truncateText(one.title, 200), one.excerpt, one.image, inv.defaultLang);
    const text = `---\n# Imported from ${source.rel.replace(/\n/g, ' ')}\n${stringify(fm, { lineWidth: 0 })}---\n\n${one.markdown}`;
    plan.writes.push({ path, text });
    plan.articles.push({ source: source.rel, path, notes: one.notes });
    if (!inv.categories.has(m.category.slug)) newCategories.set(m.category.slug, m.category);
    if (!inv.authors.has(m.author.slug)) newAuthors.set(m.author.slug, m.author);
  }
  const added = newNameWrites('import:md', inv, newCategories.values(), newAuthors.values());
  plan.writes.push(...added.writes);
  return { ...plan, createdCategories: added.createdCategories, createdAuthors: added.createdAuthors };
}
