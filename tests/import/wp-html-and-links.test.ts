import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../src/import/html-to-markdown.js';
import { resolveLink, type SiteKnowledge } from '../../src/import/links.js';
import { parseWpExport } from '../../src/import/wp-record.js';
import { autop, cleanWpHtml } from '../../src/import/wp-html.js';

const site: SiteKnowledge = {
  languages: ['en', 'fr'],
  defaultLang: 'en',
  siteHosts: ['new.example.com'],
  hasArticle: (lang, slug) => `${lang}/${slug}` === 'en/known-post',
  hasCourse: (area, slug) => `${area}/${slug}` === 'data-ai/data-engineer',
  hasCategory: (slug) => slug === 'news',
  postByWpId: (id) => (id === 42 ? { lang: 'en', slug: 'known-post' } : null),
};
const OLD = 'https://old.example.org';

describe('resolveLink', () => {
  it.each([
    ['https://old.example.org/en/known-post/', { kind: 'internal', href: '/en/known-post' }],
    ['/en/known-post#part-2', { kind: 'internal', href: '/en/known-post#part-2' }],
    ['https://old.example.org/2021/03/14/known-post/', { kind: 'internal', href: '/en/known-post' }],
    ['https://old.example.org/?p=42', { kind: 'internal', href: '/en/known-post' }],
    ['https://old.example.org/en/category/news/', { kind: 'internal', href: '/en/category/news' }],
    [
      '/en/courses/data-ai/data-engineer',
      { kind: 'course', href: '/en/courses/data-ai/data-engineer', course: 'data-ai/data-engineer' },
    ],
    ['https://elsewhere.org/page', { kind: 'keep', href: 'https://elsewhere.org/page' }],
    ['mailto:team@example.org', { kind: 'keep', href: 'mailto:team@example.org' }],
    ['#top', { kind: 'keep', href: '#top' }],
  ])('when the link is %s, then it becomes %o', (href, expected) => {
    expect(resolveLink(href, OLD, site)).toEqual(expected);
  });

  it('when the target is missing on the old host, then the old address is kept and the reason given', () => {
    const d = resolveLink('https://old.example.org/en/missing-post', OLD, site);
    expect(d).toMatchObject({ kind: 'old-site', href: 'https://old.example.org/en/missing-post' });
    expect(d.kind === 'old-site' && d.reason).toContain('no article /en/missing-post');
  });

  it("when the target is missing on this site's own host, then the link becomes text (it would fail npm run check)", () => {
    expect(resolveLink('https://new.example.com/en/missing-post', OLD, site).kind).toBe('text');
  });

  it('when the link uses a script scheme, then it becomes text', () => {
    expect(resolveLink('javascript:alert(1)', OLD, site).kind).toBe('text');
  });

  it('when the link is an uploaded file, then it keeps pointing at the old site', () => {
    expect(resolveLink('/wp-content/uploads/guide.pdf', OLD, site)).toMatchObject({
      kind: 'old-site',
      href: 'https://old.example.org/wp-content/uploads/guide.pdf',
    });
  });
});

describe('cleaning WordPress HTML', () => {
  it('when text is separated by blank lines outside blocks, then it becomes paragraphs; blocks stay as they are', () => {
    expect(
      autop('First line\nstill first.\n\nSecond.\n<h3>Title</h3>\nAfter <b>bold</b>.\n<pre>a\n\nb</pre>'),
    ).toBe(
      '<p>First line\nstill first.</p>\n<p>Second.</p>\n<h3>Title</h3>\n<p>After <b>bold</b>.</p>\n<pre>a\n\nb</pre>',
    );
  });

  it('when style blocks hide behind <br />, are escaped, or Gutenberg comments surround blocks, then they all go', () => {
    const out = cleanWpHtml(
      '<style><br />\n.a{color:red}</style><!-- wp:paragraph --><p>Kept</p><!-- /wp:paragraph -->&lt;style&gt;.b{}&lt;/style&gt;<script>x()</script>',
    );
    expect(out.html).toBe('<p>Kept</p>');
    expect(out.notes).toEqual([
      'dropped 2 inline <style> blocks',
      'dropped 1 <script> block (scripts never run in articles)',
    ]);
  });

  it('when captions and embeds use shortcodes, then they become figures and links; unknown shortcodes are reported', () => {
    const out = cleanWpHtml(
      '[caption id="x" align="alignnone"]<img src="/a.png" alt="A"> A caption[/caption]\n\n[embed]https://example.org/v[/embed]\n\n[mystery foo="1"]',
    );
    expect(out.html).toMatch(
      /<figure><img src="\/a\.png" alt="A">\s*<figcaption>A caption<\/figcaption><\/figure>/,
    );
    expect(out.html).toContain('<a href="https://example.org/v">https://example.org/v</a>');
    expect(out.notes).toContain(
      'text [mystery foo="1"] looks like a WordPress shortcode and was kept as text',
    );
  });
});

describe('HTML to Markdown', () => {
  const convert = (html: string) =>
    htmlToMarkdown(html, {
      resolve: (href) => resolveLink(href, OLD, site),
      imageUrl: (src) => new URL(src, OLD).href,
    });

  it('when text looks like Markdown, HTML or a directive, then it is escaped so it reads the same', () => {
    const md = convert('<p>::cta[x]{course=y} and &lt;b&gt; and *stars*</p>').markdown;
    expect(md).toBe('\\::cta\\[x\\]{course=y} and \\<b> and \\*stars\\*\n');
  });

  it('when a button does not lead to a course, then it stays a plain link and is reported', () => {
    const out = convert(
      '<div class="wp-block-buttons"><a class="wp-block-button__link" href="https://elsewhere.org">Go</a></div>',
    );
    expect(out.markdown).toBe('[Go](https://elsewhere.org)\n');
    expect(out.notes).toEqual(['button "Go" does not lead to a course page, so it became a plain link']);
    expect(out.ctas).toEqual([]);
  });

  it('when headings start at h1, then they shift so the article title stays the only h1', () => {
    expect(convert('<h1>A</h1><h2>B</h2>').markdown).toBe('## A\n\n### B\n');
  });

  it('when an image has no alt text, then it is kept and reported', () => {
    const out = convert('<p><img src="/wp-content/uploads/x.png"></p>');
    expect(out.markdown).toBe('![](https://old.example.org/wp-content/uploads/x.png)\n');
    expect(out.notes[0]).toContain('has no alt text');
  });
});

describe('reading exports', () => {
  it('when a file is not JSON or holds a bad record, then each problem names the file and the item', () => {
    expect(parseWpExport('{nope', 'a.json').problems[0]).toMatch(/^a\.json: not JSON/);
    const mixed = parseWpExport(
      JSON.stringify([{ id: 1, title: { rendered: 'T' }, content: { rendered: '' } }, { id: 'x' }]),
      'b.json',
    );
    expect(mixed.records).toHaveLength(1);
    expect(mixed.problems).toEqual([expect.stringMatching(/^b\.json\[1\]: not a WordPress post record/)]);
  });
});
