// The enquiry outbox: a queued delivery reaches a real webhook receiver, signed and keyed by the enquiry id,
// through failures with exponential backoff, and ends `failed` on a permanent error or after 24 hours.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.js';
import { openMigrated } from '../../src/db/database.js';
import { createDeliveryStore } from '../../src/db/deliveries.js';
import { createEnquiryStore, type NewEnquiry } from '../../src/db/enquiries.js';
import { DEFAULT_BACKOFF, retryDelayMs } from '../../src/enquiries/backoff.js';
import { createOutbox } from '../../src/enquiries/outbox.js';
import { enquiryPayload } from '../../src/enquiries/payload.js';
import { sendWebhook } from '../../src/enquiries/webhook.js';
import { createLogger } from '../../src/logger.js';
import { SAMPLE_NOW } from '../helpers/clock.js';
import { startWebhookSink, type WebhookSink } from './webhook-sink.js';

const SECRET = 'test-webhook-secret';
const logger = createLogger({ logLevel: 'silent' });

function enquiry(n: number): NewEnquiry {
  return {
    createdAt: new Date(SAMPLE_NOW).toISOString(),
    courseArea: 'data-ai',
    courseSlug: 'data-engineer',
    name: `Reader ${n}`,
    email: `reader${n}@example.com`,
    phone: null,
    format: null,
    message: 'When does it start?',
    consent: true,
    fromArticle: 'all-about-back-end',
    idempotencyKey: `key-${n}`,
    fromCta: 'inline-2',
    utm: {
      utm_source: 'newsletter',
      utm_medium: null,
      utm_campaign: 'spring',
      utm_term: null,
      utm_content: null,
    },
    referrerHost: 'news.example',
  };
}

