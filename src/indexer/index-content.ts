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
import { tagSlug } from '../lib/slug.js';
import { createIndexStore, storedFromEntry, type StoredArticle } from '../db/index-store.js';
import type { Db } from '../db/connection.js';
import type { ContentProblem } from '../errors.js';
import { listedSlugs, loadYamlFile } from './load-config-files.js';
import { rendererVersion } from './renderer-version.js';
import { buildRelatedIndex, RELATED_KEEP, type RelatedInput } from './related.js';
import type { FileStats, IndexMemo } from './memo.js';
import { digest } from '../content/load-entry.js';
import type { RenderPool } from './render-pool.js';
import type { RenderTask } from './render-task.js';
import { readScanned, scanContent, type ScannedFile } from './scan.js';
import { checkArticles, type CourseRef } from './cross-checks.js';
import { createSlugMoveStore, type SlugMoveRow } from '../db/slug-moves.js';
import { detectMoves, type Placement, type SlugMove } from './slug-moves.js';

export interface IndexOptions {
  contentDir: string;
  maxFileBytes: number;
  pool: RenderPool;
  /** SITE_URL, whose host counts as this site in links. */
  siteUrl: string | null;
  now?: number;
  /** Kept by long-lived processes between runs (see memo.ts). */
  memo?: IndexMemo;
  /**
   * The index being served, when this run writes elsewhere (`npm run check` indexes a scratch database):
   * slug changes are found against it, and its slug history counts.
   */
  previous?: { articles: Placement[]; moves: SlugMoveRow[] };
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

const keyOf = (p: { lang: string; slug: string }) => `${p.lang}/${p.slug}`;
const placementOf = (a: StoredArticle | ArticleEntry): Placement => ({
  path: a.sourcePath,
  lang: a.lang,
  slug: a.slug,
  translationKey: a.translationKey,
});

function moveNote(m: SlugMove, line: number): ContentProblem {
  return {
    file: m.path,
    line,
    code: 'slug-changed',
    message: `address changed: /${keyOf(m.from)} now answers 301 to /${keyOf(m.to)}`,
    hint: 'links to the old address keep working; update them when you can',
    severity: 'note',
  };
}

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

/** Up to this many changed articles, only the related lists they can affect are recomputed. */
const INCREMENTAL_RELATED_MAX = 200;
/** A file modified this recently is not trusted to the stat cache (it may still be changing). */
const RACY_MS = 2_000;

function relatedInput(a: StoredArticle): RelatedInput {
  return {
    id: a.id,
    lang: a.lang,
    category: a.category,
    tags: a.tags.map((t) => t.toLowerCase()),
    terms: a.terms,
    publishedAt: a.publishedAt,
  };
}

export async function indexContent(db: Db, options: IndexOptions): Promise<IndexReport> {
  const started = performance.now();
  const now = options.now ?? Date.now();
  const store = createIndexStore(db);
  const problems: ContentProblem[] = [];
  const files = scanContent(options.contentDir);
  const byKind = (kind: ScannedFile['kind']) => files.filter((f) => f.kind === kind);

  // Digests: from the stat cache when size and time are unchanged, otherwise by reading the file.
  const memo = options.memo;
  const generationBefore = store.getState('generation');
  const memoValid = memo?.valid(generationBefore) ?? false;
  const statCache = memoValid && memo?.files ? memo.files : store.fileCache();
  for (const f of files) {
    const cached = statCache.get(f.path);
    const cacheable = f.kind === 'article' || f.kind === 'course';
    if (cacheable && cached && cached.size === f.size && cached.mtimeMs === f.mtimeMs) f.hash = cached.hash;
    else readScanned(f, options.maxFileBytes);
  }
  const scanProblems = () => files.filter((f) => f.problem).map((f) => f.problem as ContentProblem);

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
  const textOf = (name: string) => files.find((f) => f.path === name)?.text;
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
  // Also keyed on the rendering code: stored HTML from an older Folio is rendered again.
  const ctxJson = JSON.stringify({ ...ctx, renderer: rendererVersion() });
  const forceAll = store.getState('ctx_json') !== ctxJson;
  const settingsDigest = digest(
    JSON.stringify([
      ctxJson,
      files
        .filter((f) => f.kind !== 'article' && f.kind !== 'course')
        .map((f) => [f.path, f.hash ?? f.problem?.code]),
    ]),
  );
  const settingsChanged = store.getState('settings_digest') !== settingsDigest;

  // 2. Decide what to render, from digests alone.
  const storedHashes =
    memoValid && memo?.articles
      ? new Map([...memo.articles].map(([p, a]) => [p, a.hash]))
      : store.articleHashes();
  const storedCourses = new Map(store.loadCourses().map((c) => [c.source_path, c]));
  // `cross`: refused because of another file (duplicate slug, unknown category or author), so it is
  // checked again whenever anything else changes.
  const failedBefore = JSON.parse(store.getState('failed_files') ?? '{}') as Record<
    string,
    { hash: string; problems: ContentProblem[]; cross?: boolean }
  >;
  const failedNow: typeof failedBefore = {};
  const tasks: RenderTask[] = [];
  const articleFiles = byKind('article');
  const courseFiles = byKind('course');
  let unchanged = 0;
  const crossFailed: ScannedFile[] = [];
  const queue = (f: ScannedFile, kind: RenderTask['kind']) => {
    readScanned(f, options.maxFileBytes);
    if (f.text !== undefined) tasks.push({ id: tasks.length, kind, path: f.path, text: f.text, ctx });
  };
  for (const f of [...articleFiles, ...courseFiles]) {
    if (f.hash === undefined) continue;
    const kind = f.kind === 'article' ? 'article' : 'course';
    const prevHash = kind === 'article' ? storedHashes.get(f.path) : storedCourses.get(f.path)?.content_hash;
    const failed = failedBefore[f.path];
    if (!forceAll && prevHash === f.hash) unchanged++;
    else if (!forceAll && failed?.hash === f.hash) {
      failedNow[f.path] = failed;
      if (failed.cross) crossFailed.push(f);
      else problems.push(...failed.problems);
    } else queue(f, kind);
  }
  const scannedPaths = new Set(articleFiles.map((f) => f.path));
  const coursePaths = new Set(courseFiles.map((f) => f.path));
  const removedPaths = [...storedHashes.keys()].filter((p) => !scannedPaths.has(p));
  const coursesRemoved = [...storedCourses.keys()].some((p) => !coursePaths.has(p));
  const failedKeys = (o: object) => JSON.stringify(Object.keys(o).sort());
  const scanFingerprint = JSON.stringify(scanProblems().map((p) => [p.file, p.code]));

  // Nothing changed: keep the index (and its report) exactly as it is.
  if (
    tasks.length === 0 &&
    removedPaths.length === 0 &&
    !coursesRemoved &&
    !settingsChanged &&
    failedKeys(failedNow) === failedKeys(failedBefore) &&
    store.getState('scan_problems') === scanFingerprint
  ) {
    store.setState('last_indexed_at', new Date(now).toISOString());
    const kept = store.storedProblems();
    return {
      scanned: files.length,
      rendered: 0,
      unchanged,
      removed: 0,
      articles: storedHashes.size,
      changed: false,
      problems: kept,
      durationMs: Math.round(performance.now() - started),
    };
  }
  problems.unshift(...scanProblems());
  for (const f of crossFailed) {
    delete failedNow[f.path];
    queue(f, f.kind === 'course' ? 'course' : 'article');
  }

  // Rendering happens off the main thread, in parallel, each file within its time budget.
  const outcomes = await options.pool.run(tasks);
  const fresh = new Map<string, ArticleEntry>();
  const freshCourses: CourseEntry[] = [];
  const hashOf = new Map(files.map((f) => [f.path, f.hash ?? '']));
  outcomes.forEach((o, i) => {
    const task = tasks[i] as RenderTask;
    if (!o.ok) {
      problems.push(...o.problems);
      failedNow[task.path] = { hash: hashOf.get(task.path) ?? '', problems: o.problems };
    } else if (o.entry.kind === 'article') fresh.set(task.path, o.entry);
    else freshCourses.push(o.entry);
  });

  // The previous index, from memory when this process wrote it last, otherwise from the database.
  const storedByPath =
    memoValid && memo?.articles ? memo.articles : new Map(store.loadArticles().map((a) => [a.sourcePath, a]));

  // 3. Courses: what will exist after this run.
  const freshCoursePaths = new Set(freshCourses.map((c) => c.sourcePath));
  const courses: CourseRef[] = freshCourses.map((c) => ({ area: c.area, slug: c.slug, path: c.sourcePath }));
  for (const [path, c] of storedCourses)
    if (coursePaths.has(path) && !freshCoursePaths.has(path))
      courses.push({ area: c.area_slug, slug: c.slug, path });

  // 4. Articles: the final set, with invalid new versions falling back to their last good one.
  const finals: Final[] = [];
  for (const f of articleFiles) {
    const entry = fresh.get(f.path) ?? null;
    const prev = storedByPath.get(f.path) ?? null;
    if (entry || prev) finals.push({ path: f.path, entry, stored: prev });
  }
  // Slug changes: found against the index before this run; every earlier move still redirects.
  const moveStore = createSlugMoveStore(db);
  const moves = detectMoves(
    options.previous?.articles ?? [...storedByPath.values()].map(placementOf),
    finals.flatMap((f) => (f.entry ? [placementOf(f.entry)] : [])),
    scannedPaths,
  );
  const moved = new Map(
    [...moveStore.all(), ...(options.previous?.moves ?? [])].map((m) => [m.from, m.to] as const),
  );
  for (const m of moves) moved.set(keyOf(m.from), keyOf(m.to));
  const checked = checkArticles(finals, {
    // An invalid categories.yml or authors.yml is reported once, not again in every article that uses it.
    categories: new Set(
      categories
        ? categories.map((c) => c.slug)
        : [...store.activeSlugs('categories'), ...listedSlugs(textOf('categories.yml'))],
    ),
    authors: new Set(
      authors
        ? authors.map((a) => a.slug)
        : [...store.activeSlugs('authors'), ...listedSlugs(textOf('authors.yml'))],
    ),
    courses,
    languages: ctx.languages,
    now,
    moved,
  });
  problems.push(...checked.problems);
  const applied = moves.filter((m) => !checked.rejected.has(m.path));
  for (const m of applied) problems.push(moveNote(m, fresh.get(m.path)?.lines.slug ?? 1));
  for (const path of checked.rejected) {
    if (fresh.has(path))
      failedNow[path] = {
        hash: hashOf.get(path) ?? '',
        problems: checked.problems.filter((p) => p.file === path),
        cross: true,
      };
  }
  const removed = removedPaths
    .map((p) => storedByPath.get(p))
    .filter((a): a is StoredArticle => a !== undefined);
  const writes = finals.filter((f) => f.entry && !checked.rejected.has(f.path)) as (Final & {
    entry: ArticleEntry;
  })[];
  const changed =
    writes.length > 0 ||
    removed.length > 0 ||
    freshCourses.length > 0 ||
    coursesRemoved ||
    forceAll ||
    settingsChanged;

  // 5. One transaction for everything.
  const fileStats: FileStats = new Map();
  for (const f of files)
    if (f.hash !== undefined && (f.kind === 'article' || f.kind === 'course') && f.mtimeMs < now - RACY_MS)
      fileStats.set(f.path, { size: f.size, mtimeMs: f.mtimeMs, hash: f.hash });
  const next = new Map(storedByPath);
  const pathById = new Map([...next].map(([path, a]) => [a.id, path]));
  let generationAfter = generationBefore;
  const apply = db.transaction(() => {
    if (authors) store.writeAuthors(authors);
    if (categories) store.writeCategories(categories);
    store.writeAreas(areas);
    for (const path of storedCourses.keys()) if (!coursePaths.has(path)) store.removeCourse(path);
    for (const c of freshCourses) store.writeCourse(c, now);
    const isPublic = (a: StoredArticle) => !a.draft && a.publishedAt <= now;
    for (const a of removed) {
      store.removeArticle(a.id, isPublic(a));
      next.delete(a.sourcePath);
    }
    const touchedIds = new Set<number>(removed.map((a) => a.id));
    for (const w of writes) {
      const e = w.entry;
      for (const cta of e.ctas) cta.course = checked.resolveCourse(cta.course) ?? cta.course;
      if (e.cta) e.cta = checked.resolveCourse(e.cta) ?? e.cta;
      e.html = e.html.replace(/<aside class="cta" data-course="([^"]*)">/g, (m, ref: string) => {
        const full = checked.resolveCourse(ref);
        return full ? `<aside class="cta" data-course="${full}">` : m;
      });
      const id = store.idFor(e.lang, e.slug);
      if (w.stored && w.stored.id !== id) {
        store.removeArticle(w.stored.id, isPublic(w.stored));
        touchedIds.add(w.stored.id);
      }
      // Another file may still hold this id (a file moved in the same run): its row is replaced.
      const holder = pathById.get(id);
      if (holder !== undefined && holder !== e.sourcePath && !scannedPaths.has(holder)) next.delete(holder);
      pathById.set(id, e.sourcePath);
      store.writeArticle(
        id,
        e,
        e.tags.flatMap((name) => (tagSlug(name) ? [{ slug: tagSlug(name), name }] : [])),
        now,
      );
      next.set(e.sourcePath, storedFromEntry(id, e));
      moveStore.clear(id);
      touchedIds.add(id);
    }
    // An old address redirects unless an article holds it again after this run.
    const held = new Set([...next.values()].map((a) => a.id));
    for (const m of applied) {
      const fromId = store.idFor(m.from.lang, m.from.slug);
      if (!held.has(fromId)) moveStore.record(fromId, store.idFor(m.to.lang, m.to.slug), now);
    }
    if (changed) {
      const current = [...next.values()];
      const index = buildRelatedIndex(current.map(relatedInput));
      const position = new Map(current.map((a, i) => [a.id, i]));
      let targets: Iterable<number>;
      if (!forceAll && touchedIds.size <= INCREMENTAL_RELATED_MAX && generationBefore !== null) {
        // Only lists that can change: the touched articles, the lists that mention them, and neighbours
        // for which a touched article now scores above the weakest entry they keep.
        const affected = new Set<number>(store.relatedHolders([...touchedIds]));
        const candidates = new Map<number, number[]>();
        for (const id of touchedIds) {
          const i = position.get(id);
          if (i === undefined) continue;
          affected.add(id);
          for (const j of index.neighbours(i)) {
            const list = candidates.get(j);
            if (list) list.push(i);
            else candidates.set(j, [i]);
          }
        }
        const floors = store.relatedFloors(
          [...candidates.keys()].map((j) => (current[j] as StoredArticle).id),
        );
        for (const [j, touched] of candidates) {
          const id = (current[j] as StoredArticle).id;
          if (affected.has(id)) continue;
          const floor = floors.get(id);
          if (!floor || floor.n < RELATED_KEEP || touched.some((i) => index.pair(j, i) >= floor.floor))
            affected.add(id);
        }
        targets = [...affected].map((id) => position.get(id)).filter((i): i is number => i !== undefined);
      } else targets = current.keys();
      for (const i of targets) store.writeRelated((current[i] as StoredArticle).id, index.score(i));
      const idByPath = new Map(current.map((a) => [a.sourcePath, a.id]));
      store.writeRedirects(
        [...checked.aliasOwners].flatMap(([from, path]) => {
          const articleId = idByPath.get(path);
          return articleId === undefined ? [] : [{ from, articleId }];
        }),
      );
    }
    store.writeProblems(problems);
    store.updateFileCache(statCache, fileStats);
    store.setState('site_json', JSON.stringify(site));
    store.setState('ctx_json', ctxJson);
    store.setState('settings_digest', settingsDigest);
    store.setState('scan_problems', scanFingerprint);
    store.setState('failed_files', JSON.stringify(failedNow));
    store.setState('last_indexed_at', new Date(now).toISOString());
    if (changed) {
      generationAfter = String(Number(generationBefore ?? '0') + 1);
      store.setState('generation', generationAfter);
    }
  });
  try {
    apply();
  } catch (error) {
    memo?.forget();
    throw error;
  }
  memo?.remember(generationAfter, next, fileStats);

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
