// Images at index time: variants made once per content digest, served immutable from /_img/, <picture>
// markup with the real sizes, og:image on the 1200-wide variant, and a broken image as a warning.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type FolioApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/connection.js';
import { openMigrated } from '../../src/db/database.js';
import { formatProblem } from '../../src/errors.js';
import { indexContent, type IndexReport } from '../../src/indexer/index-content.js';
import { RenderPool } from '../../src/indexer/render-pool.js';
import { createLogger } from '../../src/logger.js';
import { article, MINIMAL_FILES } from '../helpers/site.js';

let dir: string;
let contentDir: string;
let publicDir: string;
let cacheDir: string;
let db: Db;
let pool: RenderPool;
let folio: FolioApp;
let first: IndexReport;

const photo = (width: number, height: number) =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 120, sigma: 40 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer();

const BODY = [
  'An opening paragraph.',
  '',
  '![A small chart](/img/small.png)',
  '',
  '![The logo](/img/logo.svg)',
  '',
  '![A damaged photo](/img/broken.jpg)',
  '',
].join('\n');

function writeArticle(extra = ''): void {
  writeFileSync(
    join(contentDir, 'articles', 'lake.md'),
    article({ title: 'A lake', image: '/img/photo.jpg', image_alt: 'A lake at dawn' }, BODY + extra),
  );
}

async function index(): Promise<IndexReport> {
  const report = await indexContent(db, {
    contentDir,
    maxFileBytes: 1_000_000,
    pool,
    siteUrl: 'http://localhost:3000',
    now: Date.parse('2025-06-01T12:00:00Z'),
    images: { publicDir, cacheDir },
  });
  folio.cache.clear();
  return report;
}

const cacheState = () =>
  readdirSync(cacheDir)
    .sort()
    .map((name) => `${name}@${statSync(join(cacheDir, name)).mtimeMs}`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'folio-images-'));
  contentDir = join(dir, 'content');
  publicDir = join(dir, 'public');
  cacheDir = join(dir, 'image-cache');
  mkdirSync(join(contentDir, 'articles'), { recursive: true });
  mkdirSync(join(publicDir, 'img'), { recursive: true });
  for (const [name, text] of Object.entries(MINIMAL_FILES)) writeFileSync(join(contentDir, name), text);
  const big = await photo(2000, 1500);
  writeFileSync(join(publicDir, 'img', 'photo.jpg'), big);
  // Half a JPEG: the header is fine, the pixels stop.
  writeFileSync(join(publicDir, 'img', 'broken.jpg'), big.subarray(0, Math.floor(big.length / 3)));
  writeFileSync(
    join(publicDir, 'img', 'small.png'),
    await sharp({ create: { width: 300, height: 200, channels: 4, background: '#3366cc' } })
      .png()
      .toBuffer(),
  );
  writeFileSync(
    join(publicDir, 'img', 'logo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40"/></svg>',
  );
  // Over 2 MB: worth a warning even though readers get variants.
  writeFileSync(
    join(publicDir, 'img', 'heavy.png'),
    await sharp({
      create: {
        width: 900,
        height: 800,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .png({ compressionLevel: 0 })
      .toBuffer(),
  );
  writeFileSync(
    join(contentDir, 'articles', 'heavy.md'),
    article({ title: 'Heavy' }, 'Text first.\n\n<img src="/img/heavy.png">\n'),
  );
  writeArticle();
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DB_PATH: join(dir, 'folio.db'),
      IMAGE_CACHE_DIR: cacheDir,
      SITE_URL: 'http://localhost:3000',
    },
    dir,
  );
  db = openMigrated(config.dbPath);
  pool = new RenderPool({ size: 1, timeoutMs: 30_000 });
  folio = createApp({
    db,
    config,
    logger: createLogger(config),
    publicDir,
    now: () => Date.parse('2025-06-01T12:00:00Z'),
  });
  first = await index();
}, 120_000);

