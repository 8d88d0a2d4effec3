// The indexer: diffs content/ against the index by digest, renders what changed, checks cross-file rules,
// and applies every change in one transaction (readers never see a half-indexed state).
import type { ArticleEntry, CourseEntry, LoadContext } from '../content/load-entry.js';
import {
  areaSchema,
  authorsSchema,
  categoriesSchema,
  siteSchema,
  type AuthorInput,
  type CategoryInput,
  type SiteConfig,
} from '../content/schema.js';
import { slugify } from '../lib/slug.js';
import { createIndexStore, type StoredArticle } from '../db/index-store.js';
import type { Db } from '../db/connection.js';
import type { ContentProblem } from '../errors.js';
import { loadYamlFile } from './load-config-files.js';
import { computeRelated, type RelatedInput } from './related.js';
import type { RenderPool } from './render-pool.js';
import type { RenderTask } from './render-task.js';
import { scanContent, type ScannedFile } from './scan.js';
import { checkArticles, type CourseRef } from './cross-checks.js';

export interface IndexOptions {
  contentDir: string;
  maxFileBytes: number;
  pool: RenderPool;
  /** SITE_URL, whose host counts as this site in links. */
  siteUrl: string | null;
  now?: number;
}

export interface IndexReport {
  scanned: number;
  rendered: number;
  unchanged: number;
  removed: number;
  articles: number;
  changed: boolean;
  problems: ContentProblem[];
  durationMs: number;
}

const DEFAULT_SITE: SiteConfig = {
  title: 'Folio',
  description: '',
  default_language: 'en',
  languages: [{ code: 'en', name: 'English' }],
  nav: [],
};

type Final = { path: string; entry: ArticleEntry | null; stored: StoredArticle | null };

