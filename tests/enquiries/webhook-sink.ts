// A webhook receiver on 127.0.0.1 for tests: answers the scripted statuses in turn, records each request and
// whether its X-Folio-Signature matches the body; can hold requests unanswered (a slow receiver).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type ServerResponse, type Server } from 'node:http';

export interface SinkRequest {
  body: string;
  idempotencyKey: string | undefined;
  signatureValid: boolean;
  contentType: string | undefined;
  /** The status answered; null while held, and for good when the sender went away first. */
  status: number | null;
}

export interface WebhookSink {
  url: string;
  requests: SinkRequest[];
  /** Statuses answered in order; after the last one, 200. */
  script: number[];
  /** While true, requests are recorded as they arrive and answered only by `release()`. */
  hold: boolean;
  /** How many requests are held with their sender still connected. */
  held(): number;
  /** Stops holding and answers every held request whose sender is still connected. */
  release(): void;
  close(): Promise<void>;
}

export function verify(body: string, header: string | undefined, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const got = Buffer.from(header ?? '');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

export async function startWebhookSink(secret: string, script: number[] = []): Promise<WebhookSink> {
  const waiting: { entry: SinkRequest; res: ServerResponse }[] = [];
  const answer = (entry: SinkRequest, res: ServerResponse) => {
    if (res.destroyed) return; // the sender hung up (killed): nothing was answered
    entry.status = entry.signatureValid ? (sink.script.shift() ?? 200) : 401;
    res.writeHead(entry.status).end();
  };
  const sink = {
    requests: [] as SinkRequest[],
    script,
    hold: false,
    held: () => waiting.filter((w) => !w.res.destroyed).length,
    release: () => {
      sink.hold = false;
      for (const w of waiting.splice(0)) answer(w.entry, w.res);
    },
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const entry: SinkRequest = {
        body,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        signatureValid: verify(body, req.headers['x-folio-signature'] as string | undefined, secret),
        contentType: req.headers['content-type'],
        status: null,
      };
      sink.requests.push(entry);
      if (sink.hold) waiting.push({ entry, res });
      else answer(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(sink, {
    url: `http://127.0.0.1:${port}/hooks/enquiry`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
