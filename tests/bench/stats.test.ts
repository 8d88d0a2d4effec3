// Bench percentiles: nearest rank, so a p99 is always a measured sample.
import { describe, expect, it } from 'vitest';
import { percentile, summarise } from '../../src/bench/stats.js';

describe('bench percentiles', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose

  it('uses the nearest rank, so every percentile is a measured sample', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([7], 99)).toBe(7);
  });

  it('p99 of a short stream is its slowest sample, not an average of the two slowest', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 50], 99)).toBe(50);
  });

  it('has no value without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises to one decimal', () => {
    expect(summarise([1.04, 2.26, 3.91])).toEqual({ n: 3, p50: 2.3, p99: 3.9, max: 3.9 });
  });
});
