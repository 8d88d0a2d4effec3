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

const KNOWN_KEYS = 'known keys: ';

const KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of key: value lines',
};

/**
 * Plain-language messages for the checks a schema does not word itself (zod's defaults speak to
 * programmers: "Too small: expected string to have >=1 characters").
 */
export const editorMessages: z.core.$ZodErrorMap = (issue) => {
  const last = issue.path?.at(-1);
  const key = typeof last === 'string' ? last : 'this entry';
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `${key} is required` : `${key} must be ${KIND[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? `${key} cannot be empty` : `${key} must be at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `${key} needs at least ${issue.minimum} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}`;
      return `${key} must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string')
        return typeof issue.input === 'string'
          ? `${key} is ${issue.input.length} characters long; keep it to ${issue.maximum} or fewer`
          : `${key} must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `${key} has too many entries; at most ${issue.maximum}`;
      return `${key} must be at most ${issue.maximum}`;
    case 'invalid_format':
      return `${key} is not in the expected format`;
    case 'invalid_value':
      return `${key} must be one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys': {
      // Carries the object's own keys to formatZod, which suggests the closest one for each unknown key.
      const def = issue.inst?._zod.def;
      return def && 'shape' in def ? `${KNOWN_KEYS}${Object.keys(def.shape as object).join(', ')}` : undefined;
    }
    default:
      return undefined;
  }
};

/** Options for every content `safeParse`: keep the input (to tell "missing" from "wrong") and word messages for editors. */
export const PARSE_OPTIONS = { reportInput: true, error: editorMessages } as const;

/** `modules.0.description` as an editor reads it: `modules item 1 description`. */
function label(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `item ${p + 1}` : String(p))).join(' ');
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
      const keys = issue.message.startsWith(KNOWN_KEYS) ? issue.message.slice(KNOWN_KEYS.length).split(', ') : issue.path.length === 0 ? knownKeys : [];
      for (const key of issue.keys) {
        const guess = closest(key, keys);
        out.push({
          file,
          line: lineOf([...issue.path, key]),
          code: 'unknown-key',
          message: `unknown key "${key}"${field ? ` in ${label(issue.path)}` : ''}`,
          hint: guess ? `did you mean "${guess}"?` : keys.length ? `${KNOWN_KEYS}${keys.join(', ')}` : 'remove it',
          severity: 'error',
        });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    // A named key reads "key is required" / "key must be text"; its parents come first ("modules item 2: ...").
    const last = issue.path.at(-1);
    const named = typeof last === 'string';
    const parents = label(named ? issue.path.slice(0, -1) : issue.path);
    let message = issue.message;
    if (missing && !message.includes('required')) message = `${named ? last : 'this entry'} is required`;
    else if (named && !message.startsWith(last)) message = `${last}: ${message}`;
    if (parents && !(issue.path.length === 1 && named)) message = `${parents}: ${message}`;
    if (issue.code === 'invalid_type' && !missing) message += `; found ${describe(issue.input)}`;
    out.push({ file, line: lineOf(issue.path), code: missing ? 'missing-key' : 'invalid-value', message, severity: 'error' });
  }
  return out;
}
