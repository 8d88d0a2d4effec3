import { describe, expect, it } from 'vitest';
import { loadArticle, type ArticleEntry, type LoadContext } from '../../src/content/load-entry.js';
import { renderMarkdown } from '../../src/content/markdown.js';
import { formatProblem } from '../../src/errors.js';

const ctx: LoadContext = {
  defaultLang: 'en',
  languages: ['en', 'fr'],
  siteHosts: ['localhost:3000', 'blog.example.com'],
};
/** Front matter takes lines 1-6, so the body's first line is line 7 of the file. */
const FM = '---\ntitle: Rendering\ndate: 2024-01-10\ncategory: news\nauthor: ann\n---\n';

function load(body: string): ArticleEntry {
  const r = loadArticle('articles/rendering.md', FM + body, ctx);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.entry;
}

describe('headings and the table of contents', () => {
  const body = '## Getting started\n\nText.\n\n### Getting started\n\n#### Deep *detail*\n\n## Getting started\n\n## Why `SQL`?\n';

  it('when headings repeat, then each gets a unique id with -1, -2 suffixes', () => {
    const { html } = load(body);
    expect(html).toContain('<h2 id="getting-started">Getting started</h2>');
    expect(html).toContain('<h3 id="getting-started-1">Getting started</h3>');
    expect(html).toContain('<h2 id="getting-started-2">Getting started</h2>');
    expect(html).toContain('<h4 id="deep-detail">Deep <em>detail</em></h4>');
  });

  it("when a heading's id would repeat an id of the page around the body, then it gets a suffix", () => {
    const { html, toc } = load('## Main\n\n## Related heading\n');
    expect(html).toContain('<h2 id="main-1">Main</h2>');
    expect(toc.map((t) => t.id)).toEqual(['main-1', 'related-heading-1']);
  });

  it('when the same file is rendered twice, then the ids are the same (links to #anchors keep working)', () => {
    expect(load(body).html).toBe(load(body).html);
  });

  it('when the article has h2 and h3 headings, then the TOC lists exactly those, in order, as plain text', () => {
    expect(load(body).toc).toEqual([
      { depth: 2, id: 'getting-started', text: 'Getting started' },
      { depth: 3, id: 'getting-started-1', text: 'Getting started' },
      { depth: 2, id: 'getting-started-2', text: 'Getting started' },
      { depth: 2, id: 'why-sql', text: 'Why SQL?' },
    ]);
  });
});

describe('code blocks', () => {
  it('when a fence names a known language, then it is highlighted on the server with hljs spans', () => {
    const { html } = load('```python\ndef greet(name):\n    return f"hi {name}"\n```\n');
    expect(html).toContain('<pre data-lang="python"><code class="hljs language-python">');
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html).toContain('<span class="hljs-string">');
    expect(html).not.toContain('<script');
  });

  it('when a fence uses an alias (sh, ts, yml), then it is highlighted as that language', () => {
    expect(load('```sh\necho "hi"\n```\n').html).toContain('class="hljs language-sh"');
    expect(load('```ts\nconst a: number = 1;\n```\n').html).toContain('<span class="hljs-keyword">const</span>');
  });

  it('when the language is unknown, then the code is shown escaped and unhighlighted', () => {
    const { html } = load('```brainfuck\n<script>alert(1)</script> & ++\n```\n');
    expect(html).toContain('<pre><code>&lt;script&gt;alert(1)&lt;/script&gt; &amp; ++</code></pre>');
  });

  it('when code contains HTML in a known language, then the markup is escaped text', () => {
    const { html } = load('```html\n<img src=x onerror=alert(1)>\n```\n');
    expect(html).toContain('&lt;');
    expect(html).not.toMatch(/<img/);
  });
});

describe('the ::cta directive', () => {
  it('when ::cta sits on a line of its own, then it becomes a call-to-action button with its file line', () => {
    const e = load('Intro.\n\n::cta[Start a career in Data Engineering]{course=data-engineer}\n\nAfter.\n');
    expect(e.html).toContain(
      '<aside class="cta" data-course="data-engineer"><a class="cta__button" href="/courses/data-engineer">Start a career in Data Engineering</a></aside>',
    );
    expect(e.ctas).toEqual([{ course: 'data-engineer', label: 'Start a career in Data Engineering', line: 9 }]);
  });

  it('when ::cta names an area/slug course, then it is kept whole', () => {
    expect(load('::cta[Go]{course=data-ai/data-engineer}\n').ctas).toEqual([
      { course: 'data-ai/data-engineer', label: 'Go', line: 7 },
    ]);
  });

  it('when ::cta directly follows a paragraph line, then it still becomes a button and the paragraph stays whole', () => {
    const e = load('Read on.\n::cta[Go]{course=x}\nNext paragraph.\n');
    expect(e.ctas).toEqual([{ course: 'x', label: 'Go', line: 8 }]);
    expect(e.html).toContain('<p>Read on.</p>');
  });

  it('when ::cta is inside a sentence, then it stays text and no button is made', () => {
    for (const body of [
      'Text with ::cta[Inline]{course=x} inside.\n',
      'Sentence ending with ::cta[Inline]{course=x}\n',
    ]) {
      const e = load(body);
      expect(e.ctas).toEqual([]);
      expect(e.html).not.toContain('<aside');
      expect(e.html).toMatch(/^<p>[^\n]*::cta\[Inline\]\{course=x\}[^\n]*<\/p>\n$/);
    }
  });

  it('when ::cta sits inside a sentence, then the lines of links after it are still right', () => {
    const e = load('Text with ::cta[Inline]{course=x} inside.\n\nSee [next](/en/next).\n');
    expect(e.links).toEqual([{ kind: 'article', target: 'en/next', line: 9 }]);
  });

  it('when the ::cta label holds HTML, then it is escaped', () => {
    expect(load('::cta[<b>Go</b>]{course=x}\n').html).toContain('&lt;b&gt;Go&lt;/b&gt;');
  });
});

