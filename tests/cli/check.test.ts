import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

const CHECK = join(projectRoot, 'dist/cli/check.js');
const BROKEN = join(projectRoot, 'tests/fixtures/broken');

interface Run {
  status: number | null;
  lines: string[];
  stderr: string;
}

/** Runs `npm run check`'s script the way an editor does, from the folder that holds content/. */
function check(cwd: string): Run {
  const r = spawnSync(process.execPath, [CHECK], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', CONTENT_DIR: 'content', NODE_ENV: 'production' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, lines: r.stdout.split('\n').filter(Boolean), stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-check-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The command reads the real clock, so the copy's one scheduled article is moved far ahead: it stays a
// note whatever day the suite runs (the sample's own 2027-09-01 would publish itself and break the count).
const SCHEDULED = 'articles/machine-learning/evaluating-llm-applications.md';
const SCHEDULED_DATE = '2999-09-01';

function copyOfSample(name: string): string {
  const cwd = join(dir, name);
  cpSync(join(projectRoot, 'content'), join(cwd, 'content'), { recursive: true });
  const scheduled = join(cwd, 'content', SCHEDULED);
  const text = readFileSync(scheduled, 'utf8');
  const moved = text.replace(/^date: .*$/m, `date: ${SCHEDULED_DATE}`);
  expect(moved, 'the scheduled sample article has a date line').not.toBe(text);
  writeFileSync(scheduled, moved);
  return cwd;
}

describe('npm run check', () => {
  it('when the compiled command exists, then these tests run it (npm test builds first)', () => {
    expect(existsSync(CHECK)).toBe(true);
  });

  it('when the shipped content is checked, then it exits 0 and lists the draft and the scheduled article as notes', () => {
    const run = check(copyOfSample('shipped'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const notes = run.lines.filter((l) => / note: /.test(l));
    expect(notes).toHaveLength(2);
    expect(notes).toEqual([
      'content/articles/data-engineering/data-mesh-in-practice.md:9: note: draft: "Data mesh in practice: what changes on Monday morning" is not published',
      `content/${SCHEDULED}:4: note: scheduled: "How to evaluate an LLM application" goes live on ${SCHEDULED_DATE}T00:00:00.000Z`,
    ]);
    expect(run.lines.at(-1)).toMatch(/^\d+ articles checked: 0 errors, \d+ warnings, 2 notes$/);
  });

  it('when several files are broken, then it exits 1 and lists every problem as content/file:line: message', () => {
    const cwd = copyOfSample('broken');
    cpSync(BROKEN, join(cwd, 'content'), { recursive: true, filter: (src) => !src.endsWith('README.md') });
    const run = check(cwd);
    expect(run.status).toBe(1);
    const errors = run.lines.filter((l) => /^content\//.test(l) && !/: (note|warning): /.test(l));
    expect(errors).toEqual([
      'content/articles/broken-links.md:6: cta "data-enginer" is not a known course (did you mean "data-engineer"?)',
      'content/articles/broken-links.md:7: related article "sql-join-explained" does not exist in language en (did you mean "sql-joins-explained"?)',
      'content/articles/broken-links.md:11: link to /en/sql-join-explained: no article has that slug (did you mean /en/sql-joins-explained?)',
      'content/articles/broken-links.md:13: ::cta course "data-ai/data-engeneer" is not a known course (did you mean "data-ai/data-engineer"?)',
      'content/articles/half-saved.md:1: the front matter block is never closed (the file may be half-saved) (end the YAML block with a line containing only ---)',
      'content/articles/impossible-date.md:3: date "2023-02-29" does not exist: February 2023 has 28 days',
      'content/articles/toml-front-matter.md:1: the front matter is TOML (between +++ lines); Folio reads YAML front matter only (start the file with a --- line, write each field as key: value, like title: My article, and close it with ---)',
      'content/articles/typos.md:2: category is required: one of the slugs in categories.yml',
      'content/articles/typos.md:4: unknown key "catgory" (did you mean "category"?)',
      'content/articles/typos.md:6: tags must be a list, like [one, two]; found "sql, python"',
      'content/articles/unknown-references.md:4: category "data-enginering" is not in categories.yml (did you mean "data-engineering"?)',
      'content/articles/what-does-a-data-engineer-do-copy.md:3: the slug "what-does-a-data-engineer-do" is already used by articles/data-engineering/what-does-a-data-engineer-do.md (give this article another slug: key)',
      'content/courses/data-ai/incomplete-course.md:2: summary is required: one line on what the course leads to',
      'content/courses/data-ai/incomplete-course.md:4: formats: list at least one format',
      'content/courses/data-ai/incomplete-course.md:6: modules item 1: description is required',
    ]);
    expect(run.lines.at(-1)).toMatch(/: 15 errors, \d+ warnings, 2 notes$/);
  });

  it('when authors.yml has a typo, then that is the error, not an unknown author in every article', () => {
    const cwd = copyOfSample('bad-authors');
    const authors = join(cwd, 'content/authors.yml');
    const line = readFileSync(authors, 'utf8').trimEnd().split('\n').length + 1;
    appendFileSync(authors, '- slug: New Person\n');
    const run = check(cwd);
    expect(run.status).toBe(1);
    expect(run.lines.filter((l) => /^content\//.test(l) && !/: (note|warning): /.test(l))).toEqual([
      `content/authors.yml:${line}: item 4: slug "New Person" must be lowercase letters, digits and single hyphens (like "my-first-article"); try "new-person"`,
      `content/authors.yml:${line}: item 4: name is required`,
    ]);
  });

  it('when it runs, then the served database is never touched', () => {
    const cwd = copyOfSample('no-db');
    check(cwd);
    expect(readdirSync(cwd)).toEqual(['content']);
  });

  it('when CONTENT_DIR does not exist, then it says so and exits 1', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const run = check(empty);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/CONTENT_DIR .*content does not exist/);
  });
});
