// What the request log holds: method, path, status and time, and never a query string, a cookie or a form field.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { SAMPLE_NOW } from '../helpers/clock.js';
import { createTestSite, type TestSite } from '../helpers/site.js';

const COURSE = '/en/courses/data-ai/data-engineer';
// Values a reader sends that must not reach the log, each unique enough to search for.
const SECRETS = {
  query: 'zanzibar-query-7731',
  cookie: 'cookie-value-5517',
  name: 'Formfield Personname',
  email: 'logged-never@example.com',
  phone: '+44 20 7946 4242',
  message: 'form-message-9931 about my plans',
};

let site: TestSite;
const lines: Record<string, unknown>[] = [];
let http: ReturnType<typeof request>;

beforeAll(async () => {
  site = await createTestSite();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  // The app with an info-level logger writing into this test, instead of the suite's silent one.
  const folio = createApp({
    db: site.db,
    config: site.config,
    logger: pino({ level: 'info' }, sink),
    now: () => SAMPLE_NOW,
  });
  http = request(folio.handler);
});
afterAll(async () => site.close());

const hidden = (html: string, name: string) =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1] ?? '';

describe('the request log', () => {
  it('when readers search, send cookies and post forms, then each request is logged without the query, cookie or fields', async () => {
    const cookie = `session=${SECRETS.cookie}`;
    expect((await http.get(`/en/search?q=${SECRETS.query}`).set('Cookie', cookie)).status).toBe(200);
    expect((await http.get(`/en/no-such-page?q=${SECRETS.query}`).set('Cookie', cookie)).status).toBe(404);
    expect((await http.get(`/en/sql-joins-explained/?utm=${SECRETS.query}`)).status).toBe(301);
    const page = await http.get(COURSE).set('Cookie', cookie);
    expect(page.status).toBe(200);
    const form = {
      form_token: hidden(page.text, 'form_token'),
      idempotency_key: hidden(page.text, 'idempotency_key'),
      name: SECRETS.name,
      email: SECRETS.email,
      phone: SECRETS.phone,
      format: 'Part-time',
      message: SECRETS.message,
      consent: 'yes',
      website: '',
    };
    const sent = await http.post(`${COURSE}/enquiry`).set('Cookie', cookie).type('form').send(form);
    expect(sent.status).toBe(303);
    // A form with a mistake comes back with the answers; they stay out of the log as well.
    const again = await http.get(COURSE);
    const refused = await http
      .post(`${COURSE}/enquiry`)
      .type('form')
      .send({
        ...form,
        form_token: hidden(again.text, 'form_token'),
        idempotency_key: hidden(again.text, 'idempotency_key'),
        email: `not-an-address ${SECRETS.email}`,
      });
    expect(refused.status).toBe(422);

    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.map((l) => [l.method, l.path, l.status])).toEqual([
      ['GET', '/en/search', 200],
      ['GET', '/en/no-such-page', 404],
      ['GET', '/en/sql-joins-explained/', 301],
      ['GET', COURSE, 200],
      ['POST', `${COURSE}/enquiry`, 303],
      ['GET', COURSE, 200],
      ['POST', `${COURSE}/enquiry`, 422],
    ]);
    const everything = lines.map((l) => JSON.stringify(l)).join('\n');
    for (const [what, value] of Object.entries(SECRETS)) expect(everything, what).not.toContain(value);
    expect(everything).not.toContain(form.form_token);
  });
});
