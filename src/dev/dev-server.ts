// Process entry for the development server (started and restarted by `npm run dev`): the production
// start-up plus the watcher, live reload and the content-error banner.
import type { RequestListener } from 'node:http';
import { contentLabel } from '../cli/content-label.js';
import { loadConfig } from '../config.js';
import { StartupError } from '../errors.js';
import { createLogger } from '../logger.js';
import { publicDir, viewsDir } from '../paths.js';
import { startSite } from '../start.js';
import { DevSession } from './dev-session.js';

async function main(): Promise<void> {
  // Human lines in the terminal; structured logs only for real failures unless LOG_LEVEL asks for more.
  const config = loadConfig({ LOG_LEVEL: 'error', ...process.env, NODE_ENV: 'development' });
  const logger = createLogger(config);
  const label = contentLabel(config.contentDir, process.cwd());
  const print = (line: string) => console.log(line);
  // Until the session exists (a moment after listening) requests go straight to the site.
  let handle: RequestListener | null = null;
  const site = await startSite(config, logger, {
    // An editor looks at a draft where it will live, with the preview banner and no link to make.
    app: { previewDrafts: true },
    handler: (folio) => (req, res) => (handle ?? folio.handler)(req, res),
  });
  const dev = new DevSession({
    folio: site.folio,
    runner: site.runner,
    dirs: { content: config.contentDir, views: viewsDir, public: publicDir },
    contentLabel: label,
    indexed: site.indexed,
    print,
  });
  handle = dev.handler(site.folio.handler);
  await dev.watcher.ready;
  print(`Folio dev server on http://localhost:${site.port} (pid ${process.pid})`);
  print(`watching ${label}, views/ and public/: saved files are live at once; Ctrl-C stops`);
  void site.indexed.then(() => {
    const errors = site.folio.ctx.repo.errorCount().errors;
    if (errors > 0) print(`${errors} content error(s): see above, or the banner on any page`);
  });

  process.on('SIGHUP', () => dev.reindex());
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 5_000).unref();
    void dev
      .close()
      .then(() => site.stop())
      .then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  const message =
    error instanceof StartupError ? error.message : error instanceof Error ? error.message : String(error);
  console.error(`Folio could not start: ${message}`);
  process.exit(1);
});
