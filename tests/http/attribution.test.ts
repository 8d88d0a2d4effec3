// Attribution without tracking: a CTA click carries article and position to the course page, UTM values and
// the referring host ride in the form and are checked again on POST, nothing else about the reader is kept,
// and CTA arrivals are counted per day even when the page cache answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_NOW } from '../helpers/clock.js';
import { createTestSite, type TestSite } from '../helpers/site.js';

const COURSE = '/en/courses/data-ai/data-engineer';
const ARTICLE = 'what-does-a-data-engineer-do';
const CTA_URL = `${COURSE}?from=${ARTICLE}&cta=inline-1`;

function hidden(html: string, name: string): string | undefined {
  return new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1];
}

/** Every hidden field of the enquiry form, as the browser would send them back. */
function hiddenFields(html: string): Record<string, string> {
  const form = html.slice(html.indexOf('<form class="enquiry-form"'));
  return Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
  );
}

const VALID = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '',
  format: 'Part-time',
  message: 'When does the next cohort start?',
  consent: 'yes',
  website: '',
};

let ip = 0;

describe('attribution', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite({ now: () => SAMPLE_NOW, env: { ENQUIRY_RATE_LIMIT: '100' } });
  });
  afterAll(async () => site.close());

  const arrivals = () =>
    site.db
      .prepare('SELECT day, article, cta, course_area, course_slug, arrivals FROM cta_arrivals ORDER BY cta')
      .all();
  const lastEnquiry = () =>
    site.db.prepare<[], Record<string, unknown>>('SELECT * FROM enquiries ORDER BY id DESC LIMIT 1').get()!;
  const post = (body: Record<string, string>) =>
    site.http.post(`${COURSE}/enquiry`).set('X-Forwarded-For', `198.51.100.${++ip}`).type('form').send(body);

  it('when a reader comes through a CTA with UTM values from another site, then the form carries them and the enquiry stores them, and only the host of the referrer', async () => {
    const long = 'x'.repeat(300);
    const res = await site.http
      .get(`${CTA_URL}&utm_source=newsletter&utm_campaign=%01spring%E2%80%AE%1F&utm_content=${long}`)
      .set('Referer', 'https://www.news.example:8443/issue/12?reader=ada%40example.com');
    expect(res.status).toBe(200);
    // The referring host is not in the URL, so no cache (nginx, a CDN, the browser) may keep this copy.
    expect(res.headers['cache-control']).toBe('no-store');
    const fields = hiddenFields(res.text);
    expect(fields).toMatchObject({
      from: ARTICLE,
      cta: 'inline-1',
      utm_source: 'newsletter',
      utm_campaign: 'spring',
      utm_content: 'x'.repeat(100),
      referrer_host: 'www.news.example',
    });
    expect(fields).not.toHaveProperty('utm_medium');
    expect(res.text).not.toContain('reader=');

    expect((await post({ ...fields, ...VALID })).status).toBe(303);
    const row = lastEnquiry();
    expect(row).toMatchObject({
      from_article: ARTICLE,
      from_cta: 'inline-1',
      utm_source: 'newsletter',
      utm_medium: null,
      utm_campaign: 'spring',
      utm_term: null,
      utm_content: 'x'.repeat(100),
      referrer_host: 'www.news.example',
    });
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('198.51.100.');
    expect(stored).not.toContain('issue/12');
  });

  it('when the link comes from this site or has no referrer, then the page stays cacheable and carries no referrer host', async () => {
    const own = await site.http.get(CTA_URL).set('Referer', `http://localhost:3000/en/${ARTICLE}`);
    expect(own.headers['cache-control']).toMatch(/^public, .*s-maxage=300/);
    expect(hidden(own.text, 'referrer_host')).toBeUndefined();
    expect(hidden(own.text, 'cta')).toBe('inline-1');
    const none = await site.http.get(`${COURSE}?utm_source=ads`);
    expect(none.headers['cache-control']).toMatch(/^public, /);
    expect(hiddenFields(none.text)).toMatchObject({ utm_source: 'ads' });
    expect(hidden(none.text, 'from')).toBeUndefined();
  });

  it('when ?from= names a scheduled, draft or unknown article, then neither it nor its CTA is kept, and forged hidden fields are refused on POST', async () => {
    for (const slug of ['evaluating-llm-applications', 'data-mesh-in-practice', 'no-such-article']) {
      const res = await site.http.get(`${COURSE}?from=${slug}&cta=inline-1`);
      expect(hidden(res.text, 'from')).toBeUndefined();
      expect(hidden(res.text, 'cta')).toBeUndefined();
    }
    const form = hiddenFields((await site.http.get(COURSE)).text);
    const res = await post({
      ...form,
      ...VALID,
      email: 'forged@example.com',
      from: 'evaluating-llm-applications',
      cta: 'inline-1',
      referrer_host: '203.0.113.9',
    });
    expect(res.status).toBe(303);
    expect(lastEnquiry()).toMatchObject({
      email: 'forged@example.com',
      from_article: null,
      from_cta: null,
      referrer_host: null,
    });
    await post({
      ...form,
      ...VALID,
      email: 'forged2@example.com',
      from: ARTICLE,
      cta: 'javascript:x',
      referrer_host: 'localhost:3000',
    });
    expect(lastEnquiry()).toMatchObject({ from_article: ARTICLE, from_cta: null, referrer_host: null });
  });

  it('when readers arrive through CTAs, then each GET is counted once per day, article and position, also when the page cache answers it', async () => {
    site.db.exec('DELETE FROM cta_arrivals');
    await site.http.get(CTA_URL);
    await site.http.get(CTA_URL);
    await site.http.get(`${COURSE}?from=${ARTICLE}&cta=after-article`);
    // Not arrivals: a HEAD, a prefetch, an unknown article, a bad position, no position, another course.
    await site.http.head(CTA_URL);
    await site.http.get(CTA_URL).set('Sec-Purpose', 'prefetch');
    await site.http.get(`${COURSE}?from=no-such-article&cta=inline-1`);
    await site.http.get(`${COURSE}?from=${ARTICLE}&cta=inline-x`);
    await site.http.get(`${COURSE}?from=${ARTICLE}`);
    await site.http.get(`/en/courses/data-ai/no-such-course?from=${ARTICLE}&cta=inline-1`);

    // A copy of some page in the in-process cache under the CTA URL: the fast path answers it, the counter still counts.
    await site.http.get('/en/');
    const cached = site.folio.cache.get('/en/');
    expect(cached).toBeDefined();
    site.folio.cache.set(CTA_URL, cached!);
    const hits = site.folio.cache.hits;
    await site.http.get(CTA_URL);
    expect(site.folio.cache.hits).toBe(hits + 1);

    const day = new Date(SAMPLE_NOW).toISOString().slice(0, 10);
    expect(arrivals()).toEqual([
      {
        day,
        article: ARTICLE,
        cta: 'after-article',
        course_area: 'data-ai',
        course_slug: 'data-engineer',
        arrivals: 1,
      },
      {
        day,
        article: ARTICLE,
        cta: 'inline-1',
        course_area: 'data-ai',
        course_slug: 'data-engineer',
        arrivals: 3,
      },
    ]);
  });
});
