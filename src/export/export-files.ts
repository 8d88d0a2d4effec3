// The static export's file chores: public/ and image variants copied through the output, the root
// fallback page, and the internal link check over what was written.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMAGE_PREFIX, VARIANT_NAME } from '../content/image-variants.js';
import { escapeHtml } from '../lib/html.js';
import { candidatesFor } from './file-layout.js';
import { internalLinks, type BrokenLink } from './link-check.js';
import type { ExportOutput } from './output.js';

/** Paths that need the running server (the JSON API); links to them are not checked. */
const DYNAMIC = /^\/wp-json(\/|$)/;

export function checkLinks(
  outDir: string,
  written: ReadonlyMap<string, number>,
  origin: string,
  redirectSources: ReadonlySet<string>,
): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const resolves = (path: string) =>
    DYNAMIC.test(path) || redirectSources.has(path) || candidatesFor(path).some((f) => written.has(f));
  for (const file of written.keys()) {
    const kind = file.endsWith('.html') ? 'html' : /\.(xml|atom)$/.test(file) ? 'xml' : null;
    if (!kind) continue;
    const text = readFileSync(join(outDir, file), 'utf8');
    for (const path of internalLinks(text, kind, origin))
      if (!resolves(path)) broken.push({ file, href: path });
  }
  return broken;
}

/** The image variants, under the names the exported HTML uses (files a CDN can cache forever). */
export function copyVariants(cacheDir: string, out: ExportOutput): void {
  let names: string[];
  try {
    names = readdirSync(cacheDir).filter((n) => VARIANT_NAME.test(n));
  } catch {
    return; // no cache: the site has no local raster images
  }
  const folder = IMAGE_PREFIX.replace(/^\/|\/$/g, '');
  for (const name of names) out.copy(`${folder}/${name}`, join(cacheDir, name));
}

export function rootFallback(path: string): string {
  const to = escapeHtml(path);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Redirecting…</title>
<meta http-equiv="refresh" content="0; url=${to}">
<link rel="canonical" href="${to}">
</head>
<body><p><a href="${to}">${to}</a></p></body>
</html>
`;
}

export function listFiles(root: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(root, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}
