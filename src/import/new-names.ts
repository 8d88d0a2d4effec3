// Categories and authors an import adds: appended to categories.yml / authors.yml without touching what is
// there, and listed in the report. Shared by import:wp and import:md.
import { stringify } from 'yaml';
import type { Named } from './post-identity.js';

export function appendYaml(existing: string | null, entries: object[], note: string): string {
  const empty = existing === null || existing.trim() === '' || existing.trim() === '[]';
  const base = empty ? '' : existing.endsWith('\n') ? existing : `${existing}\n`;
  return `${base}# ${note}\n${stringify(entries, { lineWidth: 0 })}`;
}

const bySlug = (a: Named, b: Named) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** The yml writes for what an import added (none when it added nothing), and the sorted lists for the report. */
export function newNameWrites(
  command: string,
  inv: { categoriesYml: string | null; authorsYml: string | null },
  categories: Iterable<Named>,
  authors: Iterable<Named>,
): { writes: { path: string; text: string }[]; createdCategories: Named[]; createdAuthors: Named[] } {
  const createdCategories = [...categories].sort(bySlug);
  const createdAuthors = [...authors].sort(bySlug);
  const writes: { path: string; text: string }[] = [];
  if (createdCategories.length)
    writes.push({
      path: 'categories.yml',
      text: appendYaml(
        inv.categoriesYml,
        createdCategories.map((c) => ({ slug: c.slug, name: c.name })),
        `Added by ${command}. Check the names and add descriptions.`,
      ),
    });
  if (createdAuthors.length)
    writes.push({
      path: 'authors.yml',
      text: appendYaml(
        inv.authorsYml,
        createdAuthors.map((a) => ({ slug: a.slug, name: a.name })),
        `Added by ${command}. Check the names and add a bio.`,
      ),
    });
  return { writes, createdCategories, createdAuthors };
}

/** Report lines: "Added to categories.yml:" and one line per new entry. */
export function namedLines(what: string, list: readonly Named[]): string[] {
  if (!list.length) return [];
  return [
    `Added to ${what}:`,
    ...list.map(
      (n) =>
        `  - ${n.slug}: "${n.name}"${n.placeholder ? ' (placeholder name: the source does not say it; edit it)' : ''}${n.wpId !== null ? ` [WordPress id ${n.wpId}]` : ''}`,
    ),
  ];
}