describe('links and images', () => {
  const body = [
    'Intro with [a guide](/en/sql-joins-explained) and', // line 7
    'a second line linking [French](/fr/guide-sql#part).', // line 8
    '',
    '- [absolute](http://localhost:3000/en/other-article?x=1)', // line 10
    '- [a course](/en/courses/data-ai/data-engineer)', // line 11
    '', //
    '> [archive](/en/category/news)', // line 13
    '',
    '[external](https://example.org/page) and [mail](mailto:a@example.org)', // line 15
    '',
    '![A chart](/img/chart.svg "Chart")', // line 17
  ].join('\n');

  it('when a body links to /en/<slug>, then the link is recorded with its own file line', () => {
    expect(load(body).links).toEqual([
      { kind: 'article', target: 'en/sql-joins-explained', line: 7 },
      { kind: 'article', target: 'fr/guide-sql', line: 8 },
      { kind: 'article', target: 'en/other-article', line: 10 },
      { kind: 'course', target: 'data-ai/data-engineer', line: 11 },
      { kind: 'path', target: '/en/category/news', line: 13 },
    ]);
  });

  it("when a body links to a language's own pages (/en/tags, /en/search), then they are not taken for articles", () => {
    const e = load('See [all tags](/en/tags), [search](/en/search?q=sql) and [courses](/en/courses).\n');
    expect(e.links).toEqual([
      { kind: 'path', target: '/en/tags', line: 7 },
      { kind: 'path', target: '/en/search', line: 7 },
      { kind: 'path', target: '/en/courses', line: 7 },
    ]);
  });

  it("when a link is absolute to the site's own host, then it is rewritten to a site path", () => {
    expect(load(body).html).toContain('<a href="/en/other-article?x=1">absolute</a>');
  });

  it('when a link is external, then it gets rel="noopener noreferrer"; internal links do not', () => {
    const { html } = load(body);
    expect(html).toContain('<a href="https://example.org/page" rel="noopener noreferrer">external</a>');
    expect(html).toContain('<a href="/en/sql-joins-explained">a guide</a>');
    expect(html).toContain('<a href="mailto:a@example.org">mail</a>');
  });

  it('when raw HTML links out with its own rel, then rel is forced to noopener noreferrer', () => {
    expect(load('<a href="https://example.org" rel="opener">x</a>\n').html).toContain(
      '<a href="https://example.org" rel="noopener noreferrer">x</a>',
    );
  });

  it('when an image is used, then it loads lazily and decodes asynchronously, keeping alt and title', () => {
    expect(load(body).html).toContain(
      '<img src="/img/chart.svg" alt="A chart" title="Chart" loading="lazy" decoding="async">',
    );
    expect(load('<img src="/img/a.png" alt="raw" loading="eager">\n').html).toContain(
      '<img src="/img/a.png" alt="raw" loading="lazy" decoding="async">',
    );
  });

  it('when links sit deep inside lists and tables, then their lines are still exact', () => {
    const r = renderMarkdown(
      '| a | b |\n|---|---|\n| x | [t](/en/in-table) |\n\n1. one\n2. two\n\n   [l](/en/in-list)\n',
      { siteHosts: [], languages: ['en'], bodyLine: 1 },
    );
    expect(r.links.map((l) => [l.target, l.line])).toEqual([
      ['en/in-table', 3],
      ['en/in-list', 8],
    ]);
  });
});

describe('GFM', () => {
  it('when a table is written, then it renders as a table', () => {
    expect(load('| a | b |\n|---|---|\n| 1 | 2 |\n').html).toMatch(/<table>[\s\S]*<td>2<\/td>/);
  });

  it('when a task list is written, then the checkboxes are shown as marks, not form inputs', () => {
    const { html } = load('- [x] done\n- [ ] todo\n');
    expect(html).toContain('<span class="task" aria-hidden="true">☑</span>');
    expect(html).not.toContain('<input');
  });

  it('when text has no paragraph, then the reading time is still at least a minute', () => {
    const e = load('## Only a heading\n');
    expect(e.readingMinutes).toBe(1);
  });
});
