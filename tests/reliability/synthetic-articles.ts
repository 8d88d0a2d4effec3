// Writes many valid, deterministic articles into a content folder, for tests that need indexing to take a while.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CATEGORIES = [
  'data-engineering',
  'data-careers',
  'software-development',
  'cloud-devops',
  'machine-learning',
];
const AUTHORS = ['amara-okafor', 'lucas-bernard', 'priya-raman'];
const WORDS =
  'pipeline warehouse schema query index partition stream batch model metric dashboard deploy container cluster review test release budget team owner'.split(
    ' ',
  );

function sentence(seed: number, length: number): string {
  const words = Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length] as string);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** The Markdown of synthetic article `n` (slug `synthetic-<n>`). */
export function syntheticArticle(n: number, title = `Synthetic article ${n}`): string {
  const paragraphs = Array.from({ length: 5 }, (_, p) =>
    Array.from({ length: 5 }, (_, s) => sentence(n + p * 31 + s, 12)).join(' '),
  );
  return [
    '---',
    `title: "${title}"`,
    `slug: synthetic-${n}`,
    `date: 2023-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
    `category: ${CATEGORIES[n % CATEGORIES.length]}`,
    `author: ${AUTHORS[n % AUTHORS.length]}`,
    `tags: [synthetic, batch-${n % 20}]`,
    '---',
    paragraphs[0],
    '',
    '## What to check',
    '',
    '- the owner of each step',
    '- the schedule and its retries',
    '- what happens when the input is late',
    '',
    ...paragraphs.slice(1).map((p) => `${p}\n`),
  ].join('\n');
}

/** Writes `count` synthetic articles under `<contentDir>/articles/synthetic/`. */
export function writeSyntheticArticles(contentDir: string, count: number): void {
  const dir = join(contentDir, 'articles', 'synthetic');
  mkdirSync(dir, { recursive: true });
  for (let n = 1; n <= count; n++) writeFileSync(join(dir, `synthetic-${n}.md`), syntheticArticle(n));
}
