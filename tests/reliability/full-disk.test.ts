// A full disk while re-indexing: the run fails with a clear log line, the previous index keeps being served,
// and once space is freed the next run succeeds.
//
// The database lives on a real, tiny tmpfs mounted in a private mount namespace (`unshare -m` as root,
// `unshare -rm` in an unprivileged user namespace otherwise), which the test then fills up. Where neither is
// allowed, the server runs under a file-size limit (RLIMIT_FSIZE via prlimit) instead: SQLite meets a short
// write (SQLITE_FULL) or EFBIG (SQLITE_IOERR_WRITE), and Folio takes the same path for both.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fetchText, isRoot, startFolio, stopAll, tempDir } from '../helpers/process.js';
import { writeSyntheticArticles } from './synthetic-articles.js';

const NEW_ARTICLES = 300;

const dirs: ReturnType<typeof tempDir>[] = [];
afterAll(async () => {
  await stopAll();
  for (const d of dirs) d.remove();
});

interface Disk {
  how: string;
  /** What SQLite reports when the write fails. */
  errors: readonly string[];
  prefix: readonly string[];
  /** Leaves (almost) no room for the running server's database; returns how to give the room back. */
  fill(pid: number): () => void;
}

/** The most honest full disk this machine allows. */
function fullDisk(dbDir: string): Disk {
  const unshare = isRoot ? ['unshare', '-m'] : ['unshare', '-rm'];
  const mount = `mount -t tmpfs -o size=6m folio-full "$0"`;
  const probe = spawnSync(unshare[0] as string, [...unshare.slice(1), 'sh', '-c', mount, dbDir]);
  if (probe.status === 0) {
    return {
      how: `a 6 MB tmpfs (${unshare.join(' ')})`,
      errors: ['SQLITE_FULL'],
      prefix: [...unshare, 'sh', '-c', `${mount} && exec "$@"`, dbDir],
      fill(pid) {
        // The server's view of its own mounts, from outside its namespace.
        const inside = `/proc/${pid}/root${dbDir}`;
        const free = statfsSync(inside);
        const filler = join(inside, 'filler');
        writeFileSync(filler, Buffer.alloc(Math.max(0, free.bavail * free.bsize - 16 * 1024)));
        return () => rmSync(filler);
      },
    };
  }
  // Soft limit 2 MB (room for the sample index), hard limit unlimited so it can be raised again.
  return {
    how: 'RLIMIT_FSIZE (prlimit)',
    errors: ['SQLITE_FULL', 'SQLITE_IOERR_WRITE'],
    prefix: ['prlimit', '--fsize=2000000:unlimited', '--'],
    fill(pid) {
      return () => {
        spawnSync('prlimit', ['--pid', String(pid), '--fsize=unlimited:unlimited']);
      };
    },
  };
}

describe('a full disk while indexing', () => {
  it('when the disk fills up during a re-index, then the failure is logged, the old index keeps serving and a later run recovers', async () => {
    const tmp = tempDir('full');
    dirs.push(tmp);
    const contentDir = tmp.copySample();
    const dbDir = join(tmp.dir, 'db');
    mkdirSync(dbDir);
    const disk = fullDisk(dbDir);
    const server = await startFolio({
      // The image variants (several MB for the sample photographs) live off the small disk: this is about the database.
      env: {
        CONTENT_DIR: contentDir,
        DB_PATH: join(dbDir, 'folio.db'),
        IMAGE_CACHE_DIR: join(tmp.dir, 'image-cache'),
        INDEX_WORKERS: '2',
      },
      prefix: disk.prefix,
    });
    await server.waitForLog((l) => l.msg === 'content indexed');
    const health = async () =>
      JSON.parse((await fetchText(`${server.url}/healthz`)).body) as {
        articlesIndexed: number;
        generation: number;
      };
    const before = await health();

    const freeSpace = disk.fill(server.pid);
    writeSyntheticArticles(contentDir, NEW_ARTICLES);
    server.signal('SIGHUP');
    const failure = await server.waitForLog((l) => l.msg?.startsWith('indexing failed') === true, 60_000);
    const err = failure.err as { code?: string; message?: string } | undefined;
    expect(disk.errors, `${disk.how}: ${JSON.stringify(failure)}`).toContain(err?.code);
    expect(err?.message).toMatch(/disk is full|disk I\/O error/);
    expect(failure.msg).toBe('indexing failed; the previous index keeps being served');
    expect(failure.level).toBe(50);

    // Readers notice nothing: the previous index, whole.
    expect(await health()).toMatchObject(before);
    const page = await fetchText(`${server.url}/en/sql-joins-explained`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>SQL joins explained');
    expect((await fetchText(`${server.url}/en/synthetic-1`)).status).toBe(404);
    expect((await fetchText(`${server.url}/en/`)).status).toBe(200);

    // Space comes back: the next run indexes everything.
    freeSpace();
    server.signal('SIGHUP');
    const ok = await server.waitForLog((l) => l.msg === 'content indexed' && l.reason === 'SIGHUP', 60_000);
    expect(ok.errors).toBe(0);
    expect((await health()).articlesIndexed).toBe(before.articlesIndexed + NEW_ARTICLES);
    expect((await fetchText(`${server.url}/en/synthetic-1`)).status).toBe(200);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  }, 120_000);
});
