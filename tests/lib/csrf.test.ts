// Form tokens and the same-origin check behind the enquiry form.
import { describe, expect, it } from 'vitest';
import { isCrossSite, signFormToken, verifyFormToken } from '../../src/lib/csrf.js';

const SECRET = 'test-secret';
const T0 = Date.parse('2026-12-01T12:00:00Z');
const DAY = 86_400_000;

describe('form tokens', () => {
  const token = signFormToken(SECRET, 'course:data-engineer', 'key-1', T0);

  it('when a token is checked with the same secret, scope and key within its lifetime, then it is valid', () => {
    expect(token).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyFormToken(SECRET, 'course:data-engineer', 'key-1', token, T0 + DAY - 1000, DAY)).toBe(
      'valid',
    );
  });

  it('when its lifetime has passed, then it is expired, not invalid', () => {
    expect(verifyFormToken(SECRET, 'course:data-engineer', 'key-1', token, T0 + DAY + 1000, DAY)).toBe(
      'expired',
    );
  });

  it('when the secret, scope or key differs, or the token is altered, then it is invalid', () => {
    expect(verifyFormToken('other', 'course:data-engineer', 'key-1', token, T0, DAY)).toBe('invalid');
    expect(verifyFormToken(SECRET, 'course:data-analyst', 'key-1', token, T0, DAY)).toBe('invalid');
    expect(verifyFormToken(SECRET, 'course:data-engineer', 'key-2', token, T0, DAY)).toBe('invalid');
    const [issued, sig] = token.split('.') as [string, string];
    const later = `${(parseInt(issued, 36) + 3600).toString(36)}.${sig}`;
    expect(verifyFormToken(SECRET, 'course:data-engineer', 'key-1', later, T0, DAY)).toBe('invalid');
    for (const bad of ['', 'x', `${issued}.`, `${issued}.${sig}x`, `${issued}.${sig.slice(0, -1)}!`])
      expect(verifyFormToken(SECRET, 'course:data-engineer', 'key-1', bad, T0, DAY), bad).toBe('invalid');
  });

  it('when a token comes from a clock up to 5 minutes ahead, then it is accepted; further ahead it is not', () => {
    const ahead = (ms: number) => signFormToken(SECRET, 's', 'k', T0 + ms);
    expect(verifyFormToken(SECRET, 's', 'k', ahead(4 * 60_000), T0, DAY)).toBe('valid');
    expect(verifyFormToken(SECRET, 's', 'k', ahead(6 * 60_000), T0, DAY)).toBe('invalid');
  });
});

describe('isCrossSite', () => {
  const host = 'blog.example.com';
  it('when the browser says same-origin or sends no headers, then the request is same-site', () => {
    expect(isCrossSite({ origin: undefined, secFetchSite: undefined, host }, [])).toBe(false);
    expect(isCrossSite({ origin: 'https://blog.example.com', secFetchSite: 'same-origin', host }, [])).toBe(
      false,
    );
    expect(isCrossSite({ origin: 'https://BLOG.example.com', secFetchSite: undefined, host }, [])).toBe(
      false,
    );
    expect(isCrossSite({ origin: undefined, secFetchSite: 'none', host }, [])).toBe(false);
  });

  it('when Sec-Fetch-Site says another site, or Origin is another host, null or garbage, then it is cross-site', () => {
    expect(isCrossSite({ origin: undefined, secFetchSite: 'cross-site', host }, [])).toBe(true);
    expect(isCrossSite({ origin: undefined, secFetchSite: 'same-site', host }, [])).toBe(true);
    expect(isCrossSite({ origin: 'https://evil.example', secFetchSite: undefined, host }, [])).toBe(true);
    expect(isCrossSite({ origin: 'null', secFetchSite: undefined, host }, [])).toBe(true);
    expect(isCrossSite({ origin: 'not a url', secFetchSite: undefined, host }, [])).toBe(true);
    expect(
      isCrossSite({ origin: 'https://blog.example.com', secFetchSite: undefined, host: undefined }, []),
    ).toBe(true);
  });

  it('when Origin is one of the allowed origins (SITE_URL behind a proxy), then it is same-site whatever the Host', () => {
    const req = { origin: 'https://blog.example.com', secFetchSite: undefined, host: '127.0.0.1:3000' };
    expect(isCrossSite(req, ['https://blog.example.com'])).toBe(false);
    expect(isCrossSite(req, [])).toBe(true);
  });
});
