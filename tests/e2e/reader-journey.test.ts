// A reader's journey with JavaScript disabled: home → category → article → related article → search →
// article → CTA → course page → enquiry → confirmation, all through links and plain HTML forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.js';
import { startLiveSite, type LiveSite } from './helpers/server.js';

const ARTICLE = 'what-does-a-data-engineer-do';
const ARTICLE_TITLE = 'What does a data engineer actually do?';

let live: LiveSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveSite();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  // A missing element fails its step in seconds rather than at the test timeout.
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await live?.close();
});

const path = () => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};
const heading = () => page.getByRole('heading', { level: 1 });

// The steps share one page and run in order: each starts where the previous one left the reader.
describe.sequential('a reader without JavaScript', () => {
  it('when they land on the home page, then they see the site and its navigation', async () => {
    const res = await page.goto(`${live.origin}/en/`);
    expect(res?.status()).toBe(200);
    // Nothing on the page needs JavaScript: the only scripts are JSON-LD data blocks.
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    await expect.poll(() => heading().textContent()).toBe('Folio Academy');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual([
      'Home',
      'Courses',
      'Data engineering',
      'Career change',
    ]);
  });

  it('when they open a category from the navigation, then its archive lists its articles', async () => {
    await page
      .getByRole('navigation', { name: 'Categories' })
      .getByRole('link', { name: 'Data engineering' })
      .click();
    expect(path()).toBe('/en/category/data-engineering');
    expect(await heading().textContent()).toContain('Data engineering');
    await expect
      .poll(() => page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents())
      .toContain(ARTICLE_TITLE);
  });

  it('when they open an article, then they read it with its breadcrumbs and related articles', async () => {
    await page.getByRole('main').getByRole('link', { name: ARTICLE_TITLE }).click();
    expect(path()).toBe(`/en/${ARTICLE}`);
    expect(await heading().textContent()).toBe(ARTICLE_TITLE);
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem');
    expect(await crumbs.allTextContents()).toEqual(['Home', 'Data engineering', ARTICLE_TITLE]);
    expect(await page.getByRole('region', { name: 'Related articles' }).getByRole('link').count()).toBe(5);
  });

  it('when they follow a related link, then the related article opens', async () => {
    const link = page.getByRole('region', { name: 'Related articles' }).getByRole('link').first();
    const title = (await link.textContent()) ?? '';
    const href = (await link.getAttribute('href')) ?? '';
    expect(title).not.toBe('');
    await link.click();
    expect(path()).toBe(href);
    expect(href).not.toBe(`/en/${ARTICLE}`);
    expect(await heading().textContent()).toBe(title);
  });

  it('when they type a query in the header search and submit it, then results show the words highlighted', async () => {
    const search = page.getByRole('search', { name: 'Search' });
    await search.getByRole('searchbox', { name: 'Search articles' }).fill('data engineer');
    await search.getByRole('button', { name: 'Search' }).click();
    expect(path()).toBe('/en/search?q=data+engineer');
    expect(await heading().textContent()).toMatch(/^\d+ results? for “data engineer”$/);
    const marks = (await page.getByRole('main').locator('mark').allTextContents()).map((m) =>
      m.toLowerCase(),
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.startsWith('data') || m.startsWith('engineer'))).toBe(true);
    expect(await page.getByRole('main').getByRole('link', { name: ARTICLE_TITLE }).count()).toBe(1);
  });

  it("when they open a result and follow the article's CTA, then the course page opens knowing where they came from", async () => {
    await page.getByRole('main').getByRole('link', { name: ARTICLE_TITLE }).click();
    expect(path()).toBe(`/en/${ARTICLE}`);
    const ctas = page.locator('.cta').getByRole('link');
    const hrefs = await ctas.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href).toMatch(
        new RegExp(`^/en/courses/data-ai/data-engineer\\?from=${ARTICLE}&cta=(inline-\\d+|after-article)$`),
      );
    }
    await ctas.first().click();
    expect(path()).toBe(hrefs[0]);
    expect(await heading().textContent()).toContain('Data Engineer');
  });

  it('when they fill in the enquiry form and send it, then they see the confirmation and the enquiry is stored', async () => {
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Send enquiry' }) });
    await form.getByLabel('Your name').fill('Grace Hopper');
    await form.getByLabel('E-mail address').fill('grace@example.com');
    await form.getByLabel('Phone number (optional)').fill('+44 20 7946 0000');
    await form.getByLabel('Preferred format').selectOption({ label: 'Part-time' });
    await form.getByLabel('Your message').fill('Can I start in the autumn?');
    await form.getByLabel(/^I agree that/).check();
    await form.getByRole('button', { name: 'Send enquiry' }).click();
    expect(await heading().textContent()).toContain('Thank you');
    await expect
      .poll(() => page.getByRole('main').textContent())
      .toContain('We have received your enquiry about the Data Engineer course.');
    const rows = live.site.db
      .prepare<
        [],
        {
          name: string;
          email: string;
          format: string | null;
          from_article: string | null;
          from_cta: string | null;
        }
      >('SELECT name, email, format, from_article, from_cta FROM enquiries')
      .all();
    expect(rows).toEqual([
      {
        name: 'Grace Hopper',
        email: 'grace@example.com',
        format: expect.stringMatching(/part-time/i) as string,
        from_article: ARTICLE,
        from_cta: expect.stringMatching(/^(inline-\d+|after-article)$/) as string,
      },
    ]);
  });
});
