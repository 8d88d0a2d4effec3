// Plans a whole WordPress import as data: which article files to write, which categories and authors to
// append to the yml files, and the report of everything that could not be carried over. Pure and
// deterministic, so re-running it on the same input gives the same files.
import { convertPost } from './convert-post.js';
import { identify, type Named, type PostIdentity } from './post-identity.js';
import type { Inventory } from './inventory.js';
import type { SiteKnowledge } from './links.js';
import { namedLines, newNameWrites } from './new-names.js';
import type { WpPostRecord } from './wp-record.js';

export interface FileWrite {
  /** Relative to the content directory. */
  path: string;
  text: string;
}

export interface ImportPlan {
  writes: FileWrite[];
  posts: { path: string; wpId: number; notes: string[]; ctas: string[] }[];
  skipped: string[];
  createdCategories: Named[];
  createdAuthors: Named[];
}

export function planImport(
  records: readonly WpPostRecord[],
  inv: Inventory,
  progress?: (done: number, total: number) => void,
): ImportPlan {
  const skipped: string[] = [];
  const chosen: { record: WpPostRecord; id: PostIdentity }[] = [];
  const batch = new Map<string, PostIdentity>();
  const byWpId = new Map<number, PostIdentity>();
  for (const record of records) {
    if (record.type !== 'post') {
      skipped.push(`WordPress ${record.type} ${record.id} ("${record.slug}"): only posts are imported`);
      continue;
    }
    if (record.status === 'trash' || record.status === 'auto-draft' || record.status === 'inherit') {
      skipped.push(`WordPress post ${record.id} ("${record.slug}"): status ${record.status}`);
      continue;
    }
    const id = identify(record, inv);
    const key = `${id.lang}/${id.slug}`;
    const already = batch.get(key);
    if (already) {
      skipped.push(
        `WordPress post ${record.id}: /${key} is already taken by post ${already.wpId} in this import`,
      );
      continue;
    }
    const existing = inv.articles.get(key);
    if (existing !== undefined && existing !== id.path) {
      skipped.push(
        `WordPress post ${record.id}: /${key} already exists in ${existing}; rename one of them to import it`,
      );
      continue;
    }
    batch.set(key, id);
    byWpId.set(record.id, id);
    chosen.push({ record, id });
  }

  const newCategories = new Map<string, Named>();
  const newAuthors = new Map<string, Named>();
  for (const { id } of chosen) {
    if (!inv.categories.has(id.category.slug) && !newCategories.has(id.category.slug))
      newCategories.set(id.category.slug, id.category);
    if (!inv.authors.has(id.author.slug) && !newAuthors.has(id.author.slug))
      newAuthors.set(id.author.slug, id.author);
  }

  const site: SiteKnowledge = {
    languages: inv.languages,
    defaultLang: inv.defaultLang,
    siteHosts: inv.siteHosts,
    hasArticle: (lang, slug) => inv.articles.has(`${lang}/${slug}`) || batch.has(`${lang}/${slug}`),
    hasCourse: (area, slug) => inv.courses.has(`${area}/${slug}`),
    hasCategory: (slug) => inv.categories.has(slug) || newCategories.has(slug),
    postByWpId: (wpId) => {
      const hit = byWpId.get(wpId);
      return hit ? { lang: hit.lang, slug: hit.slug } : null;
    },
  };

  const writes: FileWrite[] = [];
  const posts: ImportPlan['posts'] = [];
  for (const { record, id } of chosen) {
    const converted = convertPost(record, id, site);
    writes.push({ path: converted.path, text: converted.text });
    posts.push({ path: converted.path, wpId: record.id, notes: converted.notes, ctas: converted.ctas });
    progress?.(posts.length, chosen.length);
  }

  const added = newNameWrites('import:wp', inv, newCategories.values(), newAuthors.values());
  writes.push(...added.writes);
  const { createdCategories, createdAuthors } = added;
  return { writes, posts, skipped, createdCategories, createdAuthors };
}

/** The report printed after an import: one block per post with notes, then what was created or skipped. */
export function formatImportReport(plan: ImportPlan, changed: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  const written = plan.posts.filter((p) => changed.has(p.path)).length;
  lines.push(
    `Imported ${plan.posts.length} post${plan.posts.length === 1 ? '' : 's'}: ${written} written, ${plan.posts.length - written} unchanged; ${plan.skipped.length} skipped.`,
  );
  for (const p of plan.posts) {
    const ctas = p.ctas.length
      ? `, ${p.ctas.length} CTA${p.ctas.length > 1 ? 's' : ''} → ${[...new Set(p.ctas)].join(', ')}`
      : '';
    lines.push(`${p.path} (WordPress post ${p.wpId}${ctas})`);
    for (const n of p.notes) lines.push(`  - ${n}`);
  }
  lines.push(
    ...namedLines('categories.yml', plan.createdCategories),
    ...namedLines('authors.yml', plan.createdAuthors),
  );
  if (plan.skipped.length) {
    lines.push('Not imported:');
    for (const s of plan.skipped) lines.push(`  - ${s}`);
  }
  return lines;
}
