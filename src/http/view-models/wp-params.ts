// Reads WordPress REST query parameters with WordPress's own validation rules and messages; every problem
// found is reported at once as `rest_invalid_param`, unknown parameters are ignored as WordPress does.
import { parseIsoDate } from '../../lib/dates.js';
import { invalidParams, type WpParamProblem } from './wp-errors.js';

export type Query = Record<string, unknown>;

/** "a and b", "a, b, and c": WordPress's `%l` list format used in its enum messages. */
export function wpList(values: readonly string[]): string {
  if (values.length <= 2) return values.join(' and ');
  return `${values.slice(0, -1).join(', ')}, and ${values.at(-1) ?? ''}`;
}

const INTEGER = /^\s*[+-]?\d+\s*$/;

export class ParamReader {
  private readonly problems = new Map<string, WpParamProblem>();

  constructor(private readonly query: Query) {}

  /** Every value given for `name`, including PHP-style `name[]=` repeats, in order. */
  private values(name: string): string[] | undefined {
    const out: string[] = [];
    let seen = false;
    for (const key of [name, `${name}[]`]) {
      const v = this.query[key];
      if (v === undefined) continue;
      seen = true;
      for (const item of Array.isArray(v) ? v : [v]) if (typeof item === 'string') out.push(item);
    }
    return seen ? out : undefined;
  }

  /** The last value given, as PHP keeps the last of repeated scalar parameters. */
  private scalar(name: string): string | undefined {
    const v = this.values(name);
    return v === undefined ? undefined : (v.at(-1) ?? '');
  }

  has(name: string): boolean {
    return this.values(name) !== undefined;
  }

  private problem(name: string, code: string, message: string): void {
    if (!this.problems.has(name)) this.problems.set(name, { code, message });
  }

  int(name: string, rule: { min: number; max?: number; def: number }): number {
    const raw = this.scalar(name);
    if (raw === undefined) return rule.def;
    if (!INTEGER.test(raw) || !Number.isSafeInteger(Number(raw))) {
      this.problem(name, 'rest_invalid_type', `${name} is not of type integer.`);
      return rule.def;
    }
    const n = Number(raw);
    if (rule.max !== undefined && (n < rule.min || n > rule.max)) {
      this.problem(
        name,
        'rest_out_of_bounds',
        `${name} must be between ${rule.min} (inclusive) and ${rule.max} (inclusive)`,
      );
      return rule.def;
    }
    if (n < rule.min) {
      this.problem(name, 'rest_out_of_bounds', `${name} must be greater than or equal to ${rule.min}`);
      return rule.def;
    }
    return n;
  }

  /** A comma- or space-separated list (or repeated parameter) of positive integers; null when absent. */
  intList(name: string): number[] | null {
    const raw = this.values(name);
    if (raw === undefined) return null;
    const items = raw.flatMap((v) => v.split(/[\s,]+/)).filter((v) => v !== '');
    const out: number[] = [];
    items.forEach((item, i) => {
      if (!INTEGER.test(item) || !Number.isSafeInteger(Number(item)))
        this.problem(name, 'rest_invalid_type', `${name}[${i}] is not of type integer.`);
      else out.push(Number(item));
    });
    return out;
  }

  stringList(name: string): string[] | null {
    const raw = this.values(name);
    if (raw === undefined) return null;
    return raw
      .flatMap((v) => v.split(/[\s,]+/))
      .map((v) => v.trim())
      .filter((v) => v !== '');
  }

  string(name: string, maxLength = 2000): string | null {
    const raw = this.scalar(name);
    if (raw === undefined) return null;
    if (raw.length > maxLength) {
      this.problem(name, 'rest_too_long', `${name} must be at most ${maxLength} characters long.`);
      return null;
    }
    return raw;
  }

  oneOf<T extends string>(name: string, values: readonly T[], def: T): T {
    const raw = this.scalar(name);
    if (raw === undefined) return def;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    this.problem(name, 'rest_not_in_enum', `${name} is not one of ${wpList(values)}.`);
    return def;
  }

  bool(name: string): boolean | null {
    const raw = this.scalar(name);
    if (raw === undefined) return null;
    const v = raw.toLowerCase();
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0' || v === '') return false;
    this.problem(name, 'rest_invalid_type', `${name} is not of type boolean.`);
    return null;
  }

  /** An ISO 8601 date-time; WordPress reads one without a zone in the site's zone, which here is UTC. */
  date(name: string): number | null {
    const raw = this.scalar(name);
    if (raw === undefined) return null;
    const t = parseIsoDate(raw);
    if (t === null) this.problem(name, 'rest_invalid_date', 'Invalid date.');
    return t;
  }

  /** Throws WordPress's 400 if any parameter read so far was invalid. */
  finish(): void {
    if (this.problems.size > 0) throw invalidParams(this.problems);
  }
}
