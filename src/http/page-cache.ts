// In-memory cache of finished responses, keyed by URL (pages, and search results apart), dropped whenever the index changes or a scheduled
// article's time arrives. Served by the fast path ahead of Express.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { deliver, type PreparedResponse } from './respond.js';

export interface PageCacheOptions {
  maxBytes: number;
  /** Budget for responses to URLs with a query string (search results), kept apart so they cannot evict pages. */
  queryBytes?: number;
  /** A value that changes whenever cached pages may be out of date (index generation, publish epoch). */
  stamp: () => string;
  /** How often the stamp is looked at, in ms. */
  checkEveryMs?: number;
}

/** Least-recently-used responses within a byte budget (Map keeps insertion order: the first key is the oldest). */
class LruStore {
  private readonly entries = new Map<string, PreparedResponse>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get(key: string): PreparedResponse | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, entry: PreparedResponse): void {
    const size = entry.body.length * 2;
    if (size > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.length * 2;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.length * 2;
    }
  }
}

export class PageCache {
  private readonly paths: LruStore;
  private readonly queries: LruStore;
  private lastStamp = '';
  private checkedAt = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly options: PageCacheOptions) {
    this.paths = new LruStore(options.maxBytes);
    this.queries = new LruStore(options.queryBytes ?? Math.floor(options.maxBytes / 8));
  }

  private store(key: string): LruStore {
    return key.includes('?') ? this.queries : this.paths;
  }

  /** Drops everything if the stamp moved. Cheap enough to call on every request. */
  revalidate(now = Date.now()): void {
    if (now - this.checkedAt < (this.options.checkEveryMs ?? 100)) return;
    this.checkedAt = now;
    const stamp = this.options.stamp();
    if (stamp !== this.lastStamp) {
      this.lastStamp = stamp;
      this.clear();
    }
  }

  clear(): void {
    this.paths.clear();
    this.queries.clear();
    this.checkedAt = 0;
  }

  get size(): number {
    return this.paths.size + this.queries.size;
  }

  get(key: string): PreparedResponse | undefined {
    return this.store(key).get(key);
  }

  set(key: string, entry: PreparedResponse): void {
    this.store(key).set(key, entry);
  }

  /** Answers from the cache when it can; returns false to let the app handle the request. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '';
    this.revalidate();
    const entry = this.get(url);
    if (!entry) {
      this.misses++;
      return false;
    }
    this.hits++;
    deliver(req, res, entry);
    return true;
  }
}
