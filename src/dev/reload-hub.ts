// Development only: the Server-Sent Events stream that tells open tabs to reload (GET /__folio/events).
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export const EVENTS_PATH = '/__folio/events';

export interface ReloadEvent {
  /** What changed: content (re-indexed), views, public (assets) or the server itself. */
  reason: 'content' | 'views' | 'public';
  /** Changed paths, relative to the project (for the log and the browser console). */
  files: string[];
  /** Milliseconds from the first file event of the batch to this broadcast. */
  ms: number;
}

export class ReloadHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  /** `bootId` changes with every server process, so a tab that reconnects after a restart reloads. */
  constructor(readonly bootId: string) {
    // A comment line now and then keeps proxies and idle timers from closing the stream.
    this.heartbeat = setInterval(() => this.write(': ping\n\n'), 15_000);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    // retry: reconnect quickly after a restart; hello: the boot id the tab compares on reconnect.
    res.write(`retry: 300\nevent: hello\ndata: ${this.bootId}\n\n`);
    this.clients.add(res);
    req.socket.setTimeout(0);
    req.socket.setKeepAlive(true);
    const drop = () => this.clients.delete(res);
    req.on('close', drop);
    res.on('error', drop);
  }

  broadcast(event: ReloadEvent): void {
    this.write(`event: reload\ndata: ${JSON.stringify(event)}\n\n`);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}

/** Answers the events stream itself and hands every other request to `next`. */
export function withReloadEvents(hub: ReloadHub, next: RequestListener): RequestListener {
  return (req, res) => {
    if (req.method === 'GET' && req.url === EVENTS_PATH) hub.handle(req, res);
    else next(req, res);
  };
}
