// A minimal Server-Sent Events client for tests: connects, parses events, waits for the next one.
import { request, type ClientRequest } from 'node:http';

export interface SseEvent {
  event: string;
  data: string;
}

export interface SseClient {
  events: SseEvent[];
  /** Resolves with the first event named `name` after the `after`-th event received. */
  next(name: string, after?: number, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

export function connectSse(url: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const waiters = new Set<() => void>();
    let req: ClientRequest | null = null;
    req = request(url, { headers: { Accept: 'text/event-stream' }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`events stream answered ${res.statusCode}`));
        return;
      }
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trim());
          }
          if (data.length > 0) events.push({ event, data: data.join('\n') });
          end = buffer.indexOf('\n\n');
        }
        waiters.forEach((w) => w());
      });
      resolve({
        events,
        next(name, after = events.length, timeoutMs = 10_000) {
          return new Promise((ok, fail) => {
            const check = () => {
              const hit = events.slice(after).find((e) => e.event === name);
              if (hit) {
                clearTimeout(timer);
                waiters.delete(check);
                ok(hit);
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no "${name}" event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close() {
          req?.destroy();
        },
      });
    });
    req.on('error', reject);
    req.end();
  });
}
