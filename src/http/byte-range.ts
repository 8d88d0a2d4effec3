// RFC 9110 byte ranges for responses Folio holds in memory: one range is answered with 206, an
// unsatisfiable one with 416, and many ranges are merged or, if still many, ignored (no multipart
// amplification). Pure: header text and a length in, a decision out.

export type RangeDecision =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const SPEC = /^(\d*)-(\d*)$/;

/** The ranges a `Range` header asks of `size` bytes; null when the header is not a valid bytes range. */
function satisfiable(header: string, size: number): { start: number; end: number }[] | null {
  const m = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!m) return null;
  const out: { start: number; end: number }[] = [];
  for (const raw of (m[1] ?? '').split(',')) {
    const spec = SPEC.exec(raw.trim());
    if (!spec || (spec[1] === '' && spec[2] === '')) return null;
    if (spec[1] === '') {
      const suffix = Number(spec[2]);
      if (suffix > 0 && size > 0) out.push({ start: Math.max(0, size - suffix), end: size - 1 });
      continue;
    }
    const start = Number(spec[1]);
    const last = spec[2] === '' ? Infinity : Number(spec[2]);
    if (last < start) return null;
    if (start < size) out.push({ start, end: Math.min(last, size - 1) });
  }
  return out;
}

/** Overlapping or adjacent ranges become one, so a client cannot ask for the same bytes many times. */
function coalesce(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

export function decideRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined) return { kind: 'full' };
  const ranges = satisfiable(header, size);
  if (ranges === null) return { kind: 'full' };
  if (ranges.length === 0) return { kind: 'unsatisfiable' };
  const merged = coalesce(ranges);
  const only = merged[0];
  // Several disjoint ranges would need multipart/byteranges; answering the whole body is allowed and bounded.
  return merged.length === 1 && only
    ? { kind: 'partial', start: only.start, end: only.end }
    : { kind: 'full' };
}

/**
 * If-Range: the range applies only while the client's validator still names this representation — an
 * entity tag by strong comparison, or a date equal to Last-Modified.
 */
export function ifRangeHolds(ifRange: string | undefined, etag: string, lastModified: string): boolean {
  if (ifRange === undefined) return true;
  const v = ifRange.trim();
  if (v.startsWith('"') || v.startsWith('W/')) return v === etag;
  const t = Date.parse(v);
  return Number.isFinite(t) && t === Date.parse(lastModified);
}
