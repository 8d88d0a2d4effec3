import { describe, expect, it } from 'vitest';
import { loadArticle, loadCourse, type LoadContext } from '../../src/content/load-entry.js';
import { formatProblem } from '../../src/errors.js';

const ctx: LoadContext = { defaultLang: 'en', languages: ['en', 'fr'], siteHosts: ['localhost:3000'] };
const BASE: Record<string, string> = {
  title: 'A title',
  date: '2024-01-10',
  category: 'news',
  author: 'ann',
};

/** Builds a file whose front matter keys sit on known lines: line 1 is ---, the first key is line 2. */
function file(fm: Record<string, string | null>, body = 'Body text.\n'): string {
  const lines = Object.entries({ ...BASE, ...fm })
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

/** The problems an editor would read for this file, as `file:line: message (hint)`. */
function problems(text: string, path = 'articles/guide.md'): string[] {
  const r = loadArticle(path, text, ctx);
  return r.ok ? [] : r.problems.map(formatProblem);
}

function entry(text: string, path = 'articles/guide.md') {
  const r = loadArticle(path, text, ctx);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.entry;
}

describe('title', () => {
  it('when title is missing, then the error says it is required and what it is', () => {
    expect(problems(file({ title: null }))).toEqual([
      'articles/guide.md:2: title is required: the headline readers see (1-200 characters)',
    ]);
  });

  it('when title is empty, then the error points at the title line', () => {
    expect(problems(file({ title: '""' }))).toEqual([
      'articles/guide.md:2: title cannot be empty: write the headline readers see (1-200 characters)',
    ]);
  });

  it('when title is over 200 characters, then the error gives its length and the limit', () => {
    expect(problems(file({ title: 'x'.repeat(201) }))).toEqual([
      'articles/guide.md:2: title is 201 characters long; keep it to 200 or fewer',
    ]);
    expect(entry(file({ title: 'x'.repeat(200) })).title).toHaveLength(200);
  });

  it('when title is a number, then the error says it must be text', () => {
    expect(problems(file({ title: '42' }))).toEqual(['articles/guide.md:2: title must be text; found 42']);
  });
});

describe('slug', () => {
  it('when slug is not lowercase-hyphen, then the error shows the pattern and a suggestion', () => {
    expect(problems(file({ slug: 'My_First Post' }))).toEqual([
      'articles/guide.md:6: slug "My_First Post" must be lowercase letters, digits and single hyphens (like "my-first-article"); try "my-first-post"',
    ]);
  });

  it('when slug has a double hyphen, then it is refused', () => {
    expect(problems(file({ slug: 'a--b' }))[0]).toMatch(/^articles\/guide\.md:6: slug "a--b" must be/);
  });

  it('when slug is absent, then it defaults to the file name', () => {
    expect(entry(file({}), 'articles/deep/folder/sql-joins-explained.md').slug).toBe('sql-joins-explained');
  });

  it('when slug is absent and the file name is not a valid slug, then the error suggests a file name', () => {
    expect(problems(file({}), 'articles/My Notes.md')).toEqual([
      'articles/My Notes.md:1: the file name "My Notes" is not a valid slug (rename the file to my-notes.md or add a slug: key)',
    ]);
  });
});

describe('date and updated', () => {
  it('when date is missing, then the error says it is required and shows the format', () => {
    expect(problems(file({ date: null }))).toEqual([
      'articles/guide.md:2: date is required: the publication date, as an ISO date like 2026-03-12 or a date-time like 2026-03-12T09:30:00Z',
    ]);
  });

  it('when date is not ISO, then the error shows the value and the ISO format', () => {
    expect(problems(file({ date: '12/03/2024' }))).toEqual([
      'articles/guide.md:3: date "12/03/2024" is not in ISO format; write an ISO date like 2026-03-12 or a date-time like 2026-03-12T09:30:00Z',
    ]);
  });

  it('when date is 2024-02-30, then it is rejected, not rolled over to March', () => {
    expect(problems(file({ date: '2024-02-30' }))).toEqual([
      'articles/guide.md:3: date "2024-02-30" does not exist: February 2024 has 29 days',
    ]);
  });

  it('when date is 2023-02-29, then it is rejected (2023 is not a leap year)', () => {
    expect(problems(file({ date: '2023-02-29' }))).toEqual([
      'articles/guide.md:3: date "2023-02-29" does not exist: February 2023 has 28 days',
    ]);
  });

  it('when date is 2024-02-29, then it is accepted', () => {
    expect(new Date(entry(file({ date: '2024-02-29' })).publishedAt).toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('when date is a date-time with a zone, then the moment is converted to UTC', () => {
    expect(new Date(entry(file({ date: '2024-02-29T10:15:00+02:00' })).publishedAt).toISOString()).toBe(
      '2024-02-29T08:15:00.000Z',
    );
    expect(new Date(entry(file({ date: '"2024-03-01T09:30:00Z"' })).publishedAt).toISOString()).toBe(
      '2024-03-01T09:30:00.000Z',
    );
  });

  it('when the time does not exist, then it is rejected', () => {
    expect(problems(file({ date: '2024-01-10T25:00:00Z' }))).toEqual([
      'articles/guide.md:3: date "2024-01-10T25:00:00Z" is not a real date or time; check the month (01-12), day, hour (00-23) and minutes',
    ]);
  });

  it('when updated is before date, then the error is on the updated line and shows both', () => {
    expect(problems(file({ updated: '2024-01-01' }))).toEqual([
      'articles/guide.md:6: updated (2024-01-01) is before date (2024-01-10); it must be the same or later',
    ]);
  });

  it('when updated is not a real date, then it is rejected like date', () => {
    expect(problems(file({ updated: '2024-13-01' }))[0]).toBe(
      'articles/guide.md:6: updated "2024-13-01" is not a real date or time; check the month (01-12), day, hour (00-23) and minutes',
    );
  });
});

describe('tags, excerpt, image', () => {
  it('when tags is not a list, then the error shows the list syntax and what was found', () => {
    expect(problems(file({ tags: 'data, sql' }))).toEqual([
      'articles/guide.md:6: tags must be a list, like [one, two]; found "data, sql"',
    ]);
  });

  it('when tags is a list, then duplicates are dropped and a tag without letters is kept, to be reported', () => {
    // "!!" makes no address; the cross-file checks report it as tag-without-slug instead of losing it.
    expect(entry(file({ tags: '[SQL, data, SQL, "!!"]' })).tags).toEqual(['SQL', 'data', '!!']);
  });

  it('when excerpt is over 300 characters, then the error gives its length', () => {
    expect(problems(file({ excerpt: 'y'.repeat(301) }))).toEqual([
      'articles/guide.md:6: excerpt is 301 characters long; keep it to 300 or fewer',
    ]);
  });

  it('when excerpt is absent, then the first paragraph becomes the excerpt', () => {
    expect(entry(file({}, 'First *paragraph* here.\n\nSecond one.\n')).excerpt).toBe('First paragraph here.');
  });

  it('when image is set without image_alt, then the error on the image line asks for a description', () => {
    expect(problems(file({ image: '/img/photo.svg' }))).toEqual([
      'articles/guide.md:6: image_alt is required when image is set: describe the picture for readers who cannot see it',
    ]);
  });

  it('when image is neither a site path nor an http(s) URL, then it is refused', () => {
    expect(problems(file({ image: 'photo.svg', image_alt: 'A photo' }))).toEqual([
      'articles/guide.md:6: image: must be a path under public/ starting with / (like /img/photo.svg) or an http(s) URL',
    ]);
  });
});

describe('draft, lang, cta and unknown keys', () => {
  it('when draft is not a boolean, then the error says true or false and shows the value', () => {
    expect(problems(file({ draft: 'yes' }))).toEqual([
      'articles/guide.md:6: draft must be true or false; found "yes"',
    ]);
    expect(entry(file({ draft: 'true' })).draft).toBe(true);
  });

  it('when lang is not one of the site languages, then the error lists them', () => {
    expect(problems(file({ lang: 'de' }))).toEqual([
      "articles/guide.md:6: lang \"de\" is not one of the site's languages (en, fr) (add it to languages in site.yml or fix the code)",
    ]);
    expect(entry(file({ lang: 'fr' })).lang).toBe('fr');
    expect(entry(file({})).lang).toBe('en');
  });

  it('when cta is not a course slug, then the error shows both accepted forms', () => {
    expect(problems(file({ cta: 'Data Engineer' }))).toEqual([
      'articles/guide.md:6: cta must be a course slug like data-engineer or data-ai/data-engineer',
    ]);
  });

  it('when a key is misspelt, then the error is on its line and suggests the right key', () => {
    expect(problems(file({ catgory: 'news', category: null }))).toEqual([
      'articles/guide.md:2: category is required: one of the slugs in categories.yml',
      'articles/guide.md:5: unknown key "catgory" (did you mean "category"?)',
    ]);
  });

  it('when a key is unknown and close to nothing, then the error lists the known keys', () => {
    expect(problems(file({ colour: 'blue' }))[0]).toMatch(
      /^articles\/guide\.md:6: unknown key "colour" \(known keys: title, slug, date, .*translation_key\)$/,
    );
  });

  it('when several keys are wrong, then every problem is reported, each on its own line', () => {
    const text = file({ date: '2024-02-30', tags: 'one', excerpt: 'z'.repeat(301), draft: 'maybe' });
    expect(problems(text).map((p) => p.split(': ')[0])).toEqual([
      'articles/guide.md:3',
      'articles/guide.md:6',
      'articles/guide.md:7',
      'articles/guide.md:8',
    ]);
  });

  it('when a key appears twice, then the YAML error names the second line', () => {
    expect(problems('---\ntitle: A\ntitle: B\ndate: 2024-01-10\ncategory: news\nauthor: ann\n---\nBody\n')).toEqual([
      'articles/guide.md:3: front matter is not valid YAML: Map keys must be unique (check the indentation on this line, and put the value in quotes if it contains ": " or starts with [, {, *, & or !)',
    ]);
  });
});

describe('YAML mistakes', () => {
  const HINT = '(check the indentation on this line, and put the value in quotes if it contains ": " or starts with [, {, *, & or !)';

  it('when a value contains ": " without quotes, then the error is on its line and says to quote it', () => {
    expect(problems(file({ title: 'SQL: the basics' }))).toEqual([
      `articles/guide.md:2: front matter is not valid YAML: Nested mappings are not allowed in compact mappings ${HINT}`,
    ]);
  });

  it('when a quote is never closed, then the error names the line where it opens', () => {
    expect(problems(file({ title: '"Unclosed' }))).toEqual([
      `articles/guide.md:2: front matter is not valid YAML: Missing closing "quote ${HINT}`,
    ]);
  });

  it('when a [list is never closed, then the error names the line where it opens', () => {
    expect(problems(file({ tags: '[sql, python' }))[0]).toMatch(/^articles\/guide\.md:6: front matter is not valid YAML: .*end with a \]/);
  });

  it('when a line is indented with a tab, then the error is on that line', () => {
    expect(problems('---\ntitle: A\n\tdate: 2024-01-10\n---\nBody\n')).toEqual([
      `articles/guide.md:3: front matter is not valid YAML: Tabs are not allowed as indentation ${HINT}`,
    ]);
  });
});

describe('the front matter block itself', () => {
  it('when the file has no front matter, then the error shows how to start one', () => {
    expect(problems('# Just a heading\n')).toEqual([
      'articles/guide.md:1: the file does not start with a front matter block (the first line must be --- followed by YAML keys (title, date, category, author) and a closing ---)',
    ]);
  });

  it('when the front matter is TOML, then it is refused with a message naming TOML', () => {
    expect(problems('+++\ntitle = "A"\n+++\nBody\n')).toEqual([
      'articles/guide.md:1: the front matter is TOML (between +++ lines); Folio reads YAML front matter only (start the file with a --- line, write each field as key: value, like title: My article, and close it with ---)',
    ]);
  });

  it('when the front matter is JSON, then it is refused with a message naming JSON', () => {
    expect(problems('{ "title": "A", "date": "2024-01-10" }\nBody\n')[0]).toMatch(
      /^articles\/guide\.md:1: the front matter is JSON; Folio reads YAML front matter only/,
    );
  });

  it('when the YAML is a billion-laughs alias bomb, then it is refused quickly', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
      ['h', 'g'],
      ['i', 'h'],
    ])
      rows.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    const started = Date.now();
    const found = problems(`---\n${rows.join('\n')}\ntitle: A\n---\nBody\n`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^articles\/guide\.md:2: front matter refused: .*alias/i);
  });

  it('when the front matter is never closed (a half-saved file), then it says so', () => {
    expect(problems('---\ntitle: A\ndate: 2024-01-10\ncateg')).toEqual([
      'articles/guide.md:1: the front matter block is never closed (the file may be half-saved) (end the YAML block with a line containing only ---)',
    ]);
  });

  it('when the file is empty or only whitespace, then the error says it is empty', () => {
    expect(problems('')).toEqual([
      'articles/guide.md:1: the file is empty (start with a front matter block between two --- lines)',
    ]);
    expect(problems('\n  \n')).toHaveLength(1);
  });

  it('when the file has a BOM and CRLF line ends, then it loads and lines are counted as the editor sees them', () => {
    const crlf = (t: string) => `\uFEFF${t.replace(/\n/g, '\r\n')}`;
    expect(entry(crlf(file({}))).title).toBe('A title');
    expect(problems(crlf(file({ date: '2024-02-30' })))).toEqual([
      'articles/guide.md:3: date "2024-02-30" does not exist: February 2024 has 29 days',
    ]);
    const e = entry(crlf(file({}, 'Intro.\n\nSee [this](/en/other).\n')));
    expect(e.links).toEqual([{ kind: 'article', target: 'en/other', line: 9 }]);
  });

  it('when the front matter is a list instead of keys, then the error asks for key: value lines', () => {
    expect(problems('---\n- a\n- b\n---\nBody\n')).toEqual([
      'articles/guide.md:2: front matter must be a set of key: value lines (for example: title: My article)',
    ]);
  });
});

