// axe-core finds no violations (WCAG 2.1 A/AA and best practices, every impact level) on the reader's
// pages, in the light and the dark colour scheme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './helpers/axe.js';
import { launchBrowser } from './helpers/browser.js';
import { CODE_ARTICLE, missingTokens } from './helpers/code-article.js';
import { startLiveSite, type LiveSite } from './helpers/server.js';

const COURSE = '/en/courses/data-ai/data-engineer';

interface Check {
  name: string;
  path: string;
  status: number;
  /** What the reader does on the page, or what must be on it, before it is checked. */
  then?: (page: Page) => Promise<void>;
}

const PAGES: Check[] = [
  { name: 'home page', path: '/en/', status: 200 },
  { name: 'article', path: '/en/what-does-a-data-engineer-do', status: 200 },
  {
    name: 'article with highlighted code',
    path: CODE_ARTICLE,
    status: 200,
    // Without highlighted tokens on the page, axe would have no token colours to check.
    then: async (page) => expect(missingTokens(await page.content())).toEqual([]),
  },
  { name: 'French article', path: '/fr/qu-est-ce-qu-un-data-engineer', status: 200 },
  { name: 'category archive', path: '/en/category/data-engineering', status: 200 },
  { name: 'search results', path: '/en/search?q=pipeline', status: 200 },
  { name: 'search without results', path: '/en/search?q=zzzzqqq', status: 200 },
  { name: '404 page', path: '/en/no-such-page-anywhere', status: 404 },
  { name: 'course page', path: COURSE, status: 200 },
  {
    name: 'enquiry form sent empty (errors shown)',
    path: COURSE,
    status: 200,
    then: async (page) => {
      await page.getByRole('button', { name: 'Send enquiry' }).click();
      await page.getByText('There is a problem').waitFor();
    },
  },
];

let live: LiveSite;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveSite();
});
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`in the ${colorScheme} colour scheme`, () => {
    for (const p of PAGES) {
      it(`when axe checks the ${p.name}, then it reports no violations`, async () => {
        const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
        context.setDefaultTimeout(10_000);
        try {
          const page = await context.newPage();
          const res = await page.goto(live.origin + p.path);
          expect(res?.status()).toBe(p.status);
          if (p.then) await p.then(page);
          expect(await axeViolations(page)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  });
}

describe('keyboard use', () => {
  it('when a keyboard user presses Tab on an article, then a visible skip link takes them to the content with a visible focus ring', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const page = await context.newPage();
      await page.goto(`${live.origin}/en/what-does-a-data-engineer-do`);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to content' });
      expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
      const box = await skip.boundingBox();
      expect(box && box.y >= 0 && box.height > 0).toBe(true);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el) return null;
        const style = getComputedStyle(el);
        return {
          inMain: el.closest('main') !== null,
          text: el.textContent,
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
        };
      });
      expect(focused).toEqual({ inMain: true, text: 'Home', outline: 'solid 3px' });
    } finally {
      await context.close();
    }
  });
});
