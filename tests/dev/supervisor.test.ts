// The `npm run dev` supervisor: a change under src/ rebuilds and restarts the server; a failed build keeps
// the running server.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Supervisor } from '../../src/dev/supervisor.js';
import { waitFor } from '../helpers/process.js';

const alive = (pid: number | undefined) => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let supervisor: Supervisor | null = null;
let dir = '';

afterEach(async () => {
  await supervisor?.close();
  supervisor = null;
  rmSync(dir, { recursive: true, force: true });
});

function setup(buildOk: () => boolean) {
  dir = mkdtempSync(join(tmpdir(), 'folio-supervisor-'));
  const lines: string[] = [];
  let builds = 0;
  supervisor = new Supervisor({
    watchDirs: [dir],
    print: (line) => lines.push(line),
    debounceMs: 20,
    spawnChild: () => spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }),
    build: () => {
      builds++;
      const ok = buildOk();
      return Promise.resolve({ ok, output: ok ? '' : 'src/app.ts(1,1): error TS1005: ; expected' });
    },
  });
  return { lines, builds: () => builds, supervisor };
}

describe('npm run dev: restarts on source changes', () => {
  it('when a source file changes, it rebuilds, stops the old server and starts a new one', async () => {
    const s = setup(() => true);
    await s.supervisor.start();
    const first = s.supervisor.pid;
    expect(alive(first)).toBe(true);
    writeFileSync(join(dir, 'app.ts'), 'export {};\n');
    await waitFor('a restart', () => s.supervisor.generation === 2 && alive(s.supervisor.pid), 10_000);
    expect(s.builds()).toBe(1);
    expect(s.supervisor.pid).not.toBe(first);
    await waitFor('the old server to exit', () => !alive(first), 5_000);
    expect(s.lines.join('\n')).toContain('rebuilding');
  });

  it('when the build fails, the compiler errors are printed and the old server keeps running', async () => {
    const s = setup(() => false);
    await s.supervisor.start();
    const first = s.supervisor.pid;
    writeFileSync(join(dir, 'app.ts'), 'export {;\n');
    await waitFor('the build', () => s.lines.some((l) => l.includes('build failed')), 10_000);
    expect(s.lines.join('\n')).toContain('error TS1005');
    expect(s.supervisor.generation).toBe(1);
    expect(s.supervisor.pid).toBe(first);
    expect(alive(first)).toBe(true);
  });

  it('closing stops the server it started', async () => {
    const s = setup(() => true);
    await s.supervisor.start();
    const pid = s.supervisor.pid;
    await s.supervisor.close();
    supervisor = null;
    await waitFor('the server to exit', () => !alive(pid), 5_000);
  });
});
