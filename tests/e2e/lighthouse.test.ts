// Lighthouse 12 (mobile defaults) on the four page types search engines and readers land on most:
// SEO 100, accessibility 100, best practices at least 95. HTML reports go to test-artifacts/lighthouse/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactDir } from './helpers/artifacts.js';
import { startDebuggableChromium, type DebuggableChromium } from './helpers/debuggable-chromium.js';
import { reportFile, runLighthouse } from './helpers/lighthouse.js';
import { startLiveSite, type LiveSite } from './helpers/server.js';

const PAGES = [
  { name: 'home', path: '/en/' },
  { name: 'article', path: '/en/what-does-a-data-engineer-do' },
  { name: 'category', path: '/en/category/data-engineering' },
  { name: 'course', path: '/en/courses/data-ai/data-engineer' },
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
    it(`when Lighthouse audits the ${p.name} page, then SEO and accessibility score 100 and best practices at least 95`, async () => {
      const { scores, failing } = await runLighthouse(
        live.origin + p.path,
        chromium.port,
        reportFile(dir, p.name),
      );
      console.info(`Lighthouse ${p.path}: ${JSON.stringify(scores)}`);
      // The message lists every audit that cost points, so a failure says what to fix.
      const why = failing.join('\n');
      expect(scores.seo, why).toBe(100);
      expect(scores.accessibility, why).toBe(100);
      expect(scores['best-practices'], why).toBeGreaterThanOrEqual(95);
    }, 90_000);
  }
});
