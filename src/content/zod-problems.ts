// Maps schema issues to editor-facing problems that name the file line of the offending key.
import type { z } from 'zod';
import type { ContentProblem } from '../errors.js';

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0] ?? 0;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j] ?? 0;
      dp[j] = Math.min((dp[j] ?? 0) + 1, (dp[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length] ?? 0;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** How a wrong value reads to an editor: `"yes"`, `42`, `a list`, `nothing`. */
function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of keys';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'a value of another kind';
}

export function formatZod(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  lineOf: (path: readonly PropertyKey[]) => number,
  knownKeys: readonly string[],
): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = issue.path.length === 0 ? closest(key, knownKeys) : undefined;
        out.push({
          file,
          line: lineOf([...issue.path, key]),
          code: 'unknown-key',
          message: `unknown key "${key}"${field ? ` in ${field}` : ''}`,
          hint: guess ? `did you mean "${guess}"?` : issue.path.length === 0 ? `known keys: ${knownKeys.join(', ')}` : 'remove it',
          severity: 'error',
        });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    let message = issue.message;
    if (missing && !message.includes('required')) message = `${field} is required`;
    else if (field && !message.startsWith(field.split('.')[0] ?? field)) message = `${field}: ${message}`;
    if (issue.code === 'invalid_type' && !missing) message += `; found ${describe(issue.input)}`;
    out.push({ file, line: lineOf(issue.path), code: missing ? 'missing-key' : 'invalid-value', message, severity: 'error' });
  }
  return out;
}
