import { describe, expect, it } from 'vitest';
import { authorsSchema, categoriesSchema, siteSchema } from '../../src/content/schema.js';
import { formatProblem } from '../../src/errors.js';
import { loadYamlFile } from '../../src/indexer/load-config-files.js';

const problems = (r: ReturnType<typeof loadYamlFile>) => (r.ok ? [] : r.problems.map(formatProblem));

describe('site.yml, authors.yml and categories.yml', () => {
  it('when site.yml has a misspelt key and a bad url, then both are reported on their lines', () => {
    const r = loadYamlFile(
      'site.yml',
      'title: Folio\nurl: not-a-url\ndefault_langauge: en\n',
      siteSchema,
      Object.keys(siteSchema.shape),
    );
    expect(problems(r)).toEqual([
      'site.yml:2: url must be an http(s) URL like https://example.com',
      'site.yml:3: unknown key "default_langauge" (did you mean "default_language"?)',
    ]);
  });

  it('when an author entry is wrong, then the message names the entry by its position', () => {
    const r = loadYamlFile(
      'authors.yml',
      '- slug: ann\n  name: Ann\n- slug: Bob Smith\n  nme: Bob\n  colour: red\n',
      authorsSchema,
    );
    expect(problems(r)).toEqual([
      'authors.yml:3: item 2: slug "Bob Smith" must be lowercase letters, digits and single hyphens (like "my-first-article"); try "bob-smith"',
      'authors.yml:3: item 2: name is required',
      'authors.yml:4: unknown key "nme" in item 2 (did you mean "name"?)',
      'authors.yml:5: unknown key "colour" in item 2 (known keys: slug, name, bio, avatar, url)',
    ]);
  });

  it('when categories.yml is not a list, then the message shows the expected shape', () => {
    expect(problems(loadYamlFile('categories.yml', 'news: News\n', categoriesSchema))).toEqual([
      'categories.yml:1: categories.yml must be a list of {slug, name, description}; found a set of keys',
    ]);
  });

  it('when a YAML file has a syntax error or an alias bomb, then it is refused with its line', () => {
    expect(
      problems(loadYamlFile('site.yml', 'title: Folio\ndescription: SQL: the basics\n', siteSchema)),
    ).toEqual([
      'site.yml:2: not valid YAML: Nested mappings are not allowed in compact mappings (check the indentation on this line, and put the value in quotes if it contains ": " or starts with [, {, *, & or !)',
    ]);
    const bomb = `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [${Array(10).fill('*a').join(',')}]\nc: &c [${Array(10).fill('*b').join(',')}]\nd: [${Array(10).fill('*c').join(',')}]\n`;
    expect(problems(loadYamlFile('site.yml', bomb, siteSchema))[0]).toMatch(
      /^site\.yml:1: refused: .*alias/i,
    );
  });
});
