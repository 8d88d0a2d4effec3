import { chmodSync, chownSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexReport } from '../../src/indexer/index-content.js';
import { formatProblem, type ContentProblem } from '../../src/errors.js';
import { isRoot, runNode, tempDir, unprivileged } from '../helpers/process.js';
import { article, createTestSite, MINIMAL_FILES, type TestSite } from '../helpers/site.js';

const MAX_FILE_BYTES = 3_000_000;
// Generous enough that a small file renders in time on a busy machine; each pathological file below
// takes over 5 s on its own.
const RENDER_TIMEOUT_MS = 1_500;

const billionLaughs = (() => {
  const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'bcdefghij'.split('');
  names.forEach((name, i) =>
    rows.push(
      `${name}: &${name} [${Array(10)
        .fill(`*${i === 0 ? 'a' : names[i - 1]}`)
        .join(', ')}]`,
    ),
  );
  return `---\ntitle: Lols\ndate: 2024-01-10\ncategory: news\nauthor: ann\n${rows.join('\n')}\n---\nBody\n`;
})();

const FILES: Record<string, string> = {
  'articles/fine.md': article({ title: 'A fine article' }, 'Nothing odd here.\n'),
  'articles/huge.md': article({ title: 'Huge' }, `${'word '.repeat(MAX_FILE_BYTES / 5)}\n`),
  'articles/deep-quotes.md': article({ title: 'Deep quotes' }, `${'>'.repeat(100_000)} deep\n`),
  'articles/deep-lists.md': article({ title: 'Deep lists' }, `${'* '.repeat(9_000)}x\n`),
  // Each of these takes seconds to render (several times the budget), without any nesting.
  'articles/huge-table.md': article(
    { title: 'Huge table' },
    `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(150_000)}`,
  ),
  'articles/pathological-paragraph.md': article({ title: 'Pathological' }, `${'<a '.repeat(400_000)}\n`),
  'articles/lols.md': billionLaughs,
  'articles/toml.md': '+++\ntitle = "TOML"\ndate = 2024-01-10\n+++\nBody\n',
  'articles/json.md': '{"title": "JSON", "date": "2024-01-10"}\nBody\n',
  'articles/empty.md': '',
  'articles/crlf.md': `\uFEFF${article({ title: 'Windows file' }, 'First paragraph.\n\nA [broken link](/en/no-such-article) here.\n').replace(/\n/g, '\r\n')}`,
  'articles/old-mac.md': article({ title: 'Old Mac file' }, 'Lines end in CR.\n').replace(/\n/g, '\r'),
};

let site: TestSite;

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory())
    for (const name of readdirSync(path)) chownTree(join(path, name), uid, gid);
}

/**
 * Re-indexes and drops the page cache: the app looks for a new index generation at most every 100 ms,
 * and these tests ask for pages straight after indexing.
 */
