// Starts a Folio site for an entry file: open and migrate the database, index, build the app and listen.
// Shared by the production entry (server.ts) and the development server (dev/dev-server.ts).
import { createServer, type RequestListener, type Server } from 'node:http';
import { createApp, type AppDeps, type FolioApp } from './app.js';
import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import { openMigrated } from './db/database.js';
import { createAttributionStore } from './db/attribution.js';
import { createEnquiryStore } from './db/enquiries.js';
import { createSiteRepo } from './db/site-repo.js';
import { IndexRunner } from './indexer/runner.js';
import { StartupError } from './errors.js';
import { existsSync } from 'node:fs';
import type { Logger } from './logger.js';
import { createOutbox, type Outbox } from './enquiries/outbox.js';
import { DEFAULT_BACKOFF } from './enquiries/backoff.js';
import { createSenders } from './enquiries/targets.js';

export interface StartOptions {
  /** Extra app dependencies (a different views or public folder, a page cache size). */
  app?: Partial<Omit<AppDeps, 'db' | 'config' | 'logger'>>;
  /** Wraps the app's handler, e.g. to answer development-only paths first. */
  handler?: (folio: FolioApp, runner: IndexRunner) => RequestListener;
}

export interface RunningSite {
  db: Db;
  runner: IndexRunner;
  folio: FolioApp;
  /** The enquiry delivery loop (idle when no target is configured). */
  outbox: Outbox;
  server: Server;
  port: number;
  /** Settles when the start-up index run is over (at once if the database had to be indexed first). */
  indexed: Promise<void>;
  /** Stops accepting connections, lets in-flight requests finish, then closes the pool and the database. */
  stop(): Promise<void>;
}

const START_INDEX_DELAY_MS = 250;

/** A failure to listen, in words naming the variable to change. */
function listenError(error: NodeJS.ErrnoException, config: Config): Error {
  if (error.code === 'EADDRINUSE')
    return new StartupError(
      `PORT=${config.port} is already in use on ${config.host}: stop the other server or choose another PORT`,
    );
  if (error.code === 'ENOTFOUND' || error.code === 'EADDRNOTAVAIL' || error.code === 'EAI_AGAIN')
    return new StartupError(
      `HOST=${config.host} is not valid: it is not an address of this machine (use 0.0.0.0, 127.0.0.1 or ::)`,
    );
  if (error.code === 'EACCES')
    return new StartupError(`PORT=${config.port} needs privileges on this machine: use a port above 1023`);
  return error;
}

export async function startSite(
  config: Config,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningSite> {
  if (!existsSync(config.contentDir))
    throw new StartupError(
      `CONTENT_DIR=${config.contentDir} does not exist: point it at the folder that holds site.yml and articles/`,
    );
  const db = openMigrated(config.dbPath);
  const runner = new IndexRunner(db, config, logger);
  const hasIndex = createSiteRepo(db).state('generation') !== null;
  // With an existing index, serve it at once and refresh in the background; a new database is indexed first.
  if (!hasIndex) await runner.run('start');
  const folio = createApp({ ...options.app, db, config, logger });
  runner.onIndexed((report) => {
    if (report.changed) folio.cache.clear();
  });
  const attribution = createAttributionStore(db);
  const enquiryKeys = createEnquiryStore(db);
  const outbox = createOutbox({
    db,
    logger,
    backoff: { ...DEFAULT_BACKOFF, baseMs: config.enquiryRetryBaseMs },
    senders: createSenders(
      config,
      () => {
        const lang = folio.ctx.site().default_language;
        return {
          baseUrl: folio.ctx.baseUrl(),
          lang,
          article: (slug) => attribution.article(slug, lang, Date.now()),
          courseTitle: (area, slug) => folio.ctx.repo.course(area, slug)?.title ?? null,
        };
      },
      (id) => enquiryKeys.idempotencyKey(id),
    ),
  });
  const handler = options.handler ? options.handler(folio, runner) : folio.handler;
  let stopping: Promise<void> | null = null;
  const server = createServer((req, res) => {
    // While draining, every response closes its connection, so keep-alive clients (nginx) move elsewhere.
    if (stopping) res.setHeader('Connection', 'close');
    handler(req, res);
  });
  server.keepAliveTimeout = 5_000;
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      db.close();
      reject(listenError(error, config));
    });
    server.listen(config.port, config.host, () => {
      server.removeAllListeners('error');
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : config.port);
    });
  });
  let indexed: Promise<void> = Promise.resolve();
  // The refresh waits a moment so the first requests are not queued behind the scan.
  if (hasIndex)
    indexed = new Promise<void>((resolve) => setTimeout(resolve, START_INDEX_DELAY_MS)).then(() =>
      runner.run('start').then(
        () => undefined,
        () => undefined,
      ),
    );

  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      // The delivery in flight is finished and recorded; the rest stay queued in the database for the
      // next start (stopping the loop first, so a drain never starts a delivery it may have to abandon).
      const outboxStopped = outbox.stop();
      // Connections whose last response went out before the stop idle until they are closed here.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      server.close(() => {
        clearInterval(sweep);
        void Promise.all([outboxStopped, runner.close()]).finally(() => {
          db.close();
          resolve();
        });
      });
      server.closeIdleConnections();
    }));
  outbox.start();
  return { db, runner, folio, server, port, indexed, stop, outbox };
}
