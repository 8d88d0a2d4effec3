import { xml2js, type Element } from 'xml-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_NOW } from '../helpers/clock.js';
import { publicSampleArticles } from '../helpers/sample-content.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

/** Parses strictly (malformed XML throws) and refuses characters XML 1.0 forbids. */
function parseXml(text: string): Element {
  expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  return xml2js(text, { compact: false }) as Element;
}
function all(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const child of el.elements ?? []) {
    if (child.name === name) out.push(child);
    out.push(...all(child, name));
  }
  return out;
}
function text(el: Element | undefined): string {
  return (el?.elements ?? []).map((c) => String(c.text ?? c.cdata ?? '')).join('');
}
const child = (el: Element, name: string) => el.elements?.find((c) => c.name === name);

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite();
});
afterAll(async () => site.close());

const idOf = (t: TestSite, slug: string) =>
  t.db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE slug = ?').get(slug)!.id;

describe('RSS 2.0', () => {
  it('when a reader subscribes to /feed.xml, then it gets RSS 2.0 with absolute links and permanent GUIDs', async () => {
    const res = await site.http.get('/feed.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const doc = parseXml(res.text);
    const rss = all(doc, 'rss')[0]!;
    expect(rss.attributes?.version).toBe('2.0');
    const channel = child(rss, 'channel')!;
    expect(text(child(channel, 'title'))).toBe('Folio Academy');
    expect(text(child(channel, 'link'))).toBe('http://localhost:3000/en/');
    expect(text(child(channel, 'language'))).toBe('en');
    expect(child(channel, 'atom:link')?.attributes?.href).toBe('http://localhost:3000/feed.xml');
    const items = all(channel, 'item');
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      expect(text(child(item, 'link'))).toMatch(/^http:\/\/localhost:3000\/en\/[a-z0-9-]+$/);
      const guid = child(item, 'guid')!;
      expect(guid.attributes?.isPermaLink).toBe('false');
      expect(text(guid)).toMatch(/^http:\/\/localhost:3000\/\?p=\d+$/);
      expect(text(child(item, 'pubDate'))).toMatch(/^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$/);
      expect(text(child(item, 'dc:creator'))).not.toBe('');
    }
    const slugs = items.map((i) => text(child(i, 'link')).split('/').pop());
    expect(slugs).not.toContain('qu-est-ce-qu-un-data-engineer');
  });

  it('when an article has CTA blocks, then its full content carries the expanded course button with an absolute link', async () => {
    const res = await site.http.get('/en/feed.xml');
    const item = all(parseXml(res.text), 'item').find((i) =>
      text(child(i, 'link')).endsWith('/what-does-a-data-engineer-do'),
    )!;
    const html = text(child(item, 'content:encoded'));
    expect(html).toContain(
      'href="http://localhost:3000/en/courses/data-ai/data-engineer?from=what-does-a-data-engineer-do&amp;cta=inline-1"',
    );
    expect(html).not.toContain('<script');
    expect(html).toMatch(/^<p><img src="http:\/\/localhost:3000\/img\/featured\/data-pipeline\.svg"/);
    expect(child(item, 'enclosure')?.attributes?.type).toBe('image/svg+xml');
  });

  it('when the language feed and the site feed are compared, then /feed.xml is the default language feed', async () => {
    const a = all(parseXml((await site.http.get('/feed.xml')).text), 'guid').map(text);
    const b = all(parseXml((await site.http.get('/en/feed.xml')).text), 'guid').map(text);
    expect(a).toEqual(b);
  });

  it('when a reader subscribes to /fr/feed.xml, then only French articles are in it, marked fr', async () => {
    const doc = parseXml((await site.http.get('/fr/feed.xml')).text);
    expect(text(all(doc, 'language')[0])).toBe('fr');
    expect(all(doc, 'item').map((i) => text(child(i, 'link')))).toEqual([
      'http://localhost:3000/fr/qu-est-ce-qu-un-data-engineer',
    ]);
  });

  it('when a category feed is asked for, then it holds only that category; an unknown category is 404', async () => {
    const doc = parseXml((await site.http.get('/en/category/machine-learning/feed.xml')).text);
    const cats = all(doc, 'item').map((i) => text(child(i, 'category')));
    // From the content files at the site's fixed clock (the 2027 LLM article is still scheduled).
    const visible = publicSampleArticles(SAMPLE_NOW).filter(
      (a) => a.category === 'machine-learning' && a.lang === 'en',
    );
    expect(visible.map((a) => a.slug).sort()).toEqual([
      'evaluating-classification-models',
      'machine-learning-without-the-hype',
    ]);
    expect(
      all(doc, 'item')
        .map((i) => text(child(i, 'link')))
        .sort(),
    ).toEqual(visible.map((a) => `http://localhost:3000/en/${a.slug}`).sort());
    expect(new Set(cats)).toEqual(new Set(['Machine learning']));
    expect(text(all(doc, 'title')[0])).toBe('Folio Academy: Machine learning');
    expect((await site.http.get('/en/category/no-such-thing/feed.xml')).status).toBe(404);
    expect((await site.http.get('/de/feed.xml')).status).toBe(404);
    expect((await site.http.get('/en/feed.txt')).status).toBe(404);
  });

  it('when a page is rendered, then its head advertises the language feed, and archives their category feed', async () => {
    const home = await site.http.get('/en/');
    expect(home.text).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Folio Academy" href="/en/feed.xml">',
    );
    const cat = await site.http.get('/en/category/machine-learning');
    expect(cat.text).toContain('href="/en/category/machine-learning/feed.xml"');
  });
});

