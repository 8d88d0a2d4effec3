// Small readers for the server's own HTML in the reader-site tests: an element by a marker in its opening
// tag, its links and its visible text. Enough for Folio's templates; not a general HTML parser.

export interface Link {
  href: string;
  text: string;
  /** The whole opening tag, for attributes such as rel, hreflang or aria-current. */
  tag: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

export function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#\d+|#x[\da-f]+);/gi, (_, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? '';
  });
}

/** The HTML inside an element (its own opening and closing tags removed). */
export function inner(el: string): string {
  return el.replace(/^<[^>]*>/, '').replace(/<\/[a-z0-9]+>$/i, '');
}

/** Visible text: tags removed, entities decoded, whitespace collapsed. */
export function textOf(html: string): string {
  return decode(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The first `<tag …>` whose opening tag contains `marker` (e.g. 'class="toc"'), up to its matching close
 * tag, or null when there is none.
 */
export function element(html: string, tag: string, marker = ''): string | null {
  const open = new RegExp(`<${tag}(?=[\\s>])[^>]*>`, 'g');
  let start = -1;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    if (m[0].includes(marker)) {
      start = m.index;
      break;
    }
  }
  if (start === -1) return null;
  const any = new RegExp(`<${tag}(?=[\\s>])[^>]*>|</${tag}>`, 'g');
  any.lastIndex = start;
  let depth = 0;
  for (let m = any.exec(html); m; m = any.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  return html.slice(start);
}

/** Like element(), but a missing element fails the test with a message naming it. */
export function mustFind(html: string, tag: string, marker = ''): string {
  const found = element(html, tag, marker);
  if (found === null) throw new Error(`no <${tag}> with ${marker || 'any attributes'} in the page`);
  return found;
}

export function links(html: string): Link[] {
  return [...html.matchAll(/(<a\s[^>]*>)([\s\S]*?)<\/a>/g)].map((m) => {
    const tag = m[1] ?? '';
    return { href: decode(/\shref="([^"]*)"/.exec(tag)?.[1] ?? ''), text: textOf(m[2] ?? ''), tag };
  });
}

export function hrefs(html: string): string[] {
  return links(html).map((l) => l.href);
}

/** The value of `name` in the first tag matching `tagPattern` (a regex source such as '<img[^>]*>'). */
export function attr(html: string, tagPattern: string, name: string): string | null {
  const tag = new RegExp(tagPattern).exec(html)?.[0];
  if (!tag) return null;
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? null : decode(value);
}

/** Titles of the article cards on a listing page, in page order. */
export function cardTitles(html: string): string[] {
  return [...html.matchAll(/<h[23] class="card__title"><a href="[^"]*">([\s\S]*?)<\/a>/g)].map((m) =>
    textOf(m[1] ?? ''),
  );
}

/** Paths of the article cards on a listing page, in page order. */
export function cardPaths(html: string): string[] {
  return [...html.matchAll(/<h[23] class="card__title"><a href="([^"]*)">/g)].map((m) => decode(m[1] ?? ''));
}