async function reindex(): Promise<IndexReport> {
  const report = await site.reindex();
  site.folio.cache.clear();
  return report;
}
let outside: string;
let started: number;
let elapsed: number;
beforeAll(async () => {
  started = Date.now();
  site = await createTestSite({
    sample: false,
    files: FILES,
    env: { MAX_FILE_BYTES: String(MAX_FILE_BYTES), RENDER_TIMEOUT_MS: String(RENDER_TIMEOUT_MS) },
  });
  // Files that need more than text: binary, not UTF-8, a symlink out of content/.
  writeFileSync(
    join(site.contentDir, 'articles/picture.md'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  );
  writeFileSync(
    join(site.contentDir, 'articles/latin1.md'),
    Buffer.concat([Buffer.from(article({ title: 'Caf' })), Buffer.from([0xe9, 0x0a])]),
  );
  outside = join(site.dir, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.md'), article({ title: 'Secret from outside' }));
  symlinkSync(join(outside, 'secret.md'), join(site.contentDir, 'articles/escape.md'));
  symlinkSync(outside, join(site.contentDir, 'articles/escape-dir'));
  symlinkSync('.', join(site.contentDir, 'articles/again'));
  symlinkSync(join(site.contentDir, 'articles/gone.md'), join(site.contentDir, 'articles/dangling.md'));
  await reindex();
  elapsed = Date.now() - started;
});
afterAll(async () => site.close());

const problemsFor = (file: string): ContentProblem[] =>
  site.lastReport.problems.filter((p) => p.file === file);
const linesFor = (file: string): string[] => problemsFor(file).map(formatProblem);

describe('hostile files are reported, never fatal', () => {
  it('when hostile files sit beside a good one, then indexing finishes in seconds and the good ones are served', async () => {
    expect(elapsed).toBeLessThan(20_000);
    expect((await site.http.get('/en/fine')).status).toBe(200);
    expect((await site.http.get('/en/crlf')).status).toBe(200);
    expect((await site.http.get('/healthz')).status).toBe(200);
  });

  it('when a file is over MAX_FILE_BYTES, then it is refused as too large without being rendered', () => {
    expect(problemsFor('articles/huge.md')).toEqual([
      expect.objectContaining({ line: 1, code: 'file-too-large' }) as ContentProblem,
    ]);
    expect(linesFor('articles/huge.md')[0]).toMatch(
      /^articles\/huge\.md:1: the file is \d+ bytes, over the 3000000-byte limit \(split it into smaller articles or raise MAX_FILE_BYTES\)$/,
    );
  });

  it.each([
    'articles/deep-quotes.md',
    'articles/deep-lists.md',
    'articles/huge-table.md',
    'articles/pathological-paragraph.md',
  ])('when %s would take too long to render, then its rendering is cut off and reported', (file) => {
    const found = problemsFor(file);
    expect(found).toHaveLength(1);
    expect(['render-timeout', 'render-too-deep', 'render-crashed']).toContain(found[0]?.code);
    expect(linesFor(file)[0]).toMatch(
      new RegExp(
        `^${file.replace('.', '\\.')}:1: (rendering took longer than ${RENDER_TIMEOUT_MS} ms and was stopped|the Markdown is nested too deeply to render|rendering stopped)`,
      ),
    );
  });

  it('when the front matter is a YAML alias bomb, then it is refused', () => {
    expect(problemsFor('articles/lols.md')).toEqual([
      expect.objectContaining({ line: 2, code: 'yaml-aliases' }) as ContentProblem,
    ]);
  });

  it('when the front matter is TOML or JSON, then the message names the format and asks for YAML', () => {
    expect(linesFor('articles/toml.md')[0]).toMatch(
      /^articles\/toml\.md:1: the front matter is TOML \(between \+\+\+ lines\); Folio reads YAML front matter only/,
    );
    expect(linesFor('articles/json.md')[0]).toMatch(
      /^articles\/json\.md:1: the front matter is JSON; Folio reads YAML front matter only/,
    );
  });

  it('when a file is empty, binary or not UTF-8, then each says so', () => {
    expect(linesFor('articles/empty.md')).toEqual([
      'articles/empty.md:1: the file is empty (start with a front matter block between two --- lines)',
    ]);
    expect(linesFor('articles/picture.md')).toEqual([
      'articles/picture.md:1: the file is binary, not text (content files must be UTF-8 Markdown or YAML; move images to public/)',
    ]);
    expect(linesFor('articles/latin1.md')).toEqual([
      'articles/latin1.md:1: the file is not valid UTF-8 text (save it as UTF-8 in your editor)',
    ]);
  });

  it('when a file cannot be read, then it is reported with its error code (as root, checked as nobody)', async () => {
    // Root reads a chmod 000 file anyway, so under root (as in CI) the check runs as `nobody`.
    const user = unprivileged();
    if (isRoot) expect(user, 'setpriv is needed to drop root for this test').not.toBeNull();
    const tmp = tempDir('unreadable');
    try {
      const contentDir = join(tmp.dir, 'content');
      mkdirSync(join(contentDir, 'articles'), { recursive: true });
      for (const [name, text] of Object.entries(MINIMAL_FILES)) writeFileSync(join(contentDir, name), text);
      writeFileSync(join(contentDir, 'articles/fine.md'), article({ title: 'Readable' }));
      writeFileSync(join(contentDir, 'articles/locked.md'), article({ title: 'Locked' }));
      chmodSync(join(contentDir, 'articles/locked.md'), 0o000);
      if (user) chownTree(tmp.dir, user.uid, user.gid);
      const run = await runNode(
        join('cli', 'check.js'),
        ['--json'],
        { CONTENT_DIR: contentDir },
        {
          prefix: user?.prefix ?? [],
        },
      );
      const report = JSON.parse(run.stdout) as { articles: number; problems: ContentProblem[] };
      expect(report.articles).toBe(1);
      expect(
        report.problems
          .filter((p) => p.severity === 'error')
          .map((p) => [p.file.replace(/^.*content\//, ''), p.line, p.message, p.hint]),
      ).toEqual([
        [
          'articles/locked.md',
          1,
          'the file cannot be read (EACCES)',
          'check its permissions; the last good version stays published',
        ],
      ]);
    } finally {
      tmp.remove();
    }
  });

  it('when a file has a BOM and CRLF (or CR) line ends, then it is indexed and problems name the right lines', async () => {
    expect(linesFor('articles/crlf.md')).toEqual([
      'articles/crlf.md:9: link to /en/no-such-article: no article has that slug (check the slug of the article you meant)',
    ]);
    expect((await site.http.get('/en/crlf')).text).toContain('<h1>Windows file</h1>');
    expect((await site.http.get('/en/old-mac')).text).toContain('<h1>Old Mac file</h1>');
  });

  it('when a symlink leads outside content/, then it is not followed and is reported', async () => {
    expect(linesFor('articles/escape.md')).toEqual([
      'articles/escape.md:1: this symbolic link leads outside content/ and is not followed (copy the file into content/ instead)',
    ]);
    expect((await site.http.get('/en/escape')).status).toBe(404);
    expect((await site.http.get('/en/secret')).status).toBe(404);
    expect(site.db.prepare("SELECT count(*) FROM articles WHERE title LIKE 'Secret%'").pluck().get()).toBe(0);
  });

  it('when a symlinked folder leads outside content/, then it is reported too', () => {
    expect(linesFor('articles/escape-dir')).toEqual([
      'articles/escape-dir:1: this symbolic link leads outside content/ and is not followed (copy the file into content/ instead)',
    ]);
  });

  it('when a symlink leads back up the tree, then it is not followed, so no article is read twice', () => {
    expect(linesFor('articles/again')).toEqual([
      'articles/again:1: this symbolic link leads back to a folder that contains it and is not followed (remove the link)',
    ]);
    expect(site.lastReport.problems.filter((p) => p.code === 'duplicate-slug')).toEqual([]);
    expect(site.lastReport.problems.filter((p) => p.file.startsWith('articles/again/'))).toEqual([]);
  });

  it('when a symlink points to nothing, then it is reported', () => {
    expect(linesFor('articles/dangling.md')).toEqual([
      'articles/dangling.md:1: this symbolic link points to nothing (fix or remove the link)',
    ]);
  });

  it('when the run is repeated, then the same problems are reported and nothing is rendered again', async () => {
    const before = site.lastReport.problems.map(formatProblem).sort();
    const again = await reindex();
    expect(again.problems.map(formatProblem).sort()).toEqual(before);
    expect(again.rendered).toBe(0);
  });
});
