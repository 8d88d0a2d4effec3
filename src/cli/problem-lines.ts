// Content problems as index and check print them: file:line: message, errors first, coloured by severity.
import { formatProblem, type ContentProblem } from '../errors.js';
import { sortProblems } from '../indexer/report.js';
import type { Palette } from './colour.js';

export function problemLines(
  problems: readonly ContentProblem[],
  prefix: string,
  colours: Palette,
): string[] {
  return sortProblems(problems).map((p) =>
    colours[p.severity](formatProblem({ ...p, file: prefix + p.file })),
  );
}
