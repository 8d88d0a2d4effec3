// Full-page screenshots of the main page types at phone and desktop widths, light and dark, saved under
// test-artifacts/screenshots/ for review; each page must fit its width and show every image it asks for.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactDir } from './helpers/artifacts.js';
import { launchBrowser } from './helpers/browser.js';
import { startLiveSite, type LiveSite } from './helpers/server.js';

const PAGES = [
  { name: 'home', path: '/en/' },
  { name: 'article', path: '/en/what-does-a-data-engineer-do' },
  { name: 'article-code', path: '/en/building-your-first-etl-pipeline' },
  { name: 'category', path: '/en/category/data-engineering' },
  { name: 'course', path: '/en/courses/data-ai/data-engineer' },
];
const WIDTHS = [360, 1440];
const SCHEMES = ['light', 'dark'] as const;

let live: LiveSite;
let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  live = await startLiveSite();
  dir = artifactDir('screenshots');
});
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

/** What a reader would see go wrong: sideways scrolling, content cut off at the edge, missing images. */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    // Containers that scroll sideways on purpose (code blocks, tables, the category bar) may hold wide content.
    const insideScroller = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement)
        if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
      return false;
    };
    const sticking = Array.from(document.body.querySelectorAll('*'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > vw + 1 || r.left < -1) && !insideScroller(el);
      })
      .filter((el) => !el.closest('.visually-hidden, .skip-link'))
      .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}`);
    const brokenImages = Array.from(document.images)
      .filter((img) => !img.complete || img.naturalWidth === 0)
      .map((img) => img.src);
    return { pageWiderThanViewport: document.documentElement.scrollWidth > vw, sticking, brokenImages };
  });
}

for (const width of WIDTHS) {
  for (const colorScheme of SCHEMES) {
    describe(`at ${width} px wide in the ${colorScheme} scheme`, () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        context = await browser.newContext({
          colorScheme,
          viewport: { width, height: 900 },
          javaScriptEnabled: false,
        });
        page = await context.newPage();
      });
      afterAll(async () => context?.close());

      for (const p of PAGES) {
        it(`when the ${p.name} page is shown, then nothing overflows sideways and every image loads`, async () => {
          const res = await page.goto(live.origin + p.path, { waitUntil: 'load' });
          expect(res?.status()).toBe(200);
          await page.screenshot({ path: join(dir, `${p.name}-${width}-${colorScheme}.png`), fullPage: true });
          expect(await layoutProblems(page)).toEqual({
            pageWiderThanViewport: false,
            sticking: [],
            brokenImages: [],
          });
        });
      }
    });
  }
}
