import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../helpers/site.js';

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite();
});
afterAll(async () => site.close());

describe('the sample site', () => {
  it('when a reader opens the home page, then the latest articles are listed', async () => {
    const res = await site.http.get('/en/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('What does a data engineer actually do?');
  });
});
