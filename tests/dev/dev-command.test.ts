// `npm run dev` end to end: the real supervisor and dev server processes on a temp content folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { fetchText, freePort, tempDir, waitFor, type TempDir } from '../helpers/process.js';
import { connectSse } from './sse.js';

let tmp: TempDir;
let contentDir: string;
let dev: ChildProcess;
let output = '';
let base = '';
let childPid = 0;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  tmp = tempDir('dev');
  contentDir = tmp.copySample();
  const port = await freePort();
  dev = spawn(process.execPath, [join('dist', 'cli', 'dev.js')], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? tmp.dir,
      CONTENT_DIR: contentDir,
      DB_PATH: join(tmp.dir, 'folio.db'),
      PORT: String(port),
      HOST: '127.0.0.1',
    },
  });
  dev.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  dev.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const ready = await waitFor(
    'the dev server',
    () => /Folio dev server on http:\/\/localhost:(\d+) \(pid (\d+)\)/.exec(output) ?? false,
    25_000,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${output}`);
  });
  base = `http://127.0.0.1:${ready[1]}`;
  childPid = Number(ready[2]);
}, 40_000);

afterAll(async () => {
  if (dev && dev.exitCode === null && dev.signalCode === null) {
    const exited = new Promise((resolve) => dev.once('exit', resolve));
    dev.kill('SIGKILL');
    await exited;
  }
  if (childPid && alive(childPid)) process.kill(childPid, 'SIGKILL');
  tmp?.remove();
});

describe('npm run dev (processes)', () => {
  it('serves the site with the reload script, and a saved article reaches open tabs and the page', async () => {
    const home = await fetchText(`${base}/en/`);
    expect(home.status).toBe(200);
    expect(home.body).toMatch(/<script src="\/assets\/dev-reload\.[0-9a-f]+\.js" defer><\/script>/);
    const sse = await connectSse(`${base}/__folio/events`);
    try {
      await sse.next('hello', 0);
      const file = join(contentDir, 'articles', 'data-engineering', 'sql-joins-explained.md');
      const after = sse.events.length;
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "Joins, saved in the editor"'),
      );
      const event = await sse.next('reload', after, 15_000);
      expect(JSON.parse(event.data)).toMatchObject({ reason: 'content' });
      const page = await fetchText(`${base}/en/sql-joins-explained`);
      expect(page.body).toContain('Joins, saved in the editor');
      expect(output).toMatch(/sql-joins-explained\.md: re-indexed in \d+ ms/);
    } finally {
      sse.close();
    }
  });

  it('shows drafts and scheduled articles at their URL with the preview banner, never stored', async () => {
    for (const slug of ['data-mesh-in-practice', 'evaluating-llm-applications']) {
      const page = await fetchText(`${base}/en/${slug}`);
      expect(page.status, slug).toBe(200);
      expect(page.body).toContain('Preview — not published');
      expect(page.body).toContain('<meta name="robots" content="noindex">');
      // The dev server makes pages revalidate (no-cache) but keeps a preview's stricter no-store.
      expect(page.headers['cache-control']).toBe('private, no-store');
      expect(page.headers['x-robots-tag']).toBe('noindex');
    }
    const published = await fetchText(`${base}/en/sql-joins-explained`);
    expect(published.body).not.toContain('preview-banner');
    expect(published.headers['cache-control']).toBe('no-cache');
  });

  it('SIGINT stops the supervisor and the server it started', async () => {
    const exited = new Promise<number | null>((resolve) => dev.once('exit', (code) => resolve(code)));
    dev.kill('SIGINT');
    expect(await exited).toBe(0);
    await waitFor('the dev server to exit', () => !alive(childPid), 10_000);
  });
});
