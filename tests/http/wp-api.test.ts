import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_NOW } from '../helpers/clock.js';
import { publicSampleArticles } from '../helpers/sample-content.js';
import { createTestSite, type TestSite } from '../helpers/site.js';

interface WpPost {
  id: number;
  date: string;
  date_gmt: string;
  modified: string;
  slug: string;
  link: string;
  title: { rendered: string };
  content: { rendered: string; protected: boolean };
  excerpt: { rendered: string };
  author: number;
  categories: number[];
  tags: number[];
  lang: string;
  _links: Record<string, { href: string }[]>;
  _embedded?: { author?: { name: string }[]; 'wp:term'?: { taxonomy: string; slug: string }[][] };
}
interface WpTerm {
  id: number;
  slug: string;
  name: string;
  count: number;
  taxonomy: string;
}

let site: TestSite;
// Read from the content files at the site's fixed clock: 16 of the 18 English and French articles are public.
const visible = publicSampleArticles(SAMPLE_NOW).length;
beforeAll(async () => {
  site = await createTestSite();
});
afterAll(async () => site.close());

const posts = (res: { body: unknown }) => res.body as WpPost[];
const idOf = (slug: string) =>
  site.db
    .prepare<[string], { id: number }>("SELECT id FROM articles WHERE slug = ? AND lang = 'en'")
    .get(slug)!.id;

describe('discovery', () => {
  it('when a client looks at any page, then a Link header points at the API root', async () => {
    const res = await site.http.get('/en/');
    expect(res.headers.link).toBe('<http://localhost:3000/wp-json/>; rel="https://api.w.org/"');
  });

  it('when a client reads /wp-json/, then it gets the site, the wp/v2 namespace and its routes', async () => {
    const res = await site.http.get('/wp-json/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.body as {
      name: string;
      url: string;
      namespaces: string[];
      routes: Record<string, unknown>;
    };
    expect(body.name).toBe('Folio Academy');
    expect(body.url).toBe('http://localhost:3000');
    expect(body.namespaces).toEqual(['wp/v2']);
    for (const route of [
      '/wp/v2/posts',
      '/wp/v2/posts/(?P<id>[\\d]+)',
      '/wp/v2/categories',
      '/wp/v2/tags',
      '/wp/v2/users',
      '/wp/v2/courses',
    ])
      expect(Object.keys(body.routes)).toContain(route);
  });

  it('when /wp-json is asked without its slash, then it answers too (no redirect, as WordPress)', async () => {
    const res = await site.http.get('/wp-json');
    expect(res.status).toBe(200);
    expect((await site.http.get('/wp-json/wp/v2/posts/')).status).toBe(200);
  });
});

