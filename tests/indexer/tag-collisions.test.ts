// Tags whose slugs collide or come out empty are reported as file:line warnings (never silently merged or
// dropped), and an index written by an older Folio gets its tag slugs derived again without edits.
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentProblem } from '../../src/errors.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

let site: TestSite | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

const byCode = (problems: readonly ContentProblem[], code: string) => problems.filter((p) => p.code === code);
// article() writes title, date, category and author first: `tags:` is on line 6.
const TAGS_LINE = 6;

describe('tag collisions', () => {
  it('when two files use different tags with the same slug, then a warning names both tags and both files at the tags line', async () => {
    site = await createTestSite({
      sample: false,
      files: {
        'articles/a-node.md': article({ title: 'A', tags: ['Node.js'] }),
        'articles/b-node.md': article({ title: 'B', tags: ['node js', 'Other'] }),
      },
    });
    const [warning, ...more] = byCode(site.lastReport.problems, 'tag-collision');
    expect(more).toEqual([]);
    expect(warning).toMatchObject({ file: 'articles/b-node.md', line: TAGS_LINE, severity: 'warning' });
    expect(warning?.message).toContain('"node js"');
    expect(warning?.message).toContain('"Node.js"');
    expect(warning?.message).toContain('articles/a-node.md');
    expect(warning?.message).toContain('/en/tag/node-js');
    // A warning, not an error: both articles stay published, on one tag page.
    const page = await site.http.get('/en/tag/node-js');
    expect(page.status).toBe(200);
    expect(page.text).toContain('>A</a>');
    expect(page.text).toContain('>B</a>');
  });

  it('when an unrelated file changes later, then the collision between the unchanged files is still reported', async () => {
    site = await createTestSite({
      sample: false,
      files: {
        'articles/a-node.md': article({ title: 'A', tags: ['Node.js'] }),
        'articles/b-node.md': article({ title: 'B', tags: ['node js'] }),
      },
    });
    site.write({ 'articles/c.md': article({ title: 'C', tags: ['Else'] }) });
    const report = await site.reindex();
    expect(report.rendered).toBe(1);
    expect(byCode(report.problems, 'tag-collision').map((p) => p.file)).toEqual(['articles/b-node.md']);
  });

  it('when tags differ only in case or spacing, then they are one tag: only the real collision is reported', async () => {
    site = await createTestSite({
      sample: false,
      files: {
        'articles/a.md': article({ title: 'A', tags: ['JavaScript', 'Node.js'] }),
        'articles/b.md': article({ title: 'B', tags: ['javascript', 'node js', 'Node  JS'] }),
      },
    });
    const warnings = byCode(site.lastReport.problems, 'tag-collision');
    expect(warnings.map((p) => p.message.split(' has ')[0])).toEqual(['tag "node js"']);
  });

  it('when C, C#, C++, F# and .NET are used, then nothing collides and each has its own page', async () => {
    site = await createTestSite({
      sample: false,
      files: { 'articles/a.md': article({ title: 'A', tags: ['C', 'C#', 'C++', 'F#', '.NET'] }) },
    });
    expect(byCode(site.lastReport.problems, 'tag-collision')).toEqual([]);
    for (const slug of ['c', 'c-sharp', 'c-plus-plus', 'f-sharp', 'net'])
      expect((await site.http.get(`/en/tag/${slug}`)).status, slug).toBe(200);
  });

  it('when a tag has no letter or digit, then it is reported with its file and line instead of vanishing', async () => {
    site = await createTestSite({
      sample: false,
      files: { 'articles/a.md': article({ title: 'A', tags: ['!!!', 'Привет'] }) },
    });
    const [warning, ...more] = byCode(site.lastReport.problems, 'tag-without-slug');
    expect(more).toEqual([]);
    expect(warning).toMatchObject({ file: 'articles/a.md', line: TAGS_LINE, severity: 'warning' });
    expect(warning?.message).toContain('"!!!"');
    // The Cyrillic tag is not reported: it has a page.
    expect((await site.http.get('/en/tag/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82')).status).toBe(200);
  });
});

describe('an index written by an older Folio', () => {
  it('when the rendering code changed since, then unedited articles get their tag slugs derived again', async () => {
    site = await createTestSite({
      sample: false,
      files: { 'articles/a.md': article({ title: 'A', tags: ['C#', 'Привет'] }) },
    });
    // What v1 stored: "C#" under the slug "c", no Cyrillic tag, facts without tag names, older renderer.
    site.db.exec(`DELETE FROM article_tags; DELETE FROM tags;
      INSERT INTO tags (slug, name) VALUES ('c', 'C#');
      INSERT INTO article_tags (article_id, tag_id, position) SELECT a.id, t.id, 0 FROM articles a, tags t;
      UPDATE articles SET facts_json = json_remove(facts_json, '$.tags');
      UPDATE index_state SET value = '{}' WHERE key = 'ctx_json';`);
    expect((await site.http.get('/en/tag/c')).status).toBe(200);
    const report = await site.reindex();
    expect(report.rendered).toBe(1);
    expect((await site.http.get('/en/tag/c-sharp')).status).toBe(200);
    expect((await site.http.get('/en/tag/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82')).status).toBe(200);
    expect((await site.http.get('/en/tag/c')).status).toBe(404);
  });
});
