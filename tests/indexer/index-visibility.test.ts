// What indexing makes visible: related lists and backlinks leave out drafts and scheduled articles, a
// scheduled article goes live by itself, and a draft is in no page, feed, search or sitemap.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import type { IndexReport } from '../../src/indexer/index-content.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

const DAY = 86_400_000;
let clock = Date.parse('2025-06-01T12:00:00Z');
let site: TestSite;

/** Re-indexes and drops the page cache, since these tests ask for pages straight after indexing. */
async function reindex(): Promise<IndexReport> {
  const report = await site.reindex();
  site.folio.cache.clear();
  return report;
}

beforeEach(async () => {
  clock = Date.parse('2025-06-01T12:00:00Z');
  site = await createTestSite({
    sample: false,
    now: () => clock,
    files: {
      'articles/alpha.md': article(
        { title: 'Alpha article', tags: ['sql'] },
        'Alpha talks about SQL joins and indexes.\n',
      ),
      'articles/beta.md': article(
        { title: 'Beta article', tags: ['sql'] },
        'Beta explains [alpha](/en/alpha) and SQL joins too.\n',
      ),
      'articles/gamma.md': article(
        { title: 'Gamma article', category: 'guides' },
        'Gamma is about something else.\n',
      ),
    },
  });
});
afterEach(async () => site.close());

describe('related articles and backlinks', () => {
  const relatedOf = (page: string): string[] => {
    const m = /<section class="related"[\s\S]*?<\/section>/.exec(page);
    return m ? [...m[0].matchAll(/<a href="\/en\/([a-z0-9-]+)">/g)].map((x) => x[1] ?? '') : [];
  };

  it('when articles share tags, then they are related, and an article is never related to itself', async () => {
    const page = (await site.http.get('/en/alpha')).text;
    expect(relatedOf(page)).toContain('beta');
    expect(relatedOf(page)).not.toContain('alpha');
  });

  it('when similar articles are drafts or scheduled, then they never appear as related, even when listed explicitly', async () => {
    site.write({
      'articles/draft-sql.md': article(
        { title: 'Draft SQL', tags: ['sql'], draft: true },
        'SQL joins and indexes.\n',
      ),
      'articles/future-sql.md': article(
        { title: 'Future SQL', tags: ['sql'], date: '2025-12-01' },
        'SQL joins and indexes.\n',
      ),
      'articles/alpha.md': article(
        { title: 'Alpha article', tags: ['sql'], related: ['future-sql', 'draft-sql', 'gamma'] },
        'Alpha talks about SQL joins and indexes.\n',
      ),
    });
    await reindex();
    const related = relatedOf((await site.http.get('/en/alpha')).text);
    expect(related[0]).toBe('gamma');
    expect(related).toContain('beta');
    expect(related).not.toContain('draft-sql');
    expect(related).not.toContain('future-sql');
  });

  it('when one article links to another, then the target lists it under backlinks; a draft link is not listed', async () => {
    site.write({
      'articles/draft-link.md': article({ title: 'Hidden linker', draft: true }, 'See [alpha](/en/alpha).\n'),
    });
    await reindex();
    const page = (await site.http.get('/en/alpha')).text;
    const backlinks = /<section class="backlinks"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(backlinks).toContain('<a href="/en/beta">Beta article</a>');
    expect(backlinks).not.toContain('Hidden linker');
  });
});

describe('drafts and scheduled articles', () => {
  it('when a scheduled date passes, then the article goes live by itself, without a re-index', async () => {
    site.write({ 'articles/soon.md': article({ title: 'Soon', date: '2025-06-02T08:00:00Z' }) });
    const report = await reindex();
    expect(report.problems.map(formatProblem)).toEqual([
      'articles/soon.md:3: note: scheduled: "Soon" goes live on 2025-06-02T08:00:00.000Z',
    ]);
    expect((await site.http.get('/en/soon')).status).toBe(404);
    clock += DAY;
    expect((await site.http.get('/en/soon')).status).toBe(200);
    expect((await site.http.get('/en/')).text).toContain('Soon');
  });

  it('when an article is a draft, then it is in no page, feed or search, and listed as a note', async () => {
    // A public twin with the same words shows each listing worked: the draft's absence is not an error page's.
    site.write({
      'articles/hidden.md': article({ title: 'Hidden draft', draft: true }, 'Zebra words.\n'),
      'articles/shown.md': article({ title: 'Shown twin' }, 'Zebra words.\n'),
    });
    const report = await reindex();
    expect(report.problems.map(formatProblem)).toEqual([
      'articles/hidden.md:6: note: draft: "Hidden draft" is not published',
    ]);
    expect((await site.http.get('/en/hidden')).status).toBe(404);
    for (const path of [
      '/en/',
      '/en/category/news',
      '/en/search?q=zebra',
      '/feed.xml',
      '/en/feed.json',
      '/sitemap.xml',
    ]) {
      const res = await site.http.get(path);
      expect(res.status, path).toBe(200);
      const body = res.text || String(res.body);
      expect(body, path).toContain('/en/shown');
      expect(body, path).not.toContain('Hidden draft');
      expect(body, path).not.toContain('/en/hidden');
    }
  });
});
