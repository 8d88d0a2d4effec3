// The delivery targets the configuration names, as senders the outbox loop calls.
import type { Config } from '../config.js';
import type { Sender } from './outbox.js';
import { enquiryPayload } from './payload.js';
import { sendWebhook } from './webhook.js';

/** Target names stored in the outbox: stable, never change. */
export const WEBHOOK = 'webhook';

export function configuredTargets(config: Config): string[] {
  return config.enquiryWebhookUrl ? [WEBHOOK] : [];
}

export function createSenders(
  config: Config,
  site: () => { baseUrl: string; lang: string },
): Record<string, Sender> {
  const senders: Record<string, Sender> = {};
  const url = config.enquiryWebhookUrl;
  if (url) {
    senders[WEBHOOK] = (enquiry) => {
      const { baseUrl, lang } = site();
      const body = JSON.stringify(enquiryPayload(enquiry, baseUrl, lang));
      return sendWebhook({ url, secret: config.enquiryWebhookSecret }, enquiry.id, body);
    };
  }
  return senders;
}
