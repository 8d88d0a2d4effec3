// Compact forms of what an index keeps in memory for every article. JSON.parse makes a fresh copy of
// every string it reads, so 100,000 articles would hold 1.6 million copies of link targets, tags and
// key terms that are mostly the same few thousand strings. The pool keeps one copy of each; key terms
// become numbers in a process-wide term table and an article's terms one Int32Array.

const pool = new Map<string, string>();

/** The pooled copy of `s` (the first one seen). */
export function intern<T extends string>(s: T): T {
  const held = pool.get(s);
  if (held !== undefined) return held as T;
  pool.set(s, s);
  return s;
}

/** Pooled copies of a list of strings (a shared empty array when the list is empty). */
export function internAll(list: readonly string[]): string[] {
  return list.length === 0 ? EMPTY : list.map(intern);
}

const EMPTY: string[] = [];
Object.freeze(EMPTY);

const termIds = new Map<string, number>();
const termNames: string[] = [];

/** The number of `term` in the process's term table (added on first sight). */
export function termId(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = termNames.length;
    termIds.set(term, id);
    termNames.push(term);
  }
  return id;
}

export function termName(id: number): string {
  const name = termNames[id];
  if (name === undefined) throw new RangeError(`no term ${id}`);
  return name;
}

/** How many terms the table holds: ids are below this. */
export function termCount(): number {
  return termNames.length;
}

/** An article's key terms with their counts, as [term id, count, term id, count, …]. */
export type PackedTerms = Int32Array;

export function packTerms(terms: readonly (readonly [string, number])[]): PackedTerms {
  const out = new Int32Array(terms.length * 2);
  terms.forEach(([t, c], i) => {
    out[2 * i] = termId(t);
    out[2 * i + 1] = c;
  });
  return out;
}

export function unpackTerms(packed: PackedTerms): [string, number][] {
  const out: [string, number][] = [];
  for (let k = 0; k < packed.length; k += 2) out.push([termName(packed[k] ?? 0), packed[k + 1] ?? 0]);
  return out;
}
