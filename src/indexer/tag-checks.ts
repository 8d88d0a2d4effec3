// Tags that make no address, or the same address as a differently written tag: reported, never dropped.
import type { ContentProblem } from '../errors.js';
import { tagSlug } from '../lib/slug.js';
import { decodePath, tagPath } from '../lib/urls.js';

export interface TaggedFile {
  path: string;
  lang: string;
  tags: readonly string[];
  /** The line of the `tags:` key. */
  line: number;
}

/** Case and spacing alone do not make two tags different: "JavaScript" and "javascript" are one tag. */
const fold = (name: string) => name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');

/** Warnings, not errors: the article is still published, and colliding tags share one page. */
export function tagProblems(files: readonly TaggedFile[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // The first spelling of each slug, in path order, so the report does not depend on scan order.
  const first = new Map<string, { name: string; path: string }>();
  const reported = new Set<string>();
  const warn = (f: TaggedFile, code: string, message: string, hint: string) =>
    problems.push({ file: f.path, line: f.line, code, message, hint, severity: 'warning' });
  // Tag names repeat across the site (and are pooled): each is slugged once per run.
  const slugs = new Map<string, string>();
  const slugOf = (name: string) => {
    let slug = slugs.get(name);
    if (slug === undefined) slugs.set(name, (slug = tagSlug(name)));
    return slug;
  };
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    for (const name of f.tags) {
      const slug = slugOf(name);
      if (slug === '') {
        warn(
          f,
          'tag-without-slug',
          `tag "${name}" has no letter or digit to make an address from, so it has no page`,
          'spell the tag with at least one letter or digit, or remove it',
        );
        continue;
      }
      const owner = first.get(slug);
      if (!owner) {
        first.set(slug, { name, path: f.path });
        continue;
      }
      if (owner.name === name) continue;
      const key = `${f.path}\n${fold(name)}`;
      if (fold(owner.name) === fold(name) || reported.has(key)) continue;
      reported.add(key);
      warn(
        f,
        'tag-collision',
        `tag "${name}" has the same address ${decodePath(tagPath(f.lang, slug))} as tag "${owner.name}" in ${owner.path}: both are listed on one page, under one name`,
        `write it "${owner.name}" in both files, or rename one tag so their addresses differ`,
      );
    }
  }
  return problems;
}
