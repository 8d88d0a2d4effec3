// How site URLs become files, and the redirects files for static hosts. Pages are written as
// `<path>.html` (/en/my-article → en/my-article.html) so the canonical URLs keep working without a
// trailing slash on hosts that serve `x.html` for `/x` (Netlify, Cloudflare Pages, GitHub Pages, Vercel
// with cleanUrls, nginx with try_files); language homes (/en/) are `en/index.html`.

export interface RedirectRule {
  from: string;
  /** Where a 301 leads; for a 410, the not-found page shown with it. */
  to: string;
  /** 301 unless the page is gone for good (a deleted article): 410. */
  status?: 301 | 410;
}

/** The file (relative, forward slashes) that holds the response for a site path. */
export function fileFor(path: string): string {
  const rel = path.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) return `${rel}index.html`;
  const last = rel.slice(rel.lastIndexOf('/') + 1);
  return /\.[a-z0-9]+$/i.test(last) ? rel : `${rel}.html`;
}

/** The files a static host would try for a site path, in order. */
export function candidatesFor(path: string): string[] {
  const rel = path.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) return [`${rel}index.html`];
  return [rel, `${rel}.html`, `${rel}/index.html`];
}

/** Netlify and Cloudflare Pages `_redirects`: one `from to 301` rule per line. */
export function netlifyRedirects(rules: readonly RedirectRule[]): string {
  const lines = [
    '# Written by npm run export: the root redirect, every article alias and old slug (301), deleted articles (410).',
  ];
  for (const r of rules) lines.push(`${r.from} ${r.to} ${r.status ?? 301}`);
  return `${lines.join('\n')}\n`;
}

/** An nginx snippet to include in a server block: exact-match locations, with and without a trailing slash. */
export function nginxRedirects(rules: readonly RedirectRule[]): string {
  const lines = [
    '# Written by npm run export: include this file inside the server block that serves the export.',
  ];
  const quote = (p: string) => (/^[A-Za-z0-9._~\-/%]+$/.test(p) ? p : `"${p.replace(/["\\]/g, '')}"`);
  for (const r of rules) {
    const body =
      r.status === 410 ? `error_page 410 ${quote(r.to)}; return 410;` : `return 301 ${quote(r.to)};`;
    lines.push(`location = ${quote(r.from)} { ${body} }`);
    if (r.from !== '/' && !r.from.endsWith('/')) lines.push(`location = ${quote(`${r.from}/`)} { ${body} }`);
  }
  return `${lines.join('\n')}\n`;
}

/** Netlify and Cloudflare Pages `_headers`: long caching for fingerprinted assets, security headers everywhere. */
export function netlifyHeaders(csp: string): string {
  return [
    '/assets/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    '/*',
    `  Content-Security-Policy: ${csp}`,
    '  X-Content-Type-Options: nosniff',
    '  X-Frame-Options: DENY',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}

/**
 * A complete nginx server block for the export (include it in `http {}`): canonical URLs without a trailing
 * slash are served from `<path>.html`, redirects come from redirects.nginx.conf, and each language has its
 * own not-found page.
 */
export function nginxServer(options: {
  root: string;
  listen: string;
  languages: readonly string[];
  defaultLang: string;
}): string {
  const notFound = options.languages
    .filter((l) => l !== options.defaultLang)
    .map(
      (l) =>
        `  location /${l}/ {\n    error_page 404 /${l}/404.html;\n    try_files $uri $uri.html $uri/index.html =404;\n  }`,
    );
  return [
    '# Written by npm run export: a server block for this folder (include it inside http { }).',
    'server {',
    `  listen ${options.listen};`,
    `  root ${options.root};`,
    '  charset utf-8;',
    `  include ${options.root}/redirects.nginx.conf;`,
    '  location ~ ^/(_redirects|_headers|redirects\\.nginx\\.conf|nginx-site\\.conf)$ { return 404; }',
    '  location /assets/ {',
    '    add_header Cache-Control "public, max-age=31536000, immutable";',
    '  }',
    '  location / {',
    '    try_files $uri $uri.html $uri/index.html =404;',
    '  }',
    ...notFound,
    '  error_page 404 /404.html;',
    '}',
    '',
  ].join('\n');
}
