// The delivery targets the configuration names, as senders the outbox loop calls.
import type { Config } from '../config.js';
import type { AttributedArticle } from '../db/attribution.js';
import type { EnquiryRow } from '../db/enquiries.js';
import { defaultFrom, enquiryMessageId, sendEnquiryEmail } from './email.js';
import { enquiryMessage } from './email-message.js';
import type { Sender } from './outbox.js';
import { enquiryPayload, type EnquiryPayload } from './payload.js';
import { forwardBody, forwardEnquiry } from './forward.js';
import { sendWebhook } from './webhook.js';

/** Target names stored in the outbox: stable, never change. */
export const WEBHOOK = 'webhook';
export const EMAIL = 'email';
export const FORWARD = 'forward';

/** What a sender needs to know about the site at the time it sends (the index may have changed since). */
export interface SiteView {
  baseUrl: string;
  lang: string;
  /** The visible article a stored `from` slug names, if it still exists. */
  article(slug: string): AttributedArticle | null;
  courseTitle(area: string, slug: string): string | null;
}

/** A replica (ENQUIRY_FORWARD_URL) only forwards: the primary delivers to the webhook and e-mail. */
export function configuredTargets(config: Config): string[] {
  if (config.enquiryForwardUrl) return [FORWARD];
  const out: string[] = [];
  if (config.enquiryWebhookUrl) out.push(WEBHOOK);
  if (config.smtpUrl) out.push(EMAIL);
  return out;
}

function payloadFor(enquiry: EnquiryRow, site: SiteView): EnquiryPayload {
  const article = enquiry.from_article ? site.article(enquiry.from_article) : null;
  return enquiryPayload(enquiry, site.baseUrl, site.lang, article);
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

export function createSenders(
  config: Config,
  site: () => SiteView,
  idempotencyKey: (id: number) => string | undefined = () => undefined,
): Record<string, Sender> {
  const senders: Record<string, Sender> = {};
  const primary = config.enquiryForwardUrl;
  if (primary) {
    senders[FORWARD] = async (enquiry) => {
      const key = idempotencyKey(enquiry.id);
      if (!key) return { kind: 'failed', error: 'enquiry has no idempotency key' };
      return forwardEnquiry(primary, config.enquiryForwardSecret, forwardBody(enquiry, key));
    };
    return senders;
  }
  const url = config.enquiryWebhookUrl;
  if (url) {
    senders[WEBHOOK] = (enquiry) => {
      const body = JSON.stringify(payloadFor(enquiry, site()));
      return sendWebhook({ url, secret: config.enquiryWebhookSecret }, enquiry.id, body);
    };
  }
  const smtpUrl = config.smtpUrl;
  if (smtpUrl) {
    senders[EMAIL] = (enquiry) => {
      const view = site();
      const host = hostOf(view.baseUrl);
      const payload = payloadFor(enquiry, view);
      const title = view.courseTitle(enquiry.course_area, enquiry.course_slug) ?? enquiry.course_slug;
      return sendEnquiryEmail(
        { smtpUrl, to: config.enquiryEmailTo, from: config.enquiryEmailFrom ?? defaultFrom(host) },
        enquiryMessageId(enquiry.id, host),
        enquiryMessage(payload, title),
      );
    };
  }
  return senders;
}
