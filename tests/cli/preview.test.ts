// npm run preview (built dist/cli/preview.js): prints a link that opens the draft on the site, and
// follows the command-line rules (help, unknown flags, bad values, clear failures).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { PREVIEW_FILES } from '../helpers/preview-content.js';
import { createTestSite, type TestSite } from '../helpers/site.js';

const SITE_URL = 'http://localhost:3000';
let site: TestSite;

function preview(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [join(projectRoot, 'dist', 'cli', 'preview.js'), ...args], {
    cwd: site.dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      CONTENT_DIR: site.contentDir,
      DB_PATH: site.dbPath,
      SITE_URL,
      ...env,
    },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';

beforeAll(async () => {
  site = await createTestSite({ sample: false, files: PREVIEW_FILES });
});
afterAll(async () => site.close());

describe('npm run preview', () => {
  it('when given a draft slug, then the last line of stdout is a link that opens it with the banner', async () => {
    const run = preview(['secret-draft']);
    expect(run.status).toBe(0);
    const url = lastLine(run.stdout);
    expect(url).toMatch(/^http:\/\/localhost:3000\/en\/secret-draft\?preview=\d+\.[\w-]{43}$/);
    expect(run.stderr).toMatch(/Secret draft \(articles\/news\/secret-draft\.md\): draft/);
    expect(run.stderr).toMatch(/the link works until .+ UTC \(7 days\)/);
    const page = await site.http.get(url.slice(SITE_URL.length));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Preview — not published');
    expect(page.text).toContain('<h1>Secret draft</h1>');
    // Without the token the draft is still not there.
    expect((await site.http.get('/en/secret-draft')).status).toBe(404);
  });

  it('when given the file of a scheduled article and --days, then the link opens it and expires then', async () => {
    const file = join(site.contentDir, 'articles', 'news', 'future-post.md');
    const before = Date.now();
    const run = preview([file, '--days', '30']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/Future post .*: scheduled for 1 January 2027 at 09:00 UTC/);
    expect(run.stderr).toContain('(30 days)');
    const url = lastLine(run.stdout);
    const expiry = Number(/preview=(\d+)\./.exec(url)?.[1]) * 1000;
    expect(expiry).toBeGreaterThan(before + 30 * 86_400_000 - 2000);
    expect(expiry).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000);
    const page = await site.http.get(url.slice(SITE_URL.length));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Scheduled: it will be published on 1 January 2027');
    // A relative path from the working directory names the same file.
    expect(lastLine(preview(['content/articles/news/future-post.md']).stdout)).toMatch(
      /\/en\/future-post\?preview=/,
    );
  });

  it('when --help is given, then usage goes to stdout with exit 0 and nothing is created', () => {
    const fresh = join(site.dir, 'never-created.db');
    const run = preview(['--help'], { DB_PATH: fresh });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run preview -- <slug \| path\/to\/article\.md>/);
    expect(run.stdout).toContain('--days <n>');
    expect(run.stderr).toBe('');
    expect(existsSync(fresh)).toBe(false);
  });

  it('when a flag is unknown or a value is wrong, then it exits 2 naming the problem and the valid options', () => {
    const unknown = preview(['secret-draft', '--dayz', '3']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim()).toBe('unknown option --dayz; valid options: --days, --lang, --help');
    expect(unknown.stdout).toBe('');
    for (const days of ['0', '91', '1.5', 'abc', '-3']) {
      const run = preview(['secret-draft', `--days=${days}`]);
      expect(run.status, days).toBe(2);
      expect(run.stderr.trim()).toBe(`--days ${days}: use a whole number of days from 1 to 90`);
    }
    expect(preview([]).status).toBe(2);
    expect(preview(['a', 'b']).status).toBe(2);
    expect(preview(['secret-draft', '--lang', '../x']).status).toBe(2);
  });

  it('when the article or the index is missing, then it exits 1 with one line saying what to do', () => {
    const missing = preview(['no-such-slug']);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe(
      'no article with the slug "no-such-slug": check the slug, or run npm run index if it is new',
    );
    expect(preview(['secret-draft', '--lang', 'fr']).status).toBe(1);
    const noDb = preview(['secret-draft'], { DB_PATH: join(site.dir, 'missing.db') });
    expect(noDb.status).toBe(1);
    expect(noDb.stderr).toMatch(
      /^not indexed yet: there is no database at .*missing\.db; run npm run index\n$/,
    );
    const outside = preview(['/etc/passwd.md']);
    expect(outside.status).toBe(1);
    expect(outside.stderr.trim().split('\n')).toHaveLength(1);
  });
});
