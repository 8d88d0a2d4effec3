// Process entry: config → database → migrations → index → listen; SIGHUP re-indexes, SIGTERM drains and exits.
import { loadConfig } from './config.js';
import { StartupError } from './errors.js';
import { createLogger } from './logger.js';
import { startSite } from './start.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config);
  const site = await startSite(config, logger);
  logger.info(
    { port: site.port, host: config.host, db: config.dbPath, content: config.contentDir },
    `Folio is serving on http://localhost:${site.port}`,
  );

  process.on('SIGHUP', () => {
    void site.runner.run('SIGHUP').catch(() => undefined);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    void site.stop().then(() => {
      logger.info('stopped');
      process.exit(0);
    });
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
