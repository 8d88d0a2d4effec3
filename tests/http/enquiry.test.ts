// The enquiry form: validation, CSRF, honeypot, rate limit, idempotency, body limits and durability.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../src/app.js';
import { openMigrated } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { SAMPLE_NOW } from '../helpers/clock.js';
import { createTestSite, type TestSite } from '../helpers/site.js';

const COURSE = '/en/courses/data-ai/data-engineer';
const ACTION = `${COURSE}/enquiry`;
const THANKS = `${COURSE}/thanks`;

interface Form {
  form_token: string;
  idempotency_key: string;
  from?: string;
}

let ipCounter = 0;
/** Each test gets its own client address, so the per-IP rate limit only bites where a test wants it to. */
function newIp(): string {
  ipCounter++;
  return `203.0.113.${ipCounter}`;
}

function hidden(html: string, name: string): string | undefined {
  return new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1];
}

async function openForm(site: TestSite, path = COURSE): Promise<Form> {
  const res = await site.http.get(path);
  expect(res.status).toBe(200);
  const form: Form = {
    form_token: hidden(res.text, 'form_token') ?? '',
    idempotency_key: hidden(res.text, 'idempotency_key') ?? '',
  };
  const from = hidden(res.text, 'from');
  if (from) form.from = from;
  return form;
}

const VALID = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '+44 20 7946 0000',
  format: 'Part-time',
  message: 'When does the next part-time cohort start?',
  consent: 'yes',
  website: '',
};

function count(site: TestSite): number {
  return site.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM enquiries').get()?.n ?? 0;
}

function post(site: TestSite, body: Record<string, string>, ip = newIp()) {
  return site.http.post(ACTION).set('X-Forwarded-For', ip).type('form').send(body);
}

