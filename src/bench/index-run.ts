// The indexing measurements of one size: the probe child (cold, no-change, one-file, peak RSS) and
// `npm run index` with nothing changed in a process of its own.
import { join } from 'node:path';
import { projectRoot } from '../paths.js';
import { failure, runChild } from './proc.js';
import type { IndexRun, SizeResult, Step } from './types.js';

const PHASES = ['cold', 'noChange', 'oneFile'] as const;
type Phase = (typeof PHASES)[number];

export interface IndexSetup {
  articles: number;
  contentDir: string;
  dbPath: string;
  siteUrl: string;
  log: (line: string) => void;
}

/** 20 ms per article (today: 4–10 ms on this machine, busy or not), never under two minutes: 100k gets 33 min. */
export const indexTimeoutMs = (articles: number) => Math.max(120_000, articles * 20);

/** One parsed probe line per phase that finished; the first missing phase carries the probe's failure. */
export function phasesFrom(
  stdout: string,
  failed: string | null,
): { steps: Record<Phase, Step<IndexRun>>; peakKb: number } {
  const seen = new Map<string, IndexRun & { peakKb: number }>();
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const parsed = JSON.parse(line) as IndexRun & { phase: string; peakKb: number };
      seen.set(parsed.phase, parsed);
    } catch {
      /* a line cut short by a crash */
    }
  }
  let blamed = false;
  let peakKb = 0;
  const steps = {} as Record<Phase, Step<IndexRun>>;
  for (const phase of PHASES) {
    const run = seen.get(phase);
    if (run) {
      peakKb = Math.max(peakKb, run.peakKb);
      steps[phase] = {
        status: 'ok',
        value: { ms: run.ms, rendered: run.rendered, articles: run.articles, errors: run.errors },
      };
    } else if (!blamed) {
      blamed = true;
      steps[phase] = { status: 'failed', error: failed ?? 'the probe printed no result' };
    } else steps[phase] = { status: 'skipped', reason: 'an earlier index phase failed' };
  }
  return { steps, peakKb };
}

export async function measureIndexing(setup: IndexSetup, result: SizeResult): Promise<void> {
  const timeoutMs = indexTimeoutMs(setup.articles);
  const probe = await runChild(
    process.execPath,
    [join(projectRoot, 'dist/bench/index-probe.js'), setup.contentDir, setup.dbPath, setup.siteUrl],
    { timeoutMs, onLine: (line) => setup.log(`index probe: ${line}`) },
  );
  const ok = probe.code === 0 && !probe.timedOut;
  const { steps, peakKb } = phasesFrom(probe.stdout, ok ? null : failure(probe, timeoutMs));
  result.cold = steps.cold;
  result.noChange = steps.noChange;
  result.oneFile = steps.oneFile;
  result.peakRssMb['index probe'] = Math.round(Math.max(peakKb, probe.peakKb) / 1024);
  if (result.cold.status !== 'ok') {
    result.cliNoChange = { status: 'skipped', reason: 'no index' };
    return;
  }
  const cli = await runChild(process.execPath, [join(projectRoot, 'dist/cli/index.js')], {
    timeoutMs,
    env: {
      ...process.env,
      CONTENT_DIR: setup.contentDir,
      DB_PATH: setup.dbPath,
      SITE_URL: setup.siteUrl,
      LOG_LEVEL: 'warn',
    },
  });
  result.peakRssMb['npm run index (no change)'] = Math.round(cli.peakKb / 1024);
  const reported = /in (\d+) ms/.exec(cli.stdout);
  result.cliNoChange =
    cli.code === 0 && reported
      ? { status: 'ok', value: { ms: Math.round(cli.ms), reportedMs: Number(reported[1]) } }
      : { status: 'failed', error: failure(cli, timeoutMs) };
}
