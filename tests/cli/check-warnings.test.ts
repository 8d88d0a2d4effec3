// `npm run check` warnings: content that works but costs readers or search traffic. Warnings exit 0.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode, tempDir, type TempDir } from '../helpers/process.js';
import { MINIMAL_FILES, article } from '../helpers/site.js';

let tmp: TempDir;
let env: Record<string, string>;

const COURSE = [
  '---',
  'title: Data Engineer',
  'summary: Pipelines.',
  'duration: 12 weeks',
  'formats:',
  '  - { name: Full-time, duration: 12 weeks, rhythm: Weekdays }',
  'modules:',
  '  - { title: One, description: The first module. }',
  '---',
  'Course body.',
  '',
].join('\n');

const LONG_TITLE = 'A very long title that keeps going well past what a search result can show';
const LONG_EXCERPT = 'An excerpt that is far too long. '.repeat(6).trim();

function site(files: Record<string, string>): string {
  const contentDir = join(tmp.dir, `c${Math.random().toString(36).slice(2)}`);
  for (const [name, text] of Object.entries({ ...MINIMAL_FILES, ...files })) {
    mkdirSync(dirname(join(contentDir, name)), { recursive: true });
    writeFileSync(join(contentDir, name), text);
  }
  return contentDir;
}

beforeAll(() => {
  tmp = tempDir('warnings');
  const contentDir = site({
    'courses/data-ai/_area.yml': 'name: Data & AI\n',
    'courses/data-ai/data-engineer.md': COURSE,
    // Linked from hub and has a CTA: no warning at all.
    'articles/good.md': article(
      { title: 'A good article', slug: 'good', cta: 'data-engineer' },
      'See [the hub](/en/hub).\n',
    ),
    'articles/hub.md': article(
      { title: 'The hub', slug: 'hub', cta: 'data-engineer' },
      'Read [the good one](/en/good), [the long one](/en/long) and [the twin](/en/twin-b) and [the old path](/old/twin-a).\n\n![Chart](/img/missing-chart.png)\n\n![Logo](/favicon.svg)\n',
    ),
    'articles/orphan.md': article(
      { title: 'Nobody links here', slug: 'orphan' },
      'Alone.\n\n::cta[Learn more]{course=data-engineer}\n',
    ),
    'articles/long.md': article({
      title: LONG_TITLE,
      slug: 'long',
      excerpt: LONG_EXCERPT,
      cta: 'data-engineer',
    }),
    'articles/twin-a.md': article({
      title: 'Twin title',
      slug: 'twin-a',
      cta: 'data-engineer',
      image: '/img/nowhere.jpg',
      image_alt: 'Nothing',
      aliases: ['/old/twin-a', '/older/twin-a/'],
      related: ['twin-b'],
    }),
    'articles/twin-b.md': article({
      title: 'twin  Title',
      slug: 'twin-b',
      cta: 'data-engineer',
      related: ['twin-a'],
    }),
    'articles/draft.md': article({ title: 'A draft nobody links to', slug: 'draft', draft: true }),
  });
  env = { CONTENT_DIR: contentDir };
});

afterAll(() => tmp?.remove());

