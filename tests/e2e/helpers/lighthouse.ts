// Runs Lighthouse against a page in an already started Chromium and reduces the result to scores and the
// audits that cost points, so a failed assertion says what to fix.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

export const CATEGORIES = ['seo', 'accessibility', 'best-practices'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Lighthouse's own presets: mobile is its default (Moto G screen, slow 4G), desktop its desktop config. */
export type FormFactor = 'mobile' | 'desktop';

export interface LighthouseSummary {
  scores: Record<Category, number>;
  /** Scored audits below 1 in the measured categories: "category/audit-id: title". */
  failing: string[];
}

export async function runLighthouse(
  url: string,
  port: number,
  reportPath?: string,
  formFactor: FormFactor = 'mobile',
): Promise<LighthouseSummary> {
  const result = await lighthouse(
    url,
    { port, output: 'html', logLevel: 'error', onlyCategories: [...CATEGORIES] },
    formFactor === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  if (reportPath)
    writeFileSync(reportPath, typeof result.report === 'string' ? result.report : result.report.join(''));
  const scores = {} as Record<Category, number>;
  const failing: string[] = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (!category || category.score === null) throw new Error(`Lighthouse gave no ${id} score for ${url}`);
    scores[id] = Math.round(category.score * 100);
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
        failing.push(`${id}/${ref.id}: ${audit.title}`);
    }
  }
  return { scores, failing };
}

export function reportFile(dir: string, name: string): string {
  return join(dir, `${name}.html`);
}
