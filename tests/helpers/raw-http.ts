// Sends a request exactly as written over a TCP socket (clients like supertest normalise the target),
// and reads the status and headers of the answer.
import { createServer, type RequestListener, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawServer {
  port: number;
  send(requestLine: string, headers?: Record<string, string>): Promise<RawAnswer>;
  close(): Promise<void>;
}

function parse(text: string): RawAnswer {
  const end = text.indexOf('\r\n\r\n');
  const head = end === -1 ? text : text.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: end === -1 ? '' : text.slice(end + 4) };
}

/** Serves `handler` on a free loopback port. */
export async function rawServer(handler: RequestListener): Promise<RawServer> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const send = (requestLine: string, headers: Record<string, string> = {}) =>
    new Promise<RawAnswer>((resolve, reject) => {
      const all = { Host: `127.0.0.1:${port}`, Connection: 'close', ...headers };
      const text = `${requestLine}\r\n${Object.entries(all)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n')}\r\n\r\n`;
      const socket = connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${requestLine}`)));
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('error', reject);
      socket.on('close', () => resolve(parse(Buffer.concat(chunks).toString('latin1'))));
      socket.write(text, 'latin1');
    });
  return {
    port,
    send,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
