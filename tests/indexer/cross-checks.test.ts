import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import type { IndexReport } from '../../src/indexer/index-content.js';
import { createTestSite, type TestSite } from '../helpers/site.js';

const COURSE = `---
title: Data Engineer
summary: Build pipelines.
duration: 14 weeks
formats:
  - name: Full-time
    duration: 14 weeks
    rhythm: Weekdays
modules:
  - title: SQL
    description: Joins and models.
---
The course.
`;

/** An article whose front matter lines are fixed: title 2, date 3, category 4, author 5, then `extra` from line 6. */
function art(
  extra: string[] = [],
  body = 'Body.\n',
  base: Partial<Record<'title' | 'category' | 'author' | 'date', string>> = {},
): string {
  const b = { title: 'An article', date: '2024-01-10', category: 'news', author: 'ann', ...base };
  return `---\ntitle: ${b.title}\ndate: ${b.date}\ncategory: ${b.category}\nauthor: ${b.author}\n${extra.map((l) => `${l}\n`).join('')}---\n${body}`;
}

const NOW = Date.parse('2025-06-01T00:00:00Z');

function lines(report: IndexReport): string[] {
  return report.problems.map(formatProblem).sort();
}

let site: TestSite;

/**
 * Re-indexes and drops the page cache: the app looks for a new index generation at most every 100 ms,
 * and these tests ask for pages straight after indexing.
 */
async function reindex(): Promise<IndexReport> {
  const report = await site.reindex();
  site.folio.cache.clear();
  return report;
}
beforeAll(async () => {
  site = await createTestSite({
    sample: false,
    now: () => NOW,
    files: {
      'courses/data-ai/_area.yml': 'name: Data & AI\n',
      'courses/data-ai/data-engineer.md': COURSE,
      'articles/sql-joins-explained.md': art(['aliases: [/old/sql-joins]'], 'Joins.\n', {
        title: 'SQL joins',
      }),
      'articles/good.md': art(
        ['cta: data-engineer', 'related: [sql-joins-explained]'],
        'See [joins](/en/sql-joins-explained).\n\n::cta[Go]{course=data-ai/data-engineer}\n',
      ),
    },
  });
});
afterAll(async () => site.close());

/** Files a test adds; they are removed (and the site re-indexed) after it, pass or fail. */
let added: string[] = [];
function add(files: Record<string, string>): void {
  added.push(...Object.keys(files));
  site.write(files);
}
afterEach(async () => {
  site.write(Object.fromEntries(added.map((f) => [f, null])));
  added = [];
  await reindex();
});

