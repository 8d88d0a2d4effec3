// Real Folio processes for reliability and scale-out tests: start, watch the JSON log, signal and stop them.
// Only processes started here are ever signalled, always by their own pid.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

export interface LogLine {
  level?: number;
  msg?: string;
  [key: string]: unknown;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface FolioProcess {
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  /** Every line the process printed, parsed (non-JSON lines arrive as `{ msg }`). */
  readonly logs: LogLine[];
  /** Resolves once the process has exited. */
  readonly exited: Promise<Exit>;
  /** Null while the process runs. */
  exit(): Exit | null;
  output(): string;
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<Exit>;
}

export interface StartOptions {
  /** Environment on top of a minimal one (PATH, HOME, NODE_ENV=production, LOG_LEVEL=info). */
  env: Record<string, string>;
  /** 0 (the default) lets the server pick a free port and reads it from the start-up log line. */
  port?: number;
  /** Command words placed before `node` (prlimit, setpriv, unshare); each must exec node in place. */
  prefix?: readonly string[];
  /** The script under dist/ to run. */
  script?: string;
  startTimeoutMs?: number;
}

const started = new Set<ChildProcess>();

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    ...extra,
  };
}

function spawnTracked(
  prefix: readonly string[],
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): ChildProcess {
  const [command, ...rest] =
    prefix.length > 0 ? [...prefix, process.execPath, ...args] : [process.execPath, ...args];
  const child = spawn(command as string, rest, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

function collect(child: ChildProcess, logs: LogLine[], onLine: () => void): () => string {
  let raw = '';
  let pending = '';
  const take = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    raw += text;
    pending += text;
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      const line = pending.slice(0, nl).trim();
      pending = pending.slice(nl + 1);
      if (line) {
        try {
          logs.push(JSON.parse(line) as LogLine);
        } catch {
          logs.push({ msg: line });
        }
      }
      nl = pending.indexOf('\n');
    }
    onLine();
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => raw;
}

/** Starts `node dist/server.js` (or another dist script) and resolves once it listens. */
export async function startFolio(options: StartOptions): Promise<FolioProcess> {
  const env = baseEnv({ PORT: String(options.port ?? 0), ...options.env });
  const child = spawnTracked(options.prefix ?? [], [join('dist', options.script ?? 'server.js')], env);
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  const output = collect(child, logs, () => waiters.forEach((w) => w()));
  let exitState: Exit | null = null;
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      exitState = { code, signal };
      waiters.forEach((w) => w());
      resolve(exitState);
    });
  });

  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs = 20_000) =>
    new Promise<LogLine>((resolve, reject) => {
      let seen = 0;
      const check = () => {
        for (; seen < logs.length; seen++) {
          const line = logs[seen] as LogLine;
          if (match(line)) {
            done();
            resolve(line);
            return;
          }
        }
        if (exitState) {
          done();
          reject(new Error(`process ${child.pid} exited (${JSON.stringify(exitState)}) first:\n${output()}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching log line from process ${child.pid} in ${timeoutMs} ms:\n${output()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  const signal = (sig: NodeJS.Signals) => {
    if (!exitState) child.kill(sig);
  };
  const stop = async (graceMs = 5_000) => {
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), graceMs);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };

  let listening: LogLine;
  try {
    listening = await waitForLog(
      (l) => typeof l.msg === 'string' && l.msg.startsWith('Folio is serving'),
      options.startTimeoutMs ?? 30_000,
    );
  } catch (error) {
    await stop(1_000);
    throw error;
  }
  const port = Number(listening.port);
  return {
    pid: child.pid as number,
    port,
    url: `http://127.0.0.1:${port}`,
    logs,
    exited,
    exit: () => exitState,
    output,
    waitForLog,
    signal,
    stop,
  };
}

export interface RunResult extends Exit {
  stdout: string;
  stderr: string;
}

/** Runs a dist script (a CLI command) to completion with a time limit. */
export function runNode(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  options: { prefix?: readonly string[]; timeoutMs?: number } = {},
): Promise<RunResult> {
  const child = spawnTracked(options.prefix ?? [], [join('dist', script), ...args], baseEnv(env));
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Kills whatever this helper started and is still running (for afterAll). */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...started].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
          }
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** A port that was free a moment ago (for processes that must come back on the same port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TempDir {
  dir: string;
  /** A private copy of the shipped sample content, at `<dir>/content`. */
  copySample(): string;
  remove(): void;
}

export function tempDir(prefix: string): TempDir {
  const dir = mkdtempSync(join(tmpdir(), `folio-${prefix}-`));
  return {
    dir,
    copySample() {
      const contentDir = join(dir, 'content');
      cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
      return contentDir;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * As root, file permissions stop nothing; this prefix runs a command as the unprivileged `nobody` user so
 * that a chmod'ed file or folder really is unreadable or read-only. The caller must chown its temp dir.
 */
export function unprivileged(): { prefix: readonly string[]; uid: number; gid: number } | null {
  if (!isRoot) return null;
  const probe = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']);
  return probe.status === 0
    ? { prefix: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'], uid: 65534, gid: 65534 }
    : null;
}

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One GET or POST over a (keep-alive) agent; rejects on socket errors, never on a status. */
export function fetchText(
  url: string,
  options: {
    agent?: Agent;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    timeoutMs?: number;
  } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: options.method ?? 'GET',
        agent: options.agent ?? false,
        headers: options.headers ?? {},
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          if (!res.complete) {
            reject(new Error(`incomplete response from ${url}`));
            return;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out: ${url}`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Polls `check` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: Error | null = null;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error instanceof Error ? error : new Error(String(error));
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
