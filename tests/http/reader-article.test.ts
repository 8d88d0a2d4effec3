// The article page with precise data: table of contents, previous/next within a category, related articles
// and backlinks, each with the edges a reader would hit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, createTestSite, type TestSite } from '../helpers/site.js';
import { attr, element, hrefs, links, mustFind, textOf } from './reader-html.js';

const NOW = Date.parse('2024-06-01T12:00:00Z');
const words = (n: number, seed: string) =>
  Array.from({ length: n }, (_, i) => `${seed}${i % 37}`).join(' ') + '.\n';
/** About 800 words of body, split under the given headings. */
const LONG = (headings: string[]) =>
  headings.map((h, i) => `## ${h}\n\n${words(Math.ceil(800 / headings.length), `w${i}x`)}`).join('\n');

const files: Record<string, string> = {
  'categories.yml':
    '- slug: news\n  name: News\n  description: News items.\n- slug: guides\n  name: Guides\n  description: How-to guides.\n- slug: solo\n  name: Solo\n  description: One article only.\n',
  'authors.yml':
    '- slug: ann\n  name: Ann Writer\n  bio: Writes tests for a living.\n  avatar: /img/avatars/amara-okafor.svg\n- slug: bob\n  name: Bob Noavatar\n  bio: Has no picture.\n',
  // Table of contents.
  'articles/toc-long.md': article(
    { title: 'Long with headings', slug: 'toc-long', date: '2024-01-01', category: 'guides' },
    LONG(['Getting started', 'Setup', 'Setup', 'C++ & Rust: 100% “fast”?']),
  ),
  'articles/toc-two.md': article(
    { title: 'Long with two headings', slug: 'toc-two', date: '2024-01-02', category: 'guides' },
    LONG(['First part', 'Second part']),
  ),
  'articles/toc-short.md': article(
    {
      title: 'Short with headings',
      slug: 'toc-short',
      date: '2024-01-03',
      category: 'guides',
      author: 'bob',
    },
    '## One\n\nA line.\n\n## Two\n\nA line.\n\n## Three\n\nA line.\n',
  ),
  // Previous / next in "news": n1 < n2 < (guide g1) < n3 = n4 (same day) < n5; a draft and a scheduled one in between.
  'articles/n1.md': article({ title: 'News one', slug: 'n1', date: '2024-02-01' }),
  'articles/n2.md': article({ title: 'News two', slug: 'n2', date: '2024-02-02' }),
  'articles/g1.md': article({ title: 'Guide one', slug: 'g1', date: '2024-02-03', category: 'guides' }),
  'articles/n-draft.md': article({ title: 'News draft', slug: 'n-draft', date: '2024-02-04', draft: true }),
  'articles/n3.md': article({ title: 'News three', slug: 'n3', date: '2024-02-05' }),
  'articles/n4.md': article({ title: 'News four', slug: 'n4', date: '2024-02-05' }),
  'articles/n5.md': article({ title: 'News five', slug: 'n5', date: '2024-02-06' }),
  'articles/n-later.md': article({ title: 'News later', slug: 'n-later', date: '2030-01-01' }),
  // Related: r0 lists r2 and r1 explicitly, plus a draft, a scheduled article and itself; eight siblings share its tags.
  'articles/r0.md': article(
    {
      title: 'Kubernetes operators',
      slug: 'r0',
      date: '2024-03-01',
      category: 'guides',
      tags: ['kubernetes', 'operators'],
      related: ['r2', 'r-draft', 'r-later', 'r0', 'r1'],
    },
    'Kubernetes operators reconcile custom resources. Kubernetes controllers watch state.\n',
  ),
  'articles/r-draft.md': article(
    {
      title: 'Kubernetes draft',
      slug: 'r-draft',
      date: '2024-03-02',
      category: 'guides',
      tags: ['kubernetes', 'operators'],
      draft: true,
    },
    'Kubernetes operators reconcile custom resources. Kubernetes controllers watch state.\n',
  ),
  'articles/r-later.md': article(
    {
      title: 'Kubernetes later',
      slug: 'r-later',
      date: '2030-03-02',
      category: 'guides',
      tags: ['kubernetes', 'operators'],
    },
    'Kubernetes operators reconcile custom resources. Kubernetes controllers watch state.\n',
  ),
  // Backlinks: b1 and the draft/scheduled b-draft/b-later link to b0.
  'articles/b0.md': article({ title: 'Link target', slug: 'b0', date: '2024-04-01', category: 'guides' }),
  'articles/b1.md': article(
    { title: 'Links to the target', slug: 'b1', date: '2024-04-02', category: 'guides' },
    'See [the target](/en/b0) for details.\n',
  ),
  'articles/b-draft.md': article(
    { title: 'Draft linking', slug: 'b-draft', date: '2024-04-03', category: 'guides', draft: true },
    'See [the target](/en/b0).\n',
  ),
  'articles/b-later.md': article(
    { title: 'Scheduled linking', slug: 'b-later', date: '2030-04-03', category: 'guides' },
    'See [the target](/en/b0).\n',
  ),
  'articles/image.md': article({
    title: 'With a picture',
    slug: 'with-image',
    date: '2024-05-01',
    category: 'solo',
    image: '/img/featured/data-pipeline.svg',
    image_alt: 'A pipeline drawn as boxes and arrows',
  }),
};
for (let i = 1; i <= 8; i++) {
  files[`articles/r${i}.md`] = article(
    {
      title: `Kubernetes sibling ${i}`,
      slug: `r${i}`,
      date: `2024-03-${String(10 + i).padStart(2, '0')}`,
      category: 'guides',
      tags: ['kubernetes', 'operators'],
    },
    'Kubernetes operators reconcile custom resources. Kubernetes controllers watch state.\n',
  );
}

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite({ sample: false, files, now: () => NOW });
});
afterAll(async () => site.close());

