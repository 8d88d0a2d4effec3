// The API's include, exclude, after and before, as the README lists them, on articles with known dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

// Four public articles a day apart at noon UTC (newest first: d, c, b, a) and one draft.
const DAYS: Record<string, string> = {
  a: '2024-03-01T12:00:00Z',
  b: '2024-03-02T12:00:00Z',
  c: '2024-03-03T12:00:00Z',
  d: '2024-03-04T12:00:00Z',
};

let site: TestSite;
beforeAll(async () => {
  const files: Record<string, string> = {
    'articles/draft.md': article({
      title: 'Draft',
      slug: 'draft',
      date: '2024-03-02T18:00:00Z',
      draft: true,
    }),
  };
  for (const [slug, date] of Object.entries(DAYS))
    files[`articles/${slug}.md`] = article({ title: `Article ${slug}`, slug, date });
  site = await createTestSite({ sample: false, files });
});
afterAll(async () => site.close());

/** Ids are the API's own (stable) numbers: read once from the list, by slug. */
async function ids(): Promise<Record<string, number>> {
  const res = await site.http.get('/wp-json/wp/v2/posts?_fields=id,slug');
  return Object.fromEntries((res.body as { id: number; slug: string }[]).map((p) => [p.slug, p.id]));
}
async function slugs(query: string): Promise<string[]> {
  const res = await site.http.get(`/wp-json/wp/v2/posts?${query}`);
  expect(res.status, query).toBe(200);
  expect(res.headers['x-wp-total'], query).toBe(String((res.body as unknown[]).length));
  return (res.body as { slug: string }[]).map((p) => p.slug);
}

describe('/wp-json/wp/v2/posts filters', () => {
  it('when include names ids, then only those posts come back, newest first, or in the given order with orderby=include', async () => {
    const id = await ids();
    expect(Object.keys(id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(await slugs(`include=${id.a},${id.c}`)).toEqual(['c', 'a']);
    // order=asc: Folio applies `order` to the include positions, where WordPress keeps the given order whatever
    // `order` says (reported; the default desc reverses the list here).
    expect(
      await slugs(`include[]=${id.a}&include[]=${id.d}&include[]=${id.b}&orderby=include&order=asc`),
    ).toEqual(['a', 'd', 'b']);
    expect(await slugs('include=999999')).toEqual([]);
  });

  it('when exclude names ids, then every other post comes back', async () => {
    const id = await ids();
    expect(await slugs(`exclude=${id.b},${id.d}`)).toEqual(['c', 'a']);
    expect(await slugs(`include=${id.a},${id.b}&exclude=${id.b}`)).toEqual(['a']);
  });

  it('when after or before is given, then posts published strictly after or before that moment come back; drafts never', async () => {
    expect(await slugs('after=2024-03-02T12:00:00Z')).toEqual(['d', 'c']);
    expect(await slugs('after=2024-03-02T11:59:59Z')).toEqual(['d', 'c', 'b']);
    expect(await slugs('before=2024-03-03T12:00:00Z')).toEqual(['b', 'a']);
    expect(await slugs('after=2024-03-01&before=2024-03-04')).toEqual(['c', 'b', 'a']);
    expect(await slugs('after=2024-03-05')).toEqual([]);
  });

  it("when a filter value is not an id list or a date, then the answer is WordPress's 400", async () => {
    for (const query of ['include=abc', 'exclude=-1x', 'after=soon', 'before=2024-13-01']) {
      const res = await site.http.get(`/wp-json/wp/v2/posts?${query}`);
      expect(res.status, query).toBe(400);
      expect((res.body as { code: string }).code, query).toBe('rest_invalid_param');
    }
  });
});
