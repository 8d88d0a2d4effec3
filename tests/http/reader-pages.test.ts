// The reader site on the shipped sample content: every page family answers with the content a reader
// expects, and the navigation on every page points where it should.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../helpers/site.js';
import { attr, cardPaths, cardTitles, hrefs, links, mustFind, textOf } from './reader-html.js';

// A fixed clock: "Git for data teams" (2026-08-19) is still scheduled, "Data mesh in practice" is a draft.
const NOW = Date.parse('2026-07-01T12:00:00Z');
const ARTICLE = '/en/what-does-a-data-engineer-do';
const NAV_FROM_SITE_YML = [
  { label: 'Courses', href: '/en/courses' },
  { label: 'Data engineering', href: '/en/category/data-engineering' },
  { label: 'Career change', href: '/en/category/career-change' },
];

let site: TestSite;
const pages = new Map<string, string>();
async function page(path: string): Promise<string> {
  const cached = pages.get(path);
  if (cached !== undefined) return cached;
  const res = await site.http.get(path);
  expect(res.status, path).toBe(200);
  pages.set(path, res.text);
  return res.text;
}

beforeAll(async () => {
  site = await createTestSite({ now: () => NOW });
});
afterAll(async () => site.close());

describe('home pages', () => {
  it('when a reader opens the site root, then it answers 301 to the default language home', async () => {
    const res = await site.http.get('/');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/en/');
  });

  it('when the English home is opened, then the latest published articles are listed newest first, without drafts or scheduled ones', async () => {
    const html = await page('/en/');
    const latest = mustFind(html, 'section', 'class="home-latest"');
    const titles = cardTitles(latest);
    expect(titles[0]).toBe('Your first Airflow DAG, step by step');
    expect(titles).toContain('What does a data engineer actually do?');
    expect(titles).not.toContain('Git for data teams');
    expect(titles.join('|')).not.toMatch(/data mesh/i);
    // English only: the French article lives on /fr/.
    expect(cardPaths(latest).every((p) => p.startsWith('/en/'))).toBe(true);
    const dates = [...latest.matchAll(/<time datetime="([^"]+)"/g)].map((m) => Date.parse(m[1] ?? ''));
    expect(dates.length).toBe(titles.length);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(dates.every((d) => d <= NOW)).toBe(true);
  });

  it('when the English home is opened, then the categories are listed with their article counts', async () => {
    const html = await page('/en/');
    const list = mustFind(html, 'ul', 'class="category-list"');
    const items = [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1] ?? ''));
    // 4 published: the draft "data mesh" article is not counted.
    expect(items).toContain('Data engineering 4 articles');
    expect(items).toContain('Data careers 1 article');
    expect(hrefs(list)).toContain('/en/category/machine-learning');
  });

  it('when the English home is opened, then featured courses link to their course pages, which exist', async () => {
    const html = await page('/en/');
    const panel = mustFind(html, 'section', 'aria-labelledby="courses-heading"');
    const courseLinks = hrefs(panel).filter((h) => /^\/en\/courses\/[a-z-]+\/[a-z-]+$/.test(h));
    expect(courseLinks).toEqual(
      expect.arrayContaining(['/en/courses/data-ai/data-engineer', '/en/courses/software/backend-developer']),
    );
    for (const href of courseLinks) expect((await site.http.get(href)).status, href).toBe(200);
    expect(hrefs(panel)).toContain('/en/courses');
  });

  it('when the French home is opened, then it is in French and lists only French articles', async () => {
    const html = await page('/fr/');
    expect(html).toContain('<html lang="fr">');
    expect(textOf(mustFind(html, 'h2', 'id="latest-heading"'))).toBe('Derniers articles');
    const latest = mustFind(html, 'section', 'class="home-latest"');
    expect(cardPaths(latest)).toEqual(['/fr/qu-est-ce-qu-un-data-engineer']);
    const cats = textOf(mustFind(html, 'ul', 'class="category-list"'));
    expect(cats).toBe('Data engineering 1 article');
  });
});

