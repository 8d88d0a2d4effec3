// kill -9 in the middle of an index run: the next start finds a consistent database holding either the old or
// the new index, never a mix, and serves it.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { fetchText, startFolio, stopAll, tempDir } from '../helpers/process.js';
import { writeSyntheticArticles } from './synthetic-articles.js';

const NEW_ARTICLES = 1_000;

const dirs: ReturnType<typeof tempDir>[] = [];
afterAll(async () => {
  await stopAll();
  for (const d of dirs) d.remove();
});

interface Health {
  articlesIndexed: number;
  generation: number;
}

function inspect(dbPath: string): { integrity: string; articles: number; generation: number } {
  const db = openDatabase(dbPath);
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      articles: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles').get()?.n ?? -1,
      generation: Number(
        db.prepare<[], { value: string }>("SELECT value FROM index_state WHERE key = 'generation'").get()
          ?.value,
      ),
    };
  } finally {
    db.close();
  }
}

describe('kill -9 during indexing', () => {
  it('when the server is killed while it writes a large index, then the next start has the old or the new index whole and serves it', async () => {
    const tmp = tempDir('crash');
    dirs.push(tmp);
    const contentDir = tmp.copySample();
    const dbPath = join(tmp.dir, 'folio.db');
    const env = { CONTENT_DIR: contentDir, DB_PATH: dbPath, INDEX_WORKERS: '2' };

    // The last good state: the sample site.
    const first = await startFolio({ env });
    await first.waitForLog((l) => l.msg === 'content indexed');
    const before = JSON.parse((await fetchText(`${first.url}/healthz`)).body) as Health;
    expect(await first.stop()).toEqual({ code: 0, signal: null });

    // Many new articles make the next run long; kill the server the moment it starts writing them.
    writeSyntheticArticles(contentDir, NEW_ARTICLES);
    const wal = `${dbPath}-wal`;
    const second = await startFolio({ env });
    const baseline = existsSync(wal) ? statSync(wal).size : 0;
    const killedAtWal = await new Promise<number>((resolve, reject) => {
      const deadline = Date.now() + 90_000;
      const poll = setInterval(() => {
        const size = existsSync(wal) ? statSync(wal).size : 0;
        if (size > baseline + 64 * 1024) {
          second.signal('SIGKILL');
          clearInterval(poll);
          resolve(size);
        } else if (second.exit() || Date.now() > deadline) {
          clearInterval(poll);
          reject(new Error(`the index run was not caught writing:\n${second.output()}`));
        }
      }, 1);
    });
    expect(await second.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(killedAtWal).toBeGreaterThan(0);

    // Recovery happens on open: the database is consistent and holds one whole state.
    const after = inspect(dbPath);
    expect(after.integrity).toBe('ok');
    const states = [before.articlesIndexed, before.articlesIndexed + NEW_ARTICLES];
    expect(states, `articles after recovery (WAL was ${killedAtWal} bytes at the kill)`).toContain(
      after.articles,
    );
    expect(after.generation).toBe(
      after.articles === before.articlesIndexed ? before.generation : before.generation + 1,
    );

    // The next start serves that state at once (and re-indexes in the background).
    const third = await startFolio({ env });
    const health = JSON.parse((await fetchText(`${third.url}/healthz`)).body) as Health;
    expect(states).toContain(health.articlesIndexed);
    const page = await fetchText(`${third.url}/en/sql-joins-explained`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>SQL joins explained: inner, left, full and the mistakes that bite</h1>');
    expect((await fetchText(`${third.url}/en/`)).status).toBe(200);

    // SIGTERM while that background run is still rendering: a clean, prompt exit; the run is simply redone.
    const stopped = Date.now();
    expect(await third.stop(15_000), third.output()).toEqual({ code: 0, signal: null });
    expect(Date.now() - stopped).toBeLessThan(5_000);
    expect(inspect(dbPath).integrity).toBe('ok');
  }, 180_000);
});
