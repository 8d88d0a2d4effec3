// When an editor changes an article's slug, the old address answers 301 to the new one, forever: links
// and bookmarks keep working, a later article may take the old slug back, and a deleted article is 410.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

const NOW = Date.parse('2026-01-15T12:00:00Z');
let site: TestSite;
beforeAll(async () => {
  site = await createTestSite({
    sample: false,
    now: () => NOW,
    files: {
      'articles/guide.md': article({ title: 'Kafka guide', slug: 'kafka-guide', date: '2025-05-01' }),
      'articles/linker.md': article(
        { title: 'Reading list', slug: 'reading-list', date: '2025-05-02' },
        'Start with [the guide](/en/kafka-guide) and nothing else.\n',
      ),
      'articles/renamed-old.md': article({
        title: 'Spark tuning',
        slug: 'spark-tuning',
        date: '2025-05-03',
        translation_key: 'spark',
      }),
    },
  });
});
afterAll(async () => site.close());

const problemsOf = (code: string) => site.lastReport.problems.filter((p) => p.code === code);

describe('a slug change', () => {
  it('when the slug of a file changes, then the old address answers 301 to the new one', async () => {
    expect((await site.http.get('/en/kafka-guide')).status).toBe(200);
    site.write({
      'articles/guide.md': article({ title: 'Kafka guide', slug: 'apache-kafka-guide', date: '2025-05-01' }),
    });
    await site.reindex();
    const old = await site.http.get('/en/kafka-guide');
    expect(old.status).toBe(301);
    expect(old.headers.location).toBe('/en/apache-kafka-guide');
    const page = await site.http.get('/en/apache-kafka-guide');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Kafka guide');
  });

  it('when it is indexed, then a note names both addresses and links to the old slug are warnings naming the new one', () => {
    const notes = problemsOf('slug-changed');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ file: 'articles/guide.md', line: 6, severity: 'note' }); // the slug: line;
    expect(notes[0]?.message).toBe(
      'address changed: /en/kafka-guide now answers 301 to /en/apache-kafka-guide',
    );
    expect(problemsOf('broken-link')).toEqual([]);
    const links = problemsOf('link-to-old-slug');
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ file: 'articles/linker.md', severity: 'warning' });
    expect(links[0]?.message).toContain('/en/apache-kafka-guide');
    expect(links[0]?.hint).toBe('change the link to /en/apache-kafka-guide');
  });

  it('when everything is indexed again from scratch, then the redirect is still there', async () => {
    site.db.prepare("DELETE FROM index_state WHERE key = 'ctx_json'").run();
    await site.reindex();
    expect(site.lastReport.rendered).toBeGreaterThanOrEqual(3);
    const old = await site.http.get('/en/kafka-guide');
    expect(old.status).toBe(301);
    expect(old.headers.location).toBe('/en/apache-kafka-guide');
  });

  it('when the slug changes again, then both old addresses lead to the newest one in one hop', async () => {
    site.write({
      'articles/guide.md': article({ title: 'Kafka guide', slug: 'kafka-handbook', date: '2025-05-01' }),
    });
    await site.reindex();
    for (const old of ['/en/kafka-guide', '/en/apache-kafka-guide']) {
      const r = await site.http.get(old);
      expect(r.status, old).toBe(301);
      expect(r.headers.location, old).toBe('/en/kafka-handbook');
    }
  });

  it('when a file is renamed with a new slug and the same translation_key, then the old address redirects', async () => {
    site.write({
      'articles/renamed-old.md': null,
      'articles/renamed-new.md': article({
        title: 'Spark tuning',
        slug: 'tuning-spark-jobs',
        date: '2025-05-03',
        translation_key: 'spark',
      }),
    });
    await site.reindex();
    const r = await site.http.get('/en/spark-tuning');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/en/tuning-spark-jobs');
  });

  it('when another article later takes the old slug, then that article is served instead of the redirect', async () => {
    site.write({
      'articles/newcomer.md': article({
        title: 'A new Kafka guide',
        slug: 'kafka-guide',
        date: '2025-06-01',
      }),
    });
    await site.reindex();
    const r = await site.http.get('/en/kafka-guide');
    expect(r.status).toBe(200);
    expect(r.text).toContain('A new Kafka guide');
    expect(problemsOf('link-to-old-slug')).toEqual([]);
  });

  it('when the moved article is deleted, then its old addresses answer 410 Gone', async () => {
    site.write({ 'articles/guide.md': null });
    await site.reindex();
    expect((await site.http.get('/en/kafka-handbook')).status).toBe(410);
    const older = await site.http.get('/en/apache-kafka-guide');
    expect(older.status).toBe(410);
    expect(older.headers.location).toBeUndefined();
  });
});
