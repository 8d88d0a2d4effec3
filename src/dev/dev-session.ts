// Development only: ties the watcher to the running site. A content save re-indexes (incrementally, on
// the runner's warm pool), a view or asset change refreshes caches, and every open tab is told to reload.
// Content errors are shown on every page as a banner naming file:line.
import { randomUUID } from 'node:crypto';
import type { OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import type { FolioApp } from '../app.js';
import type { IndexRunner } from '../indexer/runner.js';
import { formatReport } from '../indexer/report.js';
import { ReloadHub, withReloadEvents, type ReloadEvent } from './reload-hub.js';
import { SiteWatcher, type ChangeBatch, type WatchedKind } from './site-watcher.js';

export const RELOAD_SCRIPT = 'js/dev-reload.js';
/** More problems than this are summed up in the log, not listed in the banner. */
const BANNER_MAX = 50;

export interface DevSessionOptions {
  folio: FolioApp;
  runner: IndexRunner;
  dirs: Record<WatchedKind, string>;
  /** How content files are named for editors, e.g. `content/` (the path from the working directory). */
  contentLabel: string;
  /** Settles when the start-up index run is over; changes wait for it. */
  indexed?: Promise<void>;
  /** Lines for the editor's terminal. */
  print?: (line: string) => void;
  debounceMs?: number;
  settleMs?: number;
}

export interface BannerItem {
  file: string;
  line: number;
  message: string;
  hint: string | null;
}

export class DevSession {
  readonly hub = new ReloadHub(randomUUID());
  readonly watcher: SiteWatcher;
  private pending: ChangeBatch | null = null;
  private draining: Promise<void> | null = null;
  private readonly print: (line: string) => void;
  /** Counts finished batches, for tests and the measuring script. */
  batches = 0;

  constructor(private readonly options: DevSessionOptions) {
    this.print = options.print ?? (() => undefined);
    // Render workers load their modules now, not on the first save.
    options.runner.warm();
    this.refreshScript();
    this.refreshBanner();
    void (options.indexed ?? Promise.resolve()).then(() => {
      this.refreshBanner();
      options.folio.cache.clear();
    });
    this.watcher = new SiteWatcher({
      dirs: options.dirs,
      onBatch: (batch) => this.enqueue(batch),
      ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
      ...(options.settleMs !== undefined ? { settleMs: options.settleMs } : {}),
    });
  }

  /** The server's request handler in development: the events stream, then the site with revalidated pages. */
  handler(next: RequestListener): RequestListener {
    return withReloadEvents(this.hub, (req, res) => {
      if (!req.url?.startsWith('/assets/')) revalidateAlways(res);
      next(req, res);
    });
  }

  /** Re-indexes now (SIGHUP in development) and reloads open tabs; '' names the whole content folder. */
  reindex(): void {
    this.enqueue({ content: [''], views: [], public: [], since: performance.now() });
  }

  /** Settles when every change seen so far has been applied and broadcast. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async close(): Promise<void> {
    await this.watcher.close();
    await this.idle();
    this.hub.close();
  }

  private enqueue(batch: ChangeBatch): void {
    const p = this.pending;
    this.pending = p
      ? {
          content: [...new Set([...p.content, ...batch.content])],
          views: [...new Set([...p.views, ...batch.views])],
          public: [...new Set([...p.public, ...batch.public])],
          since: Math.min(p.since, batch.since),
        }
      : batch;
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
  }

  /** One batch at a time; changes that arrive meanwhile are merged into the next batch. */
  private async drain(): Promise<void> {
    await this.options.indexed;
    for (let batch = this.pending; batch; batch = this.pending) {
      this.pending = null;
      await this.apply(batch);
    }
  }

  private async apply(batch: ChangeBatch): Promise<void> {
    const { folio, runner } = this.options;
    if (batch.public.length > 0) {
      folio.assets.reload();
      this.refreshScript();
    }
    let note = '';
    if (batch.content.length > 0) {
      try {
        const report = await runner.run('watch', batch.content);
        const visible = report.problems.filter((p) => p.severity !== 'note');
        for (const line of formatReport(visible, this.options.contentLabel)) this.print(line);
        note = ` re-indexed in ${report.durationMs} ms (${report.rendered} rendered)`;
      } catch (error) {
        this.print(`indexing failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      this.refreshBanner();
    }
    folio.cache.clear();
    const reason: ReloadEvent['reason'] =
      batch.content.length > 0 ? 'content' : batch.views.length > 0 ? 'views' : 'public';
    const files = [
      ...batch.content.map((f) => `${this.options.contentLabel}${f}`),
      ...batch.views.map((f) => `views/${f}`),
      ...batch.public.map((f) => `public/${f}`),
    ];
    const ms = Math.round(performance.now() - batch.since);
    this.hub.broadcast({ reason, files, ms });
    this.batches++;
    const tabs = this.hub.size === 1 ? '1 tab' : `${this.hub.size} tabs`;
    this.print(`${files.join(', ')}:${note} → reloaded ${tabs} ${ms} ms after the save`);
  }

  private refreshScript(): void {
    this.options.folio.ctx.pageExtras.devReloadUrl = this.options.folio.assets.url(RELOAD_SCRIPT);
  }

  private refreshBanner(): void {
    const items: BannerItem[] = this.options.folio.ctx.repo
      .contentErrors()
      .slice(0, BANNER_MAX)
      .map((p) => ({
        file: `${this.options.contentLabel}${p.file}`,
        line: p.line,
        message: p.message,
        hint: p.hint,
      }));
    this.options.folio.ctx.pageExtras.devBanner = items;
  }
}

/**
 * Pages normally stay fresh in the browser for a minute; in development every navigation revalidates
 * (a cheap 304 when nothing changed), so a page visited before a save never shows its old version.
 * A response that must not be stored at all (a draft preview) keeps its stricter `no-store`.
 */
function revalidateAlways(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res);
  const relax = (value: unknown) => (String(value).includes('no-store') ? value : 'no-cache');
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.at(-1);
    if (headers && typeof headers === 'object' && !Array.isArray(headers))
      for (const key of Object.keys(headers))
        if (key.toLowerCase() === 'cache-control')
          (headers as OutgoingHttpHeaders)[key] = relax((headers as OutgoingHttpHeaders)[key]) as string;
    if (this.hasHeader('cache-control'))
      this.setHeader('Cache-Control', relax(this.getHeader('cache-control')) as string);
    return writeHead(...(args as Parameters<typeof writeHead>));
  };
}
