// A small pool of worker threads that render content with a per-file time budget.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderOutcome, RenderTask } from './render-task.js';

export interface RenderPoolOptions {
  size?: number;
  timeoutMs: number;
  /** Workers idle this long are stopped, so a serving process does not keep their memory. */
  idleMs?: number;
}

/** Finds the compiled worker script (tests run from src/, the worker always runs compiled JS from dist/). */
function workerScript(): string | null {
  const candidates = [
    new URL('./render-worker.js', import.meta.url),
    new URL('../../dist/indexer/render-worker.js', import.meta.url),
  ];
  for (const url of candidates) {
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  return null;
}

/** Renders on the calling thread when there is no compiled worker (tests run from src/). */
async function inProcessRenderer(): Promise<(task: RenderTask) => RenderOutcome> {
  const [{ renderTask }, { withImages }] = await Promise.all([
    import('./render-task.js'),
    import('../images/catalog.js'),
  ]);
  return (task) => renderTask({ ...task, ctx: withImages(task.ctx) });
}

interface Slot {
  worker: Worker | null;
  /** Settles when the worker has loaded its modules (true) or died trying (false). */
  ready: Promise<boolean> | null;
  busy: boolean;
}

/** How long a new worker may take to load before it counts as broken (start-up is not render time). */
const STARTUP_LIMIT_MS = 30_000;

export class RenderPool {
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly script: string | null;
  private readonly slots: Slot[] = [];
  private closed = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly idleMs: number;

  constructor(options: RenderPoolOptions) {
    this.size = Math.max(1, options.size || Math.min(4, availableParallelism()));
    this.timeoutMs = options.timeoutMs;
    this.script = workerScript();
    this.idleMs = options.idleMs ?? 30_000;
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private scheduleIdleStop(): void {
    this.stopIdleTimer();
    this.idleTimer = setTimeout(() => {
      for (const slot of this.slots) {
        if (!slot.busy && slot.worker) this.discard(slot);
      }
    }, this.idleMs);
    this.idleTimer.unref();
  }

  get threaded(): boolean {
    return this.script !== null;
  }

  private spawn(slot: Slot): void {
    // Limits make runaway recursion or memory use fail inside the worker, not in the server.
    const worker = new Worker(this.script as string, {
      resourceLimits: { maxOldGenerationSizeMb: 512, stackSizeMb: 8 },
    });
    worker.unref();
    slot.worker = worker;
    slot.ready = new Promise<boolean>((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onFail);
        worker.off('exit', onFail);
        resolve(ok);
      };
      const onMessage = (message: unknown) => done(message === 'ready');
      const onFail = () => done(false);
      const timer = setTimeout(onFail, STARTUP_LIMIT_MS);
      worker.on('message', onMessage);
      worker.on('error', onFail);
      worker.on('exit', onFail);
    });
  }

  private discard(slot: Slot): void {
    const worker = slot.worker;
    slot.worker = null;
    slot.ready = null;
    void worker?.terminate();
  }

  private async runOne(slot: Slot, task: RenderTask): Promise<RenderOutcome> {
    if (!slot.worker) this.spawn(slot);
    // The time budget starts once the worker is up: a fresh worker's start-up is not the file's fault.
    const worker = (await slot.ready) ? slot.worker : null;
    if (!worker) {
      this.discard(slot);
      return {
        id: task.id,
        ok: false,
        problems: [
          {
            file: task.path,
            line: 1,
            code: 'render-crashed',
            message: 'the render worker could not start',
            hint: 'run the indexer again; if it persists, check the server log',
            severity: 'error',
          },
        ],
      };
    }
    return new Promise((resolve) => {
      let settled = false;
      const finish = (outcome: RenderOutcome, kill: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill) this.discard(slot);
        resolve(outcome);
      };
      const fault = (code: string, message: string, hint: string): RenderOutcome => ({
        id: task.id,
        ok: false,
        problems: [{ file: task.path, line: 1, code, message, hint, severity: 'error' }],
      });
      const onMessage = (outcome: RenderOutcome) => finish(outcome, false);
      const onError = (error: Error) =>
        finish(
          fault(
            'render-crashed',
            `rendering stopped: ${error.message}`,
            'the file is too large or too deeply nested; simplify it',
          ),
          true,
        );
      const onExit = () =>
        finish(fault('render-crashed', 'rendering stopped unexpectedly', 'simplify the file'), true);
      const timer = setTimeout(
        () =>
          finish(
            fault(
              'render-timeout',
              `rendering took longer than ${this.timeoutMs} ms and was stopped`,
              'look for a very long paragraph, a huge table or deeply nested lists',
            ),
            true,
          ),
        this.timeoutMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(task);
    });
  }

  /** Renders every task; results in task order. */
  async run(tasks: readonly RenderTask[]): Promise<RenderOutcome[]> {
    const results: RenderOutcome[] = new Array<RenderOutcome>(tasks.length);
    await this.stream(
      tasks.length,
      (i) => tasks[i] as RenderTask,
      (outcome, i) => {
        results[i] = outcome;
      },
    );
    return results;
  }

  /**
   * Renders `count` tasks on every lane and hands each outcome to `onOutcome` as soon as it arrives (in
   * completion order). Tasks are made when a lane is free (`taskAt` may read the file then), so memory
   * holds the tasks and outcomes in flight, not the run. `taskAt` may answer an outcome (a file that
   * cannot be read) instead of a task.
   */
  async stream(
    count: number,
    taskAt: (index: number) => RenderTask | RenderOutcome,
    onOutcome: (outcome: RenderOutcome, index: number) => void,
  ): Promise<void> {
    if (this.closed) throw new Error('render pool is closed');
    const local = this.script ? null : await inProcessRenderer();
    this.stopIdleTimer();
    let next = 0;
    const lanes = Math.min(this.size, count);
    while (this.slots.length < lanes) this.slots.push({ worker: null, ready: null, busy: false });
    // The next task is sent as soon as a result arrives, before the result is handled, so a worker
    // never waits for the caller's bookkeeping (staging writes) between two files.
    const take = (): { i: number; task: RenderTask } | null => {
      while (next < count) {
        const i = next++;
        const task = taskAt(i);
        if (!('ok' in task)) return { i, task };
        onOutcome(task, i);
      }
      return null;
    };
    const render = (slot: Slot, task: RenderTask): Promise<RenderOutcome> =>
      local ? Promise.resolve(local(task)) : this.runOne(slot, task);
    await Promise.all(
      this.slots.slice(0, lanes).map(async (slot) => {
        slot.busy = true;
        let current = take();
        let pending = current ? render(slot, current.task) : null;
        while (current && pending) {
          const outcome = await pending;
          const following = take();
          pending = following ? render(slot, following.task) : null;
          onOutcome(outcome, current.i);
          current = following;
        }
        slot.busy = false;
      }),
    );
    if (this.script) this.scheduleIdleStop();
  }

  /** Starts the workers ahead of time so the first re-index does not pay for their start-up. */
  warm(): void {
    if (!this.script) return;
    while (this.slots.length < this.size) this.slots.push({ worker: null, ready: null, busy: false });
    for (const slot of this.slots) if (!slot.worker) this.spawn(slot);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopIdleTimer();
    await Promise.all(this.slots.map(async (s) => s.worker?.terminate()));
    this.slots.length = 0;
  }
}
