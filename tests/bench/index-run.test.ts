// Index probe output: per-phase figures survive a probe that dies part-way (out of memory at 100k).
import { describe, expect, it } from 'vitest';
import { indexTimeoutMs, phasesFrom } from '../../src/bench/index-run.js';

const line = (phase: string, ms: number, peakKb: number) =>
  JSON.stringify({ phase, ms, rendered: 1, articles: 10, errors: 0, peakKb });

describe('index probe output', () => {
  it('keeps every phase and the highest peak', () => {
    const out = [line('cold', 900, 300_000), line('noChange', 50, 310_000), line('oneFile', 80, 305_000)];
    const { steps, peakKb } = phasesFrom(out.join('\n') + '\n', null);
    expect(steps.cold).toEqual({ status: 'ok', value: { ms: 900, rendered: 1, articles: 10, errors: 0 } });
    expect(steps.oneFile.status).toBe('ok');
    expect(peakKb).toBe(310_000);
  });

  it('a probe that dies after the cold run keeps the cold figures and blames the next phase', () => {
    const out = `${line('cold', 900, 300_000)}\n{"phase":"noCh`;
    const { steps } = phasesFrom(out, 'killed by SIGABRT: JavaScript heap out of memory');
    expect(steps.cold.status).toBe('ok');
    expect(steps.noChange).toEqual({
      status: 'failed',
      error: 'killed by SIGABRT: JavaScript heap out of memory',
    });
    expect(steps.oneFile.status).toBe('skipped');
  });

  it('a probe that prints nothing fails the cold run', () => {
    expect(phasesFrom('', 'exit code 1').steps.cold).toEqual({ status: 'failed', error: 'exit code 1' });
  });

  it('gives large corpora more time, never under two minutes', () => {
    expect(indexTimeoutMs(1000)).toBe(120_000);
    expect(indexTimeoutMs(100_000)).toBe(2_000_000);
  });
});
