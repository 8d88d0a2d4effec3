// SIGTERM drains: requests the server has begun receiving are answered in full, then the process exits 0;
// requests that never finish hold it at most 10 s, after which it exits 1.
import { Agent } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { fetchText, startFolio, stopAll, tempDir, waitFor } from '../helpers/process.js';

const dirs: ReturnType<typeof tempDir>[] = [];
afterAll(async () => {
  await stopAll();
  for (const d of dirs) d.remove();
});

interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Reads successive HTTP/1.1 responses (each with a Content-Length) from a socket, as each becomes whole. */
function readResponses(socket: Socket, count: number): Promise<RawResponse>[] {
  const waiting = Array.from({ length: count }, () => deferred<RawResponse>());
  let buf = Buffer.alloc(0);
  let done = 0;
  const onData = (c: Buffer) => {
    buf = Buffer.concat([buf, c]);
    for (;;) {
      const split = buf.indexOf('\r\n\r\n');
      if (split < 0 || done === count) return;
      const head = buf.subarray(0, split).toString('latin1').split('\r\n');
      const headers = new Map<string, string>();
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
      }
      const length = Number(headers.get('content-length'));
      if (buf.length - split - 4 < length) return;
      const body = buf.subarray(split + 4, split + 4 + length).toString('utf8');
      buf = buf.subarray(split + 4 + length);
      waiting[done++]?.resolve({ status: Number(head[0]?.split(' ')[1]), headers, body });
    }
  };
  const fail = (error: Error) => {
    for (const w of waiting.slice(done)) w.reject(error);
  };
  socket.on('data', onData);
  socket.on('error', fail);
  socket.on('close', () => fail(new Error(`connection closed before a whole response: ${buf.toString()}`)));
  // A rejection nobody awaits yet (the second response while the first is awaited) is not an unhandled one.
  for (const w of waiting) w.promise.catch(() => undefined);
  return waiting.map((w) => w.promise);
}

interface OpenRequest {
  socket: Socket;
  /** The answer to a whole request sent ahead on the same connection: once it is here, the server has read the rest. */
  ahead: Promise<RawResponse>;
  response: Promise<RawResponse>;
}

/**
 * A raw HTTP/1.1 exchange whose request we finish writing when we choose. A whole /healthz request goes
 * first in the same write, so its answer tells the test the server has begun reading the unfinished one
 * (no sleep standing in for that).
 */
function openRequest(port: number, path: string): OpenRequest {
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  const [ahead, response] = readResponses(socket, 2) as [Promise<RawResponse>, Promise<RawResponse>];
  // Half a request after the whole one: the request line and one header, no blank line yet.
  socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
  return { socket, ahead, response };
}

describe('SIGTERM', () => {
  it('when SIGTERM arrives mid-request, then every started request gets a whole page and the process exits 0', async () => {
    const tmp = tempDir('sigterm');
    dirs.push(tmp);
    const server = await startFolio({
      env: { CONTENT_DIR: tmp.copySample(), DB_PATH: `${tmp.dir}/folio.db` },
    });
    await server.waitForLog((l) => l.msg === 'content indexed');
    const paths = ['/en/', '/en/sql-joins-explained', '/en/category/data-engineering', '/en/search?q=sql'];
    const pending = Array.from({ length: 24 }, (_, i) =>
      openRequest(server.port, paths[i % paths.length] as string),
    );
    // The server has read the first bytes of every unfinished request before the signal.
    for (const ahead of await Promise.all(pending.map((p) => p.ahead))) expect(ahead.status).toBe(200);

    server.signal('SIGTERM');
    await server.waitForLog((l) => typeof l.msg === 'string' && l.msg.startsWith('shutting down'), 5_000);
    // Draining: still alive for the requests it has, but no longer accepting new connections.
    expect(server.exit()).toBeNull();
    await expect(fetchText(`${server.url}/en/`, { timeoutMs: 2_000 })).rejects.toThrow(/ECONNREFUSED/);

    for (const p of pending) p.socket.write('\r\n');
    const answers = await Promise.all(pending.map((p) => p.response));
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.headers.get('connection')).toBe('close');
      expect(res.body.startsWith('<!doctype html>')).toBe(true);
      expect(res.body.trimEnd().endsWith('</html>')).toBe(true);
    }

    const started = Date.now();
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    // Well inside the 10 s drain limit: finished connections are closed, not left to idle out.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(server.logs.some((l) => l.msg === 'stopped')).toBe(true);
  });

  it('when SIGTERM arrives while the server is idle, then it exits 0 at once', async () => {
    const tmp = tempDir('sigterm-idle');
    dirs.push(tmp);
    const server = await startFolio({
      env: { CONTENT_DIR: tmp.copySample(), DB_PATH: `${tmp.dir}/folio.db` },
    });
    await server.waitForLog((l) => l.msg === 'content indexed');
    // An idle keep-alive connection must not hold the process up.
    const agent = new Agent({ keepAlive: true });
    const res = await fetchText(`${server.url}/en/`, { agent });
    expect(res.status).toBe(200);
    expect(res.headers.connection).toBe('keep-alive');
    const t0 = Date.now();
    server.signal('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - t0).toBeLessThan(2_000);
    await waitFor('the log line', () => server.logs.some((l) => l.msg === 'stopped'));
    agent.destroy();
  });

  it('when a request never finishes after SIGTERM, then the process gives up after 10 s and exits 1', async () => {
    const tmp = tempDir('sigterm-hang');
    dirs.push(tmp);
    const server = await startFolio({
      env: { CONTENT_DIR: tmp.copySample(), DB_PATH: `${tmp.dir}/folio.db` },
    });
    await server.waitForLog((l) => l.msg === 'content indexed');
    const hanging = openRequest(server.port, '/en/');
    expect((await hanging.ahead).status).toBe(200);
    // A client that keeps sending a header a byte a second: never idle (so keep-alive timers spare it), never done.
    const trickle = setInterval(() => hanging.socket.write('a'), 1_000);
    hanging.socket.write('X-Slow: ');
    const signalled = Date.now();
    server.signal('SIGTERM');
    const exit = await server.exited;
    clearInterval(trickle);
    expect(exit).toEqual({ code: 1, signal: null });
    const waited = Date.now() - signalled;
    expect(waited).toBeGreaterThanOrEqual(10_000);
    expect(waited).toBeLessThan(14_000);
    expect(server.logs.map((l) => l.msg)).toContain('in-flight requests did not finish in 10 s; exiting');
    expect(server.logs.some((l) => l.msg === 'stopped')).toBe(false);
    hanging.socket.destroy();
  });
});
