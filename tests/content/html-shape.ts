// What stored body HTML says as written (elements, their attributes and written parents), and how a
// browser's tree builder reads it back: the facts the valid-HTML tests assert.
import { defaultTreeAdapter, html as parse5Html, parseFragment, serialize } from 'parse5';

export interface WrittenElement {
  name: string;
  attrs: Map<string, string>;
  /** The element the markup places it in, as written (before any browser repair); '' at the top level. */
  parent: string;
}

const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR_RE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Every start tag in order, with the parent the markup gives it (a stack of open tags, no repair). */
export function writtenElements(html: string): WrittenElement[] {
  const out: WrittenElement[] = [];
  const open: string[] = [];
  for (const m of html.matchAll(TAG_RE)) {
    const name = (m[2] ?? '').toLowerCase();
    if (m[1] === '/') {
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of (m[3] ?? '').matchAll(ATTR_RE)) attrs.set((a[1] ?? '').toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    out.push({ name, attrs, parent: open.at(-1) ?? '' });
    if (!VOID.has(name)) open.push(name);
  }
  return out;
}

export function headingLevels(html: string): number[] {
  return writtenElements(html)
    .filter((e) => /^h[1-6]$/.test(e.name))
    .map((e) => Number(e.name.slice(1)));
}

export function headingIds(html: string): string[] {
  return writtenElements(html)
    .filter((e) => /^h[1-6]$/.test(e.name))
    .map((e) => e.attrs.get('id') ?? '');
}

/** The fragment parsed as a browser parses a div's innerHTML, then serialised again (parse5 both ways). */
export function reparsed(html: string): string {
  const context = defaultTreeAdapter.createElement('div', parse5Html.NS.HTML, []);
  return serialize(parseFragment(context, html, {}));
}
