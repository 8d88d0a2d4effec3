// Process entry: config → database → migrations → index → listen; SIGHUP re-indexes, SIGTERM drains and exits.
import { loadConfig } from './config.js';
import { StartupError } from './errors.js';
import { createLogger } from './logger.js';
import { startSite } from './start.js';
import { runCommand } from './cli/run-command.js';

const SPEC = {
  usage: `usage: npm start

Builds if needed, indexes CONTENT_DIR into the database at DB_PATH (only changed files) and serves the site
on PORT (default 3000). SIGHUP re-indexes; SIGTERM or Ctrl-C finishes in-flight requests, then exits.
Configured by environment: PORT, HOST, SITE_URL, CONTENT_DIR, DB_PATH, LOG_LEVEL, NODE_ENV, PREVIEW_SECRET,
ENQUIRY_WEBHOOK_URL, ENQUIRY_WEBHOOK_SECRET, SMTP_URL, ENQUIRY_EMAIL_TO (see the README).

  -h, --help   print this help; nothing is started`,
  options: {},
} as const;

/** The one line a failed start prints: a StartupError says what to change; anything else is named. */
function startFailure(error: unknown): Error {
  if (error instanceof StartupError) return error;
  if (!(error instanceof Error)) return new Error(String(error));
  return new Error(`${error.name}: ${error.message}`, { cause: error });
}

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

runCommand(
  SPEC,
  async () => {
    try {
      await main();
    } catch (error) {
      throw startFailure(error);
    }
  },
  'Folio could not start',
);