describe('the article page', () => {
  it('when an article is opened, then its title is the one h1 and the body follows', async () => {
    const html = await page(ARTICLE);
    expect([...html.matchAll(/<h1[\s>]/g)].length).toBe(1);
    expect(textOf(mustFind(html, 'h1'))).toBe('What does a data engineer actually do?');
    const prose = mustFind(html, 'div', 'class="prose"');
    expect(textOf(prose)).toContain('Ask ten companies what a data engineer does');
  });

  it('when an article is opened, then the author links to their page and a bio box with avatar follows the body', async () => {
    const html = await page(ARTICLE);
    const meta = mustFind(html, 'p', 'class="article__meta"');
    const author = links(meta).find((l) => l.tag.includes('rel="author"'));
    expect(author).toMatchObject({ href: '/en/author/amara-okafor', text: 'Amara Okafor' });
    const box = mustFind(html, 'section', 'class="author-box"');
    expect(hrefs(box)).toContain('/en/author/amara-okafor');
    expect(textOf(box)).toContain('Lead instructor for the Data Engineer course');
    expect(attr(box, '<img[^>]*>', 'src')).toBe('/img/avatars/amara-okafor.svg');
    expect(attr(box, '<img[^>]*>', 'width')).toBe('72');
    expect((await site.http.get('/img/avatars/amara-okafor.svg')).status).toBe(200);
  });

  it('when an article was updated, then both dates are machine-readable <time> elements, with the reading time', async () => {
    const meta = textOf(mustFind(await page(ARTICLE), 'p', 'class="article__meta"'));
    expect(meta).toMatch(/Published March 12, 2026 · Updated May 2, 2026 · \d+ min read$/);
    const times = [
      ...mustFind(await page(ARTICLE), 'p', 'class="article__meta"').matchAll(/datetime="([^"]+)"/g),
    ];
    expect(times.map((m) => m[1])).toEqual(['2026-03-12T00:00:00.000Z', '2026-05-02T00:00:00.000Z']);
    const plain = textOf(mustFind(await page('/en/sql-joins-explained'), 'p', 'class="article__meta"'));
    expect(plain).not.toContain('Updated');
  });

  it('when an article is opened, then its category and tags link to their archives, which exist', async () => {
    const html = await page(ARTICLE);
    expect(hrefs(mustFind(html, 'p', 'class="article__category"'))).toEqual([
      '/en/category/data-engineering',
    ]);
    const tags = links(mustFind(html, 'section', 'class="tags"'));
    expect(tags.map((t) => t.href)).toEqual([
      '/en/tag/data-engineering',
      '/en/tag/pipelines',
      '/en/tag/careers',
    ]);
    for (const t of tags) expect((await site.http.get(t.href)).status, t.href).toBe(200);
  });

  it('when an article has a featured image, then it has alt text and its dimensions', async () => {
    const figure = mustFind(await page(ARTICLE), 'figure', 'class="article__figure"');
    expect(attr(figure, '<img[^>]*>', 'alt')).toMatch(/^Diagram of data flowing/);
    expect(Number(attr(figure, '<img[^>]*>', 'width'))).toBeGreaterThan(0);
    expect(Number(attr(figure, '<img[^>]*>', 'height'))).toBeGreaterThan(0);
    expect((await site.http.get(attr(figure, '<img[^>]*>', 'src') ?? '')).status).toBe(200);
  });

  it('when a long article is opened, then its table of contents links to the ids of its headings', async () => {
    const html = await page(ARTICLE);
    const toc = hrefs(mustFind(html, 'nav', 'class="toc"'));
    expect(toc.length).toBeGreaterThanOrEqual(3);
    const prose = mustFind(html, 'div', 'class="prose"');
    const ids = [...prose.matchAll(/<h[2-4] id="([^"]+)"/g)].map((m) => `#${m[1]}`);
    expect(toc).toEqual(ids);
  });

  it('when an article names a course, then a CTA block links to that course page', async () => {
    const cta = mustFind(await page(ARTICLE), 'aside', 'class="cta"');
    const button = links(cta)[0];
    expect(button?.text).toBe('Start a career in Data Engineering');
    expect(button?.href).toMatch(/^\/en\/courses\/data-ai\/data-engineer(\?|$)/);
    expect((await site.http.get(button?.href ?? '')).status).toBe(200);
  });

  it('when an article is opened, then breadcrumbs read Home › Category › Article', async () => {
    const crumbs = mustFind(await page(ARTICLE), 'nav', 'class="breadcrumbs"');
    const items = [...crumbs.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1] ?? '');
    expect(items.map(textOf)).toEqual(['Home', 'Data engineering', 'What does a data engineer actually do?']);
    expect(hrefs(crumbs)).toEqual(['/en/', '/en/category/data-engineering']);
    expect(items[2]).toContain('aria-current="page"');
  });

  it('when an article is opened, then previous and next lead to neighbours in the same category', async () => {
    const nav = mustFind(await page(ARTICLE), 'nav', 'class="prev-next"');
    const [prev, next] = links(nav);
    expect(prev?.tag).toContain('rel="prev"');
    expect(prev?.href).toBe('/en/building-your-first-etl-pipeline');
    expect(next?.tag).toContain('rel="next"');
    expect(next?.href).toBe('/en/your-first-airflow-dag');
  });

  it('when an article is opened, then up to 5 related articles are listed, explicit ones first, never itself, drafts or scheduled ones', async () => {
    const html = await page('/en/your-first-airflow-dag');
    const related = hrefs(mustFind(html, 'section', 'class="related"'));
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(5);
    expect(related[0]).toBe('/en/building-your-first-etl-pipeline');
    expect(related).not.toContain('/en/your-first-airflow-dag');
    expect(related).not.toContain('/en/data-mesh-in-practice');
    expect(related).not.toContain('/en/git-for-data-teams');
    expect(new Set(related).size).toBe(related.length);
  });

  it('when other articles link to this one, then they are listed under "Linked from"', async () => {
    const backlinks = mustFind(await page(ARTICLE), 'section', 'class="backlinks"');
    expect(textOf(backlinks)).toMatch(/^Linked from/);
    expect(hrefs(backlinks)).toEqual(expect.arrayContaining(['/en/sql-joins-explained']));
    // That article's body really links here.
    expect(hrefs(await page('/en/sql-joins-explained'))).toContain(ARTICLE);
  });
});

