// `npm run bench:images`: the image section of the benchmark. A corpus (the bench's own generator) where
// every article has one 3,000×2,000 JPEG as its featured image; measures a cold index (every variant made)
// with its time and peak RSS, then the incremental case: one image replaced, its article re-indexed.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { openMigrated } from '../db/database.js';
import { indexContent, type IndexOptions } from '../indexer/index-content.js';
import { RenderPool } from '../indexer/render-pool.js';
import { UsageError, type CommandArgs } from '../cli/args.js';
import { runCommand } from '../cli/run-command.js';
import { writeCorpus } from './corpus.js';

export const IMAGE_BENCH_USAGE = `usage: npm run bench:images -- [--articles N]

Writes a corpus of N articles (default 1000), each with its own 3,000×2,000 JPEG featured image, into a
temporary folder; indexes it cold (every variant made: AVIF, WebP, JPEG at 480–1600 px) and reports the
time and peak RSS; then replaces one image (and edits its article) and reports that re-index.
One JSON line per phase on stdout; progress on stderr.

Options:
  --articles <n>  corpus size (1 to 100000, default 1000)
  -h, --help      this text; nothing is run`;

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/**
 * One photo-like JPEG, and copies of it made distinct by a JPEG comment segment: each has its own content
 * digest (so its own variants) at no generation cost, and decodes exactly like the original.
 */
async function baseJpeg(): Promise<Buffer> {
  return sharp({
    create: {
      width: 3000,
      height: 2000,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    },
  })
    .blur(2)
    .jpeg({ quality: 82 })
    .toBuffer();
}

function withComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'latin1');
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, body, jpeg.subarray(2)]);
}

function articleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.md'))
    .map((p) => join(dir, p))
    .sort();
}

/** Gives every article `image: /img/bench/<n>.jpg`; returns the article files in order. */
async function addImages(contentDir: string, publicDir: string): Promise<string[]> {
  const base = await baseJpeg();
  mkdirSync(join(publicDir, 'img', 'bench'), { recursive: true });
  const files = articleFiles(join(contentDir, 'articles'));
  files.forEach((file, n) => {
    writeFileSync(join(publicDir, 'img', 'bench', `${n}.jpg`), withComment(base, `bench image ${n}`));
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf('\n---', 4);
    writeFileSync(
      file,
      `${text.slice(0, end)}\nimage: /img/bench/${n}.jpg\nimage_alt: Benchmark photo ${n}${text.slice(end)}`,
    );
  });
  return files;
}

const SPEC = { usage: IMAGE_BENCH_USAGE, options: { articles: { type: 'string' } } } as const;

async function main({ values }: CommandArgs<typeof SPEC.options>): Promise<number> {
  const articles = Number(values.articles ?? 1000);
  if (!Number.isInteger(articles) || articles < 1 || articles > 100_000)
    throw new UsageError(`--articles needs a whole number from 1 to 100000, not ${values.articles}`);
  const dir = mkdtempSync(join(tmpdir(), 'folio-image-bench-'));
  const pool = new RenderPool({ timeoutMs: 10_000 });
  try {
    const contentDir = join(dir, 'content');
    const publicDir = join(dir, 'public');
    const cacheDir = join(dir, 'image-cache');
    writeCorpus({ dir: contentDir, articles });
    const files = await addImages(contentDir, publicDir);
    process.stderr.write(`corpus: ${files.length} articles, each with a 3000×2000 JPEG\n`);
    const db = openMigrated(join(dir, 'folio.db'));
    const options: IndexOptions = {
      contentDir,
      maxFileBytes: 2_000_000,
      pool,
      siteUrl: null,
      images: { publicDir, cacheDir },
    };
    const run = async (phase: string) => {
      const t = performance.now();
      const report = await indexContent(db, options);
      const variants = readdirSync(cacheDir).filter((n) => !n.endsWith('.json')).length;
      const bytes = readdirSync(cacheDir).reduce((sum, n) => sum + statSync(join(cacheDir, n)).size, 0);
      const line = {
        phase,
        articles,
        ms: Math.round(performance.now() - t),
        rendered: report.rendered,
        peakRssMb: peakMb(),
        variants,
        cacheMb: Math.round(bytes / 1048576),
      };
      console.log(JSON.stringify(line));
    };
    await run('cold');
    // One image replaced: new bytes under the same name. Its article is edited too, because re-rendering
    // follows article changes (an image changed alone is picked up when its article next changes).
    const base = await baseJpeg();
    writeFileSync(join(publicDir, 'img', 'bench', '0.jpg'), withComment(base, 'bench image 0, replaced'));
    writeFileSync(
      files[0] as string,
      `${readFileSync(files[0] as string, 'utf8')}\nA sentence about the new photo.\n`,
    );
    await run('oneImage');
    db.close();
    return 0;
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runCommand(SPEC, main, 'bench:images failed');
