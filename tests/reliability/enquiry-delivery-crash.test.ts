// The enquiry outbox across process deaths, with the real server and a webhook receiver on 127.0.0.1 that is
// slow and fails at first: killed with SIGKILL in the middle of a delivery, the server delivers every enquiry
// after a restart on the same database (the one in flight again, so the receiver sees its key twice: at least
// once, never lost); stopped with SIGTERM, it finishes the delivery in flight, starts no other, exits 0 and
// delivers the rest after the restart, each exactly once.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeliveryRow } from '../../src/db/deliveries.js';
import { startWebhookSink, type WebhookSink } from '../enquiries/webhook-sink.js';
import {
  fetchText,
  runNode,
  startFolio,
  stopAll,
  tempDir,
  waitFor,
  type FolioProcess,
  type TempDir,
} from '../helpers/process.js';

const SECRET = 'crm-webhook-secret';
const COURSE = '/en/courses/data-ai/data-engineer';
const dirs: TempDir[] = [];
const sinks: WebhookSink[] = [];

afterAll(async () => {
  await stopAll();
  await Promise.all(sinks.map((s) => s.close()));
  for (const d of dirs) d.remove();
});

/** A site on its own database and content, delivering to a fresh sink; `start` may be called again. */
async function setup(script: number[]) {
  const tmp = tempDir('delivery-crash');
  dirs.push(tmp);
  const sink = await startWebhookSink(SECRET, script);
  sinks.push(sink);
  const env = {
    CONTENT_DIR: tmp.copySample(),
    DB_PATH: join(tmp.dir, 'folio.db'),
    SITE_URL: 'http://folio.test',
    CSRF_SECRET: 'crash-test-csrf-secret',
    ENQUIRY_RATE_LIMIT: '100',
    ENQUIRY_WEBHOOK_URL: sink.url,
    ENQUIRY_WEBHOOK_SECRET: SECRET,
    // Retries from 0.1 s (1 s in production), so the scripted failures cost milliseconds.
    ENQUIRY_RETRY_BASE_MS: '100',
  };
  const start = () => startFolio({ env });

  /** Sends `emails.length` enquiries through the course page's form; each must be accepted (303). */
  const enquire = async (server: FolioProcess, emails: string[]) => {
    const page = await fetchText(`${server.url}${COURSE}`, { headers: { Host: 'folio.test' } });
    const token = /name="form_token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const key = /name="idempotency_key" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    expect(token).not.toBe('');
    for (const email of emails) {
      const posted = await fetchText(`${server.url}${COURSE}/enquiry`, {
        method: 'POST',
        headers: {
          Host: 'folio.test',
          Origin: 'http://folio.test',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          name: 'A reader',
          email,
          format: 'not-sure',
          message: 'When does the next cohort start?',
          consent: 'yes',
          form_token: token,
          idempotency_key: key,
        }).toString(),
      });
      expect(posted.status, posted.body.slice(0, 300)).toBe(303);
    }
  };

  const cli = async (script: string, args: string[]) => {
    const run = await runNode(script, args, env);
    expect(run.code, run.stderr).toBe(0);
    return run.stdout;
  };
  const stored = async () =>
    JSON.parse(await cli('cli/enquiries-export.js', ['--format', 'json'])) as { id: number; email: string }[];
  const deliveries = async () =>
    (JSON.parse(await cli('cli/enquiries-status.js', ['--all', '--json'])) as { deliveries: DeliveryRow[] })
      .deliveries;
  const pending = async (server: FolioProcess) =>
    (
      JSON.parse((await fetchText(`${server.url}/healthz`)).body) as {
        enquiryDeliveries: { pending: number; failed: number };
      }
    ).enquiryDeliveries;
  return { sink, start, enquire, stored, deliveries, pending };
}

const emails = (n: number) => Array.from({ length: n }, (_, i) => `reader${i + 1}@example.com`);
/** Keys the sink answered with a 2xx, sorted. */
const deliveredKeys = (sink: WebhookSink) =>
  sink.requests
    .filter((r) => r.status !== null && r.status < 300)
    .map((r) => r.idempotencyKey)
    .sort();

