// contentWarnings: the `npm run check` warnings, each from the smallest set of articles that shows it.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { contentWarnings, type WarningArticle } from '../../src/indexer/warnings.js';

/** An article with a call to action, linked from nowhere yet; `lines` places its front matter keys. */
function art(slug: string, over: Partial<WarningArticle> = {}): WarningArticle {
  return {
    path: `articles/${slug}.md`,
    lang: 'en',
    slug,
    title: `Title of ${slug}`,
    excerpt: 'Short.',
    draft: false,
    image: null,
    cta: 'data-engineer',
    related: [],
    aliases: [],
    ...over,
    facts: {
      links: [],
      ctas: [],
      images: [],
      lines: { title: 2, image: 7, aliases: 9, excerpt: 8 },
      ...over.facts,
    },
  };
}
const link = (target: string, line = 12) => ({ kind: 'article' as const, target, line });

function warnings(articles: WarningArticle[], exists: (p: string) => boolean = () => true): string[] {
  return contentWarnings({
    articles,
    languages: ['en', 'fr'],
    publicFileExists: exists,
    lineOf: () => 14,
  }).map(formatProblem);
}

describe('contentWarnings', () => {
  it('when published articles link to each other, then nothing is reported', () => {
    const a = art('a', { facts: { links: [link('en/b')], ctas: [], images: [], lines: {} } });
    const b = art('b', { related: ['a'] });
    expect(warnings([a, b])).toEqual([]);
  });

  it('when no other published article links to one, then it is an orphan; a draft linking to it does not count', () => {
    const draft = art('d', {
      draft: true,
      facts: { links: [link('en/b')], ctas: [], images: [], lines: {} },
    });
    const a = art('a', { facts: { links: [link('en/a')], ctas: [], images: [], lines: {} } });
    expect(warnings([art('b', { related: ['a'] }), a, draft])).toEqual([
      'articles/b.md:1: warning: no other article links to "Title of b": readers reach it only through listings and search (link to it from a related article, or list its slug under related: in one)',
    ]);
  });

  it('when an article is the only one in its language, then it is not an orphan', () => {
    const fr = art('fr-only', { lang: 'fr' });
    const en = [art('a', { related: ['b'] }), art('b', { related: ['a'] })];
    expect(warnings([...en, fr])).toEqual([]);
  });

  it('when titles repeat, run long, or the excerpt is long, then each is reported on its key line', () => {
    const long = 'A'.repeat(61);
    const found = warnings([
      art('a', { title: 'Same  Title', related: ['b'] }),
      art('b', { title: 'same title', related: ['a'], excerpt: 'x'.repeat(161) }),
      art('c', {
        title: long,
        related: ['a'],
        cta: null,
        facts: { links: [], ctas: [], images: [], lines: { title: 3 } },
      }),
    ]);
    expect(found).toEqual([
      'articles/b.md:2: warning: the title "same title" is also used by articles/a.md (give each article its own title, so search results and tabs tell them apart)',
      'articles/b.md:8: warning: the description (excerpt) is 161 characters; search results show about 160 (shorten the excerpt)',
      'articles/c.md:1: warning: no other article links to "' +
        long +
        '": readers reach it only through listings and search (link to it from a related article, or list its slug under related: in one)',
      'articles/c.md:1: warning: "' +
        long +
        '" has no call to action (add cta: <course> to the front matter or a ::cta[Label]{course=<course>} line to the body)',
      'articles/c.md:3: warning: the title is 61 characters; search results show about 60 (shorten it, or put the words readers search for first)',
    ]);
  });

  it('when an image is a site path with no file under public/, then it is reported; absolute URLs are not checked', () => {
    const a = art('a', {
      related: ['b'],
      image: '/img/missing%20one.svg',
      facts: {
        links: [],
        ctas: [],
        images: ['/img/body.png', 'https://cdn.example/x.png', '/img/ok.png'],
        lines: { image: 7 },
      },
    });
    const found = warnings([a, art('b', { related: ['a'] })], (p) => p === '/img/ok.png');
    expect(found).toEqual([
      'articles/a.md:7: warning: image /img/missing%20one.svg is not a file under public/ (add public/img/missing one.svg or fix the path)',
      'articles/a.md:14: warning: image /img/body.png is not a file under public/ (add public/img/body.png or fix the path)',
    ]);
  });

  it('when an alias is not canonical, or a body link goes through an alias, then it is an alias chain', () => {
    const a = art('a', { related: ['b'], aliases: ['/en/old-a/', '/EN/Older', '/en/older'] });
    const b = art('b', {
      related: ['a'],
      facts: {
        links: [{ kind: 'path', target: '/en/older', line: 20 }],
        ctas: [],
        images: [],
        lines: { aliases: 9 },
      },
    });
    expect(warnings([a, b])).toEqual([
      'articles/a.md:9: warning: alias /en/old-a/ is first redirected to /en/old-a, which is not an alias: readers end on a 404 (write the alias as /en/old-a)',
      'articles/a.md:9: warning: alias /EN/Older is first redirected to /en/older, an alias of this article: two redirects instead of one (write the alias as /en/older)',
      'articles/b.md:20: warning: link to /en/older goes through a redirect (an alias of articles/a.md) (link to /en/a directly)',
    ]);
  });
});
