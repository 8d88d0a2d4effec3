// The report printed after `import:md`: what was imported (with notes), file:line warnings, what was added
// to categories.yml and authors.yml, and what was not imported and why.
import { namedLines } from '../new-names.js';
import type { MdImportPlan } from './plan-md-import.js';

export function formatMdReport(plan: MdImportPlan, changed: ReadonlySet<string>, dryRun: boolean): string[] {
  const n = plan.articles.length;
  const written = plan.articles.filter((a) => changed.has(a.path)).length;
  const lines = [
    `Imported ${n} article${n === 1 ? '' : 's'}${dryRun ? ' (dry run)' : ''}: ${written} ${dryRun ? 'would be written' : 'written'}; ${plan.skipped.length} skipped; ${plan.warnings.length} warning${plan.warnings.length === 1 ? '' : 's'}.`,
  ];
  for (const a of plan.articles) {
    lines.push(`${a.source} → ${a.path}`);
    for (const note of a.notes) lines.push(`  - ${note}`);
  }
  if (plan.warnings.length) lines.push('Warnings:', ...plan.warnings.map((w) => `  ${w}`));
  lines.push(
    ...namedLines('categories.yml', plan.createdCategories),
    ...namedLines('authors.yml', plan.createdAuthors),
  );
  if (plan.skipped.length) lines.push('Not imported:', ...plan.skipped.map((s) => `  - ${s}`));
  return lines;
}
