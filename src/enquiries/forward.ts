// Replica forwarding: a replica sends each enquiry it accepted to the primary's internal intake, signed with
// the shared secret and keyed by the enquiry's own idempotency key, so a resend is stored once.
import { timingSafeEqual } from 'node:crypto';
import type { EnquiryRow, NewEnquiry } from '../db/enquiries.js';
import { UTM_KEYS, type Utm } from '../lib/attribution.js';
import { sendWebhook, signature, type SendOutcome } from './webhook.js';

export const INTAKE_PATH = '/_internal/enquiries';

/** The enquiry as the primary stores it: the replica's row without its local id. */
export function forwardBody(row: EnquiryRow, idempotencyKey: string): NewEnquiry {
  const utm = Object.fromEntries(UTM_KEYS.map((k) => [k, row[k]])) as Utm;
  return {
    createdAt: row.created_at,
    courseArea: row.course_area,
    courseSlug: row.course_slug,
    name: row.name,
    email: row.email,
    phone: row.phone,
    format: row.format,
    message: row.message,
    consent: row.consent === 1,
    fromArticle: row.from_article,
    idempotencyKey,
    fromCta: row.from_cta,
    utm: UTM_KEYS.some((k) => utm[k] !== null) ? utm : null,
    referrerHost: row.referrer_host,
  };
}

export function forwardEnquiry(primaryUrl: string, secret: string, body: NewEnquiry): Promise<SendOutcome> {
  return sendWebhook(
    { url: `${primaryUrl}${INTAKE_PATH}`, secret },
    body.idempotencyKey,
    JSON.stringify(body),
  );
}

/** Constant-time check of an X-Folio-Signature header against the exact body bytes. */
export function signatureValid(body: Buffer, header: string | undefined, secret: string): boolean {
  const expected = Buffer.from(signature(body.toString('utf8'), secret));
  const got = Buffer.from(header ?? '');
  return got.length === expected.length && timingSafeEqual(got, expected);
}
