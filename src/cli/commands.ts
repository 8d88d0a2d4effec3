// The commands `npx folio` knows: each name runs the module its npm script runs. Data only, no effects.

/** Command name → its module (relative to this file) and what it does, in the order `folio --help` lists them. */
export const COMMANDS: Readonly<Record<string, { module: string; does: string }>> = {
  start: { module: '../server.js', does: 'index content/ and serve the site on PORT' },
  dev: { module: './dev.js', does: 'the site, live-reloaded as content, views and code change' },
  index: { module: './index.js', does: 're-index content/ into DB_PATH' },
  check: { module: './check.js', does: 'validate all content; file:line: message for every problem' },
  new: { module: './new.js', does: 'write a new article or course with valid front matter' },
  preview: { module: './preview.js', does: 'a signed, expiring link to a draft or scheduled article' },
  export: { module: './export.js', does: 'the whole site as static files' },
  'import:wp': {
    module: './import-wp.js',
    does: 'WordPress REST post JSON → articles (--media: images too)',
  },
  'import:md': {
    module: './import-md.js',
    does: 'Hugo, Jekyll, Eleventy, Astro, Docusaurus, Gatsby → articles',
  },
  'enquiries:export': { module: './enquiries-export.js', does: 'course enquiries as CSV or JSON' },
  'enquiries:status': { module: './enquiries-status.js', does: 'enquiry deliveries pending or failed' },
  'enquiries:retry': { module: './enquiries-retry.js', does: 'queue failed enquiry deliveries again' },
  report: { module: './report.js', does: 'CTA arrivals, enquiries and conversion per article and course' },
  bench: { module: './bench.js', does: 'the benchmark suite (takes minutes)' },
  'bench:images': { module: '../bench/image-bench.js', does: 'the image section of the benchmark' },
};

export function folioUsage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    'usage: npx folio <command> [args]',
    '',
    'The same as npm run <command> -- [args]. npx folio <command> --help says more about each.',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.does}`),
    '',
    'Exit codes: 0 done, 1 failed, 2 wrong command line. Messages go to stderr, data to stdout.',
  ].join('\n');
}