describe('course pages', () => {
  const course = (fm: string) => `---\n${fm}---\nThe course.\n`;
  const courseProblems = (text: string, path = 'courses/data-ai/data-engineer.md') => {
    const r = loadCourse(path, text, ctx);
    return r.ok ? [] : r.problems.map(formatProblem);
  };
  const VALID =
    'title: Data Engineer\nsummary: Build pipelines.\nduration: 14 weeks\nformats:\n  - name: Full-time\n    duration: 14 weeks\n    rhythm: Weekdays\nmodules:\n  - title: SQL\n    description: Joins.\n';

  it('when a course file is valid, then its area and slug come from its path', () => {
    const r = loadCourse('courses/data-ai/data-engineer.md', course(VALID), ctx);
    expect(r.ok && [r.entry.area, r.entry.slug, r.entry.data.title]).toEqual(['data-ai', 'data-engineer', 'Data Engineer']);
  });

  it('when nested entries are wrong, then messages name the list item in words and the line of the key', () => {
    const text = course(
      'title: Data Engineer\nsummary: Build pipelines.\nduration: 14 weeks\nformats:\n  - name: Full-time\n    duraton: 14 weeks\n    rhythm: Weekdays\nmodules:\n  - title: SQL\n  - title: ""\n    description: Models.\n',
    );
    expect(courseProblems(text)).toEqual([
      'courses/data-ai/data-engineer.md:6: formats item 1: duration is required',
      'courses/data-ai/data-engineer.md:7: unknown key "duraton" in formats item 1 (did you mean "duration"?)',
      'courses/data-ai/data-engineer.md:10: modules item 1: description is required',
      'courses/data-ai/data-engineer.md:11: modules item 2: title cannot be empty',
    ]);
  });

  it('when a required list is empty, then the message asks for an entry', () => {
    expect(courseProblems(course(VALID.replace(/formats:\n(?: {2,}.*\n)+/, 'formats: []\n')))).toEqual([
      'courses/data-ai/data-engineer.md:5: formats: list at least one format',
    ]);
  });

  it('when the course file name is not a slug, then the error suggests a name', () => {
    expect(courseProblems(course(VALID), 'courses/Data AI/Data Engineer.md')).toEqual([
      'courses/Data AI/Data Engineer.md:1: course files must live at courses/<area>/<slug>.md with lowercase-hyphen names (rename to courses/data-ai/data-engineer.md)',
    ]);
  });
});
