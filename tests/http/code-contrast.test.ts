// Every highlight.js token colour in the served stylesheet reaches WCAG AA (4.5:1) against the code block
// it is painted on, in the light and the dark colour scheme; the colours are read from the file itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicDir } from '../../src/paths.js';
import {
  candidates,
  contrast,
  hex,
  parseColour,
  parseCss,
  resolveVars,
  type CssRule,
  type Rgb,
  type Scheme,
} from './css-colours.js';

const STYLESHEET = join(publicDir, 'css', 'site.css');
// Code is set smaller than body text and is never "large text", so the normal-text AA minimum applies.
const MINIMUM = 4.5;
const BACKGROUND = ['background-color', 'background'];

const compounds = (selector: string) => selector.split(/\s*[\s>+~]\s*/);
const lastCompound = (selector: string) => compounds(selector).at(-1) ?? '';
const isPre = (compound: string) => /^pre(?![\w-])/.test(compound);
/** A token class: .hljs-comment, .hljs-function .hljs-title … */
const isToken = (s: string) => /\.hljs-[\w-]/.test(lastCompound(s));
/** The highlighted <code class="hljs"> inside the block, which paints over the <pre> when it has a background. */
const isInnerBlock = (s: string) =>
  /\.hljs(?![\w-])/.test(lastCompound(s)) ||
  (/^code(?![\w-])/.test(lastCompound(s)) && compounds(s).slice(0, -1).some(isPre));
const isOuterBlock = (s: string) => isPre(lastCompound(s));

interface Shade {
  colour: Rgb;
  from: string;
}

/** Every colour that `property` on selectors matching `want` can resolve to in `scheme`. */
function shades(
  rules: CssRule[],
  scheme: Scheme,
  want: (s: string) => boolean,
  properties: string[],
): Shade[] {
  return [...candidates(rules, scheme, want, properties).values()].flat().flatMap((c) =>
    resolveVars(c.value, rules, scheme).flatMap((v) => {
      const colour = parseColour(v);
      return colour ? [{ colour, from: `${c.selector} { ${c.value} }` }] : [];
    }),
  );
}

/** The code block's background: the innermost element that paints one, else the page behind it. */
function blockBackgrounds(rules: CssRule[], scheme: Scheme): Shade[] {
  for (const want of [isInnerBlock, isOuterBlock, (s: string) => s === 'body' || s === 'html']) {
    const found = shades(rules, scheme, want, BACKGROUND);
    if (found.length > 0) return found;
  }
  throw new Error(`no background for code blocks in the ${scheme} scheme`);
}

interface Pairing {
  scheme: Scheme;
  selector: string;
  fg: Rgb;
  bg: Shade;
  ratio: number;
  schemeSpecific: boolean;
}

function tokenPairings(rules: CssRule[], scheme: Scheme): Pairing[] {
  const blocks = blockBackgrounds(rules, scheme);
  const pairings: Pairing[] = [];
  for (const [selector, colours] of candidates(rules, scheme, isToken, ['color'])) {
    // A token that paints its own background (an addition or deletion marker) is read against that.
    const own = shades(rules, scheme, (s) => s === selector, BACKGROUND);
    for (const c of colours)
      for (const value of resolveVars(c.value, rules, scheme)) {
        const fg = parseColour(value);
        if (!fg) continue;
        for (const bg of own.length > 0 ? own : blocks)
          pairings.push({
            scheme,
            selector,
            fg,
            bg,
            ratio: contrast(fg, bg.colour),
            schemeSpecific: c.schemeSpecific,
          });
      }
  }
  return pairings;
}

const describePairing = (p: Pairing) =>
  `${p.scheme}: ${p.selector} ${hex(p.fg)} on ${hex(p.bg.colour)} (${p.bg.from}) is ${p.ratio.toFixed(2)}:1, needs ${MINIMUM}:1`;

describe('the contrast maths', () => {
  it('when colours are compared, then the WCAG 2.x ratios come out (black on white 21:1, the issue’s comment 4.32:1)', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([255, 255, 255], [255, 255, 255])).toBe(1);
    // The pair Lighthouse reported in issue 10: #64748b on #f3f4f6.
    expect(contrast([0x64, 0x74, 0x8b], [0xf3, 0xf4, 0xf6]).toFixed(2)).toBe('4.32');
  });

  it('when a stylesheet overrides a token in a dark block, then dark mode reads the override against the dark background', () => {
    const rules = parseCss(`
      :root { --code: #fff; } @media (prefers-color-scheme: dark) { :root { --code: #000; } }
      /* comment { } */ .prose pre { background: var(--code); }
      .hljs-a, .hljs-b { color: #111; }
      @media (prefers-color-scheme: dark) { .hljs-a { color: #eee; } }
      @media print { .hljs-a { color: red; } }`);
    const pairs = (scheme: Scheme) =>
      tokenPairings(rules, scheme).map((p) => `${p.selector} ${hex(p.fg)}/${hex(p.bg.colour)}`);
    expect(pairs('light')).toEqual(['.hljs-a #111111/#ffffff', '.hljs-b #111111/#ffffff']);
    // .hljs-b has no dark override, so its light colour is what a dark-mode reader sees.
    expect(pairs('dark')).toEqual(['.hljs-a #eeeeee/#000000', '.hljs-b #111111/#000000']);
  });
});

describe('highlighted code in public/css/site.css', () => {
  const rules = parseCss(readFileSync(STYLESHEET, 'utf8'));

  for (const scheme of ['light', 'dark'] as const) {
    it(`when code is shown in the ${scheme} scheme, then every highlight.js token colour has at least ${MINIMUM}:1 against the code block`, () => {
      const pairings = tokenPairings(rules, scheme);
      // A parser that found nothing would pass vacuously: the site styles over a dozen token classes.
      expect(new Set(pairings.map((p) => p.selector)).size).toBeGreaterThanOrEqual(12);
      if (scheme === 'dark') {
        // …and the dark palette really comes from the prefers-color-scheme block, not the light rules.
        expect(pairings.filter((p) => p.schemeSpecific).length).toBeGreaterThanOrEqual(12);
        expect(hex(blockBackgrounds(rules, 'dark')[0]?.colour ?? [0, 0, 0])).not.toBe(
          hex(blockBackgrounds(rules, 'light')[0]?.colour ?? [0, 0, 0]),
        );
      }
      expect(pairings.filter((p) => p.ratio < MINIMUM).map(describePairing)).toEqual([]);
    });
  }
});
