// Bench options: sizes (--large, --sizes), durations and --help, parsed without running anything.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/bench/args.js';

describe('bench arguments', () => {
  it('runs 1k and 10k by default', () => {
    expect(parseArgs([]).sizes).toEqual([1000, 10_000]);
  });

  it('--large runs 1k, 10k and 100k in one run', () => {
    expect(parseArgs(['--large']).sizes).toEqual([1000, 10_000, 100_000]);
  });

  it('--sizes sets the sizes, and --large adds to them without repeats', () => {
    expect(parseArgs(['--sizes', '500,2000']).sizes).toEqual([500, 2000]);
    expect(parseArgs(['--sizes', '2000,1000', '--large']).sizes).toEqual([1000, 2000, 10_000, 100_000]);
  });

  it('reads the other options', () => {
    const a = parseArgs(['--duration', '3', '--search', '40', '--search-seconds', '9', '--saves', '7']);
    expect(a).toMatchObject({
      durationSeconds: 3,
      searchPerKind: 40,
      searchSeconds: 9,
      saves: 7,
      help: false,
    });
  });

  it('--help is noticed wherever it is', () => {
    expect(parseArgs(['--sizes', '10', '--help']).help).toBe(true);
  });

  it('names the option it cannot use', () => {
    expect(() => parseArgs(['--sizes', '1000,ten'])).toThrow(/--sizes needs a whole number/);
    expect(() => parseArgs(['--duration'])).toThrow(/--duration needs a value/);
    expect(() => parseArgs(['--size', '10'])).toThrow(/unknown option --size/);
  });
});
