// What the content directory already holds, as the importer needs it: languages and site hosts, article
// slugs per language, courses, categories and authors (with the yml text, to append to it untouched).
import { parseYaml, splitFrontMatter, yamlToData } from '../content/front-matter.js';
import { authorsSchema, categoriesSchema, siteSchema } from '../content/schema.js';

export interface ContentFile {
  /** Relative to the content directory, with forward slashes. */
  path: string;
  text: string;
}

export interface Inventory {
  languages: string[];
  defaultLang: string;
  siteHosts: string[];
  /** `lang/slug` → path of the article file that holds it. */
  articles: Map<string, string>;
  /** `area/slug`. */
  courses: Set<string>;
  /** slug → name. */
  categories: Map<string, string>;
  authors: Map<string, string>;
  categoriesYml: string | null;
  authorsYml: string | null;
}

function yamlData(text: string): unknown {
  const { doc, error } = parseYaml(text);
  if (error) return null;
  const data = yamlToData(doc);
  return data.ok ? data.data : null;
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export function buildInventory(files: readonly ContentFile[], siteUrl: string | null): Inventory {
  const text = (path: string) => files.find((f) => f.path === path)?.text ?? null;
  const site = siteSchema.safeParse(yamlData(text('site.yml') ?? '') ?? {});
  const languages = site.success ? site.data.languages.map((l) => l.code) : ['en'];
  const defaultLang = site.success ? site.data.default_language : 'en';
  const siteHosts = [hostOf(siteUrl), hostOf(site.success ? site.data.url : null)].filter(
    (h): h is string => h !== null,
  );

  const categoriesYml = text('categories.yml');
  const authorsYml = text('authors.yml');
  const cats = categoriesSchema.safeParse(yamlData(categoriesYml ?? '') ?? []);
  const people = authorsSchema.safeParse(yamlData(authorsYml ?? '') ?? []);

  const articles = new Map<string, string>();
  const courses = new Set<string>();
  for (const f of files) {
    const course = /^courses\/([^/]+)\/([^/]+)\.md$/i.exec(f.path);
    if (course) courses.add(`${course[1] ?? ''}/${course[2] ?? ''}`);
    if (!/^articles\/.+\.md$/i.test(f.path)) continue;
    const fileSlug = (f.path.split('/').pop() ?? '').replace(/\.md$/i, '');
    const split = splitFrontMatter(f.text);
    const data = split.ok ? (split.value.data as Record<string, unknown>) : {};
    const slug = typeof data.slug === 'string' ? data.slug : fileSlug;
    const lang = typeof data.lang === 'string' ? data.lang : defaultLang;
    articles.set(`${lang}/${slug}`, f.path);
  }
  return {
    languages,
    defaultLang,
    siteHosts,
    articles,
    courses,
    categories: new Map(cats.success ? cats.data.map((c) => [c.slug, c.name]) : []),
    authors: new Map(people.success ? people.data.map((a) => [a.slug, a.name]) : []),
    categoriesYml,
    authorsYml,
  };
}
