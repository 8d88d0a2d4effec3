// One lane of the render pool: a worker thread that renders one file at a time within a time budget, and
// is replaced when a file crashes it, outlasts the budget or it cannot start.
import { Worker } from 'node:worker_threads';
import type { RenderOutcome, RenderTask } from './render-task.js';

/** How long a new worker may take to load before it counts as broken (start-up is not render time). */
const STARTUP_LIMIT_MS = 30_000;

/** The outcome of a file the worker could not render, as the editor reads it. */
function fault(task: RenderTask, code: string, message: string, hint: string): RenderOutcome {
  return {
    id: task.id,
    ok: false,
    problems: [{ file: task.path, line: 1, code, message, hint, severity: 'error' }],
  };
}

export class WorkerLane {
  private worker: Worker | null = null;
  /** Settles when the worker has loaded its modules (true) or died trying (false). */
  private ready: Promise<boolean> | null = null;
  busy = false;

  constructor(
    private readonly script: string,
    private readonly timeoutMs: number,
  ) {}

  get running(): boolean {
    return this.worker !== null;
  }

  /** Starts the worker (it loads its modules in the background). */
  start(): void {
    // Limits make runaway recursion or memory use fail inside the worker, not in the server.
    const worker = new Worker(this.script, {
      resourceLimits: { maxOldGenerationSizeMb: 512, stackSizeMb: 8 },
    });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<boolean>((resolve) => {
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

  /** Stops the worker; the next task starts a new one. */
  stop(): Promise<number> | undefined {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    return worker?.terminate();
  }

  async render(task: RenderTask): Promise<RenderOutcome> {
    if (!this.worker) this.start();
    // The time budget starts once the worker is up: a fresh worker's start-up is not the file's fault.
    const worker = (await this.ready) ? this.worker : null;
    if (!worker) {
      void this.stop();
      return fault(
        task,
        'render-crashed',
        'the render worker could not start',
        'run the indexer again; if it persists, check the server log',
      );
    }
    return new Promise((resolve) => {
      const finish = (outcome: RenderOutcome, kill: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill) void this.stop();
        resolve(outcome);
      };
      const onMessage = (outcome: RenderOutcome) => finish(outcome, false);
      const onError = (error: Error) =>
        finish(
          fault(
            task,
            'render-crashed',
            `rendering stopped: ${error.message}`,
            'the file is too large or too deeply nested; simplify it',
          ),
          true,
        );
      const onExit = () =>
        finish(fault(task, 'render-crashed', 'rendering stopped unexpectedly', 'simplify the file'), true);
      const timer = setTimeout(
        () =>
          finish(
            fault(
              task,
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
}