function hostsOf(...urls: (string | null | undefined)[]): string[] {
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

export async function indexContent(db: Db, options: IndexOptions): Promise<IndexReport> {
  const started = performance.now();
  const now = options.now ?? Date.now();
  const store = createIndexStore(db);
  const problems: ContentProblem[] = [];
  const files = scanContent(options.contentDir, options.maxFileBytes);
  const byKind = (kind: ScannedFile['kind']) => files.filter((f) => f.kind === kind);
  for (const f of files) if (f.problem) problems.push(f.problem);

  // 1. Site-wide YAML: an invalid file keeps the previous values.
  const loadOne = <T>(
    name: string,
    parse: (f: ScannedFile) => { ok: true; value: T } | { ok: false; problems: ContentProblem[] },
  ): T | null => {
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
    if (!r.ok) {
      problems.push(...r.problems);
      return null;
    }
    return r.value;
  };
  const storedSite = store.getState('site_json');
  const site: SiteConfig =
    loadOne('site.yml', (f) =>
      loadYamlFile(f.path, f.text ?? '', siteSchema, Object.keys(siteSchema.shape)),
    ) ?? (storedSite ? (JSON.parse(storedSite) as SiteConfig) : DEFAULT_SITE);
  const authors: AuthorInput[] | null = loadOne('authors.yml', (f) =>
    loadYamlFile(f.path, f.text ?? '', authorsSchema),
  );
  const categories: CategoryInput[] | null = loadOne('categories.yml', (f) =>
    loadYamlFile(f.path, f.text ?? '', categoriesSchema),
  );
  const areas: { slug: string; name: string; intro: string; position: number }[] = [];
  for (const f of byKind('area')) {
    if (f.text === undefined) continue;
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
  const ctx: LoadContext = {
    defaultLang: site.default_language,
    languages: site.languages.map((l) => l.code),
    siteHosts: hostsOf(options.siteUrl, site.url),
  };
  const ctxJson = JSON.stringify(ctx);
  const forceAll = store.getState('ctx_json') !== ctxJson;

  // 2. Decide what to render.
  const stored = store.loadArticles();
  const storedByPath = new Map(stored.map((a) => [a.sourcePath, a]));
  const storedCourses = new Map(store.loadCourses().map((c) => [c.source_path, c]));
  const failedBefore = JSON.parse(store.getState('failed_files') ?? '{}') as Record<
    string,
    { hash: string; problems: ContentProblem[] }
  >;
  const failedNow: typeof failedBefore = {};
  const tasks: RenderTask[] = [];
  const articleFiles = byKind('article');
  const courseFiles = byKind('course');
  let unchanged = 0;
  for (const f of [...articleFiles, ...courseFiles]) {
    if (f.text === undefined || f.hash === undefined) continue;
    const kind = f.kind === 'article' ? 'article' : 'course';
    const prevHash =
      kind === 'article' ? storedByPath.get(f.path)?.hash : storedCourses.get(f.path)?.content_hash;
    const failed = failedBefore[f.path];
    if (!forceAll && prevHash === f.hash) unchanged++;
    else if (!forceAll && failed?.hash === f.hash) {
      problems.push(...failed.problems);
      failedNow[f.path] = failed;
    } else tasks.push({ id: tasks.length, kind, path: f.path, text: f.text, ctx });
  }
  const outcomes = await options.pool.run(tasks);
  const fresh = new Map<string, ArticleEntry>();
  const freshCourses: CourseEntry[] = [];
  outcomes.forEach((o, i) => {
    const task = tasks[i] as RenderTask;
    if (!o.ok) {
      problems.push(...o.problems);
      failedNow[task.path] = { hash: digestOf(files, task.path), problems: o.problems };
    } else if (o.entry.kind === 'article') fresh.set(task.path, o.entry);
    else freshCourses.push(o.entry);
  });

  // 3. Courses: what will exist after this run.
  const coursePaths = new Set(courseFiles.map((f) => f.path));
  const courses: CourseRef[] = [];
  for (const c of freshCourses) courses.push({ area: c.area, slug: c.slug, path: c.sourcePath });
  for (const [path, c] of storedCourses)
    if (coursePaths.has(path) && !freshCourses.some((x) => x.sourcePath === path))
      courses.push({ area: c.area_slug, slug: c.slug, path });

  // 4. Articles: the final set, with invalid new versions falling back to their last good one.
  const scannedPaths = new Set(articleFiles.map((f) => f.path));
  const finals: Final[] = [];
  for (const f of articleFiles) {
    const entry = fresh.get(f.path) ?? null;
    const prev = storedByPath.get(f.path) ?? null;
    if (entry || prev) finals.push({ path: f.path, entry, stored: prev });
  }
  const checked = checkArticles(finals, {
    categories: new Set(categories ? categories.map((c) => c.slug) : store.activeSlugs('categories')),
    authors: new Set(authors ? authors.map((a) => a.slug) : store.activeSlugs('authors')),
    courses,
    languages: ctx.languages,
    now,
  });
  problems.push(...checked.problems);
  for (const path of checked.rejected) {
    const e = fresh.get(path);
    if (e)
      failedNow[path] = {
        hash: digestOf(files, path),
        problems: checked.problems.filter((p) => p.file === path),
      };
  }
  const removed = stored.filter((a) => !scannedPaths.has(a.sourcePath));
  const writes = finals.filter((f) => f.entry && !checked.rejected.has(f.path)) as (Final & {
    entry: ArticleEntry;
  })[];
  const changed =
    writes.length > 0 ||
    removed.length > 0 ||
    freshCourses.length > 0 ||
    [...storedCourses.keys()].some((p) => !coursePaths.has(p)) ||
    forceAll;

  // 5. One transaction for everything.
  const apply = db.transaction(() => {
    if (authors) store.writeAuthors(authors);
    if (categories) store.writeCategories(categories);
    store.writeAreas(areas);
    for (const path of storedCourses.keys()) if (!coursePaths.has(path)) store.removeCourse(path);
    for (const c of freshCourses) store.writeCourse(c, now);
    const isPublic = (a: StoredArticle) => !a.draft && a.publishedAt <= now;
    for (const a of removed) store.removeArticle(a.id, isPublic(a));
    for (const w of writes) {
      const e = w.entry;
      for (const cta of e.ctas) cta.course = checked.resolveCourse(cta.course) ?? cta.course;
      if (e.cta) e.cta = checked.resolveCourse(e.cta) ?? e.cta;
      e.html = e.html.replace(/<aside class="cta" data-course="([^"]*)">/g, (m, ref: string) => {
        const full = checked.resolveCourse(ref);
        return full ? `<aside class="cta" data-course="${full}">` : m;
      });
      const id = store.idFor(e.lang, e.slug);
      if (w.stored && w.stored.id !== id) store.removeArticle(w.stored.id, isPublic(w.stored));
      // Another file may still hold this id (a file moved in the same run): its row is replaced.
      const tags = e.tags.map((name) => ({ slug: slugify(name), name }));
      store.writeArticle(id, e, tags, now);
    }
    if (changed) {
      const current = store.loadArticles();
      const inputs: RelatedInput[] = current.map((a) => ({
        id: a.id,
        lang: a.lang,
        category: a.category,
        tags: a.tags.map(slugify),
        terms: a.terms,
        publishedAt: a.publishedAt,
      }));
      const related = computeRelated(inputs);
      for (const a of current) store.writeRelated(a.id, related.get(a.id) ?? []);
      const idByPath = new Map(current.map((a) => [a.sourcePath, a.id]));
      store.writeRedirects(
        [...checked.aliasOwners].flatMap(([from, path]) => {
          const articleId = idByPath.get(path);
          return articleId === undefined ? [] : [{ from, articleId }];
        }),
      );
    }
    store.writeProblems(problems);
    store.setState('site_json', JSON.stringify(site));
    store.setState('ctx_json', ctxJson);
    store.setState('failed_files', JSON.stringify(failedNow));
    store.setState('last_indexed_at', new Date(now).toISOString());
    if (changed) store.setState('generation', String(Number(store.getState('generation') ?? '0') + 1));
  });
  apply();

  return {
    scanned: files.length,
    rendered: tasks.length,
    unchanged,
    removed: removed.length,
    articles:
      finals.length - checked.rejected.size + [...checked.rejected].filter((p) => storedByPath.has(p)).length,
    changed,
    problems,
    durationMs: Math.round(performance.now() - started),
  };
}

function digestOf(files: readonly ScannedFile[], path: string): string {
  return files.find((f) => f.path === path)?.hash ?? '';
}