describe('npm run check: warnings', () => {
  it('lists each kind of warning as file:line: warning: message, with a summary line, and exits 0', async () => {
    const run = await runNode(join('cli', 'check.js'), [], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const warnings = lines
      .filter((l) => l.includes(': warning: '))
      .map((l) => l.replace(/^.*\/articles\//, ''));
    expect(warnings).toEqual([
      'hub.md:9: warning: link to /old/twin-a goes through a redirect (an alias of articles/twin-a.md) (link to /en/twin-a directly)',
      'hub.md:11: warning: image /img/missing-chart.png is not a file under public/ (add public/img/missing-chart.png or fix the path)',
      'long.md:2: warning: the title is 74 characters; search results show about 60 (shorten it, or put the words readers search for first)',
      'long.md:7: warning: the description (excerpt) is 197 characters; search results show about 160 (shorten the excerpt)',
      'orphan.md:1: warning: no other article links to "Nobody links here": readers reach it only through listings and search (link to it from a related article, or list its slug under related: in one)',
      'twin-a.md:8: warning: image /img/nowhere.jpg is not a file under public/ (add public/img/nowhere.jpg or fix the path)',
      'twin-a.md:10: warning: alias /older/twin-a/ is first redirected to /older/twin-a, which is not an alias: readers end on a 404 (write the alias as /older/twin-a)',
      'twin-b.md:2: warning: the title "twin  Title" is also used by articles/twin-a.md (give each article its own title, so search results and tabs tell them apart)',
    ]);
    expect(lines.at(-1)).toBe('7 articles checked: 0 errors, 8 warnings, 1 notes');
  });

  it('flags an article with no call to action, and an alias that needs two redirects', async () => {
    const contentDir = site({
      'articles/a.md': article(
        { title: 'Alpha', slug: 'a', aliases: ['/old-a', '/old-a/'] },
        'To [b](/en/b).\n',
      ),
      'articles/b.md': article(
        { title: 'Beta', slug: 'b', aliases: ['/blog//beta', '/blog/alpha'] },
        'To [a](/en/a).\n',
      ),
      'articles/c.md': article({ title: 'Gamma', slug: 'c', aliases: ['/blog//alpha'] }, 'To [a](/en/a).\n'),
    });
    const run = await runNode(join('cli', 'check.js'), [], { CONTENT_DIR: contentDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/articles\/a\.md:1: warning: "Alpha" has no call to action/);
    expect(run.stdout).toMatch(/articles\/b\.md:1: warning: "Beta" has no call to action/);
    expect(run.stdout).toContain(
      'articles/a.md:7: warning: alias /old-a/ is first redirected to /old-a, an alias of this article: two redirects instead of one (write the alias as /old-a)',
    );
    expect(run.stdout).toContain(
      'articles/c.md:7: warning: alias /blog//alpha is first redirected to /blog/alpha, an alias of articles/b.md: two redirects instead of one',
    );
    expect(run.stdout).toContain(
      'articles/b.md:7: warning: alias /blog//beta is first redirected to /blog/beta, which is not an alias',
    );
  });

  it('--json prints the same problems for tools, with counts and the summary', async () => {
    const run = await runNode(join('cli', 'check.js'), ['--json'], env);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      errors: number;
      warnings: number;
      notes: number;
      summary: string;
      problems: { file: string; line: number; code: string; severity: string; message: string }[];
    };
    expect(report).toMatchObject({ ok: true, errors: 0, warnings: 8, notes: 1 });
    expect(report.summary).toBe('7 articles checked: 0 errors, 8 warnings, 1 notes');
    expect(new Set(report.problems.filter((p) => p.severity === 'warning').map((p) => p.code))).toEqual(
      new Set([
        'missing-image',
        'alias-chain',
        'title-too-long',
        'description-too-long',
        'orphan-article',
        'duplicate-title',
      ]),
    );
    const orphan = report.problems.find((p) => p.code === 'orphan-article');
    expect(orphan?.file).toMatch(/\/articles\/orphan\.md$/);
    expect(orphan?.line).toBe(1);
  });

  it('errors still exit 1, with warnings beside them', async () => {
    const contentDir = site({
      'articles/a.md': article({ title: 'Alpha', slug: 'a', category: 'nope' }),
      'articles/b.md': article({ title: 'Beta', slug: 'b' }),
    });
    const run = await runNode(join('cli', 'check.js'), [], { CONTENT_DIR: contentDir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/articles\/a\.md:4: category "nope" is not in categories\.yml/);
    expect(run.stdout).toMatch(/: warning: "Beta" has no call to action/);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('1 articles checked: 1 errors, 1 warnings, 0 notes');
  });
});
