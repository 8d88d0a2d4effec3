// Lighthouse 12 on the page types search engines and readers land on most (mobile), and on an article with
// highlighted code (mobile and desktop): SEO 100, accessibility 100, best practices at least 95.
// HTML reports go to test-artifacts/lighthouse/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactDir } from './helpers/artifacts.js';
import { CODE_ARTICLE, missingTokens } from './helpers/code-article.js';
import { startDebuggableChromium, type DebuggableChromium } from './helpers/debuggable-chromium.js';
import { reportFile, runLighthouse, type FormFactor } from './helpers/lighthouse.js';
import { startLiveSite, type LiveSite } from './helpers/server.js';

interface Audit {
  name: string;
  path: string;
  formFactor: FormFactor;
  /** Code must be highlighted on the page, or its token colours go unaudited. */
  code?: boolean;
}

const PAGES: Audit[] = [
  { name: 'home', path: '/en/', formFactor: 'mobile' },
  { name: 'article', path: '/en/what-does-a-data-engineer-do', formFactor: 'mobile' },
  { name: 'article-code', path: CODE_ARTICLE, formFactor: 'mobile', code: true },
  { name: 'article-code', path: CODE_ARTICLE, formFactor: 'desktop', code: true },
  { name: 'category', path: '/en/category/data-engineering', formFactor: 'mobile' },
  { name: 'course', path: '/en/courses/data-ai/data-engineer', formFactor: 'mobile' },
];

let live: LiveSite;
let chromium: DebuggableChromium;
let dir: string;
beforeAll(async () => {
  chromium = await startDebuggableChromium();
  live = await startLiveSite();
  dir = artifactDir('lighthouse');
});
afterAll(async () => {
  await chromium?.close();
  await live?.close();
});

// One Chromium, one page at a time: Lighthouse measures timing-sensitive things and this is a small machine.
describe.sequential('Lighthouse', () => {
  for (const p of PAGES) {
    it(`when Lighthouse audits the ${p.name} page on ${p.formFactor}, then SEO and accessibility score 100 and best practices at least 95`, async () => {
      if (p.code) expect(missingTokens((await live.site.http.get(p.path)).text)).toEqual([]);
      const { scores, failing } = await runLighthouse(
        live.origin + p.path,
        chromium.port,
        reportFile(dir, `${p.name}-${p.formFactor}`),
        p.formFactor,
      );
      console.info(`Lighthouse ${p.path} (${p.formFactor}): ${JSON.stringify(scores)}`);
      // The message lists every audit that cost points, so a failure says what to fix.
      const why = failing.join('\n');
      expect(scores.seo, why).toBe(100);
      expect(scores.accessibility, why).toBe(100);
      expect(scores['best-practices'], why).toBeGreaterThanOrEqual(95);
    }, 90_000);
  }
});
