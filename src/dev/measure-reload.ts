// Measures the editor loop: from writing an article to the reload event reaching an open tab, and to the
// new version being served, against a real dev server process.
// Usage: node dist/dev/measure-reload.js [--articles N] [--saves K]   (N = 0: the shipped sample content)
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../bench/corpus.js';
import { projectRoot } from '../paths.js';
import { articlePath } from '../lib/urls.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const n = i === -1 ? fallback : Number(process.argv[i + 1]);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
};

function articleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(dir, f))
    .sort();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main(): Promise<void> {
  const articles = arg('articles', 0);
  const saves = arg('saves', 5);
  const dir = mkdtempSync(join(tmpdir(), 'folio-measure-'));
  const contentDir = join(dir, 'content');
  if (articles === 0) cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
  else writeCorpus({ dir: contentDir, articles });
  const startedAt = performance.now();
  const server = spawn(process.execPath, [join(projectRoot, 'dist', 'dev', 'dev-server.js')], {
    env: {
      ...process.env,
      CONTENT_DIR: contentDir,
      DB_PATH: join(dir, 'folio.db'),
      PORT: '0',
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let out = '';
    const port = await new Promise<number>((resolve, reject) => {
      server.stdout.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        const m = /dev server on http:\/\/localhost:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      server.once('exit', () => reject(new Error(`the dev server exited:\n${out}`)));
    });
    const startMs = performance.now() - startedAt;
    const reloads: (() => void)[] = [];
    await new Promise<void>((resolve) => {
      get({ host: '127.0.0.1', port, path: '/__folio/events' }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (chunk.includes('event: hello')) resolve();
          if (chunk.includes('event: reload')) reloads.shift()?.();
        });
      });
    });
    const files = articleFiles(join(contentDir, 'articles'));
    const toEvent: number[] = [];
    const toPage: number[] = [];
    for (let i = 0; i < saves; i++) {
      const file = files[(i * 7919) % files.length] as string;
      const marker = `measured-save-${i}-${Date.now()}`;
      const text = readFileSync(file, 'utf8');
      const slug = /^slug:\s*(\S+)/m.exec(text)?.[1] ?? file.split('/').pop()?.replace(/\.md$/, '') ?? '';
      const lang = /^lang:\s*(\S+)/m.exec(text)?.[1] ?? 'en';
      const event = new Promise<void>((resolve) => reloads.push(resolve));
      const t0 = performance.now();
      writeFileSync(file, `${text.trimEnd()}\n\nA paragraph saved by the measurement: ${marker}.\n`);
      await event;
      toEvent.push(performance.now() - t0);
      const body = await new Promise<string>((resolve, reject) => {
        get({ host: '127.0.0.1', port, path: articlePath(lang, slug) }, (res) => {
          let html = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (html += c));
          res.on('end', () => resolve(html));
        }).on('error', reject);
      });
      if (!body.includes(marker)) throw new Error(`${articlePath(lang, slug)} does not show the saved text`);
      toPage.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 300));
    }
    // The server's own account of each save (index time versus the whole loop).
    for (const line of out.split('\n'))
      if (line.includes('re-indexed in'))
        console.log(`  server: ${line.replace(/^.*: re-indexed/, 're-indexed')}`);
    const fmt = (xs: number[]) =>
      `median ${Math.round(median(xs))} ms, max ${Math.round(Math.max(...xs))} ms`;
    console.log(
      `${articles === 0 ? 'sample content' : `${articles} articles`}: dev server ready in ${(startMs / 1000).toFixed(1)} s; ` +
        `${saves} saves: write → reload event ${fmt(toEvent)}; write → new page served ${fmt(toPage)}`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
