// Replica forwarding with real HTTP: a replica accepts an enquiry into its own outbox and forwards it, signed,
// to the primary's intake; the primary stores it once (whatever the number of resends), delivers it to its
// webhook once, and an enquiry accepted while the primary is down arrives when it is back.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryStore } from '../../src/db/deliveries.js';
import { createEnquiryStore } from '../../src/db/enquiries.js';
import { forwardBody, forwardEnquiry, INTAKE_PATH } from '../../src/enquiries/forward.js';
import { createOutbox } from '../../src/enquiries/outbox.js';
import { signature } from '../../src/enquiries/webhook.js';
import { configuredTargets, createSenders, type SiteView } from '../../src/enquiries/targets.js';
import { createLogger } from '../../src/logger.js';
import { SAMPLE_NOW } from '../helpers/clock.js';
import { createTestSite, type TestSite } from '../helpers/site.js';
import { startWebhookSink, type WebhookSink } from './webhook-sink.js';

const SECRET = 'forward-secret-0123456789';
const HOOK_SECRET = 'hook-secret';
const COURSE = '/en/courses/data-ai/data-engineer';
const logger = createLogger({ logLevel: 'silent' });
const site: SiteView = {
  baseUrl: 'http://folio.test',
  lang: 'en',
  article: () => null,
  courseTitle: () => null,
};

describe('replica forwarding', () => {
  let sink: WebhookSink;
  let primary: TestSite;
  let replica: TestSite;
  let server: Server | null = null;
  let port = 0;
  let t = SAMPLE_NOW;

  const listen = async () => {
    server = createServer(primary.folio.handler);
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    const a = server.address();
    port = typeof a === 'object' && a ? a.port : 0;
  };
  const shut = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

  beforeAll(async () => {
    sink = await startWebhookSink(HOOK_SECRET);
    primary = await createTestSite({
      now: () => t,
      env: {
        ENQUIRY_FORWARD_SECRET: SECRET,
        ENQUIRY_WEBHOOK_URL: sink.url,
        ENQUIRY_WEBHOOK_SECRET: HOOK_SECRET,
      },
    });
    await listen();
    replica = await createTestSite({
      now: () => t,
      env: { ENQUIRY_FORWARD_URL: `http://127.0.0.1:${port}`, ENQUIRY_FORWARD_SECRET: SECRET },
    });
  }, 60_000);
  afterAll(async () => {
    await shut();
    await sink.close();
    await primary.close();
    await replica.close();
  });

  const outbox = (s: TestSite) =>
    createOutbox({
      db: s.db,
      logger,
      now: () => t,
      random: () => 1,
      senders: createSenders(
        s.config,
        () => site,
        (id) => createEnquiryStore(s.db).idempotencyKey(id),
      ),
    });
  const enquire = async (email: string) => {
    const page = await replica.http.get(COURSE);
    const field = (n: string) => new RegExp(`name="${n}" value="([^"]*)"`).exec(page.text)?.[1] ?? '';
    const res = await replica.http
      .post(`${COURSE}/enquiry`)
      .type('form')
      .send({
        name: 'Ada',
        email,
        format: 'not-sure',
        message: 'Hello',
        consent: 'yes',
        form_token: field('form_token'),
        idempotency_key: field('idempotency_key'),
      });
    expect(res.status).toBe(303);
  };
  const onPrimary = () =>
    createEnquiryStore(primary.db)
      .list()
      .map((e) => e.email);

  it('when a replica accepts an enquiry, then it is forwarded to the primary, stored there once and delivered to the webhook once', async () => {
    expect(configuredTargets(replica.config)).toEqual(['forward']);
    await enquire('one@example.com');
    expect(createDeliveryStore(replica.db).list()).toMatchObject([{ target: 'forward', status: 'pending' }]);
    await outbox(replica).runOnce();
    expect(createDeliveryStore(replica.db).counts()).toEqual({ pending: 0, delivered: 1, failed: 0 });
    expect(onPrimary()).toEqual(['one@example.com']);
    // The same enquiry forwarded again (a resend after a crash) is not stored twice.
    const row = createEnquiryStore(replica.db).list()[0]!;
    const key = createEnquiryStore(replica.db).idempotencyKey(row.id)!;
    const again = await forwardEnquiry(`http://127.0.0.1:${port}`, SECRET, forwardBody(row, key));
    expect(again).toEqual({ kind: 'delivered' });
    expect(onPrimary()).toEqual(['one@example.com']);
    await outbox(primary).runOnce();
    expect(sink.requests).toHaveLength(1);
    expect(sink.requests[0]!.signatureValid).toBe(true);
    expect(JSON.parse(sink.requests[0]!.body)).toMatchObject({
      email: 'one@example.com',
      course: { slug: 'data-engineer' },
    });
  });

  it('when the primary is down, then the replica still accepts and keeps retrying, and the enquiry arrives once it is back', async () => {
    await shut();
    await enquire('two@example.com');
    const replicaOutbox = outbox(replica);
    await replicaOutbox.runOnce();
    const pending = createDeliveryStore(replica.db).list('pending');
    expect(pending).toHaveLength(1);
    expect(pending[0]!.last_error).toMatch(/ECONNREFUSED|ECONNRESET|UND_ERR/);
    await listen();
    t += 1_000;
    await replicaOutbox.runOnce();
    expect(onPrimary().sort()).toEqual(['one@example.com', 'two@example.com']);
    await outbox(primary).runOnce();
    expect(sink.requests.map((r) => (JSON.parse(r.body) as { email: string }).email)).toEqual([
      'one@example.com',
      'two@example.com',
    ]);
  });

  it('when the intake gets a bad signature or a malformed enquiry, then it refuses it and stores nothing', async () => {
    const before = onPrimary().length;
    const url = `http://127.0.0.1:${port}${INTAKE_PATH}`;
    const body = JSON.stringify({ email: 'x@example.com' });
    const forged = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Folio-Signature': 'sha256=00' },
      body,
    });
    expect(forged.status).toBe(401);
    const malformed = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Folio-Signature': signature(body, SECRET) },
      body,
    });
    expect(malformed.status).toBe(400);
    expect(onPrimary()).toHaveLength(before);
    // A replica has no intake at all.
    expect((await replica.http.post(INTAKE_PATH).type('json').send(body)).status).toBe(404);
  });
});
