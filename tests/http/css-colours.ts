// Reads colour declarations out of a plain CSS stylesheet per colour scheme, and WCAG 2.x contrast maths,
// so tests can check legibility against the stylesheet the site actually serves.

export type Scheme = 'light' | 'dark';

export interface CssRule {
  selectors: string[];
  declarations: Map<string, string>;
  /** The enclosing @media/@supports conditions, outermost first; empty at top level. */
  conditions: string[];
}

/** A value that can apply in a scheme, and whether something else (a width query) must also hold. */
export interface Candidate {
  value: string;
  selector: string;
  conditional: boolean;
  /** True when the declaration sits inside a prefers-color-scheme block for this scheme. */
  schemeSpecific: boolean;
}

/** Splits on `separator` at depth 0, outside quotes and parentheses. */
function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Index of the `}` closing the block that opens just before `from`. */
function blockEnd(css: string, from: number): number {
  let depth = 1;
  for (let i = from; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces after offset ${from}`);
}

/** Parses rules, descending into @media and @supports; other block at-rules (keyframes, font-face) are skipped. */
export function parseCss(text: string, conditions: string[] = []): CssRule[] {
  const css = text.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: CssRule[] = [];
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open === -1) break;
    const prelude = css.slice(i, open).trim();
    const close = blockEnd(css, open + 1);
    const body = css.slice(open + 1, close);
    i = close + 1;
    if (/^@(media|supports)\b/.test(prelude)) rules.push(...parseCss(body, [...conditions, prelude]));
    else if (prelude.startsWith('@')) continue;
    else {
      // Nested CSS would be misread as declarations: refuse it so the check cannot pass by accident.
      if (body.includes('{')) throw new Error(`nested rules inside "${prelude}" are not supported`);
      const declarations = new Map<string, string>();
      for (const d of splitTop(body, ';')) {
        const colon = d.indexOf(':');
        if (colon > 0) declarations.set(d.slice(0, colon).trim().toLowerCase(), d.slice(colon + 1).trim());
      }
      const selectors = splitTop(prelude, ',').map((s) => s.replace(/\s+/g, ' '));
      rules.push({ selectors, declarations, conditions });
    }
  }
  return rules;
}

/** Whether a rule's conditions can hold on screen in `scheme`, and whether they always do. */
function applies(rule: CssRule, scheme: Scheme): { can: boolean; always: boolean; schemeSpecific: boolean } {
  let always = true;
  let schemeSpecific = false;
  for (const c of rule.conditions) {
    const m = /prefers-color-scheme:\s*(light|dark)/.exec(c);
    if (/\bprint\b/.test(c) && !/\bscreen\b/.test(c)) return { can: false, always: false, schemeSpecific };
    if (m) {
      if (m[1] !== scheme) return { can: false, always: false, schemeSpecific };
      schemeSpecific = true;
    }
    // Anything beyond the colour scheme (a width, a hover capability) holds only sometimes.
    if (c.replace(/@media|@supports|\(\s*prefers-color-scheme:\s*\w+\s*\)|\band\b|\bscreen\b|\s/g, '') !== '')
      always = false;
  }
  return { can: true, always, schemeSpecific };
}

/**
 * Every value of `property` that can be in force in `scheme` for selectors matching `want`, keyed by
 * selector: a later declaration that always applies replaces earlier ones, a conditional one adds to them.
 */
export function candidates(
  rules: CssRule[],
  scheme: Scheme,
  want: (selector: string) => boolean,
  properties: string[],
): Map<string, Candidate[]> {
  const found = new Map<string, Candidate[]>();
  for (const rule of rules) {
    const { can, always, schemeSpecific } = applies(rule, scheme);
    if (!can) continue;
    const property = properties.find((p) => rule.declarations.has(p));
    if (!property) continue;
    const value = rule.declarations.get(property) ?? '';
    for (const selector of rule.selectors.filter(want)) {
      const candidate = { value, selector, conditional: !always, schemeSpecific };
      found.set(selector, always ? [candidate] : [...(found.get(selector) ?? []), candidate]);
    }
  }
  return found;
}

/** Replaces var(--x) with the value of the custom property on :root in `scheme` (every possible value). */
export function resolveVars(value: string, rules: CssRule[], scheme: Scheme, depth = 0): string[] {
  const m = /var\(\s*(--[\w-]+)\s*(?:,([^)]*))?\)/.exec(value);
  if (!m) return [value];
  if (depth > 10) throw new Error(`custom properties in "${value}" refer to each other in a loop`);
  const name = m[1] ?? '';
  const defined = candidates(rules, scheme, (s) => s === ':root' || s === 'html', [name]);
  const values = [...defined.values()].flat().map((c) => c.value);
  if (values.length === 0 && m[2] !== undefined) values.push(m[2].trim());
  if (values.length === 0) throw new Error(`${name} is not defined on :root in the ${scheme} scheme`);
  return values.flatMap((v) => resolveVars(value.replace(m[0], v), rules, scheme, depth + 1));
}

export type Rgb = readonly [number, number, number];

const NAMED: Record<string, string> = { white: '#ffffff', black: '#000000' };

/** The colour in a `color` value or a `background` shorthand, or null when it names none (an image). */
export function parseColour(value: string): Rgb | null {
  const text = value.trim().toLowerCase();
  const hex = /#([0-9a-f]{3,8})\b/.exec(text)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((h) => h + h).join('') : hex;
    if (full.length === 8 && full.slice(6) !== 'ff')
      throw new Error(`translucent colour ${value} is not supported`);
    return [0, 2, 4].map((o) => parseInt(full.slice(o, o + 2), 16)) as unknown as Rgb;
  }
  const rgb = /rgba?\(([^)]*)\)/.exec(text)?.[1];
  if (rgb) {
    const [r = 0, g = 0, b = 0, a = 1] = rgb
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    if (a < 1) throw new Error(`translucent colour ${value} is not supported`);
    return [r, g, b];
  }
  const named = NAMED[text];
  if (named) return parseColour(named);
  if (/^(none|transparent|inherit|initial|unset|currentcolor)$/.test(text) || text.includes('url('))
    return null;
  throw new Error(`cannot read a colour from "${value}"`);
}

/** WCAG 2.x relative luminance of an sRGB colour. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2.x contrast ratio, from 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