describe('archives', () => {
  it('when a category is opened, then its name, description, count and articles are shown, newest first', async () => {
    const html = await page('/en/category/data-engineering');
    expect(textOf(mustFind(html, 'h1'))).toBe('Articles in Data engineering');
    expect(textOf(mustFind(html, 'p', 'class="archive__description"'))).toMatch(/^Pipelines, warehouses/);
    expect(textOf(mustFind(html, 'p', 'class="archive__count"'))).toBe('4 articles');
    expect(cardPaths(html)).toEqual([
      '/en/your-first-airflow-dag',
      '/en/what-does-a-data-engineer-do',
      '/en/building-your-first-etl-pipeline',
      '/en/sql-joins-explained',
    ]);
    const crumbs = mustFind(html, 'nav', 'class="breadcrumbs"');
    expect(textOf(crumbs)).toBe('Home Data engineering');
  });

  it('when a tag is opened, then the articles carrying it are listed', async () => {
    const html = await page('/en/tag/pipelines');
    expect(textOf(mustFind(html, 'h1'))).toBe('Articles tagged “pipelines”');
    expect(cardPaths(html)).toContain(ARTICLE);
    for (const path of cardPaths(html)) {
      const tags = hrefs(mustFind(await page(path), 'section', 'class="tags"'));
      expect(tags, path).toContain('/en/tag/pipelines');
    }
  });

  it('when an author is opened, then their bio, avatar and published articles are listed', async () => {
    const html = await page('/en/author/amara-okafor');
    expect(textOf(mustFind(html, 'h1'))).toBe('Articles by Amara Okafor');
    expect(textOf(mustFind(html, 'p', 'class="archive__description"'))).toMatch(/^Lead instructor/);
    expect(attr(html, '<img class="author-box__avatar"[^>]*>', 'src')).toBe('/img/avatars/amara-okafor.svg');
    expect(cardPaths(html)).toContain(ARTICLE);
    expect(cardPaths(html)).not.toContain('/en/data-mesh-in-practice');
  });
});