async function get(path: string): Promise<string> {
  const res = await site.http.get(path);
  expect(res.status, path).toBe(200);
  return res.text;
}

describe('table of contents', () => {
  it('when a long article has at least three headings, then a TOC links to each heading by its id, duplicates and symbols included', async () => {
    const html = await get('/en/toc-long');
    const toc = links(mustFind(html, 'nav', 'class="toc"'));
    expect(toc.map((l) => l.text)).toEqual(['Getting started', 'Setup', 'Setup', 'C++ & Rust: 100% “fast”?']);
    const prose = mustFind(html, 'div', 'class="prose"');
    const ids = [...prose.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(toc.map((l) => l.href)).toEqual(ids.map((id) => `#${id}`));
    expect(new Set(ids).size).toBe(4);
    // No heading id collides with an id of the page around it (the skip link target, landmarks' labels).
    const allIds = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it('when a long article has only two headings, or a short one has three, then there is no TOC', async () => {
    expect(element(await get('/en/toc-two'), 'nav', 'class="toc"')).toBeNull();
    const short = await get('/en/toc-short');
    expect(element(short, 'nav', 'class="toc"')).toBeNull();
    expect(short).toContain('<h2 id="two">Two</h2>');
  });
});

describe('previous and next', () => {
  const prevNext = async (slug: string) => {
    const nav = element(await get(`/en/${slug}`), 'nav', 'class="prev-next"') ?? '';
    const all = links(nav);
    return {
      prev: all.find((l) => l.tag.includes('rel="prev"'))?.href ?? null,
      next: all.find((l) => l.tag.includes('rel="next"'))?.href ?? null,
    };
  };

  it('when the oldest article of a category is read, then it has only a next link; the newest only a previous one', async () => {
    expect(await prevNext('n1')).toEqual({ prev: null, next: '/en/n2' });
    // n-later is scheduled, so n5 is the newest a reader can see.
    const last = await prevNext('n5');
    expect(last.next).toBeNull();
    expect(last.prev).toMatch(/^\/en\/n[34]$/);
  });

  it('when a reader walks next from the oldest article, then every published article of the category comes once, in date order, and prev walks back', async () => {
    const forward: string[] = ['/en/n1'];
    for (let step = 0; step < 10; step++) {
      const { next } = await prevNext(forward.at(-1)?.slice(4) ?? '');
      if (!next) break;
      forward.push(next);
    }
    // Same-day articles (n3, n4) come in a stable order; guides, drafts and scheduled ones never appear.
    expect(forward.slice(0, 2)).toEqual(['/en/n1', '/en/n2']);
    expect([...forward.slice(2, 4)].sort()).toEqual(['/en/n3', '/en/n4']);
    expect(forward.slice(4)).toEqual(['/en/n5']);
    const backward: string[] = ['/en/n5'];
    for (let step = 0; step < 10; step++) {
      const { prev } = await prevNext(backward.at(-1)?.slice(4) ?? '');
      if (!prev) break;
      backward.push(prev);
    }
    expect(backward).toEqual([...forward].reverse());
  });

  it('when an article is alone in its category, then there is no previous/next navigation at all', async () => {
    expect(element(await get('/en/n2'), 'nav', 'class="prev-next"')).not.toBeNull();
    expect(element(await get('/en/with-image'), 'nav', 'class="prev-next"')).toBeNull();
  });
});

describe('related articles', () => {
  it('when an article lists related slugs, then those come first in its order, then others, 5 at most, never itself, a draft or a scheduled one', async () => {
    const related = hrefs(mustFind(await get('/en/r0'), 'section', 'class="related"'));
    expect(related).toHaveLength(5);
    expect(related.slice(0, 2)).toEqual(['/en/r2', '/en/r1']);
    expect(related).not.toContain('/en/r0');
    expect(related).not.toContain('/en/r-draft');
    expect(related).not.toContain('/en/r-later');
    expect(new Set(related).size).toBe(5);
    for (const href of related.slice(2)) expect(href).toMatch(/^\/en\/r[3-8]$/);
  });

  it('when a scored candidate is a draft or scheduled, then it never shows up in any related list', async () => {
    for (let i = 1; i <= 8; i++) {
      const related = hrefs(element(await get(`/en/r${i}`), 'section', 'class="related"') ?? '');
      expect(related.length, `r${i}`).toBeGreaterThan(0);
      expect(related, `r${i}`).not.toContain('/en/r-draft');
      expect(related, `r${i}`).not.toContain('/en/r-later');
      expect(related, `r${i}`).not.toContain(`/en/r${i}`);
    }
  });
});

describe('linked from', () => {
  it('when a published article links here, then it is listed; drafts and scheduled articles linking here are not', async () => {
    const html = await get('/en/b0');
    const section = mustFind(html, 'section', 'class="backlinks"');
    expect(links(section).map((l) => [l.href, l.text])).toEqual([['/en/b1', 'Links to the target']]);
  });

  it('when nothing links to an article, then there is no "Linked from" section', async () => {
    expect(element(await get('/en/b1'), 'section', 'class="backlinks"')).toBeNull();
  });
});

describe('author box and image', () => {
  it('when the author has no avatar, then the bio box shows the name and bio without a broken image', async () => {
    const box = mustFind(await get('/en/toc-short'), 'section', 'class="author-box"');
    expect(textOf(box)).toBe('About the author: Bob Noavatar Has no picture.');
    expect(box).not.toContain('<img');
    expect(hrefs(box)).toEqual(['/en/author/bob']);
  });

  it('when an article has a featured image, then it is shown with its alt text and dimensions; without one there is no figure', async () => {
    const html = await get('/en/with-image');
    const img = mustFind(html, 'figure', 'class="article__figure"');
    expect(attr(img, '<img[^>]*>', 'alt')).toBe('A pipeline drawn as boxes and arrows');
    expect(attr(img, '<img[^>]*>', 'width')).toMatch(/^\d+$/);
    expect(attr(img, '<img[^>]*>', 'height')).toMatch(/^\d+$/);
    expect(element(await get('/en/n1'), 'figure', 'class="article__figure"')).toBeNull();
  });

  it('when an article was never updated, then only the published date is shown', async () => {
    const meta = mustFind(await get('/en/n1'), 'p', 'class="article__meta"');
    expect([...meta.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '2024-02-01T00:00:00.000Z',
    ]);
    expect(textOf(meta)).toMatch(/^By Ann Writer · Published February 1, 2024 · 1 min read$/);
  });
});
