import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentFacts } from '../../src/db/content-facts.js';
import { formatProblem } from '../../src/errors.js';
import { contentWarnings } from '../../src/indexer/warnings.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';
import { REAL_WORLD_BODIES } from './real-world-bodies.js';

/** The HTML standard's rules (content models, attributes, nesting, ids), plus an outline without skipped levels. */
const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  rules: { 'heading-level': 'error', 'no-dup-id': 'error', 'wcag/h37': 'error' },
});

const slugOf = (i: number) => `real-${i}`;
const ALT_LESS_FILE = article({ title: 'No alt' }, 'Intro.\n\n![](/img/diagram.png)\n');

describe('pages built from real-world content', () => {
  let site: TestSite;
  beforeAll(async () => {
    const files: Record<string, string> = { 'articles/alt-less.md': ALT_LESS_FILE };
    REAL_WORLD_BODIES.forEach((c, i) => {
      files[`articles/real/${slugOf(i)}.md`] = article({ title: `Real ${i}` }, `Before.\n\n${c.markdown}\n\nAfter.\n`);
    });
    site = await createTestSite({ sample: false, files });
  });
  afterAll(async () => site.close());

  it.each(REAL_WORLD_BODIES.map((c, i) => [c.name, i] as const))(
    'when the article is %s, then its page passes the HTML checker',
    async (_name, i) => {
      const res = await site.http.get(`/en/${slugOf(i)}`);
      expect(res.status).toBe(200);
      const report = await validator.validateString(res.text);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
      expect(messages).toEqual([]);
    },
  );

  it('when an image has no alt text, then npm run check warns at its line, and the page serves alt=""', async () => {
    const warnings = contentWarnings({
      articles: createContentFacts(site.db).articles(),
      languages: ['en', 'fr'],
      publicFileExists: () => true,
      lineOf: (_file, needle) => ALT_LESS_FILE.split('\n').findIndex((l) => l.includes(needle)) + 1,
    });
    const lines = warnings
      .filter((w) => w.code === 'image-without-alt' && w.file === 'articles/alt-less.md')
      .map(formatProblem);
    expect(lines).toEqual([expect.stringMatching(/^articles\/alt-less\.md:9: .*image \/img\/diagram\.png has no alt text/)]);
    const res = await site.http.get('/en/alt-less');
    expect(res.text).toContain('<img src="/img/diagram.png" alt=""');
  });
});