describe('posts', () => {
  it('when a client lists posts, then it gets the newest 10 with WordPress totals headers', async () => {
    const res = await site.http.get('/wp-json/wp/v2/posts');
    expect(res.status).toBe(200);
    expect(visible).toBe(16);
    expect(res.headers['x-wp-total']).toBe(String(visible));
    expect(res.headers['x-wp-totalpages']).toBe(String(Math.ceil(visible / 10)));
    const list = posts(res);
    expect(list).toHaveLength(10);
    const dates = list.map((p) => p.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('when a post is returned, then it carries the fields of a WordPress post record', async () => {
    const res = await site.http.get(`/wp-json/wp/v2/posts/${idOf('what-does-a-data-engineer-do')}`);
    expect(res.status).toBe(200);
    const post = res.body as Record<string, unknown> & WpPost;
    for (const key of [
      'id',
      'date',
      'date_gmt',
      'guid',
      'modified',
      'modified_gmt',
      'slug',
      'status',
      'type',
      'link',
      'title',
      'content',
      'excerpt',
      'author',
      'featured_media',
      'comment_status',
      'ping_status',
      'sticky',
      'template',
      'format',
      'meta',
      'categories',
      'tags',
      'class_list',
      '_links',
    ])
      expect(post).toHaveProperty(key);
    expect(post.status).toBe('publish');
    expect(post.type).toBe('post');
    expect(post.featured_media).toBe(0);
    expect(post.date_gmt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(post.link).toBe('http://localhost:3000/en/what-does-a-data-engineer-do');
    expect(post.title.rendered).toBe('What does a data engineer actually do?');
    expect(post.content.protected).toBe(false);
    expect(post.excerpt.rendered).toMatch(/^<p>Data engineers build/);
    expect(post._links.self?.[0]?.href).toBe(`http://localhost:3000/wp-json/wp/v2/posts/${post.id}`);
    expect(post._links.author?.[0]?.href).toBe(`http://localhost:3000/wp-json/wp/v2/users/${post.author}`);
    expect(res.headers.link).toBe(
      '<http://localhost:3000/en/what-does-a-data-engineer-do>; rel="alternate"; type="text/html"',
    );
  });

  it('when a post has CTA blocks and internal links, then content.rendered has them expanded with absolute URLs', async () => {
    const res = await site.http.get(`/wp-json/wp/v2/posts/${idOf('what-does-a-data-engineer-do')}`);
    const html = (res.body as WpPost).content.rendered;
    expect(html).toContain(
      'class="cta__button" href="http://localhost:3000/en/courses/data-ai/data-engineer?from=what-does-a-data-engineer-do&amp;cta=inline-1"',
    );
    expect(html).not.toMatch(/href="\/(?!\/)/);
  });

  it('when a client pages through, then pages do not overlap and Link headers point at prev and next', async () => {
    const p1 = await site.http.get('/wp-json/wp/v2/posts?per_page=5&page=1');
    const p2 = await site.http.get('/wp-json/wp/v2/posts?per_page=5&page=2');
    expect(posts(p2)).toHaveLength(5);
    const ids1 = posts(p1).map((p) => p.id);
    expect(posts(p2).some((p) => ids1.includes(p.id))).toBe(false);
    expect(p2.headers.link).toContain(
      '<http://localhost:3000/wp-json/wp/v2/posts?per_page=5&page=1>; rel="prev"',
    );
    expect(p2.headers.link).toContain(
      '<http://localhost:3000/wp-json/wp/v2/posts?per_page=5&page=3>; rel="next"',
    );
  });

  it("when a client asks for a page past the end, then it gets WordPress's rest_post_invalid_page_number", async () => {
    const res = await site.http.get('/wp-json/wp/v2/posts?page=99');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'rest_post_invalid_page_number',
      message: 'The page number requested is larger than the number of pages available.',
      data: { status: 400 },
    });
  });

  it.each([
    ['per_page=0', 'per_page', 'per_page must be between 1 (inclusive) and 100 (inclusive)'],
    ['per_page=101', 'per_page', 'per_page must be between 1 (inclusive) and 100 (inclusive)'],
    ['per_page=ten', 'per_page', 'per_page is not of type integer.'],
    ['page=0', 'page', 'page must be greater than or equal to 1'],
    ['order=sideways', 'order', 'order is not one of asc and desc.'],
    [
      'orderby=colour',
      'orderby',
      'orderby is not one of date, id, title, slug, modified, author, include, and relevance.',
    ],
    ['categories=abc', 'categories', 'categories[0] is not of type integer.'],
    ['after=yesterday', 'after', 'Invalid date.'],
  ])(
    'when a parameter is bad (%s), then the answer is 400 rest_invalid_param naming it',
    async (query, name, message) => {
      const res = await site.http.get(`/wp-json/wp/v2/posts?${query}`);
      expect(res.status).toBe(400);
      const body = res.body as {
        code: string;
        message: string;
        data: { status: number; params: Record<string, string> };
      };
      expect(body.code).toBe('rest_invalid_param');
      expect(body.message).toBe(`Invalid parameter(s): ${name}`);
      expect(body.data.status).toBe(400);
      expect(body.data.params[name]).toBe(message);
    },
  );

  it('when a post id is unknown, then the answer is 404 rest_post_invalid_id; a non-numeric id is no route', async () => {
    const res = await site.http.get('/wp-json/wp/v2/posts/999999');
    expect(res.status).toBe(404);
    expect((res.body as { code: string }).code).toBe('rest_post_invalid_id');
    const bad = await site.http.get('/wp-json/wp/v2/posts/abc');
    expect(bad.status).toBe(404);
    expect((bad.body as { code: string }).code).toBe('rest_no_route');
    const unknown = await site.http.get('/wp-json/wp/v2/pages');
    expect((unknown.body as { code: string }).code).toBe('rest_no_route');
  });

  it('when filtering by slug, then only that post comes back', async () => {
    const res = await site.http.get('/wp-json/wp/v2/posts?slug=sql-joins-explained');
    expect(posts(res).map((p) => p.slug)).toEqual(['sql-joins-explained']);
    expect(res.headers['x-wp-total']).toBe('1');
  });

  it('when filtering by category, tag and author ids, then every post matches and totals agree with the term counts', async () => {
    const cats = (await site.http.get('/wp-json/wp/v2/categories?slug=data-engineering')).body as WpTerm[];
    const cat = cats[0]!;
    const byCat = await site.http.get(`/wp-json/wp/v2/posts?categories=${cat.id}&per_page=100`);
    expect(Number(byCat.headers['x-wp-total'])).toBe(cat.count);
    expect(posts(byCat).every((p) => p.categories.includes(cat.id))).toBe(true);

    const tag = ((await site.http.get('/wp-json/wp/v2/tags?slug=airflow')).body as WpTerm[])[0]!;
    const byTag = await site.http.get(`/wp-json/wp/v2/posts?tags=${tag.id}`);
    expect(posts(byTag).map((p) => p.slug)).toContain('your-first-airflow-dag');
    expect(posts(byTag).every((p) => p.tags.includes(tag.id))).toBe(true);

    const users = (await site.http.get('/wp-json/wp/v2/users?slug=priya-raman')).body as { id: number }[];
    const byAuthor = await site.http.get(`/wp-json/wp/v2/posts?author=${users[0]!.id}&per_page=100`);
    expect(posts(byAuthor).length).toBeGreaterThan(0);
    expect(posts(byAuthor).every((p) => p.author === users[0]!.id)).toBe(true);
  });

  it('when searching, then matching posts come back, ranked by relevance on request', async () => {
    const res = await site.http.get('/wp-json/wp/v2/posts?search=airflow');
    expect(posts(res).map((p) => p.slug)).toContain('your-first-airflow-dag');
    const ranked = await site.http.get('/wp-json/wp/v2/posts?search=airflow%20dag&orderby=relevance');
    expect(posts(ranked)[0]?.slug).toBe('your-first-airflow-dag');
    const nothing = await site.http.get('/wp-json/wp/v2/posts?search=%22%29%28*');
    expect(nothing.status).toBe(200);
    expect(posts(nothing)).toEqual([]);
    const noTerm = await site.http.get('/wp-json/wp/v2/posts?orderby=relevance');
    expect((noTerm.body as { code: string }).code).toBe('rest_no_search_term_defined');
  });

  it('when ordering by title ascending, then titles come in alphabetical order', async () => {
    const res = await site.http.get('/wp-json/wp/v2/posts?orderby=title&order=asc&per_page=100');
    const titles = posts(res).map((p) => p.title.rendered.toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it("when filtering by language, then only that language's posts come back, with their translations", async () => {
    const res = await site.http.get('/wp-json/wp/v2/posts?lang=fr');
    const fr = posts(res);
    expect(fr.map((p) => p.slug)).toEqual(['qu-est-ce-qu-un-data-engineer']);
    const translations = (fr[0] as unknown as { translations: Record<string, number> }).translations;
    expect(translations.en).toBe(idOf('what-does-a-data-engineer-do'));
  });

  it('when _fields and _embed are given, then objects are trimmed and carry embedded authors and terms', async () => {
    const trimmed = await site.http.get('/wp-json/wp/v2/posts?_fields=id,title.rendered&per_page=1');
    expect(Object.keys(posts(trimmed)[0]!).sort()).toEqual(['id', 'title']);
    const embedded = await site.http.get(`/wp-json/wp/v2/posts/${idOf('sql-joins-explained')}?_embed`);
    const post = embedded.body as WpPost;
    expect(post._embedded?.author?.[0]?.name).toBeTruthy();
    expect(post._embedded?.['wp:term']?.[0]?.[0]?.taxonomy).toBe('category');
  });

  it('when a client sends edit context or asks for drafts, then it is refused as WordPress refuses anonymous clients', async () => {
    expect((await site.http.get('/wp-json/wp/v2/posts?context=edit')).status).toBe(401);
    const drafts = await site.http.get('/wp-json/wp/v2/posts?status=draft');
    expect(drafts.status).toBe(401);
    expect((drafts.body as { code: string }).code).toBe('rest_forbidden_status');
  });
});

describe('terms, users and courses', () => {
  it('when listing categories, then each has WordPress term fields and a post count', async () => {
    const res = await site.http.get('/wp-json/wp/v2/categories');
    expect(res.headers['x-wp-total']).toBe('6');
    const cats = res.body as (WpTerm & { link: string; parent: number })[];
    const de = cats.find((c) => c.slug === 'data-engineering')!;
    expect(de).toMatchObject({
      taxonomy: 'category',
      parent: 0,
      link: 'http://localhost:3000/en/category/data-engineering',
    });
    expect(de.count).toBeGreaterThan(0);
    expect(cats.map((c) => c.name)).toEqual(
      [...cats.map((c) => c.name)].sort((a, b) => a.localeCompare(b, 'en')),
    );
  });

  it('when asking for the terms of one post, then only its category and tags come back', async () => {
    const id = idOf('your-first-airflow-dag');
    const cats = (await site.http.get(`/wp-json/wp/v2/categories?post=${id}`)).body as WpTerm[];
    expect(cats.map((c) => c.slug)).toEqual(['data-engineering']);
    const tags = (await site.http.get(`/wp-json/wp/v2/tags?post=${id}`)).body as WpTerm[];
    expect(tags.map((t) => t.slug)).toContain('airflow');
  });

  it("when a term or user id is unknown, then WordPress's 404 codes come back", async () => {
    expect(((await site.http.get('/wp-json/wp/v2/categories/9999')).body as { code: string }).code).toBe(
      'rest_term_invalid',
    );
    expect(((await site.http.get('/wp-json/wp/v2/users/9999')).body as { code: string }).code).toBe(
      'rest_user_invalid_id',
    );
  });

  it('when listing users, then authors with published articles are listed with avatars', async () => {
    const res = await site.http.get('/wp-json/wp/v2/users');
    const users = res.body as { slug: string; link: string; avatar_urls: Record<string, string> }[];
    expect(users.map((u) => u.slug)).toEqual(['amara-okafor', 'lucas-bernard', 'priya-raman']);
    expect(users[0]!.avatar_urls['96']).toBe('http://localhost:3000/img/avatars/amara-okafor.svg');
  });

  it('when listing courses, then they come as a custom post type linking to the course pages', async () => {
    const res = await site.http.get('/wp-json/wp/v2/courses?orderby=title&order=asc');
    expect(res.headers['x-wp-total']).toBe('4');
    const courses = res.body as { type: string; slug: string; link: string }[];
    const de = courses.find((c) => c.slug === 'data-engineer')!;
    expect(de.type).toBe('course');
    expect(de.link).toBe('http://localhost:3000/en/courses/data-ai/data-engineer');
    const types = (await site.http.get('/wp-json/wp/v2/types')).body as Record<string, { rest_base: string }>;
    expect(types.course?.rest_base).toBe('courses');
  });
});

describe('CORS and caching', () => {
  it('when a browser script on another origin reads the API, then CORS allows it and exposes the paging headers', async () => {
    const res = await site.http.get('/wp-json/wp/v2/posts').set('Origin', 'https://app.example.org');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-expose-headers']).toBe('X-WP-Total, X-WP-TotalPages, Link');
    const preflight = await site.http
      .options('/wp-json/wp/v2/posts')
      .set('Origin', 'https://app.example.org')
      .set('Access-Control-Request-Method', 'GET');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('GET');
    const error = await site.http.get('/wp-json/wp/v2/posts?page=0');
    expect(error.headers['access-control-allow-origin']).toBe('*');
  });

  it('when a client revalidates with the ETag, then the answer is 304', async () => {
    const first = await site.http.get('/wp-json/wp/v2/posts?per_page=3');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await site.http.get('/wp-json/wp/v2/posts?per_page=3').set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(first.headers['cache-control']).toContain('s-maxage=');
  });
});

describe('a WordPress client', () => {
  it('when it discovers the API from a page and follows rel=next, then it reads every post exactly once', async () => {
    const head = await site.http.head('/en/sql-joins-explained');
    const root = /<([^>]+)>; rel="https:\/\/api\.w\.org\/"/.exec(head.headers.link as string)![1]!;
    const index = (await site.http.get(new URL(root).pathname)).body as {
      routes: Record<string, { _links?: { self: { href: string }[] } }>;
    };
    let next: string | null = index.routes['/wp/v2/posts']!._links!.self[0]!.href + '?per_page=4';
    const seen: number[] = [];
    let total = 0;
    while (next) {
      const url: URL = new URL(next);
      const res = await site.http.get(url.pathname + url.search);
      expect(res.status).toBe(200);
      total = Number(res.headers['x-wp-total']);
      seen.push(...posts(res).map((p) => p.id));
      next = /<([^>]+)>; rel="next"/.exec(res.headers.link ?? '')?.[1] ?? null;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});

describe('visibility', () => {
  it('when an article is scheduled, then the API lists it only once its time has passed; drafts never', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const small = await createTestSite({
      sample: false,
      now: () => clock,
      files: {
        'articles/live.md':
          '---\ntitle: Live one\ndate: 2029-12-01\ncategory: news\nauthor: ann\n---\nBody text here.\n',
        'articles/later.md':
          '---\ntitle: Later one\ndate: 2030-02-01\ncategory: news\nauthor: ann\n---\nBody text here.\n',
        'articles/hidden.md':
          '---\ntitle: Hidden one\ndate: 2029-12-02\ncategory: news\nauthor: ann\ndraft: true\n---\nBody text.\n',
      },
    });
    try {
      const before = await small.http.get('/wp-json/wp/v2/posts');
      expect((before.body as WpPost[]).map((p) => p.slug)).toEqual(['live']);
      clock = Date.parse('2030-02-02T00:00:00Z');
      const after = await small.http.get('/wp-json/wp/v2/posts');
      expect((after.body as WpPost[]).map((p) => p.slug)).toEqual(['later', 'live']);
      const empty = await small.http.get('/wp-json/wp/v2/posts?search=zzzz&page=1');
      expect(empty.headers['x-wp-total']).toBe('0');
      expect(empty.headers['x-wp-totalpages']).toBe('0');
    } finally {
      await small.close();
    }
  });
});
