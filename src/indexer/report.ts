// Prints index and check results for people: problems as file:line: message, then a summary line.
import { formatProblem, type ContentProblem } from '../errors.js';

export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  const rank = { error: 0, warning: 1, note: 2 } as const;
  return [...problems].sort(
    (a, b) =>
      rank[a.severity] - rank[b.severity] || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line),
  );
}

export function summarise(problems: readonly ContentProblem[]): {
  errors: number;
  warnings: number;
  notes: number;
} {
  let errors = 0,
    warnings = 0,
    notes = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    else if (p.severity === 'warning') warnings++;
    else notes++;
  }
  return { errors, warnings, notes };
}

export function formatReport(problems: readonly ContentProblem[], prefix = 'content/'): string[] {
  return sortProblems(problems).map((p) => formatProblem({ ...p, file: prefix + p.file }));
}
