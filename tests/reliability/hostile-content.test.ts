// Unreadable, huge, binary, empty, mis-encoded and BOM/CRLF files: each is reported, none takes the site down.
import { chmodSync, chownSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

const FRONT = 'date: 2024-02-02\ncategory: data-engineering\nauthor: amara-okafor\n';

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory())
    for (const name of readdirSync(path)) chownTree(join(path, name), uid, gid);
}

describe('hostile content files', () => {
  it('when content files are unreadable, huge, binary, empty, not UTF-8 or BOM/CRLF, then each is reported and the site keeps serving', async () => {
    // As root, permissions stop nothing: the server and the check command run as `nobody` instead.
    const user = unprivileged();
    if (isRoot) expect(user, 'setpriv is needed to drop root for this test').not.toBeNull();
    const tmp = tempDir('hostile');
    dirs.push(tmp);
    const contentDir = tmp.copySample();
    if (user) chownTree(tmp.dir, user.uid, user.gid);
    const env = { CONTENT_DIR: contentDir, DB_PATH: join(tmp.dir, 'folio.db') };
    const server = await startFolio({ env, prefix: user?.prefix ?? [] });
    const first = await server.waitForLog((l) => l.msg === 'content indexed');
    expect(first.errors).toBe(0);
    const before = JSON.parse((await fetchText(`${server.url}/healthz`)).body) as { articles: number };

    const bad = join(contentDir, 'articles', 'bad');
    mkdirSync(bad);
    const big = Buffer.alloc(20 * 1024 * 1024, 'All work and no play makes a very long article. ');
    Buffer.from(`---\ntitle: Huge\n${FRONT}---\n`).copy(big);
    writeFileSync(join(bad, 'huge.md'), big);
    writeFileSync(
      join(bad, 'binary.md'),
      Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n'), Buffer.alloc(64), Buffer.from([0xff, 0xfe, 0x00])]),
    );
    writeFileSync(join(bad, 'empty.md'), '');
    writeFileSync(
      join(bad, 'latin1.md'),
      Buffer.from(`---\ntitle: Caf\xe9\n${FRONT}---\nCaf\xe9.\n`, 'latin1'),
    );
    writeFileSync(
      join(bad, 'bom-crlf.md'),
      `\uFEFF---\r\ntitle: "Saved on Windows"\r\n${FRONT.replace(/\n/g, '\r\n')}---\r\nA body with **bold** words.\r\n\r\n## A heading\r\n\r\nMore text.\r\n`,
    );
    writeFileSync(join(bad, 'locked.md'), `---\ntitle: Locked\n${FRONT}---\nNobody can read this.\n`);
    chmodSync(join(bad, 'locked.md'), 0o000);
    // A published article becomes unreadable: its last good version stays online.
    chmodSync(join(contentDir, 'articles', 'data-engineering', 'sql-joins-explained.md'), 0o000);

    server.signal('SIGHUP');
    const second = await server.waitForLog((l) => l.msg === 'content indexed' && l.reason === 'SIGHUP');
    expect(second.errors).toBe(6);

    const health = JSON.parse((await fetchText(`${server.url}/healthz`)).body) as {
      articles: number;
      contentErrors: number;
    };
    expect(health.contentErrors).toBe(6);
    expect(health.articles).toBe(before.articles + 1);

    const kept = await fetchText(`${server.url}/en/sql-joins-explained`);
    expect(kept.status).toBe(200);
    expect(kept.body).toContain('<h1>SQL joins explained: inner, left, full and the mistakes that bite</h1>');
    const windows = await fetchText(`${server.url}/en/bom-crlf`);
    expect(windows.status).toBe(200);
    expect(windows.body).toContain('<h1>Saved on Windows</h1>');
    expect(windows.body).toContain('<strong>bold</strong>');
    expect(windows.body).toMatch(/<h2[^>]*>A heading/);
    expect((await fetchText(`${server.url}/en/`)).status).toBe(200);

    const warnings = server.logs.filter((l) => l.level === 40).map((l) => String(l.msg));
    const expected = [
      'content/articles/bad/huge.md:1: the file is',
      'content/articles/bad/binary.md:1: the file is binary',
      'content/articles/bad/empty.md:1: the file is empty',
      'content/articles/bad/latin1.md:1: the file is not valid UTF-8',
      'content/articles/bad/locked.md:1: the file cannot be read',
      'content/articles/data-engineering/sql-joins-explained.md:1: the file cannot be read',
    ];
    for (const line of expected)
      expect(
        warnings.some((w) => w.startsWith(line)),
        line,
      ).toBe(true);

    // `npm run check` names the same files.
    const check = await runNode('cli/check.js', [], env, { prefix: user?.prefix ?? [] });
    expect(check.code).toBe(1);
    for (const line of expected) expect(check.stdout).toContain(line.replace('content/', ''));
    // A scratch index has no last good version of the unreadable article, so links to it count as errors too.
    expect(check.stdout).toMatch(/\d+ articles checked: \d+ errors/);

    expect(await server.stop()).toEqual({ code: 0, signal: null });
  });
});
