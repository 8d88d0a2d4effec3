// Categories and authors: a new version naming an unknown one is refused (the last good version stays);
// a kept version whose category or author disappeared is reported.
import { didYouMean } from './did-you-mean.js';
import type { Report, Version } from './version.js';

export interface Known {
  categories: ReadonlySet<string>;
  authors: ReadonlySet<string>;
}

/** False when the new version cannot be used. */
export function usableVersion(v: Version, known: Known, report: Report): boolean {
  let ok = true;
  if (!known.categories.has(v.category)) {
    report(
      v,
      'category',
      'unknown-category',
      `category "${v.category}" is not in categories.yml`,
      didYouMean(v.category, known.categories, 'add it to categories.yml'),
    );
    ok = false;
  }
  if (!known.authors.has(v.author)) {
    report(
      v,
      'author',
      'unknown-author',
      `author "${v.author}" is not in authors.yml`,
      didYouMean(v.author, known.authors, 'add the author to authors.yml'),
    );
    ok = false;
  }
  return ok;
}

export function checkKeptReferences(v: Version, known: Known, report: Report): void {
  if (v.fresh) return;
  if (!known.categories.has(v.category))
    report(
      v,
      'category',
      'unknown-category',
      `category "${v.category}" is no longer in categories.yml`,
      'add it back or change this article',
    );
  if (!known.authors.has(v.author))
    report(
      v,
      'author',
      'unknown-author',
      `author "${v.author}" is no longer in authors.yml`,
      'add the author back or change this article',
    );
}
