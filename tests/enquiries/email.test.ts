// The e-mail target against a real SMTP server on 127.0.0.1 (smtp-server): authenticated delivery, the
// message a sales inbox receives, a temporary refusal retried, a permanent one failed, and no password leaks.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/connection.js';
import { openMigrated } from '../../src/db/database.js';
import { createDeliveryStore } from '../../src/db/deliveries.js';
import { createEnquiryStore, type NewEnquiry } from '../../src/db/enquiries.js';
import { sendEnquiryEmail } from '../../src/enquiries/email.js';
import { createOutbox } from '../../src/enquiries/outbox.js';
import { configuredTargets, createSenders, type SiteView } from '../../src/enquiries/targets.js';
import { SAMPLE_NOW } from '../helpers/clock.js';
import { mimePart, SMTP_PASSWORD, startSmtpSink, type SmtpSink } from './smtp-sink.js';

function enquiry(n: number, over: Partial<NewEnquiry> = {}): NewEnquiry {
  return {
    createdAt: new Date(SAMPLE_NOW).toISOString(),
    courseArea: 'data-ai',
    courseSlug: 'data-engineer',
    name: `Reader ${n}`,
    email: `reader${n}@example.com`,
    phone: '+44 20 7946 0000',
    format: 'Part-time',
    message: 'When does it start? <b>now</b> & "later"',
    consent: true,
    fromArticle: 'all-about-back-end',
    idempotencyKey: `key-${n}`,
    fromCta: 'inline-2',
    utm: {
      utm_source: 'newsletter',
      utm_medium: 'email',
      utm_campaign: null,
      utm_term: null,
      utm_content: null,
    },
    referrerHost: 'news.example',
    ...over,
  };
}

const site: SiteView = {
  baseUrl: 'https://blog.example',
  lang: 'en',
  article: (slug) =>
    slug === 'all-about-back-end' ? { lang: 'en', slug, title: 'All about <back-end>' } : null,
  courseTitle: () => 'Data Engineer',
};