describe('Atom and JSON Feed', () => {
  it('when a reader asks for Atom, then each entry has an id, an author, dates and an alternate link', async () => {
    const res = await site.http.get('/en/feed.atom');
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = all(parseXml(res.text), 'feed')[0]!;
    expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(text(child(feed, 'id'))).toBe('http://localhost:3000/en/');
    for (const entry of all(feed, 'entry')) {
      expect(text(child(entry, 'id'))).toMatch(/^http:\/\/localhost:3000\/\?p=\d+$/);
      expect(text(child(child(entry, 'author')!, 'name'))).not.toBe('');
      expect(text(child(entry, 'updated'))).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(text(child(entry, 'published'))).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
  });

  it('when a reader asks for JSON Feed, then items have ids, absolute urls and HTML content', async () => {
    const res = await site.http.get('/en/feed.json');
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = JSON.parse(res.text) as {
      version: string;
      feed_url: string;
      items: { id: string; url: string; content_html: string }[];
    };
    expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/);
    expect(feed.feed_url).toBe('http://localhost:3000/en/feed.json');
    expect(feed.items[0]!.id).toMatch(/^http:\/\/localhost:3000\/\?p=\d+$/);
    expect(feed.items[0]!.url).toMatch(/^http:\/\/localhost:3000\/en\//);
    expect(feed.items[0]!.content_html).toContain('<p>');
  });
});

describe('stable ids and permanent links', () => {
  it('when an article is retitled and re-indexed, then its GUID stays the same, and /?p=<id> leads to it', async () => {
    const own = await createTestSite({
      sample: false,
      files: { 'articles/first.md': article({ title: 'First title' }) },
    });
    try {
      const guidBefore = text(all(parseXml((await own.http.get('/feed.xml')).text), 'guid')[0]);
      own.write({ 'articles/first.md': article({ title: 'A better title' }) });
      await own.reindex();
      const doc = parseXml((await own.http.get('/feed.xml')).text);
      expect(text(all(doc, 'item')[0] && child(all(doc, 'item')[0]!, 'title'))).toBe('A better title');
      expect(text(all(doc, 'guid')[0])).toBe(guidBefore);
      const res = await own.http.get(new URL(guidBefore).pathname + new URL(guidBefore).search);
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe('/en/first');
    } finally {
      await own.close();
    }
  });
});

describe('what feeds contain', () => {
  it('when there are more than 20 articles, then the feed holds the 20 newest', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 25; i++)
      files[`articles/post-${i}.md`] = article({
        title: `Post ${i}`,
        date: `2024-01-${String(i).padStart(2, '0')}`,
      });
    const own = await createTestSite({ sample: false, files });
    try {
      const links = all(parseXml((await own.http.get('/feed.xml')).text), 'item').map((i) =>
        text(child(i, 'link')),
      );
      expect(links).toHaveLength(20);
      expect(links[0]).toBe('http://localhost:3000/en/post-25');
      expect(links.at(-1)).toBe('http://localhost:3000/en/post-6');
    } finally {
      await own.close();
    }
  });

  it('when an article is scheduled, then it enters the feed once its time passes; a draft never does', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const own = await createTestSite({
      sample: false,
      now: () => clock,
      files: {
        'articles/now.md': article({ title: 'Now', date: '2029-12-31' }),
        'articles/soon.md': article({ title: 'Soon', date: '2030-01-05T08:00:00Z' }),
        'articles/draft.md': article({ title: 'Draft', date: '2029-12-30', draft: true }),
      },
    });
    try {
      const titles = async () =>
        all(parseXml((await own.http.get('/en/feed.xml')).text), 'item').map((i) => text(child(i, 'title')));
      expect(await titles()).toEqual(['Now']);
      clock = Date.parse('2030-01-05T08:00:01Z');
      expect(await titles()).toEqual(['Soon', 'Now']);
    } finally {
      await own.close();
    }
  });

  it('when FEED_CONTENT=excerpt, then items carry the excerpt and no full content', async () => {
    const own = await createTestSite({
      sample: false,
      env: { FEED_CONTENT: 'excerpt' },
      files: {
        'articles/a.md': article(
          { title: 'A', excerpt: 'Short summary.' },
          'Full body that stays on the site.\n',
        ),
      },
    });
    try {
      const res = await own.http.get('/feed.xml');
      expect(res.text).not.toContain('content:encoded');
      expect(res.text).not.toContain('Full body');
      expect(text(all(parseXml(res.text), 'description')[1])).toBe('Short summary.');
    } finally {
      await own.close();
    }
  });

  it('when titles and bodies hold markup, CDATA closers or control characters, then every feed stays well-formed', async () => {
    const title = 'Tricky ]]> <b>bold</b> & "quotes" \u0001';
    const own = await createTestSite({
      sample: false,
      files: {
        'articles/tricky.md': article(
          { title, excerpt: 'An ]]> excerpt <i>x</i>' },
          'Text with ]]> inside and `<script>` code.\n',
        ),
      },
    });
    try {
      const rss = parseXml((await own.http.get('/feed.xml')).text);
      expect(text(child(all(rss, 'item')[0]!, 'title'))).toContain('Tricky ]]');
      const atom = parseXml((await own.http.get('/en/feed.atom')).text);
      expect(all(atom, 'entry')).toHaveLength(1);
      const json = JSON.parse((await own.http.get('/en/feed.json')).text) as { items: { title: string }[] };
      expect(json.items[0]!.title).toContain('<b>bold</b>');
    } finally {
      await own.close();
    }
  });
});

describe('caching', () => {
  it('when a feed reader revalidates, then it gets 304 and the feed cache profile', async () => {
    const first = await site.http.get('/en/feed.xml');
    expect(first.headers.etag).toMatch(/^"/);
    expect(first.headers['cache-control']).toBe(
      'public, max-age=300, s-maxage=600, stale-while-revalidate=3600',
    );
    const again = await site.http.get('/en/feed.xml').set('If-None-Match', first.headers.etag as string);
    expect(again.status).toBe(304);
    const since = await site.http
      .get('/en/feed.xml')
      .set('If-Modified-Since', first.headers['last-modified'] as string);
    expect(since.status).toBe(304);
  });

  it('when the id is not an article, then /?p= falls through to the home redirect', async () => {
    const res = await site.http.get(`/?p=${idOf(site, 'sql-joins-explained') + 100000}`);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/en/');
  });
});