afterAll(async () => {
  await pool.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = async () => (await request(folio.handler).get('/en/lake').expect(200)).text;
const keyOf = (html: string, width: number, ext: string) =>
  new RegExp(`/_img/([0-9a-f]{24})-${width}\\.${ext}`).exec(html)?.[0];

describe('image variants', () => {
  it('when a photo is featured, then it is a <picture> of AVIF, WebP and JPEG at real sizes, eager', async () => {
    const html = await page();
    const figure = /<figure class="article__figure">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
    expect(figure).toMatch(
      /<source type="image\/avif" srcset="\/_img\/[0-9a-f]{24}-480\.avif 480w, [^"]*-1600\.avif 1600w"/,
    );
    expect(figure).toMatch(/<source type="image\/webp" srcset="[^"]*-800\.webp 800w/);
    expect(figure).toMatch(
      /<img src="\/_img\/[0-9a-f]{24}-1600\.jpg" srcset="[^"]*-1200\.jpg 1200w[^"]*" sizes="[^"]+" alt="A lake at dawn" width="1600" height="1200" fetchpriority="high" decoding="async">/,
    );
    expect(figure).not.toContain('loading="lazy"');
  });

  it('when an image is smaller than every width, then it is never enlarged; body images are lazy', async () => {
    const html = await page();
    expect(html).toMatch(
      /<picture><source type="image\/avif" srcset="\/_img\/[0-9a-f]{24}-300\.avif 300w" sizes="[^"]+">/,
    );
    expect(html).toMatch(
      /<img src="\/_img\/[0-9a-f]{24}-300\.png" alt="A small chart" loading="lazy" decoding="async" srcset="[^"]*-300\.png 300w" sizes="[^"]+" width="300" height="200">/,
    );
    expect(html).not.toMatch(/-480\.png/);
  });

  it('when an SVG is used, then it keeps its file and gets the size of its viewBox', async () => {
    expect(await page()).toMatch(
      /<img src="\/img\/logo\.svg" alt="The logo" loading="lazy" decoding="async" width="120" height="40">/,
    );
  });

  it('when an image is truncated, then the article publishes with the original file and a file:line warning', async () => {
    const html = await page();
    expect(html).toContain(
      '<img src="/img/broken.jpg" alt="A damaged photo" loading="lazy" decoding="async">',
    );
    const warning = first.problems.find((p) => p.code === 'image-unusable');
    expect(warning && formatProblem(warning)).toMatch(/^articles\/lake\.md:15: .*\/img\/broken\.jpg/);
    expect(warning?.severity).toBe('warning');
    expect(first.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('when an image is over 2 MB, then it is a warning on the line that names it', () => {
    const of = (code: string) => first.problems.filter((p) => p.code === code).map(formatProblem);
    expect(of('image-heavy')).toEqual([
      expect.stringMatching(/^articles\/heavy\.md:9: warning: image \/img\/heavy\.png is 2\.\d MB/),
    ]);
  });

  it('when the page is shared, then og:image and JSON-LD name the 1200-wide variant with its real size', async () => {
    const html = await page();
    const og = /<meta property="og:image" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(og).toMatch(/^http:\/\/localhost:3000\/_img\/[0-9a-f]{24}-1200\.jpg$/);
    expect(html).toContain('<meta property="og:image:width" content="1200">');
    expect(html).toContain('<meta property="og:image:height" content="900">');
    expect(html).toContain(`"image":{"@type":"ImageObject","url":"${og}","width":1200,"height":900}`);
    const sitemap = (await request(folio.handler).get('/sitemap.xml').expect(200)).text;
    expect(sitemap).toContain(`<image:loc>${og}</image:loc>`);
  });

  it('when a variant is fetched, then its bytes are the size the markup says, with immutable caching and 304s', async () => {
    const url = keyOf(await page(), 800, 'webp') ?? '';
    const res = await request(folio.handler).get(url).expect(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    const meta = await sharp(res.body as Buffer).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 800, 600]);
    await request(folio.handler)
      .get(url)
      .set('If-None-Match', res.headers.etag as string)
      .expect(304);
    const head = await request(folio.handler).head(url).expect(200);
    expect(head.headers['content-length']).toBe(String((res.body as Buffer).length));
    const avif = await request(folio.handler).get(url.replace('-800.webp', '-800.avif')).expect(200);
    expect(avif.headers['content-type']).toBe('image/avif');
  });

  it('when a name is not a variant, then it is a 404 (no path leaves the cache folder)', async () => {
    for (const path of [
      '/_img/..%2Ffolio.db',
      '/_img/abc.jpg',
      '/_img/%2e%2e%2fimage-cache',
      `/_img/${'a'.repeat(24)}-800.gif`,
    ])
      await request(folio.handler).get(path).expect(404);
  });

  it('when the index runs again, then nothing is encoded again (same files, same mtimes)', async () => {
    const before = cacheState();
    expect(before.length).toBeGreaterThan(10);
    writeArticle('\nA new closing sentence.\n');
    const again = await index();
    expect(again.rendered).toBe(1);
    expect(cacheState()).toEqual(before);
    expect(await page()).toContain('A new closing sentence.');
    expect(await page()).toMatch(/-1600\.jpg" srcset=/);
  });
});