describe('enquiry e-mail target', () => {
  let dir: string;
  let db: Db;
  let sink: SmtpSink;
  let t: number;
  let logs: string[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-email-'));
    db = openMigrated(join(dir, 'folio.db'));
    sink = await startSmtpSink();
    t = SAMPLE_NOW;
    logs = [];
  });
  afterEach(async () => {
    db.close();
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const configFor = (url: string) =>
    loadConfig({ SMTP_URL: url, ENQUIRY_EMAIL_TO: 'sales@example.com, crm@example.com' }, dir);
  const outboxFor = (url = sink.url) =>
    createOutbox({
      db,
      logger: pino({ level: 'info' }, { write: (line: string) => logs.push(line) }),
      now: () => t,
      random: () => 1,
      senders: createSenders(configFor(url), () => site),
    });

  it('when the server refuses the first attempt with a 421, then the enquiry is retried after 1 s and arrives once, with its content and Message-ID', async () => {
    const store = createEnquiryStore(db);
    expect(configuredTargets(configFor(sink.url))).toEqual(['email']);
    store.add(enquiry(1), ['email'], t);
    const id = store.list()[0]!.id;
    sink.script.push(421);
    const outbox = outboxFor();
    await outbox.runOnce();
    const deliveries = createDeliveryStore(db);
    const first = deliveries.list()[0]!;
    expect(first).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: t + 1_000 });
    expect(first.last_error).toMatch(/^SMTP 421/);
    expect(sink.messages).toHaveLength(0);
    t += 1_000;
    await outbox.runOnce();
    expect(deliveries.list()[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    await outbox.runOnce();
    expect(sink.attempts).toBe(2);
    expect(sink.messages).toHaveLength(1);

    const m = sink.messages[0]!;
    expect(m.user).toBe('folio');
    expect(m.to).toEqual(['sales@example.com', 'crm@example.com']);
    expect(m.from).toBe('no-reply@blog.example');
    expect(m.raw).toMatch(new RegExp(`^Message-ID: <enquiry-${id}@blog\\.example>\\r$`, 'm'));
    expect(m.raw).toMatch(/^From: Folio <no-reply@blog\.example>\r$/m);
    expect(m.raw).toMatch(/^Subject: Enquiry: Data Engineer \(Reader 1\)\r$/m);
    const text = mimePart(m.raw, 'text/plain');
    expect(text).toContain('Course: Data Engineer <https://blog.example/en/courses/data-ai/data-engineer>');
    expect(text).toContain('E-mail: reader1@example.com');
    expect(text).toContain('Phone: +44 20 7946 0000');
    expect(text).toContain('When does it start? <b>now</b> & "later"');
    expect(text).toContain('Article: All about <back-end> <https://blog.example/en/all-about-back-end>');
    expect(text).toContain('Button: in the article, CTA number 2 (inline-2)');
    expect(text).toMatch(/utm_source: newsletter\r?\nutm_medium: email\r?\nReferred by: news\.example/);
    const html = mimePart(m.raw, 'text/html');
    expect(html).toContain('When does it start? &lt;b&gt;now&lt;/b&gt; &amp; &quot;later&quot;');
    expect(html).toContain(
      '<a href="https://blog.example/en/all-about-back-end">All about &lt;back-end&gt;</a>',
    );
    expect(html).not.toMatch(/<img|<script|src=/i);
  });

  it('when the delivery loop restarts after some enquiries went out, then only the rest are sent', async () => {
    const store = createEnquiryStore(db);
    store.add(enquiry(1), ['email'], t);
    store.add(enquiry(2), ['email'], t + 1);
    t += 1;
    const first = outboxFor();
    // One enquiry is refused for now and the other accepted; then the process goes away.
    sink.script.push(451);
    await first.runOnce();
    await first.stop();
    db.close();
    expect(sink.messages).toHaveLength(1);

    db = openMigrated(join(dir, 'folio.db'));
    t += 1_000;
    await outboxFor().runOnce();
    expect(createDeliveryStore(db).counts()).toEqual({ pending: 0, delivered: 2, failed: 0 });
    const ids = sink.messages.map((m) => /^Message-ID: (.*)\r$/m.exec(m.raw)?.[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(sink.attempts).toBe(3);
  });

  it('when the server answers 5xx, then the delivery fails at once', async () => {
    createEnquiryStore(db).add(enquiry(1), ['email'], t);
    sink.script.push(550);
    await outboxFor().runOnce();
    const row = createDeliveryStore(db).list()[0]!;
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.last_error).toMatch(/^SMTP 550/);
    expect(sink.messages).toHaveLength(0);
  });

  it('when the login is refused with a reply that echoes the password, then neither the stored error nor the logs hold it', async () => {
    createEnquiryStore(db).add(enquiry(1), ['email'], t);
    const wrong = sink.url.replace(encodeURIComponent(SMTP_PASSWORD), 'my%2Fwr0ng-pass');
    await outboxFor(wrong).runOnce();
    const row = createDeliveryStore(db).list()[0]!;
    expect(row.status).toBe('failed');
    expect(row.last_error).toMatch(/^SMTP 535/);
    expect(row.last_error).toContain('***');
    const all = `${row.last_error ?? ''}\n${logs.join('')}`;
    expect(logs.join('')).toContain('enquiry delivery failed');
    for (const secret of ['my/wr0ng-pass', 'my%2Fwr0ng-pass', SMTP_PASSWORD])
      expect(all).not.toContain(secret);
  });

  it('when the server accepts the connection and never answers, then the attempt times out and is retried', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const outcome = await sendEnquiryEmail(
        {
          smtpUrl: `smtp://u:p@127.0.0.1:${port}`,
          to: ['a@example.com'],
          from: 'b@example.com',
          timeoutMs: 300,
        },
        '<enquiry-1@blog.example>',
        { subject: 's', text: 't', html: 'h' },
      );
      expect(outcome.kind).toBe('retry');
      expect(outcome.kind === 'retry' && outcome.error).toMatch(/ETIMEDOUT|timeout/i);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
