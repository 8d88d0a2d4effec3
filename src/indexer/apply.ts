// Step 5 of an index run: every change in one transaction, so readers see the previous index until it
// commits and a crash leaves it whole. Rendered entries come back from staging one at a time.
import type { CourseEntry } from '../content/load-entry.js';
import { packText, unpackText } from '../db/body-codec.js';
import type { Db } from '../db/connection.js';
import type { Staging } from '../db/index-staging.js';
import { type createIndexStore } from '../db/index-store.js';
import {
  compactArticle,
  storedFromEntry,
  type StagedArticle,
  type StoredArticle,
} from '../db/stored-article.js';
import type { createSlugMoveStore } from '../db/slug-moves.js';
import type { ContentProblem } from '../errors.js';
import { tagSlug } from '../lib/slug.js';
import type { FileStats } from './memo.js';
import type { FailedFiles } from './plan.js';
import type { RelatedIndex } from './related.js';
import { relatedIndexOf, updateRelated } from './related-update.js';
import type { Settings } from './settings.js';
import type { SlugMove } from './slug-moves.js';

type IndexStore = ReturnType<typeof createIndexStore>;

export interface ApplyInput {
  store: IndexStore;
  moveStore: ReturnType<typeof createSlugMoveStore>;
  staging: Staging | null;
  settings: Settings;
  now: number;
  courses: { removedPaths: readonly string[]; fresh: readonly CourseEntry[] };
  removed: readonly StoredArticle[];
  /** Articles whose new version is written (by source path), with the version they replace. */
  writes: readonly { path: string; stored: StoredArticle | null }[];
  /** The index before this run, by source path; becomes the index after it. */
  next: Map<string, StoredArticle>;
  scannedPaths: ReadonlySet<string>;
  resolveCourse: (ref: string) => string | null;
  aliasOwners: ReadonlyMap<string, string>;
  moves: readonly SlugMove[];
  changed: boolean;
  /** Related lists of unaffected articles are kept (false on a first run or when everything was rendered). */
  incremental: boolean;
  problems: readonly ContentProblem[];
  state: { statCache: FileStats; fileStats: FileStats; scanFingerprint: string; failedNow: FailedFiles };
  generationBefore: string | null;
  /** The related index this process kept from its last run (valid for the index before this run). */
  keptRelated: RelatedIndex | null;
  /** A long-lived process without kept state: build the related index even when nothing changed. */
  warmRelated?: boolean;
}

export interface Applied {
  generation: string | null;
  /** The related index after this run, for a long-lived process to keep. */
  related: RelatedIndex | null;
}

/** The staged entry of `path` with its course references resolved to `area/slug`. */
function stagedEntry(input: ApplyInput, path: string): StagedArticle {
  const e = input.staging?.get(path);
  if (e === undefined) throw new Error(`${path} was rendered but is missing from staging`);
  // The HTML names each inline CTA's course as written; only a short reference (`slug` for `area/slug`)
  // makes it worth unpacking the body to rewrite it.
  const short = e.ctas.some((c) => (input.resolveCourse(c.course) ?? c.course) !== c.course);
  for (const cta of e.ctas) cta.course = input.resolveCourse(cta.course) ?? cta.course;
  if (e.cta) e.cta = input.resolveCourse(e.cta) ?? e.cta;
  if (short) {
    const html = unpackText(e.htmlZ).replace(
      /<aside class="cta" data-course="([^"]*)">/g,
      (m, ref: string) => {
        const full = input.resolveCourse(ref);
        return full ? `<aside class="cta" data-course="${full}">` : m;
      },
    );
    e.htmlZ = packText(html);
  }
  return e;
}

const isPublic = (a: StoredArticle, now: number) => !a.draft && a.publishedAt <= now;

/** Writes articles and removals; returns the ids whose related lists may change. */
function writeArticles(input: ApplyInput): Set<number> {
  const { store, next, now } = input;
  const pathById = new Map([...next].map(([path, a]) => [a.id, path]));
  const touched = new Set<number>();
  for (const a of input.removed) {
    store.removeArticle(a.id, isPublic(a, now));
    next.delete(a.sourcePath);
    touched.add(a.id);
  }
  for (const w of input.writes) {
    const e = stagedEntry(input, w.path);
    const id = store.idFor(e.lang, e.slug);
    if (w.stored && w.stored.id !== id) {
      store.removeArticle(w.stored.id, isPublic(w.stored, now));
      touched.add(w.stored.id);
    }
    // Another file may still hold this id (a file moved in the same run): its row is replaced.
    const holder = pathById.get(id);
    if (holder !== undefined && holder !== e.sourcePath && !input.scannedPaths.has(holder))
      next.delete(holder);
    pathById.set(id, e.sourcePath);
    store.writeArticle(
      id,
      e,
      e.tags.flatMap((name) => (tagSlug(name) ? [{ slug: tagSlug(name), name }] : [])),
      now,
    );
    next.set(e.sourcePath, compactArticle(storedFromEntry(id, e)));
    input.moveStore.clear(id);
    touched.add(id);
  }
  return touched;
}

/** An old address redirects unless an article holds it again after this run. */
function recordMoves(input: ApplyInput): void {
  const held = new Set([...input.next.values()].map((a) => a.id));
  for (const m of input.moves) {
    const fromId = input.store.idFor(m.from.lang, m.from.slug);
    if (!held.has(fromId)) input.moveStore.record(fromId, input.store.idFor(m.to.lang, m.to.slug), input.now);
  }
}

function writeState(input: ApplyInput): string | null {
  const { store, settings, state } = input;
  store.writeProblems(input.problems);
  store.updateFileCache(state.statCache, state.fileStats);
  store.setState('site_json', JSON.stringify(settings.site));
  store.setState('ctx_json', settings.ctxJson);
  store.setState('settings_digest', settings.settingsDigest);
  store.setState('scan_problems', state.scanFingerprint);
  store.setState('failed_files', JSON.stringify(state.failedNow));
  store.setState('last_indexed_at', new Date(input.now).toISOString());
  if (!input.changed) return input.generationBefore;
  const generation = String(Number(input.generationBefore ?? '0') + 1);
  store.setState('generation', generation);
  return generation;
}

/** Applies the run; returns the index generation after it. */
export function applyRun(db: Db, input: ApplyInput): Applied {
  const { store, settings } = input;
  return db.transaction((): Applied => {
    if (settings.authors) store.writeAuthors(settings.authors);
    if (settings.categories) store.writeCategories(settings.categories);
    store.writeAreas(settings.areas);
    for (const path of input.courses.removedPaths) store.removeCourse(path);
    for (const c of input.courses.fresh) store.writeCourse(c, input.now);
    const touched = writeArticles(input);
    recordMoves(input);
    let related = input.keptRelated;
    if (input.changed) {
      const current = [...input.next.values()];
      related = updateRelated(store, current, touched, input.incremental, input.keptRelated);
      const idByPath = new Map(current.map((a) => [a.sourcePath, a.id]));
      store.writeRedirects(
        [...input.aliasOwners].flatMap(([from, path]) => {
          const articleId = idByPath.get(path);
          return articleId === undefined ? [] : [{ from, articleId }];
        }),
      );
    } else if (input.warmRelated) {
      related = relatedIndexOf([...input.next.values()]);
    }
    input.staging?.clear();
    return { generation: writeState(input), related };
  })();
}
