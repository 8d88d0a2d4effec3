// The static export: drives the real app over loopback HTTP for every public URL (so the HTML is exactly
// what the server sends), writes the files (only those whose bytes changed since the last export into the
// same folder), copies public/ and the fingerprinted assets, writes redirects files, and link-checks the result.
import { existsSync, readdirSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../app.js';
import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import { createExportRepo } from '../db/export-repo.js';
import { cspValue } from '../http/middleware/security.js';
import { PER_PAGE } from '../http/view-models/pagination.js';
import type { Logger } from '../logger.js';
import { publicDir as defaultPublic } from '../paths.js';
import {
  fileFor,
  netlifyHeaders,
  netlifyRedirects,
  nginxRedirects,
  nginxServer,
  type RedirectRule,
} from './file-layout.js';
import { checkLinks, copyVariants, listFiles, rootFallback } from './export-files.js';
import { internalLinks, type BrokenLink } from './link-check.js';
import { ExportFolderError, openOutput, type OutputCounts } from './output.js';
import { siteUrls } from './site-urls.js';
import { articlePath, homePath, notFoundPath, SITEMAP, SITEMAP_PART } from '../lib/urls.js';

/** Files that exist for development only and are left out. */
const DEV_ONLY = new Set(['js/dev-reload.js']);

export { ExportFolderError as ExportError };

export interface ExportOptions {
  db: Db;
  config: Config;
  logger: Logger;
  outDir: string;
  publicDir?: string;
  viewsDir?: string;
  /** The moment the export shows (scheduled articles after it are left out). */
  now?: number;
  concurrency?: number;
  /** Called as pages are written: how many of how many. */
  onProgress?: (done: number, total: number) => void;
}

export interface ExportReport extends OutputCounts {
  files: number;
  bytes: number;
  pages: number;
  /** 301 rules: the root, aliases, old slugs. */
  redirects: number;
  /** 410 rules: deleted articles. */
  gone: number;
  ms: number;
  /** Discovered URLs that did not answer 200. */
  failed: { path: string; status: number }[];
  broken: BrokenLink[];
}

interface Fetched {
  status: number;
  body: Buffer;
}

export async function exportSite(options: ExportOptions): Promise<ExportReport> {
  const started = performance.now();
  const now = options.now ?? Date.now();
  const publicDir = options.publicDir ?? defaultPublic;
  const out = openOutput(options.outDir);
  const folio = createApp({
    db: options.db,
    config: options.config,
    logger: options.logger,
    now: () => now,
    publicDir,
    ...(options.viewsDir ? { viewsDir: options.viewsDir } : {}),
  });
  const server = createServer(folio.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency ?? 4 });

  const write = (file: string, body: Buffer | string) => out.write(file, body);
  const get = (path: string) =>
    new Promise<Fetched>((resolve, reject) => {
      const req = request(
        // Site paths are decoded (a tag slug may hold any script); the request line needs them encoded.
        { host: '127.0.0.1', port, path: encodeURI(path), agent, headers: { 'accept-encoding': 'identity' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });

  const failed: ExportReport['failed'] = [];
  try {
    const repo = createExportRepo(options.db);
    const site = folio.ctx.site();
    const languages = site.languages.map((l) => l.code);
    const defaultLang = site.default_language;
    const urls = siteUrls({
      languages,
      defaultLang,
      perPage: PER_PAGE,
      articles: repo.articles(now),
      archives: repo.archives(now),
      areas: repo.areas(),
      courses: repo.courses(),
    });
    const fetchAll = async (paths: readonly string[]) => {
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < paths.length; i = next++) {
          const path = paths[i] as string;
          const res = await get(path);
          if (res.status === 200) write(fileFor(path), res.body);
          else failed.push({ path, status: res.status });
          options.onProgress?.(++fetched, paths.length);
        }
      };
      let fetched = 0;
      await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
    };
    await fetchAll(urls);

    // A sitemap index names its parts; they are exported too.
    const origin = folio.ctx.baseUrl();
    const sitemap = out.has('sitemap.xml')
      ? internalLinks((await get(SITEMAP)).body.toString('utf8'), 'xml', origin).filter((p) =>
          SITEMAP_PART.test(p),
        )
      : [];
    await fetchAll(sitemap);

    // Not-found pages: /404 for the default language (404.html, used by most static hosts) and
    // /<lang>/404 for the others (<lang>/404.html, used by hosts that look for the nearest one).
    for (const path of languages.map((l) => notFoundPath(l, defaultLang))) {
      const res = await get(path);
      if (res.status === 404) write(fileFor(path), res.body);
      else failed.push({ path, status: res.status });
    }

    // Fingerprinted assets (css/, js/) as the server names them, then public/ as it is.
    for (const folder of ['css', 'js']) {
      const dir = join(publicDir, folder);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)) {
        const key = `${folder}/${name}`;
        const url = folio.assets.url(key);
        if (DEV_ONLY.has(key) || !url.startsWith('/assets/')) continue;
        const res = await get(url);
        if (res.status === 200) write(fileFor(url), res.body);
        else failed.push({ path: url, status: res.status });
      }
    }
    for (const rel of listFiles(publicDir)) if (!DEV_ONLY.has(rel)) out.copy(rel, join(publicDir, rel));
    copyVariants(options.config.imageCacheDir, out);

    // Redirects: the root to the default language, every alias and every old slug to its article.
    const rules: RedirectRule[] = [
      { from: '/', to: homePath(defaultLang) },
      ...[...repo.redirects(now), ...repo.moves(now)].map((r) => ({
        from: r.from,
        to: articlePath(r.lang, r.slug),
      })),
    ];
    const gone: RedirectRule[] = repo.gone(now).map((g) => ({
      from: articlePath(g.lang, g.slug),
      to: `${notFoundPath(g.lang, defaultLang)}.html`,
      status: 410,
    }));
    write('_redirects', netlifyRedirects([...rules, ...gone]));
    write('redirects.nginx.conf', nginxRedirects([...rules, ...gone]));
    write('_headers', netlifyHeaders(cspValue()));
    write('nginx-site.conf', nginxServer({ root: options.outDir, listen: '80', languages, defaultLang }));
    // Hosts without redirect rules (object stores) still lead visitors of / to the default language.
    if (!out.has('index.html')) write('index.html', rootFallback(homePath(defaultLang)));

    const redirectSources = new Set(rules.map((r) => r.from));
    const broken = checkLinks(options.outDir, out.files, origin, redirectSources);
    const counts = out.finish(now);
    let bytes = 0;
    for (const size of out.files.values()) bytes += size;
    return {
      ...counts,
      files: out.files.size,
      bytes,
      pages: [...out.files.keys()].filter((f) => f.endsWith('.html')).length,
      redirects: rules.length,
      gone: gone.length,
      ms: Math.round(performance.now() - started),
      failed,
      broken,
    };
  } finally {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}
