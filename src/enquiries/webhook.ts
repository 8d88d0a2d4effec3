// The webhook target: a signed POST of the enquiry's JSON with its id as the idempotency key.
import { createHmac } from 'node:crypto';

/** What one attempt came to: delivered, retry later, or failed for good (a 4xx the sender cannot fix). */
export type SendOutcome = { kind: 'delivered' } | { kind: 'retry' | 'failed'; error: string };

export const WEBHOOK_TIMEOUT_MS = 10_000;

/** `sha256=<hex>`: the HMAC-SHA256 of the exact body bytes with the shared secret. */
export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** 2xx delivered; 408 and 429 retried; any other 4xx failed at once; the rest retried. */
export function outcomeForStatus(status: number): SendOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status >= 400 && status < 500 && status !== 408 && status !== 429)
    return { kind: 'failed', error: `HTTP ${status}` };
  return { kind: 'retry', error: `HTTP ${status}` };
}

export interface WebhookTarget {
  url: string;
  secret: string;
  timeoutMs?: number;
}

export async function sendWebhook(
  target: WebhookTarget,
  /** The Idempotency-Key header: the enquiry id for webhooks, its dedupe key when forwarding. */
  enquiryId: number | string,
  body: string,
): Promise<SendOutcome> {
  try {
    const res = await fetch(target.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': String(enquiryId),
        'X-Folio-Signature': signature(body, target.secret),
        'User-Agent': 'Folio-Enquiries/1',
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(target.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
    await res.body?.cancel();
    return outcomeForStatus(res.status);
  } catch (error) {
    // Network errors and timeouts: the message names the cause, never the URL's credentials or the secret.
    const e = error as { name?: string; cause?: { code?: string } };
    const reason = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.name ?? 'network error');
    return { kind: 'retry', error: String(reason) };
  }
}
