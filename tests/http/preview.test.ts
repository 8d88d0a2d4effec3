// Draft preview links: a signed link shows a draft or scheduled article with a banner, kept out of caches
// and search engines; any other link is the plain 404; nothing public changes because of a preview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewSecret } from '../../src/db/site-secrets.js';
import { signPreview } from '../../src/lib/preview-token.js';
import { SAMPLE_NOW } from '../helpers/clock.js';
import { PREVIEW_FILES } from '../helpers/preview-content.js';
import { createTestSite, type TestSite } from '../helpers/site.js';

const DAY = 86_400_000;

let site: TestSite;
let key: string;
const link = (slug: string, token: string) => `/en/${slug}?preview=${encodeURIComponent(token)}`;
const token = (slug: string, expires = SAMPLE_NOW + 7 * DAY, lang = 'en') =>
  signPreview({ lang, slug }, expires, key);

beforeAll(async () => {
  site = await createTestSite({ sample: false, files: PREVIEW_FILES });
  key = previewSecret(site.db, '');
});
afterAll(async () => site.close());

describe('a valid preview link', () => {
  it('when opened for a draft, then the article renders with the banner, noindex and no-store', async () => {
    const res = await site.http.get(link('secret-draft', token('secret-draft')));
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Secret draft</h1>');
    expect(res.text).toContain('Preview — not published');
    expect(res.text).toContain('Draft: remove “draft: true”');
    expect(res.text).toContain('until 8 December 2026 at 12:00 UTC');
    expect(res.text).toContain('<meta name="robots" content="noindex">');
    expect(res.headers['x-robots-tag']).toBe('noindex');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('when opened for a scheduled article, then the banner says when it will be published', async () => {
    const res = await site.http.get(link('future-post', token('future-post')));
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Future post</h1>');
    expect(res.text).toContain('Scheduled: it will be published on 1 January 2027 at 09:00 UTC.');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('when opened for a published article, then the page is the normal one, without a banner', async () => {
    const plain = await site.http.get('/en/pub-guide');
    const previewed = await site.http.get(link('pub-guide', token('pub-guide')));
    expect(previewed.status).toBe(200);
    expect(previewed.text).toBe(plain.text);
    expect(previewed.text).not.toContain('preview-banner');
  });
});

describe('the link through the canonical redirect', () => {
  it('when the path is not canonical, then the 301 keeps the token and its target opens the preview', async () => {
    const t = token('secret-draft');
    const res = await site.http.get(`/EN/secret-draft/?preview=${t}`);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`/en/secret-draft?preview=${t}`);
    const head = await site.http.head(String(res.headers.location));
    expect(head.status).toBe(200);
    expect(head.headers['cache-control']).toBe('private, no-store');
  });
});

describe('a link that is not valid', () => {
  it('when missing, expired, for another article, another language, edited or repeated, then it is the normal 404', async () => {
    const plain404 = await site.http.get('/en/secret-draft');
    expect(plain404.status).toBe(404);
    const good = token('secret-draft');
    const [expiry = '', sig = ''] = good.split('.');
    const bad = [
      link('secret-draft', token('secret-draft', SAMPLE_NOW - 1000)),
      link('secret-draft', token('future-post')),
      link('secret-draft', token('secret-draft', SAMPLE_NOW + DAY, 'fr')),
      link('secret-draft', `${Number(expiry) + 1}.${sig}`),
      link('secret-draft', `${expiry}.${sig.slice(0, -2)}${sig.at(-2) === 'a' ? 'b' : 'a'}${sig.at(-1)}`),
      link(
        'secret-draft',
        signPreview({ lang: 'en', slug: 'secret-draft' }, SAMPLE_NOW + DAY, 'x'.repeat(32)),
      ),
      `/en/secret-draft?preview=${good}&preview=${good}`,
      '/en/secret-draft?preview=',
      '/en/secret-draft?preview=%E0%A4%A',
    ];
    for (const url of bad) {
      const res = await site.http.get(url);
      expect(res.status, url).toBe(404);
      expect(res.text, url).toBe(plain404.text);
    }
  });
});

describe('caching', () => {
  it('when a draft has been previewed, then neither the preview nor the plain URL is served from the page cache', async () => {
    const url = link('secret-draft', token('secret-draft'));
    await site.http.get(url);
    const hits = site.folio.cache.hits;
    expect(site.folio.cache.get(url)).toBeUndefined();
    expect((await site.http.get(url)).status).toBe(200);
    expect(site.folio.cache.hits).toBe(hits);
    expect((await site.http.get('/en/secret-draft')).status).toBe(404);
    expect(site.folio.cache.get('/en/secret-draft')).toBeUndefined();
  });
});

describe('public listings', () => {
  const PUBLIC = [
    '/en/',
    '/en/feed.xml',
    '/en/feed.json',
    '/sitemap.xml',
    '/llms.txt',
    '/en/search?q=quokkaplanning',
    '/en/search?q=zebras',
    '/en/tag/shared',
    '/en/tag/draftonly',
    '/en/category/news',
    '/wp-json/wp/v2/posts',
    '/wp-json/wp/v2/search?search=quokkaplanning',
    '/en/pub-guide',
  ];
  const snapshot = async () => {
    site.folio.cache.clear();
    const out: Record<string, string> = {};
    for (const url of PUBLIC) {
      const res = await site.http.get(url);
      out[url] = `${res.status} ${res.text}`;
    }
    return out;
  };

  it('when drafts are previewed, then feeds, sitemap, llms.txt, search, tags, the API, related lists and backlinks stay the same and never name them', async () => {
    const before = await snapshot();
    expect((await site.http.get(link('secret-draft', token('secret-draft')))).status).toBe(200);
    expect((await site.http.get(link('future-post', token('future-post')))).status).toBe(200);
    const after = await snapshot();
    expect(after).toEqual(before);
    for (const [url, body] of Object.entries(after)) {
      expect(body, url).not.toMatch(/secret-draft|Secret draft|future-post|Future post/);
    }
    // The listings answered with content: the check above is not passing on empty pages.
    expect(after['/en/search?q=zebras']).toContain('Published guide');
    expect(after['/en/pub-guide']).toContain('A published article about zebras.');
  });
});

describe('PREVIEW_SECRET', () => {
  it('when set, then links are signed with it and the stored key no longer opens drafts', async () => {
    const configured = 'c'.repeat(40);
    const other = await createTestSite({
      sample: false,
      files: PREVIEW_FILES,
      env: { PREVIEW_SECRET: configured },
    });
    try {
      const stored = previewSecret(other.db, '');
      const withConfigured = signPreview({ lang: 'en', slug: 'secret-draft' }, SAMPLE_NOW + DAY, configured);
      const withStored = signPreview({ lang: 'en', slug: 'secret-draft' }, SAMPLE_NOW + DAY, stored);
      expect((await other.http.get(link('secret-draft', withConfigured))).status).toBe(200);
      expect((await other.http.get(link('secret-draft', withStored))).status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('when unset, then the generated key is kept across re-indexing, so links made earlier still work', async () => {
    const url = link('secret-draft', token('secret-draft'));
    await site.reindex();
    expect(previewSecret(site.db, '')).toBe(key);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await site.http.get(url)).status).toBe(200);
  });
});

describe('npm run dev (previewDrafts)', () => {
  it('when drafts are served openly, then drafts and scheduled articles show at their URL with the banner, never cached', async () => {
    const dev = await createTestSite({ sample: false, files: PREVIEW_FILES, app: { previewDrafts: true } });
    try {
      for (const slug of ['secret-draft', 'future-post']) {
        const res = await dev.http.get(`/en/${slug}`);
        expect(res.status, slug).toBe(200);
        expect(res.text).toContain('Preview — not published');
        expect(res.text).toContain('Shown by npm run dev only');
        expect(res.text).toContain('<meta name="robots" content="noindex">');
        expect(res.headers['x-robots-tag']).toBe('noindex');
        expect(res.headers['cache-control']).toBe('private, no-store');
        expect(dev.folio.cache.get(`/en/${slug}`)).toBeUndefined();
      }
      const published = await dev.http.get('/en/pub-guide');
      expect(published.text).not.toContain('preview-banner');
      expect((await dev.http.get('/en/feed.xml')).text).not.toContain('secret-draft');
      expect((await dev.http.get('/en/no-such-article')).status).toBe(404);
    } finally {
      await dev.close();
    }
  });
});
