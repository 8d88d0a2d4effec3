// Runs the indexer for a long-lived process: one run at a time, a warm worker pool, a log line per run.
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import type { Logger } from '../logger.js';
import { publicDir } from '../paths.js';
import type { IndexReport } from './index-content.js';
import { IndexMemo } from './memo.js';
import { RenderPool } from './render-pool.js';
import { progressReporter } from './progress.js';
import { formatReport, summarise } from './report.js';

export class IndexRunner {
  private readonly pool: RenderPool;
  /** Only development keeps the previous index in memory (fast one-file re-index); servers save the RAM. */
  private readonly memo: IndexMemo | undefined;
  private running: Promise<IndexReport> | null = null;
  private again = false;
  lastReport: IndexReport | null = null;
  private readonly listeners: ((report: IndexReport) => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly logger: Logger,
  ) {
    // Development keeps its workers warm between saves; a server lets idle ones go to save memory.
    this.pool = new RenderPool({
      size: config.indexWorkers,
      timeoutMs: config.renderTimeoutMs,
      idleMs: config.env === 'development' ? 30 * 60_000 : 30_000,
    });
    this.memo = config.env === 'development' ? new IndexMemo() : undefined;
  }

  /** Called after every successful run (e.g. to drop cached pages at once). */
  onIndexed(listener: (report: IndexReport) => void): void {
    this.listeners.push(listener);
  }

  warm(): void {
    this.pool.warm();
  }

  /**
   * Indexes now; a request while a run is going queues exactly one more run after it (a full scan).
   * `changedPaths` (from a file watcher) lets the run look at those content files only.
   */
  async run(reason: string, changedPaths?: readonly string[]): Promise<IndexReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.once(reason, changedPaths);
    try {
      return await this.running;
    } finally {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.run('queued').catch(() => undefined);
      }
    }
  }

  private async once(reason: string, changedPaths?: readonly string[]): Promise<IndexReport> {
    try {
      // Loaded on first use: the content pipeline (marked, sanitize-html, zod, yaml) is not needed to start serving.
      const { indexContent } = await import('./index-content.js');
      // A long run (a first start on a large site) says how far it is, in the log, every few seconds.
      const progress = progressReporter({
        isTTY: false,
        write: (line) => this.logger.info({ reason }, line.trim()),
      });
      const report = await indexContent(this.db, {
        onProgress: progress.update,
        ...(changedPaths ? { changedPaths } : {}),
        contentDir: this.config.contentDir,
        maxFileBytes: this.config.maxFileBytes,
        pool: this.pool,
        siteUrl: this.config.siteUrl,
        images: { publicDir, cacheDir: this.config.imageCacheDir },
        ...(this.memo ? { memo: this.memo } : {}),
      });
      this.lastReport = report;
      for (const listener of this.listeners) listener(report);
      const counts = summarise(report.problems);
      this.logger.info(
        {
          reason,
          ms: report.durationMs,
          rendered: report.rendered,
          unchanged: report.unchanged,
          removed: report.removed,
          articles: report.articles,
          ...counts,
        },
        'content indexed',
      );
      for (const line of formatReport(report.problems.filter((p) => p.severity !== 'note')))
        this.logger.warn(line);
      return report;
    } catch (error) {
      // A failed run (read-only database, full disk) leaves the previous index serving.
      this.logger.error({ err: error, reason }, 'indexing failed; the previous index keeps being served');
      throw error;
    }
  }

  /**
   * Stops the workers. A run still rendering is abandoned, not awaited: it writes nothing before its final
   * all-or-nothing transaction, so the database keeps the last committed index and the next start redoes
   * the run. Waiting could outlast a shutdown deadline on a large site; the caller is about to exit.
   */
  async close(): Promise<void> {
    this.again = false;
    if (this.running) return;
    await this.pool.close();
  }
}
