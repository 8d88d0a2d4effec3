// Process entry: config → database → migrations → index → listen; SIGHUP re-indexes, SIGTERM drains and exits.
import { createServer } from 'node:http';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { openMigrated } from './db/database.js';
import { StartupError } from './errors.js';
import { IndexRunner } from './indexer/runner.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config);
  const db = openMigrated(config.dbPath);
  const runner = new IndexRunner(db, config, logger);
  const hasIndex = db.prepare("SELECT value FROM index_state WHERE key = 'generation'").get() !== undefined;
  // With an existing index, serve it at once and refresh in the background; a new database is indexed first.
  if (!hasIndex) await runner.run('start');
  const folio = createApp({ db, config, logger });
  let stopping = false;
  const server = createServer((req, res) => {
    // While draining, every response closes its connection, so keep-alive clients (nginx) move elsewhere.
    if (stopping) res.setHeader('Connection', 'close');
    folio.handler(req, res);
  });
  server.keepAliveTimeout = 5_000;
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info(
      { port, host: config.host, db: config.dbPath, content: config.contentDir },
      `Folio is serving on http://localhost:${port}`,
    );
    if (hasIndex) void runner.run('start').catch(() => undefined);
    else runner.warm();
  });

  process.on('SIGHUP', () => {
    void runner.run('SIGHUP').catch(() => undefined);
  });
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    // Connections whose last response went out before the signal idle until they are closed here.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearInterval(sweep);
      void runner.close().finally(() => {
        db.close();
        logger.info('stopped');
        process.exit(0);
      });
    });
    server.closeIdleConnections();
    setTimeout(() => {
      logger.warn('in-flight requests did not finish in 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message =
    error instanceof StartupError
      ? error.message
      : error instanceof Error
        ? `${error.name}: ${error.message}`
        : String(error);
  console.error(`Folio could not start: ${message}`);
  process.exit(1);
});