describe('references to other files', () => {
  it('when everything resolves, then there is no problem', () => {
    expect(lines(site.lastReport)).toEqual([]);
  });

  it('when the category is unknown, then the error is on the category line and suggests the closest one', async () => {
    add({ 'articles/bad-category.md': art([], 'Body.\n', { category: 'guide' }) });
    const report = await reindex();
    expect(lines(report)).toEqual([
      'articles/bad-category.md:4: category "guide" is not in categories.yml (did you mean "guides"?)',
    ]);
    expect((await site.http.get('/en/bad-category')).status).toBe(404);
  });

  it('when the author is unknown, then the error is on the author line and suggests the closest one', async () => {
    add({ 'articles/bad-author.md': art([], 'Body.\n', { author: 'anne' }) });
    expect(lines(await reindex())).toEqual([
      'articles/bad-author.md:5: author "anne" is not in authors.yml (did you mean "ann"?)',
    ]);
  });

  it('when cta or ::cta names an unknown course, then each error is on its own line with a suggestion', async () => {
    add({
      'articles/bad-cta.md': art(['cta: data-enginer'], 'Intro.\n\n::cta[Go]{course=data-ai/data-engneer}\n'),
    });
    expect(lines(await reindex())).toEqual([
      'articles/bad-cta.md:10: ::cta course "data-ai/data-engneer" is not a known course (did you mean "data-ai/data-engineer"?)',
      'articles/bad-cta.md:6: cta "data-enginer" is not a known course (did you mean "data-engineer"?)',
    ]);
    // The README: an unknown CTA course does not hold the article back.
    const page = await site.http.get('/en/bad-cta');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>An article</h1>');
  });

  it('when related names an unknown slug, then the error is on the related line', async () => {
    add({ 'articles/bad-related.md': art(['related: [sql-joins-explaned]']) });
    expect(lines(await reindex())).toEqual([
      'articles/bad-related.md:6: related article "sql-joins-explaned" does not exist in language en (did you mean "sql-joins-explained"?)',
    ]);
    // The README: an unknown related slug does not hold the article back.
    const page = await site.http.get('/en/bad-related');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>An article</h1>');
  });

  it('when an internal link is broken, then the error names the file line and the closest slug', async () => {
    add({
      'articles/bad-link.md': art(
        [],
        'Intro.\n\nRead [the joins guide](/en/sql-join-explained)\nand [a course](/en/courses/data-ai/data-enginer).\n',
      ),
    });
    expect(lines(await reindex())).toEqual([
      'articles/bad-link.md:10: link to /en/courses/data-ai/data-enginer: no such course (did you mean /en/courses/data-ai/data-engineer?)',
      'articles/bad-link.md:9: link to /en/sql-join-explained: no article has that slug (did you mean /en/sql-joins-explained?)',
    ]);
  });

  it('when an alias is a real page or claimed twice, then each collision is reported on the aliases line', async () => {
    add({
      'articles/alias-real.md': art(['aliases: [/en/good, /en/category/news, /healthz]']),
      'articles/alias-twice.md': art(['aliases: [/old/sql-joins]']),
    });
    expect(lines(await reindex())).toEqual([
      'articles/alias-real.md:6: alias /en/category/news is a real page of the site and cannot redirect (remove it from aliases)',
      'articles/alias-real.md:6: alias /en/good is a real page of the site and cannot redirect (remove it from aliases)',
      'articles/alias-real.md:6: alias /healthz is a real page of the site and cannot redirect (remove it from aliases)',
      'articles/alias-twice.md:6: alias /old/sql-joins is already claimed by articles/sql-joins-explained.md (keep it in one article only)',
    ]);
  });

  it('when a newer article claims an existing alias, then the alias keeps redirecting to the older one, run after run', async () => {
    add({ 'articles/alias-twice.md': art(['aliases: [/old/sql-joins]']) });
    for (let run = 0; run < 2; run++) {
      const report = await reindex();
      expect(lines(report)).toEqual([
        'articles/alias-twice.md:6: alias /old/sql-joins is already claimed by articles/sql-joins-explained.md (keep it in one article only)',
      ]);
      const res = await site.http.get('/old/sql-joins');
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe('/en/sql-joins-explained');
    }
  });

  it('when an alias is free, then it answers 301 to the article, whatever its number of segments', async () => {
    add({ 'articles/renamed.md': art(['aliases: [/en/old-name, /2019/05/old-name/, /legacy]']) });
    expect(lines(await reindex())).toEqual([]);
    for (const path of ['/old/sql-joins', '/en/old-name', '/2019/05/old-name', '/legacy']) {
      const res = await site.http.get(path);
      expect([path, res.status]).toEqual([path, 301]);
      expect(res.headers.location).toBe(
        path === '/old/sql-joins' ? '/en/sql-joins-explained' : '/en/renamed',
      );
    }
  });
});

describe('unique slugs per language', () => {
  it('when a second file takes a published slug, then it is an error for the second and the first stays', async () => {
    add({ 'articles/zz-copy.md': art(['slug: good'], 'A copy.\n', { title: 'Impostor' }) });
    expect(lines(await reindex())).toEqual([
      'articles/zz-copy.md:6: the slug "good" is already used by articles/good.md (give this article another slug: key)',
    ]);
    const page = await site.http.get('/en/good');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>An article</h1>');
    expect(page.text).not.toContain('Impostor');
  });

  it('when the same slug is used in another language, then both are published', async () => {
    add({ 'articles/zz-copy.md': art(['slug: good', 'lang: fr'], 'Une copie.\n', { title: 'En français' }) });
    expect(lines(await reindex())).toEqual([]);
    expect((await site.http.get('/fr/good')).text).toContain('En français');
    expect((await site.http.get('/en/good')).status).toBe(200);
  });
});

describe('drafts and scheduled articles', () => {
  it('when an article is a draft or dated in the future, then it is a note, not an error, and not served', async () => {
    add({
      'articles/a-draft.md': art(['draft: true'], 'Draft.\n', { title: 'Work in progress' }),
      'articles/later.md': art([], 'Later.\n', { title: 'Coming soon', date: '2025-07-01T09:00:00Z' }),
    });
    const report = await reindex();
    expect(lines(report)).toEqual([
      'articles/a-draft.md:6: note: draft: "Work in progress" is not published',
      'articles/later.md:3: note: scheduled: "Coming soon" goes live on 2025-07-01T09:00:00.000Z',
    ]);
    expect((await site.http.get('/en/a-draft')).status).toBe(404);
    expect((await site.http.get('/en/later')).status).toBe(404);
  });

  it('when a published article links to a draft, then it is a warning naming the link line', async () => {
    add({
      'articles/a-draft.md': art(['draft: true'], 'Draft.\n', { title: 'Work in progress' }),
      'articles/points-at-draft.md': art([], 'Intro.\n\nSee [the draft](/en/a-draft).\n'),
    });
    const report = await reindex();
    expect(lines(report)).toContain(
      'articles/points-at-draft.md:9: warning: link to /en/a-draft, which is a draft (readers get a 404 until it is published)',
    );
  });
});
