// Index progress as an editor or an operator sees it: a line redrawn in place on a terminal, a plain line
// every few seconds in a log, nothing at all for a run that is over at once.
import { describe, expect, it } from 'vitest';
import { progressLine, progressReporter } from '../../src/indexer/progress.js';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { isTTY, write: (t: string) => out.push(t), out };
}

describe('progressLine', () => {
  it('says how many files, how fast and how long is left', () => {
    expect(progressLine('rendering', 2_500, 10_000, 5_000)).toBe(
      'rendering 2,500/10,000 files (500/s, about 15 s left)',
    );
    expect(progressLine('rendering', 1_000, 100_000, 2_000)).toBe(
      'rendering 1,000/100,000 files (500/s, about 3 min 18 s left)',
    );
  });
});

describe('progressReporter', () => {
  it('when the output is a log, then a plain line is written every five seconds', () => {
    let t = 0;
    const s = sink(false);
    const p = progressReporter(s, { now: () => t });
    for (let done = 1; done <= 999; done++) {
      t = done * 20; // 50 files a second
      p.update(done, 1_000);
    }
    p.end();
    expect(s.out).toEqual([
      'rendering 250/1,000 files (50/s, about 15 s left)\n',
      'rendering 500/1,000 files (50/s, about 10 s left)\n',
      'rendering 750/1,000 files (50/s, about 5 s left)\n',
    ]);
  });

  it('when the output is a terminal, then one line is redrawn in place and cleared at the end', () => {
    let t = 0;
    const s = sink(true);
    const p = progressReporter(s, { now: () => t });
    t = 300;
    p.update(30, 100);
    t = 600;
    p.update(60, 100);
    p.end();
    expect(s.out[0]).toBe('\rrendering 30/100 files (100/s, about 1 s left)\u001b[K');
    expect(s.out).toHaveLength(3);
    expect(s.out[2]).toBe('\r\u001b[K');
  });

  it('when the run is over before the first interval, then nothing is written', () => {
    let t = 0;
    const s = sink(true);
    const p = progressReporter(s, { now: () => t });
    t = 50;
    p.update(5, 5);
    p.end();
    expect(s.out).toEqual([]);
  });
});
