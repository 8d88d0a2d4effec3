// The export's link check: every internal href/src of an exported page must be an exported file.
import { decodeHTML } from 'entities';

export interface BrokenLink {
  /** The exported file that holds the link. */
  file: string;
  href: string;
}

const ATTR = /\s(?:href|src|content)="([^"]*)"|\ssrcset="([^"]*)"/g;
const XML_URL = /<loc>([^<]*)<\/loc>|<link>([^<]*)<\/link>|\shref="([^"]*)"/g;

/** Internal site paths (no query or fragment) that a page or XML document refers to. */
export function internalLinks(text: string, kind: 'html' | 'xml', origin: string): string[] {
  const raw: string[] = [];
  if (kind === 'html') {
    for (const m of text.matchAll(ATTR)) {
      if (m[1] !== undefined) raw.push(m[1]);
      else for (const part of (m[2] ?? '').split(',')) raw.push(part.trim().split(/\s+/)[0] ?? '');
    }
  } else for (const m of text.matchAll(XML_URL)) raw.push(m[1] ?? m[2] ?? m[3] ?? '');
  const out = new Set<string>();
  for (const value of raw) {
    const href = decodeHTML(value).trim();
    let path: string | null = null;
    if (href.startsWith('/') && !href.startsWith('//')) path = href;
    else if (href.startsWith(`${origin}/`) || href === origin) path = href.slice(origin.length) || '/';
    if (path === null) continue;
    path = path.split(/[?#]/)[0] ?? path;
    try {
      out.add(decodeURI(path));
    } catch {
      out.add(path);
    }
  }
  return [...out];
}
