// SIGTERM drains: requests the server has begun receiving are answered in full, then the process exits 0.
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

/** Reads one HTTP/1.1 response with a Content-Length from a socket; resolves as soon as it is whole. */
function readResponse(socket: Socket): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const onData = (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      const split = buf.indexOf('\r\n\r\n');
      if (split < 0) return;
      const head = buf.subarray(0, split).toString('latin1').split('\r\n');
      const headers = new Map<string, string>();
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
      }
      const length = Number(headers.get('content-length'));
      if (buf.length - split - 4 < length) return;
      socket.off('data', onData);
      resolve({
        status: Number(head[0]?.split(' ')[1]),
        headers,
        body: buf.subarray(split + 4, split + 4 + length).toString('utf8'),
      });
    };
    socket.on('data', onData);
    socket.on('error', reject);
    socket.on('close', () =>
      reject(new Error(`connection closed before a whole response: ${buf.toString()}`)),
    );
  });
}

/** A raw HTTP/1.1 exchange whose request we finish writing when we choose. */
function openRequest(port: number, path: string): { socket: Socket; response: Promise<RawResponse> } {
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  // Half a request: the request line and one header, no blank line yet.
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
  return { socket, response: readResponse(socket) };
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
    // The server has read the first bytes of every request before the signal.
    await new Promise((r) => setTimeout(r, 300));

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
});
