// In-memory cache of finished responses, keyed by path, dropped whenever the index changes or a scheduled
// article's time arrives. Served by the fast path ahead of Express.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { deliver, type PreparedResponse } from './respond.js';

export interface PageCacheOptions {
  maxBytes: number;
  /** A value that changes whenever cached pages may be out of date (index generation, publish epoch). */
  stamp: () => string;
  /** How often the stamp is looked at, in ms. */
  checkEveryMs?: number;
}

export class PageCache {
  private readonly entries = new Map<string, PreparedResponse>();
  private bytes = 0;
  private lastStamp = '';
  private checkedAt = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly options: PageCacheOptions) {}

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
    this.entries.clear();
    this.bytes = 0;
    this.checkedAt = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): PreparedResponse | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Refresh recency (Map keeps insertion order, so the first key is the least recently used).
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, entry: PreparedResponse): void {
    const size = entry.body.length * 2;
    if (size > this.options.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.length * 2;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.length * 2;
    }
  }

  /** Answers from the cache when it can; returns false to let the app handle the request. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '';
    if (url.includes('?')) return false;
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
