// loadConfig: typed values from the environment, defaults as the README lists them, and a bad value stops
// start-up with a message naming the variable.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { StartupError } from '../src/errors.js';
import { projectRoot } from '../src/paths.js';

const CWD = '/srv/folio';

describe('loadConfig', () => {
  it('when nothing is set, then the defaults are the README table', () => {
    expect(loadConfig({}, CWD)).toEqual({
      port: 3000,
      host: '0.0.0.0',
      siteUrl: null,
      contentDir: '/srv/folio/content',
      dbPath: '/srv/folio/data/folio.db',
      imageCacheDir: '/srv/folio/data/image-cache',
      logLevel: 'info',
      env: 'development',
      maxFileBytes: 1_000_000,
      renderTimeoutMs: 5_000,
      indexWorkers: 0,
      feedContent: 'full',
      csrfSecret: '',
      rateLimitPerMinute: 5,
      pageSharedMaxAge: 300,
      enquiryWebhookUrl: null,
      enquiryWebhookSecret: '',
      enquiryRetryBaseMs: 1_000,
      smtpUrl: null,
      enquiryEmailTo: [],
      enquiryEmailFrom: null,
      enquiryForwardUrl: null,
      enquiryForwardSecret: '',
      previewSecret: '',
    });
  });

  it('when PREVIEW_SECRET is set, then it is used; a short one stops start-up without echoing it', () => {
    expect(loadConfig({ PREVIEW_SECRET: 'x'.repeat(32) }, CWD).previewSecret).toBe('x'.repeat(32));
    expect(() => loadConfig({ PREVIEW_SECRET: 'sh0rtsecret' }, CWD)).toThrow(/^PREVIEW_SECRET is too short/);
    expect(() => loadConfig({ PREVIEW_SECRET: 'sh0rtsecret' }, CWD)).not.toThrow(/sh0rtsecret/);
  });

  it('when a webhook URL is set without a secret or is not http(s), then start-up stops naming the variable, not the value', () => {
    expect(() => loadConfig({ ENQUIRY_WEBHOOK_URL: 'https://crm.example/hook' }, CWD)).toThrow(
      /ENQUIRY_WEBHOOK_SECRET/,
    );
    expect(() =>
      loadConfig({ ENQUIRY_WEBHOOK_URL: 'ftp://tok3n@x', ENQUIRY_WEBHOOK_SECRET: 's' }, CWD),
    ).toThrow(/^ENQUIRY_WEBHOOK_URL is not valid[^]*$/);
    expect(() =>
      loadConfig({ ENQUIRY_WEBHOOK_URL: 'ftp://tok3n@x', ENQUIRY_WEBHOOK_SECRET: 's' }, CWD),
    ).not.toThrow(/tok3n/);
  });

  it('when values are set, then they are parsed and the result is frozen', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        SITE_URL: 'https://blog.example.com/',
        CONTENT_DIR: 'site',
        DB_PATH: '/var/lib/folio.db',
        LOG_LEVEL: 'WARN',
        NODE_ENV: 'production',
        FEED_CONTENT: 'excerpt',
        ENQUIRY_RATE_LIMIT: '20',
        PAGE_S_MAXAGE: '0',
      },
      CWD,
    );
    expect(config).toMatchObject({
      port: 8080,
      siteUrl: 'https://blog.example.com',
      contentDir: '/srv/folio/site',
      dbPath: '/var/lib/folio.db',
      logLevel: 'warn',
      env: 'production',
      feedContent: 'excerpt',
      rateLimitPerMinute: 20,
      pageSharedMaxAge: 0,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }, CWD).logLevel).toBe('silent');
    expect(loadConfig({ DB_PATH: ':memory:' }, CWD).dbPath).toBe(':memory:');
  });

  it('when DB_PATH or IMAGE_CACHE_DIR is set, then image variants live next to the database or there', () => {
    expect(loadConfig({ DB_PATH: '/var/lib/folio.db' }, CWD).imageCacheDir).toBe('/var/lib/image-cache');
    expect(loadConfig({ DB_PATH: ':memory:' }, CWD).imageCacheDir).toBe('/srv/folio/data/image-cache');
    expect(loadConfig({ IMAGE_CACHE_DIR: 'cache/img' }, CWD).imageCacheDir).toBe('/srv/folio/cache/img');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['MAX_FILE_BYTES', '10'],
    ['RENDER_TIMEOUT_MS', 'soon'],
    ['INDEX_WORKERS', '-1'],
    ['ENQUIRY_RATE_LIMIT', '0'],
    ['PAGE_S_MAXAGE', '1e99'],
    ['LOG_LEVEL', 'loud'],
    ['FEED_CONTENT', 'summary'],
    ['SITE_URL', 'blog.example.com'],
    ['SITE_URL', 'ftp://blog.example.com'],
  ])('when %s=%s, then loading stops with a message naming the variable and its value', (name, value) => {
    const load = () => loadConfig({ [name]: value }, CWD);
    expect(load).toThrow(StartupError);
    expect(load).toThrow(
      new RegExp(`^${name}=${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid: `),
    );
  });
});

describe('starting the server with a bad value', () => {
  it('when PORT is not a number, then the process exits 1 at once and says which variable is wrong', () => {
    const run = spawnSync(process.execPath, [join(projectRoot, 'dist/server.js')], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PORT: 'eighty', DB_PATH: ':memory:' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'Folio could not start: PORT=eighty is not valid: use a whole number from 0 to 65535',
    );
  });
});