describe('enquiry outbox', () => {
  let dir: string;
  let db: Db;
  let sink: WebhookSink;
  let t: number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-outbox-'));
    db = openMigrated(join(dir, 'folio.db'));
    sink = await startWebhookSink(SECRET);
    t = SAMPLE_NOW;
  });
  afterEach(async () => {
    db.close();
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const outboxFor = (secret = SECRET) =>
    createOutbox({
      db,
      logger,
      now: () => t,
      random: () => 1,
      senders: {
        webhook: (e) =>
          sendWebhook(
            { url: sink.url, secret },
            e.id,
            JSON.stringify(enquiryPayload(e, 'https://blog.example', 'en')),
          ),
      },
    });

  it('when an enquiry is stored with a target, then its delivery row is written in the same transaction', () => {
    const store = createEnquiryStore(db);
    expect(store.add(enquiry(1), ['webhook'], t)).toBe(true);
    // The same submission again stores nothing and queues nothing.
    expect(store.add(enquiry(1), ['webhook'], t)).toBe(false);
    const rows = createDeliveryStore(db).list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ target: 'webhook', status: 'pending', attempts: 0, next_attempt_at: t });
  });

  it('when the receiver fails twice, then it is retried after 1 s and 2 s and delivered once, signed, with the enquiry id as key', async () => {
    createEnquiryStore(db).add(enquiry(1), ['webhook'], t);
    const id = createEnquiryStore(db).list()[0]!.id;
    sink.script.push(503, 500);
    const outbox = outboxFor();
    expect(await outbox.runOnce()).toBe(1);
    expect(createDeliveryStore(db).list()[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      next_attempt_at: t + 1_000,
      last_error: 'HTTP 503',
    });
    // Not due yet: nothing is sent.
    t += 999;
    expect(await outbox.runOnce()).toBe(0);
    t += 1;
    expect(await outbox.runOnce()).toBe(1);
    expect(createDeliveryStore(db).list()[0]).toMatchObject({ attempts: 2, next_attempt_at: t + 2_000 });
    t += 2_000;
    expect(await outbox.runOnce()).toBe(1);
    expect(createDeliveryStore(db).list()[0]).toMatchObject({
      status: 'delivered',
      attempts: 3,
      delivered_at: t,
    });
    expect(await outbox.runOnce()).toBe(0);

    expect(sink.requests).toHaveLength(3);
    for (const r of sink.requests) {
      expect(r.signatureValid).toBe(true);
      expect(r.idempotencyKey).toBe(String(id));
      expect(r.contentType).toBe('application/json');
    }
    expect(JSON.parse(sink.requests[2]!.body)).toEqual({
      id,
      created_at: '2026-12-01T12:00:00.000Z',
      course: {
        area: 'data-ai',
        slug: 'data-engineer',
        url: 'https://blog.example/en/courses/data-ai/data-engineer',
      },
      name: 'Reader 1',
      email: 'reader1@example.com',
      phone: null,
      format: null,
      message: 'When does it start?',
      consent: true,
      attribution: {
        article: 'all-about-back-end',
        article_title: null,
        article_url: null,
        cta: 'inline-2',
        utm: {
          utm_source: 'newsletter',
          utm_medium: null,
          utm_campaign: 'spring',
          utm_term: null,
          utm_content: null,
        },
        referrer_host: 'news.example',
      },
    });
  });

  it('when the receiver rejects the signature (4xx), then the delivery fails at once and enquiries:retry can queue it again', async () => {
    createEnquiryStore(db).add(enquiry(1), ['webhook'], t);
    await outboxFor('wrong-secret').runOnce();
    const deliveries = createDeliveryStore(db);
    expect(deliveries.list()[0]).toMatchObject({ status: 'failed', attempts: 1, last_error: 'HTTP 401' });
    expect(deliveries.counts()).toEqual({ pending: 0, delivered: 0, failed: 1 });
    expect(deliveries.requeueFailed(t)).toBe(1);
    await outboxFor().runOnce();
    expect(deliveries.counts()).toEqual({ pending: 0, delivered: 1, failed: 0 });
  });

  it('when the receiver answers 429 or 408, or is unreachable, then the delivery is retried, not failed', async () => {
    createEnquiryStore(db).add(enquiry(1), ['webhook'], t);
    sink.script.push(429, 408);
    const outbox = outboxFor();
    await outbox.runOnce();
    t += 1_000;
    await outbox.runOnce();
    expect(createDeliveryStore(db).list()[0]).toMatchObject({
      status: 'pending',
      attempts: 2,
      last_error: 'HTTP 408',
    });
    await sink.close();
    t += 2_000;
    await outbox.runOnce();
    const row = createDeliveryStore(db).list()[0]!;
    expect(row).toMatchObject({ status: 'pending', attempts: 3 });
    expect(row.last_error).toMatch(/^(ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET)$/);
    sink = await startWebhookSink(SECRET);
  });

  it('when the receiver keeps failing for 24 hours, then the delivery ends failed and /healthz-style counts say so', async () => {
    createEnquiryStore(db).add(enquiry(1), ['webhook'], t);
    sink.script.push(...Array<number>(400).fill(503));
    const outbox = outboxFor();
    const deliveries = createDeliveryStore(db);
    let attempts = 0;
    while (deliveries.counts().pending > 0 && attempts < 400) {
      await outbox.runOnce();
      attempts++;
      t = deliveries.nextDueAt() ?? t;
    }
    const row = deliveries.list()[0]!;
    expect(row.status).toBe('failed');
    // 1 s, 2 s, … 256 s, then every 5 minutes: about 24 h / 5 min attempts.
    expect(row.attempts).toBeGreaterThan(280);
    expect(row.attempts).toBeLessThan(300);
    expect(t - SAMPLE_NOW).toBeLessThanOrEqual(DEFAULT_BACKOFF.giveUpAfterMs);
  });
});

describe('retryDelayMs', () => {
  it('when attempts grow, then the delay doubles from 1 s to a 5-minute cap, jittered between half and all of it', () => {
    const max = (n: number) => retryDelayMs(n, DEFAULT_BACKOFF, () => 1);
    const min = (n: number) => retryDelayMs(n, DEFAULT_BACKOFF, () => 0);
    expect([1, 2, 3, 4].map(max)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(max(9)).toBe(256_000);
    expect(max(10)).toBe(300_000);
    expect(max(50)).toBe(300_000);
    expect(min(1)).toBe(500);
    expect(min(50)).toBe(150_000);
  });
});
