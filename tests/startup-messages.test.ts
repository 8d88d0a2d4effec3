// A bad setting stops start-up at once with exit 1 and one line naming the variable to change — also
// for the settings only the operating system can judge (an address to listen on, a port in use).
import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/paths.js';

function start(env: Record<string, string>) {
  const run = spawnSync(process.execPath, [join(projectRoot, 'dist/server.js')], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', DB_PATH: ':memory:', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: run.status, stderr: run.stderr.trim() };
}

let busy: Server;
let busyPort: number;
beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

describe('start-up with a bad setting', () => {
  it('when NODE_ENV is not one of the three names, then it says so instead of running as development', () => {
    expect(start({ NODE_ENV: 'prod' })).toEqual({
      status: 1,
      stderr: 'Folio could not start: NODE_ENV=prod is not valid: use production, development or test',
    });
  });

  it('when CONTENT_DIR does not exist, then it names the variable and the folder', () => {
    const r = start({ CONTENT_DIR: '/nonexistent/folio-content' });
    expect(r).toEqual({
      status: 1,
      stderr:
        'Folio could not start: CONTENT_DIR=/nonexistent/folio-content does not exist: point it at the folder that holds site.yml and articles/',
    });
  });

  it('when HOST is not an address of this machine, then it names HOST', () => {
    const r = start({ HOST: 'no-such-host.invalid', PORT: '0' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'Folio could not start: HOST=no-such-host.invalid is not valid: it is not an address of this machine (use 0.0.0.0, 127.0.0.1 or ::)',
    );
  });

  it('when PORT is taken by another server, then it names PORT', () => {
    const r = start({ HOST: '127.0.0.1', PORT: String(busyPort) });
    expect(r).toEqual({
      status: 1,
      stderr: `Folio could not start: PORT=${busyPort} is already in use on 127.0.0.1: stop the other server or choose another PORT`,
    });
  });
});
