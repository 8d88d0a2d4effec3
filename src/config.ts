// Typed, frozen configuration from the environment; fails fast with a message naming the variable.
import { dirname, join, resolve } from 'node:path';
import { loadEmailConfig, type EmailConfig } from './config-email.js';
import { loadForwardConfig, type ForwardConfig } from './config-forward.js';
import { StartupError } from './errors.js';

/** The e-mail target's settings are in config-email.ts, replica forwarding's in config-forward.ts. */
export interface Config extends EmailConfig, ForwardConfig {
  readonly port: number;
  readonly host: string;
  /** Public base URL without a trailing slash; null means "use site.yml's url". */
  readonly siteUrl: string | null;
  readonly contentDir: string;
  readonly dbPath: string;
  /** Image variants, derived data (IMAGE_CACHE_DIR; default image-cache/ next to the database). */
  readonly imageCacheDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly env: 'production' | 'development' | 'test';
  readonly maxFileBytes: number;
  readonly renderTimeoutMs: number;
  readonly indexWorkers: number;
  readonly feedContent: 'full' | 'excerpt';
  readonly csrfSecret: string;
  readonly rateLimitPerMinute: number;
  /** Seconds shared caches (nginx, a CDN) keep a page before revalidating it (PAGE_S_MAXAGE). */
  readonly pageSharedMaxAge: number;
  /** Enquiry webhook target (ENQUIRY_WEBHOOK_URL); null when not configured. */
  readonly enquiryWebhookUrl: string | null;
  /** HMAC key for X-Folio-Signature (ENQUIRY_WEBHOOK_SECRET); never logged. */
  readonly enquiryWebhookSecret: string;
  /** First retry delay in ms (ENQUIRY_RETRY_BASE_MS, default 1000); doubles to a 5-minute cap. */
  readonly enquiryRetryBaseMs: number;
  /** HMAC key for draft preview links (PREVIEW_SECRET); '' means one generated once and kept in the database. Never logged. */
  readonly previewSecret: string;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new StartupError(`${name}=${raw} is not valid: use a whole number from ${min} to ${max}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const nodeEnv = env.NODE_ENV || 'development';
  if (nodeEnv !== 'production' && nodeEnv !== 'development' && nodeEnv !== 'test')
    throw new StartupError(`NODE_ENV=${nodeEnv} is not valid: use production, development or test`);
  const level = (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info')).toLowerCase();
  if (!(LEVELS as readonly string[]).includes(level))
    throw new StartupError(`LOG_LEVEL=${env.LOG_LEVEL} is not valid: use one of ${LEVELS.join(', ')}`);
  let siteUrl: string | null = null;
  if (env.SITE_URL) {
    try {
      const u = new URL(env.SITE_URL);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
      siteUrl = u.origin + u.pathname.replace(/\/+$/, '');
    } catch {
      throw new StartupError(
        `SITE_URL=${env.SITE_URL} is not valid: use an absolute http(s) URL like https://blog.example.com`,
      );
    }
  }
  const feedContent = env.FEED_CONTENT ?? 'full';
  if (feedContent !== 'full' && feedContent !== 'excerpt')
    throw new StartupError(`FEED_CONTENT=${feedContent} is not valid: use full or excerpt`);
  const webhookUrl = env.ENQUIRY_WEBHOOK_URL || null;
  if (webhookUrl) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(webhookUrl).protocol);
    } catch {
      ok = false;
    }
    // The value is not echoed: a webhook URL may carry a token.
    if (!ok) throw new StartupError('ENQUIRY_WEBHOOK_URL is not valid: use an absolute http(s) URL');
    if (!env.ENQUIRY_WEBHOOK_SECRET)
      throw new StartupError(
        'ENQUIRY_WEBHOOK_URL is set without ENQUIRY_WEBHOOK_SECRET: set a secret so the receiver can check signatures',
      );
  }
  const previewSecret = env.PREVIEW_SECRET ?? '';
  // The value is not echoed: it is a secret.
  if (previewSecret !== '' && previewSecret.length < 16)
    throw new StartupError(
      'PREVIEW_SECRET is too short: use at least 16 characters (e.g. openssl rand -hex 32), or unset it to use a generated one',
    );
  const dbPath = env.DB_PATH === ':memory:' ? ':memory:' : resolve(cwd, env.DB_PATH ?? 'data/folio.db');
  return Object.freeze({
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    siteUrl,
    contentDir: resolve(cwd, env.CONTENT_DIR ?? 'content'),
    dbPath,
    imageCacheDir: env.IMAGE_CACHE_DIR
      ? resolve(cwd, env.IMAGE_CACHE_DIR)
      : join(dirname(dbPath === ':memory:' ? resolve(cwd, 'data/folio.db') : dbPath), 'image-cache'),
    logLevel: level as Config['logLevel'],
    env: nodeEnv,
    maxFileBytes: int(env, 'MAX_FILE_BYTES', 1_000_000, 1_000, 100_000_000),
    renderTimeoutMs: int(env, 'RENDER_TIMEOUT_MS', 5_000, 100, 600_000),
    indexWorkers: int(env, 'INDEX_WORKERS', 0, 0, 64),
    feedContent,
    csrfSecret: env.CSRF_SECRET ?? '',
    rateLimitPerMinute: int(env, 'ENQUIRY_RATE_LIMIT', 5, 1, 10_000),
    pageSharedMaxAge: int(env, 'PAGE_S_MAXAGE', 300, 0, 31_536_000),
    enquiryWebhookUrl: webhookUrl,
    enquiryWebhookSecret: env.ENQUIRY_WEBHOOK_SECRET ?? '',
    enquiryRetryBaseMs: int(env, 'ENQUIRY_RETRY_BASE_MS', 1_000, 1, 300_000),
    ...loadEmailConfig(env),
    ...loadForwardConfig(env),
    previewSecret,
  });
}
