// Child-process plumbing for the benchmark: free ports, CPU pinning, /proc memory and CPU readings,
// bounded runs with a timeout, and waiting for a server to answer or to go idle.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => done(port));
    });
  });
}

export const hasTaskset = spawnSync('taskset', ['--version']).status === 0;

/** taskset execs the command, so the child's pid is the measured process's own. */
export function pinned(cpu: string, cmd: string, args: string[]): [string, string[]] {
  return hasTaskset ? ['taskset', ['-c', cpu, cmd, ...args]] : [cmd, args];
}

/** A /proc/<pid>/status field in kB (VmHWM: peak RSS of the whole process, every thread included). */
export function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export const mb = (kb: number | null) => (kb === null ? 0 : Math.round(kb / 1024));

/** User + system CPU ticks of a process, or null once it is gone. */
function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until a process uses under 5% of a core over `quietMs` (a server's start-up re-index has finished)
 * without knowing anything about the indexer; gives up quietly after `maxMs`.
 */
export async function waitIdle(pid: number, maxMs: number, quietMs = 1000): Promise<boolean> {
  const deadline = performance.now() + maxMs;
  let last = cpuTicks(pid);
  while (last !== null && performance.now() < deadline) {
    await sleep(quietMs);
    const now = cpuTicks(pid);
    if (now === null) return false;
    if (now - last <= (quietMs / 10) * 0.05) return true;
    last = now;
  }
  return false;
}

/** Polls VmHWM while a process runs: its peak is still known if it dies (out of memory) before reporting. */
export function watchPeak(pid: number, everyMs = 25): () => number {
  let peak = 0;
  const poll = () => (peak = Math.max(peak, statusKb(pid, 'VmHWM') ?? 0));
  const timer = setInterval(poll, everyMs);
  return () => {
    poll();
    clearInterval(timer);
    return peak;
  };
}

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
  peakKb: number;
}

/** Runs a command to its end (SIGKILL after `timeoutMs`), keeping its output and its polled peak RSS. */
export function runChild(
  cmd: string,
  args: string[],
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv; onLine?: (line: string) => void },
): Promise<ChildRun> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(cmd, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const peak = child.pid ? watchPeak(child.pid) : () => 0;
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      if (options.onLine) for (const line of c.toString('utf8').split('\n')) if (line) options.onLine(line);
    });
    // Only the tail matters for an error message; an out-of-memory report can be long.
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-20_000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, timedOut, ms: performance.now() - started, peakKb: peak() });
    });
  });
}

/** A short reason for a failed child: timeout, signal or exit code, and the most telling stderr line. */
export function failure(run: ChildRun, timeoutMs: number): string {
  const lines = run.stderr.split('\n').filter((l) => l.trim());
  const telling =
    lines.find((l) => /heap out of memory|Error:|error:/i.test(l)) ?? lines[lines.length - 1] ?? '';
  const how = run.timedOut
    ? `timed out after ${Math.round(timeoutMs / 1000)} s`
    : run.signal
      ? `killed by ${run.signal}`
      : `exit code ${String(run.code)}`;
  return `${how} after ${(run.ms / 1000).toFixed(1)} s${telling ? `: ${telling.trim().slice(0, 200)}` : ''}`;
}

export async function waitFor(url: string, timeoutMs: number, child?: ChildProcess): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    if (child && child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - start;
    } catch {
      /* not listening yet */
    }
    await sleep(5);
  }
  throw new Error(`${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s`);
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