describe('navigation on every page', () => {
  const everyKind = [
    '/en/',
    ARTICLE,
    '/en/category/data-engineering',
    '/en/tag/pipelines',
    '/en/author/amara-okafor',
    '/en/search?q=sql',
  ];

  it('when any page is shown, then the header carries the site name, the nav links of site.yml and the categories', async () => {
    for (const path of everyKind) {
      const html = await page(path);
      const header = mustFind(html, 'header', 'class="site-header"');
      const title = links(header).find((l) => l.tag.includes('class="site-title"'));
      expect(title, path).toMatchObject({ href: '/en/', text: 'F Folio Academy' });
      const nav = links(mustFind(header, 'nav', 'class="main-nav"'));
      expect(
        nav.map((l) => ({ label: l.text, href: l.href })),
        path,
      ).toEqual([{ label: 'Home', href: '/en/' }, ...NAV_FROM_SITE_YML]);
      const categories = hrefs(mustFind(header, 'nav', 'class="category-nav"'));
      expect(categories, path).toEqual([
        '/en/category/data-engineering',
        '/en/category/data-careers',
        '/en/category/software-development',
        '/en/category/cloud-devops',
        '/en/category/machine-learning',
        '/en/category/career-change',
      ]);
    }
  });

  it('when the header links are followed, then every one of them answers 200', async () => {
    const header = mustFind(await page('/en/'), 'header', 'class="site-header"');
    for (const href of new Set(hrefs(header))) expect((await site.http.get(href)).status, href).toBe(200);
  });

  it('when any page is shown, then the search form is a labelled GET form to /<lang>/search with a q field', async () => {
    for (const path of [...everyKind, '/fr/']) {
      const html = await page(path);
      const lang = path.startsWith('/fr/') ? 'fr' : 'en';
      const form = mustFind(html, 'form', 'role="search"');
      expect(attr(form, '<form[^>]*>', 'action'), path).toBe(`/${lang}/search`);
      expect(attr(form, '<form[^>]*>', 'method'), path).toBe('get');
      const id = attr(form, '<input[^>]*>', 'id');
      expect(attr(form, '<input[^>]*>', 'name'), path).toBe('q');
      expect(attr(form, '<label[^>]*>', 'for'), path).toBe(id);
      expect(textOf(mustFind(form, 'label')).length, path).toBeGreaterThan(0);
    }
  });

  it('when any page is shown, then a skip link leads to the main landmark', async () => {
    for (const path of everyKind) {
      const html = await page(path);
      const first = links(html.slice(html.indexOf('<body>')))[0];
      expect(first, path).toMatchObject({ href: '#main', text: 'Skip to content' });
      expect(html, path).toMatch(/<main id="main"/);
    }
  });

  it('when the footer links are followed, then every one of them answers 200', async () => {
    const footer = mustFind(await page(ARTICLE), 'footer', 'class="site-footer"');
    const targets = hrefs(footer);
    expect(targets).toEqual(expect.arrayContaining(['/en/courses', '/en/feed.xml', '/en/search']));
    for (const href of new Set(targets)) expect((await site.http.get(href)).status, href).toBe(200);
  });

  it('when a page is in the current nav section, then that nav item carries aria-current and no other does', async () => {
    const current = (html: string, marker: string) =>
      links(mustFind(html, 'nav', marker))
        .filter((l) => l.tag.includes('aria-current="page"'))
        .map((l) => l.href);
    expect(current(await page('/en/'), 'class="main-nav"')).toEqual(['/en/']);
    const category = await page('/en/category/data-engineering');
    expect(current(category, 'class="main-nav"')).toEqual(['/en/category/data-engineering']);
    expect(current(category, 'class="category-nav"')).toEqual(['/en/category/data-engineering']);
    expect(current(await page('/en/category/data-careers'), 'class="category-nav"')).toEqual([
      '/en/category/data-careers',
    ]);
    expect(current(await page('/en/tag/pipelines'), 'class="main-nav"')).toEqual([]);
  });

  it('when an article has a translation, then the language switch links to it; elsewhere to the other home', async () => {
    const switchOf = (html: string) => links(mustFind(html, 'nav', 'class="lang-switch"'));
    expect(switchOf(await page(ARTICLE))).toEqual([
      expect.objectContaining({ href: '/fr/qu-est-ce-qu-un-data-engineer', text: 'FR — Français' }),
    ]);
    expect(switchOf(await page('/fr/qu-est-ce-qu-un-data-engineer'))).toEqual([
      expect.objectContaining({ href: ARTICLE, text: 'EN — English' }),
    ]);
    expect(switchOf(await page('/en/sql-joins-explained')).map((l) => l.href)).toEqual(['/fr/']);
    expect(switchOf(await page('/en/category/data-engineering')).map((l) => l.href)).toEqual(['/fr/']);
    expect(switchOf(await page('/fr/')).map((l) => l.href)).toEqual(['/en/']);
    const here = mustFind(await page(ARTICLE), 'nav', 'class="lang-switch"');
    expect(here).toMatch(/<span aria-current="true" lang="en">EN/);
  });
});

