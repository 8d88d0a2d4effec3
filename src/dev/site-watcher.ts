// Development only: watches content/, views/ and public/ and reports settled batches of changed files.
import { basename, relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export type WatchedKind = 'content' | 'views' | 'public';

export interface ChangeBatch {
  content: string[];
  views: string[];
  public: string[];
  /** performance.now() of the batch's first file event. */
  since: number;
}

export interface SiteWatcherOptions {
  dirs: Record<WatchedKind, string>;
  onBatch: (batch: ChangeBatch) => void;
  /** Quiet time that closes a batch, so a save that touches several files re-indexes once. */
  debounceMs?: number;
  /**
   * How long a file's size must stay still before it counts as written. Half-written files that slip
   * through are harmless: the indexer reports them and keeps the last good version until the next save.
   */
  settleMs?: number;
}

/** Editor droppings (swap, backup and lock files) and dotfiles never trigger a rebuild. */
export function isIgnoredName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.endsWith('~') ||
    name.startsWith('#') ||
    /\.(swp|swx|swo|tmp|bak|crdownload)$/i.test(name) ||
    /^4913$/.test(name)
  );
}

export class SiteWatcher {
  private readonly watchers: FSWatcher[] = [];
  private pending: ChangeBatch | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Resolves once every folder's initial scan is done and changes are being reported. */
  readonly ready: Promise<void>;

  constructor(private readonly options: SiteWatcherOptions) {
    const settle = options.settleMs ?? 25;
    const ready: Promise<void>[] = [];
    for (const kind of ['content', 'views', 'public'] as const) {
      const root = options.dirs[kind];
      const watcher = watch(root, {
        ignoreInitial: true,
        ignored: (path) => path !== root && isIgnoredName(basename(path)),
        awaitWriteFinish: settle > 0 ? { stabilityThreshold: settle, pollInterval: 10 } : false,
      });
      const record = (path: string) => this.record(kind, relative(root, path).split(sep).join('/'));
      watcher.on('add', record).on('change', record).on('unlink', record);
      watcher.on('addDir', record).on('unlinkDir', record);
      ready.push(new Promise((resolve) => watcher.once('ready', () => resolve())));
      this.watchers.push(watcher);
    }
    this.ready = Promise.all(ready).then(() => undefined);
  }

  private record(kind: WatchedKind, file: string): void {
    const batch = (this.pending ??= { content: [], views: [], public: [], since: performance.now() });
    if (!batch[kind].includes(file)) batch[kind].push(file);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? 20);
  }

  private flush(): void {
    this.timer = null;
    const batch = this.pending;
    this.pending = null;
    if (batch) this.options.onBatch(batch);
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    await Promise.all(this.watchers.map((w) => w.close()));
  }
}
