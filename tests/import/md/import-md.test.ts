import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/paths.js';
import { MINIMAL_FILES } from '../../helpers/site.js';

const FIXTURES = join(projectRoot, 'tests', 'fixtures', 'import-md');
let dir: string;
let contentDir: string;
let publicDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-import-md-'));
  contentDir = join(dir, 'content');
  publicDir = join(dir, 'public');
  mkdirSync(contentDir);
  for (const [name, text] of Object.entries(MINIMAL_FILES)) writeFileSync(join(contentDir, name), text);
  return () => rmSync(dir, { recursive: true, force: true });
});

function run(script: string, args: string[]) {
  const r = spawnSync(process.execPath, [join(projectRoot, 'dist', 'cli', script), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, CONTENT_DIR: contentDir, DB_PATH: ':memory:', LOG_LEVEL: 'silent' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const importMd = (...args: string[]) => run('import-md.js', [...args, '--public-dir', publicDir]);
const article = (name: string) => readFileSync(join(contentDir, 'articles', 'imported', name), 'utf8');
const media = (month: string) => readdirSync(join(publicDir, 'media', ...month.split('/'))).sort();

function expectCheckPasses() {
  const check = run('check.js', []);
  expect(check.stdout).toMatch(/ 0 errors/);
  expect(check.status).toBe(0);
}

describe('npm run import:md, one example site per dialect', () => {
  it('Hugo: TOML and YAML front matter, page bundle images, youtube/vimeo/figure/highlight; a broken file is skipped with its line', () => {
    const r = importMd(join(FIXTURES, 'hugo'));
    const frost = article('first-frost.md');
    expect(frost).toContain('date: 2024-11-18T07:45:00.000+01:00');
    expect(frost).toContain('updated: 2024-11-20');
    expect(frost).toMatch(/category: gardening\ntags:\n {2}- frost\n {2}- vegetables\n {2}- seasons/);
    expect(frost).toContain('excerpt: The leeks shrugged off the cold night, the courgettes did not.');
    expect(frost).not.toContain('<!--more-->');
    expect(frost).toContain('<iframe src="https://www.youtube-nocookie.com/embed/a1B2c3D4e5F"');
    expect(frost).toContain('```python\ndef water(minutes):\n    return minutes * 2\n```');
    expect(frost).toContain('{{< tweet user="gardener" id="1234" >}}');
    expect(r.stdout).toContain(
      'content/posts/first-frost.md:26: Hugo shortcode "tweet" has no Folio equivalent; kept as text',
    );
    const walk = article('river-walk.md');
    expect(walk).toContain('image: /media/2024/06/cover.png\nimage_alt: The river bend in morning light');
    expect(walk).toContain('![A grey heron on a rock](/media/2024/06/heron.png)\n\n_The heron at the weir_');
    expect(walk).toContain('![Heron again](/media/2024/06/heron.png)');
    expect(walk).toContain('<iframe src="https://player.vimeo.com/video/76979871"');
    expect(media('2024/06')).toEqual(['cover.png', 'heron.png']);
    expect(existsSync(join(contentDir, 'articles', 'imported', 'broken.md'))).toBe(false);
    expect(existsSync(join(contentDir, 'articles', 'imported', 'posts.md'))).toBe(false);
    expect(r.stdout).toMatch(
      /content\/posts\/broken\.md:2: front matter is not valid TOML: .*; file skipped/,
    );
    expect(r.status).toBe(1);
    expectCheckPasses();
  });

  it('Jekyll: dates from _posts file names, categories list and string, Liquid highlight and raw, drafts', () => {
    const r = importMd(join(FIXTURES, 'jekyll'), '--author', 'ann');
    expect(r.status).toBe(0);
    const notes = article('sourdough-notes.md');
    expect(notes).toContain('date: 2023-11-04');
    expect(notes).toMatch(
      /category: baking\ntags:\n {2}- starter\n {2}- hydration\n {2}- bread\nauthor: ann/,
    );
    expect(notes).not.toContain('layout');
    expect(notes).toContain('![The finished loaf](/media/2023/11/loaf.png)');
    expect(notes).toContain('```ruby\ndef hydration(flour, water)');
    expect(notes).toContain('Templates write {{ page.title }} literally here.');
    expect(notes).not.toContain('{% raw %}');
    expect(r.stdout).toContain(
      '_posts/2023-11-04-sourdough-notes.md:22: Liquid tag "include" has no Folio equivalent; kept as text',
    );
    const winter = article('winter-loaf.md');
    expect(winter).toContain('date: 2023-12-01T09:30:00+0100');
    expect(winter).toContain('excerpt: Darker crust, longer proof.');
    expect(winter).toContain('draft: true');
    expect(article('rye-experiments.md')).toContain('draft: true');
    expect(readFileSync(join(contentDir, 'categories.yml'), 'utf8')).toContain(
      '- slug: baking\n  name: Baking',
    );
    expectCheckPasses();
  });

  it('Eleventy: description, permalink as an alias, the leading heading that repeats the title, the "post" collection tag', () => {
    expect(importMd(join(FIXTURES, 'eleventy'), '--category', 'guides').status).toBe(0);
    const text = article('bike-commute.md');
    expect(text).toContain('excerpt: Twelve kilometres, two hills and one reliable coffee stop.');
    expect(text).toContain('aliases:\n  - /blog/bike-commute');
    expect(text).toContain('category: guides');
    expect(text).toMatch(/tags:\n {2}- cycling\n/);
    expect(text).not.toContain('# My bike commute');
    expect(text).toContain('![The route on a map](/media/2022/09/commute.png)');
    expectCheckPasses();
  });

  it('Astro: pubDate, updatedDate, description, heroImage from public/', () => {
    expect(importMd(join(FIXTURES, 'astro')).status).toBe(0);
    const text = article('tide-tables.md');
    expect(text).toContain('date: 2022-07-08T00:00:00.000Z');
    expect(text).toContain('updated: 2022-07-10T00:00:00.000Z');
    expect(text).toContain('excerpt: How to tell when the causeway is safe to cross.');
    expect(text).toContain('image: /media/2022/07/tide-hero.png\nimage_alt: Reading tide tables');
    expect(media('2022/07')).toEqual(['tide-hero.png']);
    expectCheckPasses();
  });

  it('Docusaurus: authors list and string, <!--truncate-->, .mdx imports/exports/JSX removed and reported, admonitions', () => {
    const r = importMd(join(FIXTURES, 'docusaurus'));
    expect(r.status).toBe(0);
    const notes = article('release-notes.md');
    expect(notes).toContain('author: ada');
    expect(notes).toContain('excerpt: This month brings faster builds.');
    for (const gone of ['import ', 'export ', '<Tabs', '<TabItem', '</Tabs>', '{/*', '<Highlight', ':::'])
      expect(notes).not.toContain(gone);
    expect(notes).toContain('> **Tip: Upgrade first**\n>\n> Run the upgrade before anything else.');
    expect(notes).toContain('Install with npm.');
    expect(notes).toContain('Important text stays.');
    const where = 'blog/2024-02-10-release-notes.mdx';
    expect(r.stdout).toContain(
      `${where}:10: removed MDX import (never run): import Tabs from '@theme/Tabs';`,
    );
    expect(r.stdout).toContain(`${where}:21: removed JSX component <Tabs>`);
    expect(r.stdout).toContain(
      `${where}:33: removed MDX export (never run): export const meta = { reviewed: true };`,
    );
    expect(r.stdout).toContain('co-author(s) Grace Hopper dropped');
    const welcome = article('welcome-aboard.md');
    expect(welcome).toContain('date: 2024-03-01');
    expect(welcome).toContain('> **Note**\n>\n> The old forum stays open until summer.');
    expect(welcome).toContain('![Our banner](/media/2024/03/banner.png)');
    expect(readFileSync(join(contentDir, 'authors.yml'), 'utf8')).toContain('- slug: ada\n  name: Ada');
    expectCheckPasses();
  });

  it('Gatsby: date, description and a path-shaped frontmatter slug', () => {
    expect(importMd(join(FIXTURES, 'gatsby'), '--author', 'ann').status).toBe(0);
    const text = article('hello-gatsby-world.md');
    expect(text).toContain('slug: hello-gatsby-world');
    expect(text).toContain('date: 2021-05-03T22:12:03.284Z');
    expect(text).toContain('![A bowl of soup](/media/2021/05/soup.jpg)');
    expectCheckPasses();
  });
});

describe('npm run import:md safety', () => {
  it('when an article with the same slug exists, then it is not overwritten and the report says so', () => {
    const mine =
      '---\ntitle: Mine\nslug: tide-tables\ndate: 2020-01-01\ncategory: news\nauthor: ann\n---\n\nMy own text.\n';
    mkdirSync(join(contentDir, 'articles'), { recursive: true });
    writeFileSync(join(contentDir, 'articles', 'tides.md'), mine);
    const r = importMd(join(FIXTURES, 'astro'));
    expect(readFileSync(join(contentDir, 'articles', 'tides.md'), 'utf8')).toBe(mine);
    expect(existsSync(join(contentDir, 'articles', 'imported', 'tide-tables.md'))).toBe(false);
    expect(r.stdout).toContain(
      'src/content/blog/tide-tables.md: /en/tide-tables already exists (articles/tides.md); nothing was overwritten',
    );
  });

  it('with --dry-run, then nothing is written and the report says what would be', () => {
    const before = readFileSync(join(contentDir, 'categories.yml'), 'utf8');
    const r = importMd(join(FIXTURES, 'hugo'), '--dry-run');
    expect(r.stdout).toContain('Imported 2 articles (dry run): 2 would be written');
    expect(r.stdout).toContain('Dry run: nothing was written');
    expect(existsSync(join(contentDir, 'articles'))).toBe(false);
    expect(existsSync(publicDir)).toBe(false);
    expect(readFileSync(join(contentDir, 'categories.yml'), 'utf8')).toBe(before);
  });

  it('when an image reference leads outside the imported folder, then it is not copied and is reported', () => {
    const site = join(dir, 'site');
    mkdirSync(site);
    writeFileSync(join(dir, 'outside.png'), readFileSync(join(FIXTURES, 'eleventy', 'posts', 'commute.png')));
    writeFileSync(join(site, '2024-01-01-escape.md'), '---\ntitle: Escape\n---\n\n![x](../outside.png)\n');
    const r = importMd(site);
    expect(article('escape.md')).toContain('![x](../outside.png)');
    expect(r.stdout).toContain(
      '2024-01-01-escape.md:5: image ../outside.png kept as written: it is outside the folder being imported',
    );
    expect(existsSync(publicDir)).toBe(false);
  });

  it('--help prints usage and does nothing; an unknown flag exits 2 naming it and the valid ones', () => {
    const help = importMd('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: npm run import:md');
    const bad = importMd(join(FIXTURES, 'astro'), '--categroy', 'x');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--categroy');
    expect(bad.stderr).toContain('--category');
    expect(existsSync(join(contentDir, 'articles'))).toBe(false);
    const missing = importMd(join(dir, 'nowhere'));
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});
