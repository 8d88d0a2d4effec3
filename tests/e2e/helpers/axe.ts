// Runs axe-core inside a page and returns its violations in a form that reads well in a failed assertion.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * The page's Content-Security-Policy forbids injected scripts, so axe is evaluated as a string through
 * the DevTools protocol (which CSP does not govern) rather than added as a <script> element.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  const violations = await page.evaluate(
    async ({ source, tags }) => {
      // Indirect eval runs axe's bundle in the page's global scope.
      (0, eval)(source);
      const axe = (
        globalThis as unknown as {
          axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations;
    },
    { source: AXE_SOURCE, tags: AXE_TAGS },
  );
  return (violations as AxeViolation[]).map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    targets: v.nodes.map(
      (n) =>
        `${n.target.map(String).join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
    ),
  }));
}
