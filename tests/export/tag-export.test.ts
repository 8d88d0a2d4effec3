// The static export with tags beyond ASCII: the tag index and Unicode tag archives are exported as files
// named in UTF-8 (what a static host looks up for a percent-encoded request), and every link to them resolves.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSite, type ExportReport } from '../../src/export/export-site.js';
import { siteUrls } from '../../src/export/site-urls.js';
import { createLogger } from '../../src/logger.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

const NOW = Date.parse('2025-06-01T12:00:00Z');
let site: TestSite;
let outDir: string;
let report: ExportReport;

beforeAll(async () => {
  site = await createTestSite({
    sample: false,
    now: () => NOW,
    files: { 'articles/alpha.md': article({ title: 'Alpha', tags: ['Привет', 'C#'] }) },
  });
  outDir = join(site.dir, 'export');
  report = await exportSite({
    db: site.db,
    config: site.config,
    logger: createLogger(site.config),
    outDir,
    now: NOW,
  });
}, 60_000);
afterAll(async () => site?.close());

describe('export of tags', () => {
  it('when the site has a Cyrillic tag, then its archive and each tag index are exported with no broken link', () => {
    expect(report.failed).toEqual([]);
    // A site without courses still links /en/courses from its footer (a known gap, not about tags).
    expect(report.broken.filter((b) => b.href !== '/en/courses')).toEqual([]);
    for (const file of ['en/tags.html', 'fr/tags.html', 'en/tag/привет.html', 'en/tag/c-sharp.html'])
      expect(existsSync(join(outDir, file)), file).toBe(true);
    expect(readFileSync(join(outDir, 'en/tags.html'), 'utf8')).toContain(
      'href="/en/tag/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82"',
    );
  });

  it('when URLs are listed, then every language has its tag index, even one without tags (the footer links to it)', () => {
    const urls = siteUrls({
      languages: ['en', 'fr'],
      defaultLang: 'en',
      perPage: 12,
      articles: [],
      archives: [{ kind: 'tag', lang: 'en', slug: 'привет', count: 1 }],
      areas: [],
      courses: [],
    });
    expect(urls).toEqual(expect.arrayContaining(['/en/tags', '/fr/tags', '/en/tag/привет']));
  });
});
