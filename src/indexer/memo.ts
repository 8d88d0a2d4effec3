// What a long-lived process remembers between index runs, so a one-file change does not reload the whole
// index from SQLite. It is trusted only while the database's generation is the one it was built from.
import type { StoredArticle } from '../db/stored-article.js';
import { newCheckMemo, type CheckMemo } from './cross-checks.js';
import type { RelatedIndex } from './related.js';
import type { ScannedFile } from './scan.js';

export type FileStats = Map<string, { size: number; mtimeMs: number; hash: string }>;

export class IndexMemo {
  generation: string | null = null;
  articles: Map<string, StoredArticle> | null = null;
  /** The stat cache as last written to the database. */
  files: FileStats | null = null;
  /** The last scan, so a run told which paths changed looks at those only. */
  scan: ScannedFile[] | null = null;
  /** The related-terms index, updated per changed article instead of rebuilt (see related-update.ts). */
  related: RelatedIndex | null = null;
  /** The per-article cross-file checks of the last run (see cross-checks.ts). */
  checks: CheckMemo | null = null;

  valid(generation: string | null): boolean {
    return this.articles !== null && this.generation === generation;
  }

  remember(
    generation: string | null,
    articles: Map<string, StoredArticle>,
    files: FileStats,
    scan: ScannedFile[],
    related: RelatedIndex | null,
  ): void {
    this.generation = generation;
    this.articles = articles;
    this.files = files;
    this.scan = scan;
    this.related = related;
  }

  /** The checks memo for a run: the kept one while the memo is valid, otherwise an empty one to fill. */
  checksFor(valid: boolean): CheckMemo {
    if (!valid || !this.checks) this.checks = newCheckMemo();
    return this.checks;
  }

  forget(): void {
    this.generation = null;
    this.articles = null;
    this.files = null;
    this.scan = null;
    this.related = null;
    this.checks = null;
  }
}
