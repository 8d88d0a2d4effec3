// Builds a Folio site for a test: a private copy of content (the shipped sample by default), a temp
// database, an indexed app and a supertest agent. Each test owns its data.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { createApp, type AppDeps, type FolioApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openMigrated } from '../../src/db/database.js';
import type { Db } from '../../src/db/connection.js';
import { indexContent, type IndexReport } from '../../src/indexer/index-content.js';
import { RenderPool } from '../../src/indexer/render-pool.js';
import { createLogger } from '../../src/logger.js';
import { projectRoot, publicDir } from '../../src/paths.js';
import { fixedClock, SAMPLE_NOW } from './clock.js';

export interface TestSite {
  dir: string;
  contentDir: string;
  dbPath: string;
  db: Db;
  config: Config;
  folio: FolioApp;
  http: ReturnType<typeof request>;
  /** Writes (or with null, deletes) files relative to the content directory. */
  write(files: Record<string, string | null>): void;
  reindex(): Promise<IndexReport>;
  lastReport: IndexReport;
  close(): Promise<void>;
}

export interface TestSiteOptions {
  /** Start from the shipped sample content (default) or from an empty folder with minimal site files. */
  sample?: boolean;
  files?: Record<string, string | null>;
  /** The clock the indexer and the app read; SAMPLE_NOW unless a test sets its own. */
  now?: () => number;
  env?: Record<string, string>;
  /** Extra app dependencies, e.g. `previewDrafts` as `npm run dev` sets it. */
  app?: Partial<Omit<AppDeps, 'db' | 'config' | 'logger' | 'now'>>;
  /** Make image variants of public/ images at index time, as the server does (into the test's own cache). */
  images?: boolean;
}

export const MINIMAL_FILES: Record<string, string> = {
  'site.yml':
    'title: Test Site\ndescription: A site for tests.\nurl: http://localhost:3000\ndefault_language: en\nlanguages:\n  - code: en\n    name: English\n  - code: fr\n    name: Français\nnav: []\n',
  'authors.yml': '- slug: ann\n  name: Ann Writer\n  bio: Writes tests.\n',
  'categories.yml':
    '- slug: news\n  name: News\n  description: News items.\n- slug: guides\n  name: Guides\n  description: How-to guides.\n',
};

/** A valid article file with overridable front matter. */
export function article(
  fm: Record<string, unknown>,
  body = 'Some words for the body of this article.\n',
): string {
  const lines = Object.entries({
    title: 'An article',
    date: '2024-01-10',
    category: 'news',
    author: 'ann',
    ...fm,
  })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

export async function createTestSite(options: TestSiteOptions = {}): Promise<TestSite> {
  const dir = mkdtempSync(join(tmpdir(), 'folio-test-'));
  const contentDir = join(dir, 'content');
  if (options.sample ?? true) cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
  else {
    mkdirSync(contentDir, { recursive: true });
    for (const [name, text] of Object.entries(MINIMAL_FILES)) writeFileSync(join(contentDir, name), text);
  }
  const write = (files: Record<string, string | null>) => {
    for (const [name, text] of Object.entries(files)) {
      const path = join(contentDir, name);
      if (text === null) {
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      } else {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      }
    }
  };
  if (options.files) write(options.files);
  const dbPath = join(dir, 'folio.db');
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      CONTENT_DIR: contentDir,
      DB_PATH: dbPath,
      SITE_URL: 'http://localhost:3000',
      ...options.env,
    },
    dir,
  );
  const db = openMigrated(dbPath);
  const pool = new RenderPool({ size: 2, timeoutMs: config.renderTimeoutMs });
  const now = options.now ?? fixedClock(SAMPLE_NOW);
  const reindex = async () => {
    const report = await indexContent(db, {
      contentDir,
      maxFileBytes: config.maxFileBytes,
      pool,
      siteUrl: config.siteUrl,
      now: now(),
      ...(options.images
        ? { images: { publicDir: options.app?.publicDir ?? publicDir, cacheDir: config.imageCacheDir } }
        : {}),
    });
    site.lastReport = report;
    // Like the server's runner: pages cached before this run are dropped at once.
    site.folio?.cache.clear();
    return report;
  };
  const folio = createApp({ ...options.app, db, config, logger: createLogger(config), now });
  const site: TestSite = {
    dir,
    contentDir,
    dbPath,
    db,
    config,
    folio,
    http: request(folio.handler),
    write,
    reindex,
    lastReport: undefined as unknown as IndexReport,
    async close() {
      await pool.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await reindex();
  return site;
}
