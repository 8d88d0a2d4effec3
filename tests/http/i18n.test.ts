// Every UI string has its French version: a French page never shows an English word by accident.
import { describe, expect, it } from 'vitest';
import { courseStringsFor } from '../../src/http/i18n-courses.js';
import { stringsFor } from '../../src/http/i18n.js';

// Strings that are the same word in both languages, each checked by hand.
const SAME_IN_FRENCH = new Set([
  'pagination: Pagination',
  'articleCount: 2 articles',
  'menu: Menu',
  'certification: Certification',
  'format: Format',
  'formats: Formats',
  'modulesCount: Modules',
]);

/** A value as a reader sees it: text as is, a function applied to sample arguments. */
function shown(value: unknown): string {
  if (typeof value === 'function') return String((value as (...a: unknown[]) => unknown)(2, 3, 'Ada'));
  return String(value);
}

function untranslated(en: object, fr: object): string[] {
  const frenchOf = new Map(Object.entries(fr));
  return Object.entries(en)
    .filter(([key, value]) => {
      if (!frenchOf.has(key)) return true;
      const french = shown(frenchOf.get(key));
      return french === shown(value) && !SAME_IN_FRENCH.has(`${key}: ${french}`);
    })
    .map(([key, value]) => `${key}: ${shown(value)}`);
}

describe('French UI strings', () => {
  it('when a page is shown in French, then every general UI string is French, not the English fallback', () => {
    expect(untranslated(stringsFor('en'), stringsFor('fr'))).toEqual([]);
  });

  it('when a course page is shown in French, then every course and enquiry string is French', () => {
    expect(untranslated(courseStringsFor('en'), courseStringsFor('fr'))).toEqual([]);
  });

  it('when a language has no strings of its own, then English is used', () => {
    expect(stringsFor('de')).toBe(stringsFor('en'));
    expect(courseStringsFor('de')).toBe(courseStringsFor('en'));
  });
});
