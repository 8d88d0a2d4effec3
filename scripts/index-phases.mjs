// One index run with its phases timed: node scripts/index-phases.mjs <content folder> <database> [--memo].
// On an empty database it is the cold run; --memo keeps the cross-file state as long-lived processes do.
import { timedIndexer } from './timed-index.mjs';

const [contentDir, dbPath, flag] = process.argv.slice(2);
if (!contentDir || !dbPath) throw new Error('usage: node scripts/index-phases.mjs <content> <db> [--memo]');
const indexer = timedIndexer(contentDir, dbPath, { memo: flag === '--memo' });
await indexer.run('index');
await indexer.close();
