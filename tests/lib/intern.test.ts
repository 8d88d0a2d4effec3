// The compact in-memory forms: one copy of each repeated string, key terms packed as numbers.
import { describe, expect, it } from 'vitest';
import {
  intern,
  internAll,
  packTerms,
  termCount,
  termId,
  termName,
  unpackTerms,
} from '../../src/lib/intern.js';

describe('intern', () => {
  it('when two equal strings are built separately, then both intern to the first copy', () => {
    const a = JSON.parse('"en/joins-explained"') as string;
    const b = JSON.parse('"en/joins-explained"') as string;
    expect(intern(a)).toBe(a);
    expect(intern(b)).toBe(a);
    expect(internAll([b, 'other'])).toEqual(['en/joins-explained', 'other']);
  });

  it('when a list is empty, then the shared empty list is returned and cannot be changed', () => {
    const empty = internAll([]);
    expect(empty).toEqual([]);
    expect(() => empty.push('x')).toThrow();
  });
});

describe('packed terms', () => {
  it('when terms are packed and unpacked, then words and counts come back in order', () => {
    const terms: [string, number][] = [
      ['pipeline', 7],
      ['airflow', 3],
      ['pipeline-x', 1],
    ];
    const packed = packTerms(terms);
    expect(packed).toBeInstanceOf(Int32Array);
    expect(packed.length).toBe(6);
    expect(unpackTerms(packed)).toEqual(terms);
  });

  it('when the same term is seen twice, then it keeps one id', () => {
    const id = termId('warehouse');
    const before = termCount();
    expect(termId('warehouse')).toBe(id);
    expect(termCount()).toBe(before);
    expect(termName(id)).toBe('warehouse');
    expect(() => termName(before + 10)).toThrow(RangeError);
  });
});
