// A small pool of worker threads that render content with a per-file time budget.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RenderOutcome, RenderTask } from './render-task.js';
import { WorkerLane } from './worker-lane.js';

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

export class RenderPool {
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly script: string | null;
  private readonly workers: WorkerLane[] = [];
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
      for (const lane of this.workers) if (!lane.busy) void lane.stop();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  get threaded(): boolean {
    return this.script !== null;
  }

  /** `n` worker lanes (made on first use), or `n` in-process lanes (null) without a compiled worker. */
  private lanes(n: number): (WorkerLane | null)[] {
    const script = this.script;
    if (!script) return Array.from({ length: n }, () => null);
    while (this.workers.length < n) this.workers.push(new WorkerLane(script, this.timeoutMs));
    return this.workers.slice(0, n);
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
    const lanes = this.lanes(Math.min(this.size, count));
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
    const render = (lane: WorkerLane | null, task: RenderTask): Promise<RenderOutcome> =>
      lane ? lane.render(task) : Promise.resolve((local as (t: RenderTask) => RenderOutcome)(task));
    await Promise.all(
      lanes.map(async (lane) => {
        if (lane) lane.busy = true;
        let current = take();
        let pending = current ? render(lane, current.task) : null;
        while (current && pending) {
          const outcome = await pending;
          const following = take();
          pending = following ? render(lane, following.task) : null;
          onOutcome(outcome, current.i);
          current = following;
        }
        if (lane) lane.busy = false;
      }),
    );
    if (this.script) this.scheduleIdleStop();
  }

  /** Starts the workers ahead of time so the first re-index does not pay for their start-up. */
  warm(): void {
    for (const lane of this.lanes(this.script ? this.size : 0)) if (lane && !lane.running) lane.start();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopIdleTimer();
    await Promise.all(this.workers.map(async (lane) => lane.stop()));
    this.workers.length = 0;
  }
}