describe('the enquiry form', () => {
  let site: TestSite;
  let clock = SAMPLE_NOW;
  beforeAll(async () => {
    site = await createTestSite({ now: () => clock, env: { ENQUIRY_RATE_LIMIT: '3' } });
  });
  afterAll(async () => site.close());

  it('when a reader sends a valid enquiry from a CTA, then one row is stored and they are sent to the thank-you page', async () => {
    const before = count(site);
    const form = await openForm(site, `${COURSE}?from=what-does-a-data-engineer-do`);
    expect(form.from).toBe('what-does-a-data-engineer-do');
    const res = await post(site, { ...form, ...VALID });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(THANKS);
    expect(count(site)).toBe(before + 1);
    const row = site.db
      .prepare<[], Record<string, unknown>>('SELECT * FROM enquiries ORDER BY id DESC LIMIT 1')
      .get();
    expect(row).toMatchObject({
      course_area: 'data-ai',
      course_slug: 'data-engineer',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      format: 'Part-time',
      message: 'When does the next part-time cohort start?',
      consent: 1,
      from_article: 'what-does-a-data-engineer-do',
    });
    const thanks = await site.http.get(res.headers.location as string);
    expect(thanks.status).toBe(200);
    expect(thanks.text).toContain('<h1>Thank you</h1>');
    expect(thanks.text).toContain('Data Engineer');
  });

  it('when "Not sure yet" is chosen and the phone is left out, then the enquiry is stored without them', async () => {
    const form = await openForm(site);
    const res = await post(site, {
      ...form,
      ...VALID,
      email: 'unsure@example.com',
      phone: '',
      format: 'not-sure',
    });
    expect(res.status).toBe(303);
    const row = site.db
      .prepare<[], { phone: string | null; format: string | null; from_article: string | null }>(
        "SELECT phone, format, from_article FROM enquiries WHERE email = 'unsure@example.com'",
      )
      .get();
    expect(row).toEqual({ phone: null, format: null, from_article: null });
  });

  const cases: [string, Record<string, string>, string][] = [
    ['name', { name: '' }, 'Enter your name'],
    ['name', { name: 'x'.repeat(101) }, 'Your name must be 100 characters or fewer'],
    ['email', { email: '' }, 'Enter your e-mail address'],
    [
      'email',
      { email: 'ada at example' },
      'Enter an e-mail address in the correct format, like name@example.com',
    ],
    ['phone', { phone: 'call me' }, 'Enter a phone number using digits, spaces and + ( ) - only'],
    ['format', { format: '' }, 'Choose a preferred format, or “Not sure yet”'],
    ['format', { format: 'Weekend retreat' }, 'Choose a preferred format, or “Not sure yet”'],
    ['message', { message: '   ' }, 'Enter a message: tell us what you would like to know'],
    ['message', { message: 'y'.repeat(2001) }, 'Your message must be 2000 characters or fewer'],
    ['consent', { consent: '' }, 'Tick the box to agree that we may contact you about this course'],
  ];
  it.each(cases)(
    'when %s is invalid (%j), then the form comes back with the message by the field, in the summary, and the answers kept',
    async (field, override, message) => {
      const before = count(site);
      const form = await openForm(site);
      const res = await post(site, { ...form, ...VALID, ...override });
      expect(res.status).toBe(422);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(count(site)).toBe(before);
      const html = res.text;
      expect(html).toContain(
        '<h2 id="error-summary-title" class="error-summary__title">There is a problem</h2>',
      );
      expect(html).toMatch(new RegExp(`<a href="#enquiry-${field}">${escapeRe(message)}`));
      expect(html).toMatch(
        new RegExp(
          `<p class="field__error" id="enquiry-${field}-error"><span class="visually-hidden">Error:</span> ${escapeRe(message)}`,
        ),
      );
      const control =
        new RegExp(`<(input|select|textarea)[^>]*id="enquiry-${field}"[^>]*>`).exec(html)?.[0] ?? '';
      expect(control).toContain('aria-invalid="true"');
      expect(control).toMatch(new RegExp(`aria-describedby="[^"]*enquiry-${field}-error`));
      // Other answers are kept.
      if (field !== 'name') expect(html).toContain('value="Ada Lovelace"');
      if (field !== 'message')
        expect(html).toContain('>When does the next part-time cohort start?</textarea>');
      if (field !== 'consent') expect(html).toMatch(/id="enquiry-consent"[^>]*checked/);
      // The retried form carries a fresh token that works.
      const retry = {
        form_token: hidden(html, 'form_token') ?? '',
        idempotency_key: hidden(html, 'idempotency_key') ?? '',
      };
      const ok = await post(site, { ...retry, ...VALID, email: `retry-${field}-${count(site)}@example.com` });
      expect(ok.status).toBe(303);
    },
  );

  it('when the token is missing, forged or for another course, then nothing is stored and the form asks to resend', async () => {
    const before = count(site);
    const form = await openForm(site);
    const other = await openForm(site, '/en/courses/data-ai/data-analyst');
    const forged = `${form.form_token.slice(0, -2)}xx`;
    for (const body of [
      { ...VALID, idempotency_key: form.idempotency_key },
      { ...VALID, idempotency_key: form.idempotency_key, form_token: forged },
      { ...VALID, ...other },
      { ...VALID, form_token: form.form_token, idempotency_key: 'AAAAAAAAAAAAAAAAAAAAAA' },
    ]) {
      const res = await post(site, body);
      expect(res.status).toBe(403);
      expect(res.text).toContain('This form had expired or could not be checked, so nothing was sent.');
      expect(res.text).toContain('value="Ada Lovelace"');
    }
    expect(count(site)).toBe(before);
  });

  it('when the token is older than a day, then it is refused as expired', async () => {
    const before = count(site);
    const form = await openForm(site);
    clock += 25 * 60 * 60_000;
    try {
      const res = await post(site, { ...form, ...VALID, email: 'late@example.com' });
      expect(res.status).toBe(403);
      expect(res.text).toContain('This form had expired');
      expect(count(site)).toBe(before);
    } finally {
      clock -= 25 * 60 * 60_000;
    }
  });

  it('when another site posts the form (Origin or Sec-Fetch-Site), then it is refused with 403 and nothing is stored', async () => {
    const before = count(site);
    const form = await openForm(site);
    const evil = await site.http
      .post(ACTION)
      .set('X-Forwarded-For', newIp())
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ ...form, ...VALID });
    expect(evil.status).toBe(403);
    expect(evil.text).toContain('Enquiries can only be sent from the course page on this site.');
    const fetchSite = await site.http
      .post(ACTION)
      .set('X-Forwarded-For', newIp())
      .set('Sec-Fetch-Site', 'cross-site')
      .type('form')
      .send({ ...form, ...VALID });
    expect(fetchSite.status).toBe(403);
    expect(count(site)).toBe(before);
    const same = await site.http
      .post(ACTION)
      .set('X-Forwarded-For', newIp())
      .set('Origin', 'http://localhost:3000')
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send({ ...form, ...VALID, email: 'same-origin@example.com' });
    expect(same.status).toBe(303);
    expect(count(site)).toBe(before + 1);
  });

  it('when a bot fills the honeypot, then it sees the normal thank-you redirect but nothing is stored', async () => {
    const before = count(site);
    const form = await openForm(site);
    const res = await post(site, { ...form, ...VALID, website: 'https://spam.example' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(THANKS);
    expect(count(site)).toBe(before);
  });

  it('when the honeypot is rendered, then it is hidden, labelled "leave empty" and out of the tab order', async () => {
    const html = (await site.http.get(COURSE)).text;
    expect(html).toContain(
      '<div class="visually-hidden">\n    <label for="enquiry-website">Leave this field empty</label>\n    <input id="enquiry-website" name="website" type="text" tabindex="-1" autocomplete="off" value="">',
    );
  });

  it('when the same form is sent twice, then one row is stored and both land on the thank-you page', async () => {
    const before = count(site);
    const form = await openForm(site);
    const body = { ...form, ...VALID, email: 'twice@example.com' };
    const ip = newIp();
    const [first, second] = await Promise.all([post(site, body, ip), post(site, body, ip)]);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(first.headers.location).toBe(THANKS);
    expect(second.headers.location).toBe(THANKS);
    expect(count(site)).toBe(before + 1);
  });

  it('when two readers get the same cached form, then both of their enquiries are stored', async () => {
    const before = count(site);
    const form = await openForm(site);
    expect((await post(site, { ...form, ...VALID, email: 'one@example.com' })).status).toBe(303);
    expect((await post(site, { ...form, ...VALID, email: 'two@example.com' })).status).toBe(303);
    expect(count(site)).toBe(before + 2);
  });

  it('when one address sends more than the per-minute limit, then it gets 429 with Retry-After and a readable page', async () => {
    const ip = newIp();
    const form = await openForm(site);
    for (let i = 0; i < 3; i++)
      expect((await post(site, { ...form, ...VALID, email: `burst${i}@example.com` }, ip)).status).toBe(303);
    const before = count(site);
    const limited = await post(site, { ...form, ...VALID, email: 'burst4@example.com' }, ip);
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(limited.headers['cache-control']).toBe('no-store');
    expect(limited.text).toContain('<h1>Too many enquiries</h1>');
    expect(limited.text).toContain('Back to the Data Engineer course');
    expect(count(site)).toBe(before);
    // Other readers are not affected, and the address may send again after the window.
    expect((await post(site, { ...form, ...VALID, email: 'other@example.com' })).status).toBe(303);
    clock += 61_000;
    expect((await post(site, { ...form, ...VALID, email: 'burst5@example.com' }, ip)).status).toBe(303);
  });

  it('when the body is too large, malformed or not a form, then a readable 4xx page answers, never a 500', async () => {
    const form = await openForm(site);
    const big = await post(site, { ...form, ...VALID, message: 'z'.repeat(25_000) });
    expect(big.status).toBe(413);
    expect(big.text).toContain('The form was too large to send.');
    const garbled = await site.http
      .post(ACTION)
      .set('X-Forwarded-For', newIp())
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('Content-Encoding', 'gzip')
      .send('this is not gzip');
    expect(garbled.status).toBe(400);
    expect(garbled.text).toContain('The form could not be read.');
    const charset = await site.http
      .post(ACTION)
      .set('X-Forwarded-For', newIp())
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=klingon')
      .send('name=x');
    expect(charset.status).toBe(415);
    const json = await site.http.post(ACTION).set('X-Forwarded-For', newIp()).send({ name: 'x' });
    expect(json.status).toBe(415);
    expect(json.text).toContain('The form could not be read.');
    const odd = await site.http
      .post(ACTION)
      .set('X-Forwarded-For', newIp())
      .type('form')
      .send('name=%E0%A4%A&email=%&name=second&consent=yes&consent=no');
    expect(odd.status).toBe(403);
  });

  it('when the enquiry URL is opened with GET or for an unknown course, then it sends the reader to the form or 404s', async () => {
    const get = await site.http.get(ACTION);
    expect(get.status).toBe(303);
    expect(get.headers.location).toBe(`${COURSE}#enquiry`);
    const form = await openForm(site);
    for (const path of ['/en/courses/data-ai/nope/enquiry', '/fr/courses/data-ai/data-engineer/enquiry']) {
      const res = await site.http
        .post(path)
        .set('X-Forwarded-For', newIp())
        .type('form')
        .send({ ...form, ...VALID });
      expect(res.status, path).toBe(404);
    }
  });
});

