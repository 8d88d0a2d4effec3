// Preview tokens: a link works for its own article until it expires; any change to it, or any junk, is refused.
import { describe, expect, it } from 'vitest';
import { signPreview, verifyPreview } from '../../src/lib/preview-token.js';

const SECRET = 'a-test-secret-of-some-length';
const T0 = Date.parse('2026-12-01T12:00:00Z');
const DAY = 86_400_000;
const target = { lang: 'en', slug: 'my-draft' };

describe('preview tokens', () => {
  it('when signed for an article, then it verifies for that article until its expiry', () => {
    const token = signPreview(target, T0 + 7 * DAY, SECRET);
    expect(verifyPreview(token, target, SECRET, T0)).toBe(T0 + 7 * DAY);
    expect(verifyPreview(token, target, SECRET, T0 + 7 * DAY - 1000)).toBe(T0 + 7 * DAY);
  });

  it('when the expiry has passed, then it is refused', () => {
    const token = signPreview(target, T0 + DAY, SECRET);
    expect(verifyPreview(token, target, SECRET, T0 + DAY)).toBeNull();
    expect(verifyPreview(token, target, SECRET, T0 + 30 * DAY)).toBeNull();
  });

  it('when used for another slug or language, then it is refused', () => {
    const token = signPreview(target, T0 + DAY, SECRET);
    expect(verifyPreview(token, { lang: 'en', slug: 'my-draft-2' }, SECRET, T0)).toBeNull();
    expect(verifyPreview(token, { lang: 'fr', slug: 'my-draft' }, SECRET, T0)).toBeNull();
    // The separator keeps the parts apart: moving a character from one to the other changes the signature.
    const split = signPreview({ lang: 'e', slug: 'nmy-draft' }, T0 + DAY, SECRET);
    expect(verifyPreview(split, target, SECRET, T0)).toBeNull();
  });

  it('when the expiry or the signature is edited, or another secret signed it, then it is refused', () => {
    const token = signPreview(target, T0 + DAY, SECRET);
    const [expiry = '', sig = ''] = token.split('.');
    expect(verifyPreview(`${Number(expiry) + 86_400}.${sig}`, target, SECRET, T0)).toBeNull();
    const flipped = `${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    expect(verifyPreview(`${expiry}.${flipped}`, target, SECRET, T0)).toBeNull();
    // The last character carries two spare bits: another spelling of the same bytes is still refused.
    const last = sig.at(-1) === 'A' ? 'B' : 'A';
    expect(verifyPreview(`${expiry}.${sig.slice(0, -1)}${last}`, target, SECRET, T0)).toBeNull();
    expect(verifyPreview(signPreview(target, T0 + DAY, 'another-secret'), target, SECRET, T0)).toBeNull();
    expect(verifyPreview(token, target, '', T0)).toBeNull();
  });

  it('when given garbage of any shape, then it answers null without throwing', () => {
    const token = signPreview(target, T0 + DAY, SECRET);
    const junk: unknown[] = [
      undefined,
      null,
      42,
      {},
      [token, token],
      '',
      '.',
      'abc',
      `${token}x`,
      `x${token}`,
      token.replace('.', '..'),
      `${'9'.repeat(400)}.${token.split('.')[1]}`,
      '%00%ff',
      'é'.repeat(10_000),
      '1.' + '='.repeat(43),
    ];
    for (const value of junk) expect(verifyPreview(value, target, SECRET, T0)).toBeNull();
  });
});
