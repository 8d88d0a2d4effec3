// Save → served under a real `npm run dev` (dist/cli/dev.js and the dev server it supervises) on the
// existing database: each save changes one article's title and body; timed until the new body is served
// and the new title shows on a page that links to it (backlinks) and on one that lists it as related.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';
import { freePort, statusKb, stop, waitIdle } from './proc.js';
import { summarise } from './stats.js';
import type { DevReload } from './types.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function page(base: string, path: string): Promise<string> {
  const res = await fetch(base + path);
  return res.status === 200 ? res.text() : '';
}

/** The links (article paths) inside one section of an article page: "related" or "backlinks". */
export function sectionLinks(html: string, section: 'related' | 'backlinks'): string[] {
  const m = new RegExp(`<section class="${section}"[\\s\\S]*?</section>`).exec(html);
  return m ? [...m[0].matchAll(/href="(\/en\/[^"]+)"/g)].map((x) => x[1] as string) : [];
}

interface Probe {
  file: string;
  path: string;
  title: string;
  /** A page whose backlinks list this article, and one whose related list does (null if none found). */
  backlinker: string | null;
  relative: string | null;
}

async function probeFor(base: string, file: string): Promise<Probe> {
  const text = readFileSync(file, 'utf8');
  const slug = /^slug:\s*(\S+)/m.exec(text)?.[1] ?? '';
  const title = JSON.parse(/^title:\s*(".*")$/m.exec(text)?.[1] ?? '""') as string;
  const path = `/en/${slug}`;
  const listsMe = async (candidates: string[], section: 'related' | 'backlinks') => {
    for (const c of candidates.slice(0, 6))
      if (c !== path && sectionLinks(await page(base, c), section).includes(path)) return c;
    return null;
  };
  const targets = [...new Set([...text.matchAll(/\]\((\/en\/[^)]+)\)/g)].map((m) => m[1] as string))];
  const own = await page(base, path);
  return {
    file,
    path,
    title,
    backlinker: await listsMe(targets, 'backlinks'),
    relative: await listsMe(sectionLinks(own, 'related'), 'related'),
  };
}

/** Every listing of the article on `html` carries `title` (a stale one would still carry the old title). */
const linkText = (path: string, title: string) => `href="${path}">${title}</a>`;

async function fresh(base: string, p: Probe, marker: string, title: string): Promise<boolean> {
  const [own, back, rel] = await Promise.all([
    page(base, p.path),
    p.backlinker ? page(base, p.backlinker) : Promise.resolve(''),
    p.relative ? page(base, p.relative) : Promise.resolve(''),
  ]);
  if (!own.includes(marker) || !own.includes(title)) return false;
  if (p.backlinker && !back.includes(linkText(p.path, title))) return false;
  return !(p.relative && rel.includes(linkText(p.path, p.title)));
}

