// Progress of a long index run, for people watching it: on a terminal one line rewritten in place (count,
// rate, time left); otherwise (a log, CI) a plain line every few seconds. Pure apart from the sink it writes to.

export interface ProgressSink {
  /** A terminal: the line is redrawn in place. */
  isTTY: boolean;
  write(text: string): void;
}

export interface ProgressOptions {
  label?: string;
  /** What is counted (default files). */
  unit?: string;
  now?: () => number;
  /** How often a line is written when the sink is not a terminal. */
  everyMs?: number;
  /** How often the terminal line is redrawn. */
  redrawMs?: number;
}

export type ProgressFn = (done: number, total: number) => void;

function seconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** The text of one progress line, e.g. "rendering 2,400/10,000 files (812/s, about 9 s left)". */
export function progressLine(
  label: string,
  done: number,
  total: number,
  elapsedMs: number,
  unit = 'files',
): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 && done < total ? `, about ${seconds(((total - done) / rate) * 1000)} left` : '';
  const n = (x: number) => x.toLocaleString('en-US');
  return `${label} ${n(done)}/${n(total)} ${unit} (${n(Math.round(rate))}/s${left})`;
}

/** A progress callback and the function that ends its output. Small runs (done at once) print nothing. */
export function progressReporter(
  sink: ProgressSink,
  options: ProgressOptions = {},
): { update: ProgressFn; end: () => void } {
  const now = options.now ?? (() => performance.now());
  const label = options.label ?? 'rendering';
  const every = sink.isTTY ? (options.redrawMs ?? 200) : (options.everyMs ?? 5_000);
  const started = now();
  let last = started;
  let drawn = false;
  const update: ProgressFn = (done, total) => {
    const t = now();
    if (t - last < every || done >= total) return;
    last = t;
    const line = progressLine(label, done, total, t - started, options.unit);
    sink.write(sink.isTTY ? `\r${line}\u001b[K` : `${line}\n`);
    drawn = true;
  };
  const end = () => {
    if (drawn && sink.isTTY) sink.write('\r\u001b[K');
  };
  return { update, end };
}
