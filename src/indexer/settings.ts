// Step 1 of an index run: the site-wide YAML (site, authors, categories, course areas). An invalid file
// keeps the previous values; the render context and a digest of these files decide what must be redone.
import { digest, type LoadContext } from '../content/load-entry.js';
import {
  areaSchema,
  authorsSchema,
  categoriesSchema,
  siteSchema,
  type AuthorInput,
  type CategoryInput,
  type SiteConfig,
} from '../content/schema.js';
import type { ContentProblem } from '../errors.js';
import { loadYamlFile, type YamlResult } from './load-config-files.js';
import { rendererVersion } from './renderer-version.js';
import type { ScannedFile } from './scan.js';

export const DEFAULT_SITE: SiteConfig = {
  title: 'Folio',
  description: '',
  default_language: 'en',
  languages: [{ code: 'en', name: 'English' }],
  nav: [],
};

export interface Area {
  slug: string;
  name: string;
  intro: string;
  position: number;
}

export interface Settings {
  site: SiteConfig;
  /** null when the file is invalid or missing: the index keeps the previous list. */
  authors: AuthorInput[] | null;
  categories: CategoryInput[] | null;
  areas: Area[];
  ctx: LoadContext;
  /** The render context plus the rendering code's version: when it changes, every file is rendered again. */
  ctxJson: string;
  settingsDigest: string;
  problems: ContentProblem[];
}

export function hostsOf(...urls: (string | null | undefined)[]): string[] {
  const hosts = new Set<string>();
  for (const u of urls) {
    if (!u) continue;
    try {
      hosts.add(new URL(u).host);
    } catch {
      /* an invalid url is reported by the site schema */
    }
  }
  return [...hosts];
}

function loadOne<T>(
  files: readonly ScannedFile[],
  name: string,
  parse: (f: ScannedFile) => YamlResult<T>,
  problems: ContentProblem[],
): T | null {
  const file = files.find((f) => f.path === name);
  if (!file) {
    problems.push({
      file: name,
      line: 1,
      code: 'missing-file',
      message: `${name} is missing`,
      hint: 'see the README for its format',
      severity: 'error',
    });
    return null;
  }
  if (file.text === undefined) return null;
  const r = parse(file);
  if (r.ok) return r.value;
  problems.push(...r.problems);
  return null;
}

function loadAreas(files: readonly ScannedFile[], problems: ContentProblem[]): Area[] {
  const areas: Area[] = [];
  for (const f of files) {
    if (f.kind !== 'area' || f.text === undefined) continue;
    const r = loadYamlFile(f.path, f.text, areaSchema, Object.keys(areaSchema.shape));
    const slug = f.path.split('/')[1] ?? '';
    if (r.ok)
      areas.push({
        slug,
        name: r.value.name,
        intro: r.value.intro,
        position: r.value.position ?? areas.length,
      });
    else problems.push(...r.problems);
  }
  return areas;
}

/** `storedSite` is the site.yml of the previous run (used while the file is invalid). */
export function loadSettings(
  files: readonly ScannedFile[],
  storedSite: string | null,
  siteUrl: string | null,
): Settings {
  const problems: ContentProblem[] = [];
  const site =
    loadOne(
      files,
      'site.yml',
      (f) => loadYamlFile(f.path, f.text ?? '', siteSchema, Object.keys(siteSchema.shape)),
      problems,
    ) ?? (storedSite ? (JSON.parse(storedSite) as SiteConfig) : DEFAULT_SITE);
  const authors = loadOne(
    files,
    'authors.yml',
    (f) => loadYamlFile(f.path, f.text ?? '', authorsSchema),
    problems,
  );
  const categories = loadOne(
    files,
    'categories.yml',
    (f) => loadYamlFile(f.path, f.text ?? '', categoriesSchema),
    problems,
  );
  const areas = loadAreas(files, problems);
  const ctx: LoadContext = {
    defaultLang: site.default_language,
    languages: site.languages.map((l) => l.code),
    siteHosts: hostsOf(siteUrl, site.url),
  };
  const ctxJson = JSON.stringify({ ...ctx, renderer: rendererVersion() });
  const settingsDigest = digest(
    JSON.stringify([
      ctxJson,
      files
        .filter((f) => f.kind !== 'article' && f.kind !== 'course')
        .map((f) => [f.path, f.hash ?? f.problem?.code]),
    ]),
  );
  return { site, authors, categories, areas, ctx, ctxJson, settingsDigest, problems };
}
