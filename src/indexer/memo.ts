// What a long-lived process remembers between index runs, so a one-file change does not reload the whole
// index from SQLite. It is trusted only while the database's generation is the one it was built from.
import type { StoredArticle } from '../db/index-store.js';

export class IndexMemo {
  generation: string | null = null;
  articles: Map<string, StoredArticle> | null = null;

  valid(generation: string | null): boolean {
    return this.articles !== null && this.generation === generation;
  }

  remember(generation: string | null, articles: Map<string, StoredArticle>): void {
    this.generation = generation;
    this.articles = articles;
  }

  forget(): void {
    this.generation = null;
    this.articles = null;
  }
}
