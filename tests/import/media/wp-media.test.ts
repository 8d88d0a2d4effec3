import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/paths.js';
import { runCli } from '../../helpers/cli-run.js';
import { jpeg, png } from '../../helpers/images.js';

let server: Server;
let base: string;
let dir: string;
let contentDir: string;
let publicDir: string;
const images: Record<string, Buffer> = {};
let flakyHits = 0;

const UP = '/wp-content/uploads/2023/05';

beforeAll(async () => {
  images.hero = await png('#c00000');
  images.inline = await png('#00a000');
  images.large = await png('#0000c0', 12, 9);
  images.small = await png('#0000c0', 3, 2);
  images.flaky = await jpeg('#808000');
  server = createServer((req, res) => {
    const path = req.url ?? '';
    const send = (bytes: Buffer, type = 'image/png') => {
      res.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
      res.end(bytes);
    };
    if (path === `${UP}/hero.png`) return send(images.hero as Buffer);
    // The same bytes under two names: one file on disk.
    if (path === `${UP}/inline.png` || path === `${UP}/inline-copy.png`) return send(images.inline as Buffer);
    if (path === `${UP}/gallery-full.png`) return send(images.large as Buffer);
    if (path === `${UP}/gallery-300.png`) return send(images.small as Buffer);
    if (path === `${UP}/flaky.jpg`)
      return ++flakyHits === 1 ? res.writeHead(503).end() : send(images.flaky as Buffer, 'image/jpeg');
    if (path === `${UP}/page.png`) return send(Buffer.from('<!doctype html><p>Not found</p>'), 'text/html');
    if (path === `${UP}/liar.png`) return send(Buffer.from('plain text pretending'), 'image/png');
    if (path === `${UP}/slow.png`) {
      const timer = setTimeout(() => send(images.hero as Buffer), 3000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('missing');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-wp-media-'));
  contentDir = join(dir, 'content');
  publicDir = join(dir, 'public');
  cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
  flakyHits = 0;
  return () => rmSync(dir, { recursive: true, force: true });
});

function exportFile(): string {
  const post = {
    id: 9001,
    date_gmt: '2023-05-14T08:00:00',
    slug: 'garden-photos',
    status: 'publish',
    type: 'post',
    link: `${base}/en/garden-photos`,
    title: { rendered: 'Garden photos' },
    excerpt: { rendered: '<p>Pictures from the garden.</p>' },
    content: {
      rendered: [
        `<p>Intro.</p><img src="${base}${UP}/inline.png" alt="Green leaves">`,
        `<p>Again:</p><img src="${base}${UP}/inline-copy.png" alt="The same leaves">`,
        `<figure class="wp-block-gallery"><img src="${base}${UP}/gallery-300.png" srcset="${base}${UP}/gallery-300.png 300w, ${base}${UP}/gallery-full.png 1200w" alt="Blue pond"></figure>`,
        `<p>Retried:</p><img src="${base}${UP}/flaky.jpg" alt="Olive tree">`,
        `<p>Gone:</p><img src="${base}${UP}/missing.png" alt="A lost picture">`,
        `<p>Slow:</p><img src="${base}${UP}/slow.png" alt="A slow picture">`,
        `<p>Html:</p><img src="${base}${UP}/page.png" alt="Not a picture">`,
        `<p>Liar:</p><img src="${base}${UP}/liar.png" alt="Claims to be a picture">`,
      ].join('\n'),
    },
    _embedded: {
      'wp:featuredmedia': [{ source_url: `${base}${UP}/hero.png`, alt_text: 'Red roses' }],
      'wp:term': [[{ id: 3, name: 'News', slug: 'news', taxonomy: 'category' }]],
    },
  };
  const file = join(dir, 'export.json');
  writeFileSync(file, JSON.stringify([post]));
  return file;
}

const article = () => readFileSync(join(contentDir, 'articles', 'imported', 'garden-photos.md'), 'utf8');
const mediaFiles = () => readdirSync(join(publicDir, 'media', '2023', '05')).sort();
const env = () => ({ CONTENT_DIR: contentDir });

describe('import:wp --media', () => {
  it('when the old site serves the images, then they land in public/media/yyyy/mm once each and the Markdown points at them', async () => {
    const run = await runCli(
      'import-wp.js',
      [exportFile(), '--media', '--public-dir', publicDir, '--timeout', '0.5', '--retries', '1'],
      env(),
    );
    expect(run.stderr).toBe('');
    expect(mediaFiles()).toEqual(['flaky.jpg', 'gallery-full.png', 'hero.png', 'inline.png']);
    expect(readFileSync(join(publicDir, 'media/2023/05/gallery-full.png'))).toEqual(images.large);
    const text = article();
    expect(text).toMatch(/^image: \/media\/2023\/05\/hero\.png$/m);
    expect(text).toContain('![Green leaves](/media/2023/05/inline.png)');
    expect(text).toContain('![The same leaves](/media/2023/05/inline.png)');
    expect(text).toContain('![Blue pond](/media/2023/05/gallery-full.png)');
    expect(text).toContain('![Olive tree](/media/2023/05/flaky.jpg)');
    expect(flakyHits).toBe(2);
    expect(run.stdout).toContain('Images: 5 now local (4 new file(s)), 4 kept remote.');
  }, 30_000);

  it('when an image is missing, slow, not an image or lies about its type, then its remote URL stays and the report says why', async () => {
    const run = await runCli(
      'import-wp.js',
      [exportFile(), '--media', '--public-dir', publicDir, '--timeout', '0.5', '--retries', '0'],
      env(),
    );
    const text = article();
    for (const name of ['missing.png', 'slow.png', 'page.png', 'liar.png'])
      expect(text).toContain(`](${base}${UP}/${name})`);
    expect(run.stdout).toContain(`${base}${UP}/missing.png kept remote: the server answered 404`);
    expect(run.stdout).toContain(`${base}${UP}/slow.png kept remote: no answer within 0.5 s`);
    expect(run.stdout).toContain(`${base}${UP}/page.png kept remote: not an image (Content-Type text/html)`);
    expect(run.stdout).toMatch(/liar\.png kept remote: the bytes are not a PNG/);
    // 503 without retries: reported, not fatal.
    expect(run.stdout).toContain(`${base}${UP}/flaky.jpg kept remote: the server answered 503 (1 attempts)`);
    const check = await runCli('check.js', [], env());
    expect(check.stdout).toMatch(/0 errors/);
    expect(check.status).toBe(0);
  }, 30_000);

  it('when it runs twice, then no second copies are made and nothing existing is overwritten', async () => {
    mkdirSync(join(publicDir, 'media', '2023', '05'), { recursive: true });
    writeFileSync(join(publicDir, 'media', '2023', '05', 'hero.png'), 'an editor’s own file');
    const args = [exportFile(), '--media', '--public-dir', publicDir, '--timeout', '0.5', '--retries', '1'];
    await runCli('import-wp.js', args, env());
    const first = mediaFiles();
    await runCli('import-wp.js', args, env());
    expect(mediaFiles()).toEqual(first);
    expect(readFileSync(join(publicDir, 'media/2023/05/hero.png'), 'utf8')).toBe('an editor’s own file');
    expect(article()).toMatch(/^image: \/media\/2023\/05\/hero-[0-9a-f]{8}\.png$/m);
  }, 30_000);

  it('with --dry-run, then nothing is downloaded to disk or written', async () => {
    const run = await runCli(
      'import-wp.js',
      [exportFile(), '--media', '--dry-run', '--public-dir', publicDir, '--timeout', '0.5', '--retries', '0'],
      env(),
    );
    expect(run.status).toBe(0);
    expect(existsSync(join(publicDir, 'media'))).toBe(false);
    expect(existsSync(join(contentDir, 'articles', 'imported'))).toBe(false);
    expect(run.stdout).toContain('Dry run: nothing was written');
  }, 30_000);

  it('with --media-dir, then the images come from that folder, and a path leaving it is refused', async () => {
    const uploads = join(dir, 'uploads');
    mkdirSync(join(uploads, '2023', '05'), { recursive: true });
    writeFileSync(join(uploads, '2023', '05', 'inline.png'), images.inline as Buffer);
    writeFileSync(join(dir, 'secret.png'), images.hero as Buffer);
    const file = exportFile();
    const records = JSON.parse(readFileSync(file, 'utf8')) as { content: { rendered: string } }[];
    const post = records[0] as { content: { rendered: string } };
    post.content.rendered += `<img src="${base}${UP}/..%2F..%2F..%2Fsecret.png" alt="Outside">`;
    writeFileSync(file, JSON.stringify(records));
    server.closeAllConnections();
    const run = await runCli(
      'import-wp.js',
      [file, '--media', '--media-dir', uploads, '--public-dir', publicDir],
      env(),
    );
    expect(mediaFiles()).toEqual(['inline.png']);
    expect(article()).toContain('![Green leaves](/media/2023/05/inline.png)');
    expect(run.stdout).toContain('secret.png kept remote: the path leaves --media-dir; refused');
    expect(run.stdout).toContain(
      `${base}${UP}/hero.png kept remote: no file 2023/05/hero.png in --media-dir`,
    );
  }, 30_000);

  it('when a flag is unknown, then it exits 2 naming it; --help prints usage and does nothing', async () => {
    const bad = await runCli('import-wp.js', [exportFile(), '--medai'], env());
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--medai');
    expect(bad.stderr).toContain('--media-dir');
    const help = await runCli('import-wp.js', ['--help'], env());
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: npm run import:wp');
    expect(existsSync(join(contentDir, 'articles', 'imported'))).toBe(false);
  }, 30_000);
});
