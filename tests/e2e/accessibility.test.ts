// axe-core finds no violations (WCAG 2.1 A/AA and best practices, every impact level) on the reader's
// pages, in the light and the dark colour scheme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations } from './helpers/axe.js';
import { launchBrowser } from './helpers/browser.js';
import { startLiveSite, type LiveSite } from './helpers/server.js';

const PAGES: { name: string; path: string; status: number }[] = [
  { name: 'home', path: '/en/', status: 200 },
  { name: 'article', path: '/en/what-does-a-data-engineer-do', status: 200 },
  { name: 'category', path: '/en/category/data-engineering', status: 200 },
  { name: 'search results', path: '/en/search?q=pipeline', status: 200 },
  { name: '404 page', path: '/en/no-such-page-anywhere', status: 404 },
  { name: 'course page', path: '/en/courses/data-ai/data-engineer', status: 200 },
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
        try {
          const page = await context.newPage();
          const res = await page.goto(live.origin + p.path);
          expect(res?.status()).toBe(p.status);
          expect(await axeViolations(page)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  });
}
