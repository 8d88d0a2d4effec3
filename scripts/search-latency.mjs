// Uncached search latency: distinct queries one after another (one client, one process), timed in-process
// against db/search and through the HTTP route. Build a corpus and index it first (see the README).
// Usage: node scripts/search-latency.mjs <db> [perClass=150] [fn|http|both]
import { createServer } from 'node:http';
import Database from 'better-sqlite3';
// FOLIO_ROOT points at another checkout's build (e.g. an older one) to compare; default: this one.
const root = process.env.FOLIO_ROOT ?? new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const { openMigrated } = await import(`${root}/dist/db/database.js`);
const { createSearch } = await import(`${root}/dist/db/search.js`);
const { parseSearchQuery } = await import(`${root}/dist/lib/search-query.js`);
const { createApp } = await import(`${root}/dist/app.js`);
const { loadConfig } = await import(`${root}/dist/config.js`);
const { createLogger } = await import(`${root}/dist/logger.js`);

const [dbPath, perArg = '150', mode = 'both'] = process.argv.slice(2);
const per = Number(perArg);
// Vocabulary by document frequency, from the index itself (temp table: the database is not changed).
const vdb = new Database(dbPath, { readonly: true });
vdb.exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, articles_fts, 'row')");
const total = vdb.prepare('SELECT count(*) AS n FROM articles').get().n;
const words = vdb
  .prepare("SELECT term, doc FROM temp.v WHERE term GLOB '[a-z]*' AND length(term) > 3 ORDER BY doc DESC")
  .all()
  .filter((w) => w.doc > 5);
vdb.close();
const common = words.slice(0, Math.max(per, 60)).map((w) => w.term); // the most frequent words
const rare = words.slice(-per).map((w) => w.term); // the least frequent vocabulary words
const mid = words.slice(Math.floor(words.length / 3), Math.floor(words.length / 3) + per).map((w) => w.term);
const at = (list, i) => list[i % list.length];
const classes = {
  common: (i) => at(common, i),
  'two common': (i) => `${at(common, i)} ${at(common, i * 7 + 3)}`,
  rare: (i) => at(rare, i),
  prefix: (i) => at(mid, i).slice(0, 3 + (i % 2)),
  'short prefix': (i) => at(mid, i).slice(0, 2),
  'word + 2 letters': (i) => `${at(mid, i + 7)} ${at(mid, i).slice(0, 2)}`,
  phrase: (i) => `${at(mid, i)} ${at(common, i + 1)} ${at(mid, i + 40)} ${at(rare, i)}`,
  nothing: (i) => `zq${i}xv`,
  'common + nothing': (i) => `${at(common, i)} zq${i}xv`,
};
// Distinct queries only: a repeated one would be served from the page cache.
const lists = Object.fromEntries(
  Object.entries(classes).map(([k, make]) => [
    k,
    [...new Set(Array.from({ length: per }, (_, i) => make(i)))],
  ]),
);
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const report = (label, name, ts, extra = '') =>
  console.log(
    `${label.padEnd(5)} ${name.padEnd(17)} p50 ${pct(ts, 50).toFixed(1).padStart(6)} ms  p99 ${pct(ts, 99).toFixed(1).padStart(6)} ms  max ${Math.max(
      ...ts,
    )
      .toFixed(1)
      .padStart(6)} ms ${extra}`,
  );

const db = openMigrated(dbPath);
const now = Date.now();
console.log(`${total} articles; ${per} distinct queries per class; ${new Date().toISOString()}`);
if (mode !== 'http') {
  const search = createSearch(db);
  // Warm-up on words not used below: the first queries after opening read the index from the OS cache.
  for (const w of words.slice(2000, 2020)) {
    const parsed = parseSearchQuery(w.term);
    const q = search.bound ? search.bound(parsed) : parsed;
    search.search(q.all, 'en', now, 10, 0);
  }
  for (const [name, list] of Object.entries(lists)) {
    const ts = [];
    let shown = 0;
    for (const text of list) {
      const parsed = parseSearchQuery(text);
      const t = performance.now();
      // The bounded API (bound() then search()) when present, else the string-expression one.
      const q = search.bound ? search.bound(parsed) : parsed;
      if (!q.all) continue;
      let r = search.search(q.all, 'en', now, 10, 0);
      if (r.total === 0 && q.any) r = search.search(q.any, 'en', now, 10, 0);
      ts.push(performance.now() - t);
      shown = `${r.total}${r.more ? '+' : ''}`;
    }
    report('fn', name, ts, `n=${ts.length} (last total ${shown})`);
  }
}
if (mode !== 'fn') {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DB_PATH: dbPath,
    CONTENT_DIR: '/nonexistent',
    SITE_URL: 'http://localhost:3000',
  });
  const folio = createApp({ db, config, logger: createLogger(config), now: () => now });
  const server = createServer(folio.handler);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  await fetch(`${base}/en/search?q=warmup`).then((r) => r.text());
  for (const [name, list] of Object.entries(lists)) {
    const ts = [];
    let h1 = '';
    for (const [i, text] of list.entries()) {
      const page = i % 5 === 4 ? `&page=${2 + (i % 3)}` : '';
      const t = performance.now();
      const res = await fetch(`${base}/en/search?q=${encodeURIComponent(text)}${page}`);
      const body = await res.text();
      ts.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${res.status} for ${text}`);
      h1 = /<h1>([^<]*)<\/h1>/.exec(body)?.[1] ?? '';
    }
    report('http', name, ts, `n=${ts.length} (last: ${h1})`);
  }
  server.close();
}
db.close();