export async function measureDevReload(options: {
  contentDir: string;
  env: NodeJS.ProcessEnv;
  articles: number;
  saves: number;
  log: (line: string) => void;
  onPeak: (name: string, kb: number) => void;
}): Promise<DevReload> {
  const port = await freePort();
  const started = performance.now();
  const dev = spawn(process.execPath, [join(projectRoot, 'dist/cli/dev.js')], {
    cwd: projectRoot,
    env: { ...options.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let errors = '';
  dev.stderr.on('data', (c: Buffer) => {
    errors = (errors + c.toString('utf8')).slice(-2_000);
    options.log(`dev (stderr): ${c.toString('utf8').trim()}`);
  });
  // A rebuild (someone saved a file under src/) restarts the dev server: that save is timed again.
  let rebuilds = 0;
  dev.stdout.on('data', (c: Buffer) => {
    const text = c.toString('utf8');
    out = (out + text).slice(-100_000);
    rebuilds += text.split('source changed').length - 1;
    for (const line of text.split('\n')) if (line.trim()) options.log(`dev: ${line}`);
  });
  const currentPid = () =>
    Number([...out.matchAll(/dev server on http:\/\/localhost:\d+ \(pid (\d+)\)/g)].pop()?.[1] ?? 0);
  // Polled, since a restarted dev server is a new process whose peak would otherwise be lost.
  let peakKb = 0;
  const poll = setInterval(() => (peakKb = Math.max(peakKb, statusKb(currentPid(), 'VmHWM') ?? 0)), 100);
  const base = `http://127.0.0.1:${port}`;
  /** When each reload event arrived. */
  const reloads: number[] = [];
  /** Waits for the (current) dev server to announce itself and go idle, then listens to its reload events. */
  const connect = async () => {
    const ready = 60_000 + options.articles * 2;
    // After a rebuild: the new server's announcement, or the build's failure (the old server stays).
    const settled = () => {
      const since = out.slice(out.lastIndexOf('source changed'));
      return (
        currentPid() > 0 && (!since.includes('source changed') || /\(pid \d+\)|build failed/.test(since))
      );
    };
    for (let t = 0; !settled(); t += 20) {
      if (t > ready) throw new Error(`the dev server did not start within ${ready / 1000} s`);
      if (dev.exitCode !== null) throw new Error(`npm run dev exited: ${errors || out}`);
      // The supervisor outlives a server that could not start: waiting longer would not help.
      if (out.lastIndexOf('the server stopped') > out.lastIndexOf('(pid '))
        throw new Error(`the dev server stopped: ${errors.trim().split('\n').pop() ?? ''}`);
      await sleep(20);
    }
    const announcedMs = performance.now() - started;
    await waitIdle(currentPid(), 30_000 + options.articles * 5);
    await new Promise<void>((resolve, reject) => {
      get(`${base}/__folio/events`, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (chunk.includes('event: hello')) resolve();
          if (chunk.includes('event: reload')) reloads.push(performance.now());
        });
      }).on('error', reject);
    });
    return Math.round(announcedMs);
  };
  try {
    const startupMs = await connect();
    const dir = join(options.contentDir, 'articles');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.md'))
      .sort();
    const toEvent: number[] = [];
    const toServed: number[] = [];
    let relatedChecked = 0;
    const saveTimeout = 30_000 + options.articles / 5;
    let discarded = 0;
    for (let i = 0; toServed.length < options.saves; i++) {
      if (discarded > options.saves) throw new Error(`${discarded} saves were disturbed by rebuilds`);
      const rebuildsBefore = rebuilds;
      const p = await probeFor(base, join(dir, files[(i * 7919 + 11) % files.length] as string));
      if (p.relative) relatedChecked++;
      const marker = `benchsave${i}x${Date.now().toString(36)}`;
      const title = `${p.title} ${marker}`;
      const text = readFileSync(p.file, 'utf8').replace(/^title:.*$/m, `title: ${JSON.stringify(title)}`);
      const before = reloads.length;
      const t0 = performance.now();
      writeFileSync(p.file, `${text.trimEnd()}\n\nA paragraph saved by the benchmark: ${marker}.\n`);
      while (!(await fresh(base, p, marker, title))) {
        if (performance.now() - t0 > saveTimeout)
          throw new Error(`${p.path} was not fresh ${saveTimeout / 1000} s after save ${i + 1}`);
        await sleep(5);
      }
      const served = performance.now() - t0;
      while (reloads.length === before && performance.now() - t0 < saveTimeout) await sleep(5);
      if (rebuilds !== rebuildsBefore) {
        discarded++;
        await sleep(500);
        await connect();
        continue;
      }
      toServed.push(served);
      toEvent.push((reloads[before] ?? performance.now()) - t0);
      await waitIdle(currentPid(), 10_000, 300);
    }
    return {
      saves: toServed.length,
      toEvent: summarise(toEvent),
      toServed: summarise(toServed),
      relatedChecked,
      startupMs,
      discarded,
    };
  } finally {
    clearInterval(poll);
    options.onPeak('dev server', Math.max(peakKb, statusKb(currentPid(), 'VmHWM') ?? 0));
    options.onPeak('npm run dev supervisor', statusKb(dev.pid ?? 0, 'VmHWM') ?? 0);
    await stop(dev);
  }
}
