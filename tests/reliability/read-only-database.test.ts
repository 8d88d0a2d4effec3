// `npm run index` against a read-only database file: exit 1 with a message that says so, nothing changes, and the
// running server keeps serving its index. Once the file is writable again the same command goes through.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  fetchText,
  isRoot,
  runNode,
  startFolio,
  stopAll,
  tempDir,
  unprivileged,
} from '../helpers/process.js';

const dirs: ReturnType<typeof tempDir>[] = [];
afterAll(async () => {
  await stopAll();
  for (const d of dirs) d.remove();
});

describe('a read-only database', () => {
  it('when the database file is read-only, then `npm run index` fails clearly and the server keeps serving the previous index', async () => {
    // As root, permissions stop nothing: the command runs as `nobody`, for whom the file is read-only.
    const user = unprivileged();
    if (isRoot) expect(user, 'setpriv is needed to drop root for this test').not.toBeNull();
    const tmp = tempDir('readonly');
    dirs.push(tmp);
    chmodSync(tmp.dir, 0o755);
    const contentDir = tmp.copySample();
    const dbDir = join(tmp.dir, 'db');
    mkdirSync(dbDir);
    const env = { CONTENT_DIR: contentDir, DB_PATH: join(dbDir, 'folio.db') };
    const server = await startFolio({ env });
    await server.waitForLog((l) => l.msg === 'content indexed');
    const health = async () =>
      JSON.parse((await fetchText(`${server.url}/healthz`)).body) as {
        articlesIndexed: number;
        generation: number;
      };
    const before = await health();

    const source = readFileSync(
      join(contentDir, 'articles', 'data-engineering', 'sql-joins-explained.md'),
      'utf8',
    );
    writeFileSync(
      join(contentDir, 'articles', 'read-only-check.md'),
      source
        .replace(/^slug: .*$/m, 'slug: read-only-check')
        .replace(/^title: .*$/m, 'title: "Written later"'),
    );
    const setMode = (file: number, dir: number) => {
      for (const name of readdirSync(dbDir)) chmodSync(join(dbDir, name), file);
      chmodSync(dbDir, dir);
    };
    setMode(0o444, 0o555);
    const run = await runNode('cli/index.js', [], env, { prefix: user?.prefix ?? [] }).finally(() =>
      setMode(0o644, 0o755),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'indexing failed, the previous index is unchanged: attempt to write a readonly database',
    );

    // The server never noticed.
    expect(await health()).toEqual(before);
    expect((await fetchText(`${server.url}/en/read-only-check`)).status).toBe(404);
    expect((await fetchText(`${server.url}/en/sql-joins-explained`)).status).toBe(200);

    // Writable again: the same command indexes, and the running server serves the new generation by itself.
    const again = await runNode('cli/index.js', [], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/generation \d+ is live/);
    const page = await fetchText(`${server.url}/en/read-only-check`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Written later</h1>');
    expect((await health()).articlesIndexed).toBe(before.articlesIndexed + 1);
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  });
});