describe('enquiries are primary data', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite();
  });
  afterAll(async () => site.close());

  it('when the whole index is rebuilt from changed content and the process restarts, then every enquiry is still there', async () => {
    const form = await openForm(site);
    for (const email of ['keep1@example.com', 'keep2@example.com'])
      expect((await post(site, { ...form, ...VALID, email })).status).toBe(303);
    const snapshot = () =>
      site.db
        .prepare<[], { email: string }>('SELECT email FROM enquiries ORDER BY id')
        .all()
        .map((r) => r.email);
    expect(snapshot()).toEqual(['keep1@example.com', 'keep2@example.com']);

    // Remove the course and change the site so every index table is rewritten; enquiries stay.
    site.write({
      'courses/data-ai/data-engineer.md': null,
      'site.yml':
        'title: Renamed Academy\ndescription: Changed.\nurl: http://localhost:3000\ndefault_language: en\nlanguages:\n  - code: en\n    name: English\n',
    });
    const report = await site.reindex();
    expect(report.changed).toBe(true);
    expect((await site.http.get(COURSE)).status).toBe(404);
    expect(snapshot()).toEqual(['keep1@example.com', 'keep2@example.com']);

    // Restart: close the database, open the same file again, build a new app.
    site.db.close();
    const db = openMigrated(site.dbPath);
    try {
      const again = db.prepare<[], { email: string }>('SELECT email FROM enquiries ORDER BY id').all();
      expect(again.map((r) => r.email)).toEqual(['keep1@example.com', 'keep2@example.com']);
      const app = createApp({ db, config: site.config, logger: createLogger(site.config) });
      const page = await request(app.handler).get('/en/courses/data-ai/data-analyst');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Renamed Academy');
    } finally {
      db.close();
    }
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
