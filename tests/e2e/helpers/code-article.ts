// The sample article with highlighted code that the browser suites audit, and the token kinds it must show.

export const CODE_ARTICLE = '/en/building-your-first-etl-pipeline';

/**
 * highlight.js classes the article's Python and shell blocks produce. Checked before auditing, so the
 * audit cannot pass on a page whose code lost its highlighting (or on an article that lost its code).
 */
export const CODE_TOKENS = [
  'hljs-comment',
  'hljs-keyword',
  'hljs-string',
  'hljs-number',
  'hljs-literal',
  'hljs-built_in',
  'hljs-title',
  'hljs-params',
  'hljs-variable',
];

/** The token classes in CODE_TOKENS that never appear inside a <pre> of `html`. */
export function missingTokens(html: string): string[] {
  const blocks = [...html.matchAll(/<pre[\s>][\s\S]*?<\/pre>/g)].map((m) => m[0]).join('\n');
  return CODE_TOKENS.filter((token) => !new RegExp(`class="[^"]*\\b${token}\\b`).test(blocks));
}