describe('search on the sample site', () => {
  it('when a reader types an unfinished word, then articles containing it are found, title matches first, highlighted', async () => {
    const html = await page('/en/search?q=pipel');
    const found = cardPaths(html);
    expect(found[0]).toBe('/en/building-your-first-etl-pipeline');
    expect(found).toContain(ARTICLE);
    expect(found).not.toContain('/en/data-mesh-in-practice');
    expect(html).toMatch(/<mark>[Pp]ipeline<\/mark>/);
    expect(textOf(mustFind(html, 'h1'))).toBe(`${found.length} results for “pipel”`);
  });
});

describe('/healthz', () => {
  it('when an operator checks health, then JSON reports the visible article count, last index time and content errors', async () => {
    const res = await site.http.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body as Record<string, unknown>;
    // 18 files: 1 draft and 2 scheduled (at this clock) are not visible.
    expect(body).toMatchObject({ status: 'ok', articles: 15, articlesIndexed: 18, contentErrors: 0 });
    expect(new Date(String(body.lastIndexedAt)).getTime()).toBe(NOW);
  });
});

describe('security headers on pages', () => {
  it('when a page is served, then its CSP forbids inline scripts and styles and framing, with nosniff and a referrer policy', async () => {
    for (const path of ['/en/', ARTICLE, '/en/search?q=sql', '/en/no-such-page']) {
      const res = await site.http.get(path);
      const csp = String(res.headers['content-security-policy']);
      const directive = (name: string) =>
        csp
          .split(';')
          .map((d) => d.trim())
          .find((d) => d.startsWith(`${name} `)) ?? '';
      expect(directive('script-src'), path).toMatch(/^script-src 'self'/);
      expect(directive('script-src'), path).not.toContain('unsafe-inline');
      expect(directive('style-src'), path).toMatch(/^style-src 'self'/);
      expect(directive('style-src'), path).not.toContain('unsafe-inline');
      expect(directive('frame-ancestors'), path).toBe("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['referrer-policy'], path).toMatch(/^(no-referrer|strict-origin|same-origin)/);
      // Nothing inline that the CSP would have to allow: no style attributes or blocks, no inline handlers.
      expect(res.text, path).not.toMatch(/<style[\s>]|\sstyle="|\son[a-z]+="/i);
      for (const tag of res.text.match(/<script[^>]*>/g) ?? [])
        expect(tag, path).toMatch(/type="application\/ld\+json"|\ssrc="/);
    }
  });
});
