// Development only: keeps the dev server running in a child process and restarts it when src/ changes
// (rebuild first; a failed build keeps the old server serving and prints the compiler's errors).
import type { ChildProcess } from 'node:child_process';
import { watch, type FSWatcher } from 'chokidar';
import { isIgnoredName } from './site-watcher.js';
import { basename } from 'node:path';

export interface SupervisorOptions {
  /** Folders whose changes need a rebuild and a restart (src/, migrations/). */
  watchDirs: string[];
  build: () => Promise<{ ok: boolean; output: string }>;
  spawnChild: () => ChildProcess;
  print: (line: string) => void;
  debounceMs?: number;
  /** How long a stopping child may take before it is killed. */
  graceMs?: number;
}

export class Supervisor {
  private child: ChildProcess | null = null;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private restarting: Promise<void> | null = null;
  private again = false;
  private closed = false;
  /** Incremented each time a new child is started. */
  generation = 0;

  constructor(private readonly options: SupervisorOptions) {}

  async start(): Promise<void> {
    this.spawn();
    const watcher = watch(this.options.watchDirs, {
      ignoreInitial: true,
      ignored: (path) => isIgnoredName(basename(path)),
    });
    watcher.on('all', () => this.schedule());
    this.watcher = watcher;
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.restart();
    }, this.options.debounceMs ?? 150);
  }

  /** Rebuilds and restarts; a change during a restart queues one more. */
  restart(): Promise<void> {
    if (this.restarting) {
      this.again = true;
      return this.restarting;
    }
    this.restarting = (async () => {
      do {
        this.again = false;
        this.options.print('source changed: rebuilding…');
        const built = await this.options.build();
        if (this.closed) return;
        if (!built.ok) {
          this.options.print(`${built.output.trim()}\nbuild failed: the previous server keeps running`);
          continue;
        }
        await this.stopChild();
        if (this.closed) return;
        this.spawn();
      } while (this.again && !this.closed);
    })().finally(() => {
      this.restarting = null;
    });
    return this.restarting;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.watcher?.close();
    // A build in progress is not waited for: the restart loop sees `closed` and spawns nothing.
    await this.stopChild();
  }

  private spawn(): void {
    const child = this.options.spawnChild();
    this.generation++;
    this.child = child;
    child.once('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = null;
      if (!this.closed)
        this.options.print(
          `the server stopped (${signal ?? `exit code ${code}`}); save a file under src/ to restart it`,
        );
    });
  }

  private async stopChild(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.child = null;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), this.options.graceMs ?? 5_000);
    await exited;
    clearTimeout(timer);
  }
}
