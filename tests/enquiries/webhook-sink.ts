// A webhook receiver on 127.0.0.1 for tests: answers the scripted statuses in turn, records each request and
// whether its X-Folio-Signature matches the body.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export interface SinkRequest {
  body: string;
  idempotencyKey: string | undefined;
  signatureValid: boolean;
  contentType: string | undefined;
}

export interface WebhookSink {
  url: string;
  requests: SinkRequest[];
  /** Statuses answered in order; after the last one, 200. */
  script: number[];
  close(): Promise<void>;
}

export function verify(body: string, header: string | undefined, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const got = Buffer.from(header ?? '');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

export async function startWebhookSink(secret: string, script: number[] = []): Promise<WebhookSink> {
  const sink: Omit<WebhookSink, 'url' | 'close'> = { requests: [], script };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signatureValid = verify(body, req.headers['x-folio-signature'] as string | undefined, secret);
      sink.requests.push({
        body,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
        signatureValid,
        contentType: req.headers['content-type'],
      });
      const status = signatureValid ? (sink.script.shift() ?? 200) : 401;
      res.writeHead(status).end();
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
