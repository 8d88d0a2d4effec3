// FixedWindowLimiter: N hits per window per key, a Retry-After in whole seconds, bounded memory.
import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from '../../src/lib/rate-limit.js';

const T0 = 1_000_000;

describe('FixedWindowLimiter', () => {
  it('when a key stays within the limit, then every hit is allowed; the next one is refused with the seconds left', () => {
    const limiter = new FixedWindowLimiter(3, 60_000);
    expect([T0, T0 + 1, T0 + 2].map((t) => limiter.hit('a', t))).toEqual(
      Array(3).fill({ allowed: true, retryAfterSec: 0 }),
    );
    expect(limiter.hit('a', T0 + 15_500)).toEqual({ allowed: false, retryAfterSec: 45 });
    expect(limiter.hit('a', T0 + 59_999)).toEqual({ allowed: false, retryAfterSec: 1 });
  });

  it('when the window has passed, then the key starts again', () => {
    const limiter = new FixedWindowLimiter(1, 60_000);
    expect(limiter.hit('a', T0).allowed).toBe(true);
    expect(limiter.hit('a', T0 + 1).allowed).toBe(false);
    expect(limiter.hit('a', T0 + 60_000).allowed).toBe(true);
  });

  it('when keys differ, then each has its own count', () => {
    const limiter = new FixedWindowLimiter(1);
    expect(limiter.hit('a', T0).allowed).toBe(true);
    expect(limiter.hit('b', T0).allowed).toBe(true);
    expect(limiter.hit('a', T0).allowed).toBe(false);
  });

  it('when more addresses arrive than it keeps, then the oldest are forgotten instead of memory growing', () => {
    const limiter = new FixedWindowLimiter(1, 60_000, 3);
    for (const key of ['a', 'b', 'c']) limiter.hit(key, T0);
    expect(limiter.hit('a', T0 + 1).allowed).toBe(false);
    // A fourth address while all three windows are live: "a", the oldest, is forgotten.
    expect(limiter.hit('d', T0 + 2).allowed).toBe(true);
    expect(limiter.hit('a', T0 + 3).allowed).toBe(true);
    expect(limiter.hit('c', T0 + 4).allowed).toBe(false);
  });
});
