// One-file re-index in a long-lived process (as npm run dev does it), phases timed:
// node scripts/one-file-reindex.mjs <copy of a content folder> <its database> [saves]. It appends to the first article.
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { timedIndexer } from './timed-index.mjs';

const [contentDir, dbPath, n = '5'] = process.argv.slice(2);
const indexer = timedIndexer(contentDir, dbPath, { memo: true });
const run = (label, changedPaths) => indexer.run(label, changedPaths);
await run('noChange');
await run('noChange2');
const folder = readdirSync(join(contentDir, 'articles')).sort()[0];
const name = readdirSync(join(contentDir, 'articles', folder)).sort()[0];
const rel = `articles/${folder}/${name}`;
for (let i = 0; i < Number(n); i++) {
  appendFileSync(join(contentDir, rel), `\nOne more sentence ${i}, from the probe.\n`);
  await run('oneFile-watch', [rel]);
}
appendFileSync(join(contentDir, rel), `\nOne more sentence, scan.\n`);
await run('oneFile-scan');
await indexer.close();