/** A running server with `count` enquiries accepted and the first delivery held by the receiver, unanswered. */
async function deliveryInFlight(failFirst: number[], count: number) {
  const site = await setup(failFirst);
  const { sink } = site;
  sink.hold = true;
  const first = await site.start();
  await site.enquire(first, emails(count));
  await waitFor('a delivery in flight', () => sink.held() === 1, 10_000);
  return { site, sink, first };
}

describe('enquiry delivery across crashes and restarts', () => {
  it('when the server is killed with SIGKILL mid-delivery, then after a restart every enquiry is delivered and none is lost', async () => {
    // The receiver fails the first two answers it gives (503), and holds the first request unanswered.
    const { site, sink, first } = await deliveryInFlight([503, 503], 5);
    first.signal('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const inFlight = sink.requests[0]?.idempotencyKey;
    expect(sink.requests).toHaveLength(1);
    expect(sink.requests[0]?.status).toBeNull();

    // On disk: every enquiry, each still owed its delivery.
    const ids = (await site.stored()).map((e) => String(e.id)).sort();
    expect(ids).toHaveLength(5);
    expect((await site.deliveries()).map((d) => d.status)).toEqual(Array(5).fill('pending'));

    sink.release();
    const second = await site.start();
    await waitFor(
      'every delivery settled',
      async () => (await site.pending(second)).pending === 0,
      20_000,
      100,
    );

    const rows = await site.deliveries();
    expect((await site.stored()).map((e) => e.email).sort()).toEqual(emails(5));
    // One webhook row per enquiry, each delivered; the attempts recorded are exactly the answers the
    // receiver gave (the killed attempt was never answered, so it counts for nothing and was made again).
    expect(rows.map((d) => [String(d.enquiry_id), d.target, d.status]).sort()).toEqual(
      ids.map((id) => [id, 'webhook', 'delivered']),
    );
    const answered = sink.requests.filter((r) => r.status !== null);
    expect(rows.reduce((n, d) => n + d.attempts, 0)).toBe(answered.length);
    expect(answered.filter((r) => r.status === 503)).toHaveLength(2);
    // Every key reached the receiver and was accepted once; the one in flight at the kill was sent
    // again after the restart.
    expect(deliveredKeys(sink)).toEqual(ids);
    const again = sink.requests.filter((r) => r.idempotencyKey === inFlight).map((r) => r.status);
    expect(again[0]).toBeNull();
    expect(again.at(-1)).toBe(200);
    expect(sink.requests.every((r) => r.signatureValid)).toBe(true);
    expect(await site.pending(second)).toEqual({ pending: 0, failed: 0 });
    await second.stop();
  }, 60_000);

  it('when the server is stopped with SIGTERM mid-delivery, then it finishes that delivery, starts no other, and after a restart each enquiry is delivered exactly once', async () => {
    const { site, sink, first } = await deliveryInFlight([], 3);
    first.signal('SIGTERM');
    await first.waitForLog((l) => l.msg === 'shutting down: finishing in-flight requests');
    // The receiver answers only now, after the shutdown began: the answer is still recorded.
    sink.release();
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(sink.requests.map((r) => r.status)).toEqual([200]);
    const before = await site.deliveries();
    expect(before.map((d) => d.status).sort()).toEqual(['delivered', 'pending', 'pending']);

    const second = await site.start();
    await waitFor(
      'every delivery settled',
      async () => (await site.pending(second)).pending === 0,
      20_000,
      100,
    );
    const ids = (await site.stored()).map((e) => String(e.id)).sort();
    expect(ids).toHaveLength(3);
    // Three requests in all, each answered 200, one per enquiry: nothing sent twice across the restart.
    expect(sink.requests.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(deliveredKeys(sink)).toEqual(ids);
    expect((await site.deliveries()).every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
    await second.stop();
  }, 60_000);
});
