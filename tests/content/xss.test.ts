import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticle, type LoadContext } from '../../src/content/load-entry.js';
import { XSS_BODIES } from '../fixtures/xss/payloads.js';
import { proseOf, unsafeParts } from '../fixtures/xss/unsafe-html.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

const ctx: LoadContext = { defaultLang: 'en', languages: ['en', 'fr'], siteHosts: ['localhost:3000'] };
const PAGE = { page: true };

const COURSE = `---
title: Data Engineer
summary: Build pipelines.
duration: 14 weeks
formats:
  - name: Full-time
    duration: 14 weeks
    rhythm: Weekdays
modules:
  - title: SQL
    description: Joins and models.
---
The course.
`;

const slugOf = (i: number) => `xss-${i}`;

describe('the unsafe-HTML detector (so these tests can fail)', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src="x" onerror="alert(1)">',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<p style="color:red">x</p>',
    '<form action="/x"><input name="a"></form>',
    '<iframe src="https://evil.example/embed"></iframe>',
    '<iframe src="https://www.youtube-nocookie.com@evil.example/x"></iframe>',
    '<meta http-equiv="refresh" content="0;url=/x">',
    '<img src="data:image/svg+xml;base64,AAAA">',
  ])('when given %s, then it reports a problem', (html) => {
    expect(unsafeParts(html)).not.toEqual([]);
  });

  it('when given escaped markup and an allowed embed, then it reports nothing', () => {
    const html =
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(1)</p><iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>';
    expect(unsafeParts(html)).toEqual([]);
  });
});

describe('sanitising article bodies at load time', () => {
  it(`when the corpus is used, then it holds at least 30 payloads (${XSS_BODIES.length})`, () => {
    expect(XSS_BODIES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(XSS_BODIES.map((c) => [c.name, c.markdown] as const))(
    'when the body contains %s, then nothing executable survives',
    (_name, markdown) => {
      const r = loadArticle(
        'articles/x.md',
        article({}, `Before.\n\n${markdown}\n\nAfter.\n`),
        ctx,
      );
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(unsafeParts(r.entry.html)).toEqual([]);
      expect(r.entry.html).toContain('After.');
    },
  );

  it('when an iframe points at the no-cookie YouTube host, then it is kept, lazy and without style', () => {
    const r = loadArticle(
      'articles/x.md',
      article({}, '<iframe src="https://www.youtube-nocookie.com/embed/abc" style="border:0" title="Demo"></iframe>\n'),
      ctx,
    );
    expect(r.ok && r.entry.html).toContain(
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Demo" loading="lazy"',
    );
    expect(r.ok && r.entry.html).not.toContain('style=');
  });

  it('when a link or image is harmless, then it is kept as written', () => {
    const r = loadArticle('articles/x.md', article({}, '[mail](mailto:a@b.example) ![pic](/img/a.png)\n'), ctx);
    expect(r.ok && r.entry.html).toContain('<a href="mailto:a@b.example">mail</a>');
    expect(r.ok && r.entry.html).toContain('<img src="/img/a.png" alt="pic"');
  });
});

describe('what readers are served', () => {
  let site: TestSite;
  const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
  beforeAll(async () => {
    const files: Record<string, string> = {
      'courses/data-ai/_area.yml': 'name: Data & AI\n',
      'courses/data-ai/data-engineer.md': COURSE,
    };
    XSS_BODIES.forEach((c, i) => {
      files[`articles/xss/${slugOf(i)}.md`] = article(
        { title: `Payload ${i}` },
        `Before.\n\n${c.markdown}\n\nAfter.\n`,
      );
    });
    files['articles/front-matter.md'] = article({
      title: `Title ${hostile}`,
      excerpt: `Excerpt ${hostile}`,
      image: '/img/a.svg',
      image_alt: `Alt ${hostile}`,
      tags: [`tag ${hostile}`],
    });
    site = await createTestSite({ sample: false, files });
  });
  afterAll(async () => site.close());

  it('when the site is indexed, then every payload article is published (none rejected)', () => {
    expect(site.lastReport.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(site.lastReport.articles).toBe(XSS_BODIES.length + 1);
  });

  it.each(XSS_BODIES.map((c, i) => [c.name, i] as const))(
    'when %s is stored and served, then neither the stored body nor the page can run script',
    async (_name, i) => {
      const row = site.db
        .prepare<{ slug: string }, { body_html: string }>('SELECT folio_unpack(html_z, body_html) AS body_html FROM articles WHERE slug = @slug')
        .get({ slug: slugOf(i) });
      expect(row).toBeDefined();
      expect(unsafeParts(row?.body_html ?? '')).toEqual([]);
      const res = await site.http.get(`/en/${slugOf(i)}`);
      expect(res.status).toBe(200);
      expect(unsafeParts(proseOf(res.text))).toEqual([]);
      expect(unsafeParts(res.text, PAGE)).toEqual([]);
    },
  );

  it('when title, excerpt, image_alt and tags hold HTML, then the page shows it as text', async () => {
    const res = await site.http.get('/en/front-matter');
    expect(res.status).toBe(200);
    expect(unsafeParts(res.text, PAGE)).toEqual([]);
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).toContain('<h1>Title &#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.text).toContain('alt="Alt &#34;&gt;&lt;script&gt;');
    expect(res.text).toContain('Excerpt &#34;&gt;&lt;script&gt;');
  });

  it('when image is a javascript: URL, then the article is rejected with a message on the image line', () => {
    const r = loadArticle(
      'articles/x.md',
      '---\ntitle: T\ndate: 2024-01-01\ncategory: news\nauthor: ann\nimage: "javascript:alert(1)"\nimage_alt: A\n---\nBody\n',
      ctx,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ line: 6, message: expect.stringContaining('image') as string });
  });
});
