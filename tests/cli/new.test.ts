// `npm run new`: scaffolds valid article and course files with unique slugs, and refuses unknown names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode, tempDir, type TempDir } from '../helpers/process.js';

let tmp: TempDir;
let contentDir: string;
let env: Record<string, string>;
/** Today in UTC, as the command writes it; read beside the run, since the command has no clock to inject. */
const utcDay = () => new Date().toISOString().slice(0, 10);

const runNew = (...args: string[]) => runNode(join('cli', 'new.js'), args, env);
const created = (stdout: string) => /^created (.+)$/m.exec(stdout)?.[1] ?? '';

beforeAll(() => {
  tmp = tempDir('new');
  contentDir = tmp.copySample();
  env = { CONTENT_DIR: contentDir, SITE_URL: 'https://blog.example.com' };
});

afterAll(() => tmp?.remove());

describe('npm run new -- article', () => {
  it('writes an article with valid front matter (today, the first author) and prints its path and URL', async () => {
    const dayBefore = utcDay();
    const run = await runNew('article', 'Streaming: a gentle start', '--category', 'data-engineering');
    // Two days only when the run crosses midnight UTC.
    const days = new Set([dayBefore, utcDay()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const path = created(run.stdout);
    expect(path).toBe(join(contentDir, 'articles', 'data-engineering', 'streaming-a-gentle-start.md'));
    expect(run.stdout).toContain('url     https://blog.example.com/en/streaming-a-gentle-start');
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^---\ntitle: "Streaming: a gentle start"\nslug: streaming-a-gentle-start\n/);
    expect([...days]).toContain(/^date: (.*)$/m.exec(text)?.[1]);
    expect(text).toContain('category: data-engineering\n');
    expect(text).toContain('author: amara-okafor\n');
  });

  it('suffixes -2, -3… when the slug is taken in that language, and not across languages', async () => {
    const second = await runNew('article', 'Streaming: a gentle start', '--category', 'career-change');
    expect(created(second.stdout)).toMatch(/career-change\/streaming-a-gentle-start-2\.md$/);
    const third = await runNew('article', 'Streaming, a gentle start', '--category', 'data-engineering');
    expect(created(third.stdout)).toMatch(/streaming-a-gentle-start-3\.md$/);
    expect(readFileSync(created(third.stdout), 'utf8')).toContain('slug: streaming-a-gentle-start-3\n');
    // An existing article's slug (sql-joins-explained) counts as taken too.
    const taken = await runNew('article', 'SQL joins explained', '--category', 'data-engineering');
    expect(created(taken.stdout)).toMatch(/sql-joins-explained-2\.md$/);
    const fr = await runNew(
      'article',
      'Streaming: a gentle start',
      '--category',
      'data-engineering',
      '--lang',
      'fr',
    );
    expect(created(fr.stdout)).toBe(join(contentDir, 'articles', 'fr', 'streaming-a-gentle-start.md'));
    expect(fr.stdout).toContain('https://blog.example.com/fr/streaming-a-gentle-start');
    expect(readFileSync(created(fr.stdout), 'utf8')).toContain('lang: fr\n');
  });

  it('takes --author, --cta and --draft', async () => {
    const run = await runNew(
      'article',
      'Career notes',
      '--category=career-change',
      '--author',
      'priya-raman',
      '--cta',
      'data-analyst',
      '--draft',
    );
    expect(run.code).toBe(0);
    const text = readFileSync(created(run.stdout), 'utf8');
    expect(text).toContain('author: priya-raman\n');
    expect(text).toContain('cta: data-analyst\n');
    expect(text).toContain('draft: true\n');
    expect(run.stdout).toContain('draft');
    // Where to see the draft before it is published: the dev server, or a preview link for others.
    expect(run.stdout).toContain('npm run dev serves drafts at the url above');
    expect(run.stdout).toContain('npm run preview -- career-notes prints a link to share');
  });

  it('refuses an unknown category, author, language or course, listing the valid ones', async () => {
    const category = await runNew('article', 'Nope', '--category', 'data-enginering');
    expect(category.code).toBe(1);
    expect(category.stderr).toContain(
      'unknown category "data-enginering": use one of data-engineering, data-careers',
    );
    const author = await runNew('article', 'Nope', '--category', 'data-engineering', '--author', 'nobody');
    expect(author.stderr).toContain(
      'unknown author "nobody": use one of amara-okafor, lucas-bernard, priya-raman',
    );
    const lang = await runNew('article', 'Nope', '--category', 'data-engineering', '--lang', 'de');
    expect(lang.stderr).toContain('unknown language "de": use one of en, fr');
    const course = await runNew('article', 'Nope', '--category', 'data-engineering', '--cta', 'astronaut');
    expect(course.stderr).toMatch(/unknown course "astronaut": use one of .*data-ai\/data-engineer/);
    const missing = await runNew('article', 'Nope');
    expect(missing.stderr).toContain('--category is required');
    expect(missing.stderr).toContain('usage: npm run new');
  });
});

describe('npm run new -- course', () => {
  it('writes a course landing page under its area and prints its URL', async () => {
    const run = await runNew('course', 'Analytics Engineer', '--area', 'data-ai');
    expect(run.code).toBe(0);
    expect(created(run.stdout)).toBe(join(contentDir, 'courses', 'data-ai', 'analytics-engineer.md'));
    expect(run.stdout).toContain('https://blog.example.com/en/courses/data-ai/analytics-engineer');
    // Slugs stay unique across areas, so `cta: <slug>` is never ambiguous.
    const again = await runNew('course', 'Analytics engineer', '--area', 'software');
    expect(created(again.stdout)).toMatch(/courses\/software\/analytics-engineer-2\.md$/);
  });

  it('refuses an unknown area, listing the valid ones', async () => {
    const run = await runNew('course', 'Space school', '--area', 'space');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown area "space": use one of data-ai, software');
  });
});

describe('what npm run new writes', () => {
  it('passes npm run check without errors', async () => {
    const check = await runNode(join('cli', 'check.js'), [], env);
    const errors = check.stdout
      .split('\n')
      .filter((line) => /:\d+: /.test(line) && !/:\d+: (warning|note): /.test(line));
    expect(errors).toEqual([]);
    expect(check.code).toBe(0);
    // The draft is listed as a draft; the others are indexed.
    expect(check.stdout).toMatch(/career-notes\.md:\d+: note: draft/);
  });
});
