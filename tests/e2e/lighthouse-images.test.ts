// Lighthouse 12 (mobile) on an article whose featured image is a 4,000×3,000 JPEG: with variants made at
// index time the page stays fast (performance ≥ 95), the image audits pass, SEO and accessibility 100.
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactDir } from './helpers/artifacts.js';
import { startDebuggableChromium, type DebuggableChromium } from './helpers/debuggable-chromium.js';
import { reportFile } from './helpers/lighthouse.js';
import { startLiveSite, type LiveSite } from './helpers/server.js';
import { writeFileSync } from 'node:fs';

/** Its featured image is public/img/photos/lake-at-dawn.jpg, 4,000×3,000. */
const PHOTO_ARTICLE = '/en/building-your-first-etl-pipeline';
const IMAGE_AUDITS = ['uses-responsive-images', 'modern-image-formats', 'unsized-images'];

let live: LiveSite;
let chromium: DebuggableChromium;
beforeAll(async () => {
  chromium = await startDebuggableChromium();
  live = await startLiveSite({ images: true });
}, 180_000);
afterAll(async () => {
  await chromium?.close();
  await live?.close();
});

describe('Lighthouse on a large photograph', () => {
  it('when the featured image is a 4,000×3,000 JPEG, then performance ≥ 95, image audits pass, SEO and accessibility 100', async () => {
    const html = (await live.site.http.get(PHOTO_ARTICLE).expect(200)).text;
    expect(html).toMatch(
      /<picture><source type="image\/avif"[^>]*><source type="image\/webp"[^>]*><img src="\/_img\/[0-9a-f]{24}-1600\.jpg"[^>]*width="1600" height="1200" fetchpriority="high"/,
    );
    const result = await lighthouse(live.origin + PHOTO_ARTICLE, {
      port: chromium.port,
      output: 'html',
      logLevel: 'error',
      onlyCategories: ['performance', 'seo', 'accessibility'],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    writeFileSync(
      reportFile(artifactDir('lighthouse'), 'article-photo-mobile'),
      typeof result.report === 'string' ? result.report : result.report.join(''),
    );
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
      .map((a) => `${a.id}: ${a.title} ${a.displayValue ?? ''}`);
    const why = failing.join('\n');
    console.info(
      `Lighthouse ${PHOTO_ARTICLE}: performance ${score('performance')}, seo ${score('seo')}, accessibility ${score('accessibility')}`,
    );
    for (const id of IMAGE_AUDITS) expect(lhr.audits[id]?.score, `${id}\n${why}`).toBe(1);
    expect(score('performance'), why).toBeGreaterThanOrEqual(95);
    expect(score('seo'), why).toBe(100);
    expect(score('accessibility'), why).toBe(100);
  }, 240_000);
});
