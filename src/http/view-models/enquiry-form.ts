// The enquiry form as data: what a submission contains, the rules it must meet, and the locals its template shows.
import { ctaOrNull, hostOrNull, utmFrom, type Utm } from '../../lib/attribution.js';
import { isSlug } from '../../lib/slug.js';
import type { CourseStrings } from '../i18n-courses.js';

export const LIMITS = { name: 100, email: 254, phone: 30, message: 2000 } as const;
/** The select's value for "Not sure yet"; stored as no format. */
export const NOT_SURE = 'not-sure';

export type EnquiryField = 'name' | 'email' | 'phone' | 'format' | 'message' | 'consent';
/** The order fields appear in, so the error summary lists problems top to bottom. */
export const FIELD_ORDER: readonly EnquiryField[] = [
  'name',
  'email',
  'phone',
  'format',
  'message',
  'consent',
];

export interface EnquiryValues {
  name: string;
  email: string;
  phone: string;
  format: string;
  message: string;
  consent: boolean;
  /** The article the reader came from (`?from=`), when it is a valid slug. */
  from: string | null;
  /** Which of the article's CTAs (`?cta=`): inline-N or after-article. */
  cta: string | null;
  utm: Utm | null;
  /** The host of the site that linked to the course page (not this site's). */
  referrerHost: string | null;
}

/** Where the reader came from, carried by the form's hidden fields from the course page to the POST. */
export type FormAttribution = Pick<EnquiryValues, 'from' | 'cta' | 'utm' | 'referrerHost'>;
export const NO_ATTRIBUTION: FormAttribution = { from: null, cta: null, utm: null, referrerHost: null };

export interface Submission {
  values: EnquiryValues;
  /** The honeypot field: people never see it, so anything in it came from a bot. */
  honeypot: string;
  key: string;
  token: string;
}

export type FieldErrors = Partial<Record<EnquiryField, string>>;

export interface EnquiryFormLocals {
  action: string;
  values: EnquiryValues;
  errors: FieldErrors;
  /** The error summary: links to the fields in page order, plus a form-level problem without a link. */
  summary: { href: string | null; text: string }[];
  formats: { value: string; label: string; selected: boolean }[];
  key: string;
  token: string;
  limits: typeof LIMITS;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function text(body: Record<string, unknown>, name: string): string {
  const raw = body[name];
  const first = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  return typeof first === 'string' ? first.replace(CONTROL, '') : '';
}

export function slugOrNull(raw: unknown): string | null {
  return typeof raw === 'string' && raw.length <= 200 && isSlug(raw) ? raw : null;
}

export function emptyValues(attribution: FormAttribution = NO_ATTRIBUTION): EnquiryValues {
  return { name: '', email: '', phone: '', format: '', message: '', consent: false, ...attribution };
}

/** Reads a urlencoded body (values may be strings or, for repeated names, lists). */
export function readSubmission(body: Record<string, unknown>): Submission {
  return {
    values: {
      name: text(body, 'name').trim().replace(/\s+/g, ' '),
      email: text(body, 'email').trim(),
      phone: text(body, 'phone').trim(),
      format: text(body, 'format'),
      message: text(body, 'message').replace(/\r\n?/g, '\n').trim(),
      consent: text(body, 'consent') === 'yes',
      from: slugOrNull(text(body, 'from')),
      // Checked again here: hidden fields are only what the browser sent back.
      cta: ctaOrNull(body.cta),
      utm: utmFrom(body),
      referrerHost: hostOrNull(body.referrer_host),
    },
    honeypot: text(body, 'website').trim(),
    key: text(body, 'idempotency_key'),
    token: text(body, 'form_token'),
  };
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^\+?[\d\s().-]+$/;

export function validateEnquiry(v: EnquiryValues, formats: readonly string[], s: CourseStrings): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.name) errors.name = s.errName;
  else if (v.name.length > LIMITS.name) errors.name = s.errNameLong;
  if (!v.email) errors.email = s.errEmail;
  else if (v.email.length > LIMITS.email) errors.email = s.errEmailLong;
  else if (!EMAIL.test(v.email)) errors.email = s.errEmailFormat;
  if (v.phone) {
    const digits = v.phone.replace(/\D/g, '').length;
    if (v.phone.length > LIMITS.phone || !PHONE.test(v.phone) || digits < 6) errors.phone = s.errPhone;
  }
  if (v.format !== NOT_SURE && !formats.includes(v.format)) errors.format = s.errFormat;
  if (!v.message) errors.message = s.errMessage;
  else if (v.message.length > LIMITS.message) errors.message = s.errMessageLong(LIMITS.message);
  if (!v.consent) errors.consent = s.errConsent;
  return errors;
}

export function fieldId(field: EnquiryField): string {
  return `enquiry-${field}`;
}

export function buildEnquiryForm(input: {
  action: string;
  values: EnquiryValues;
  errors: FieldErrors;
  formError: string | null;
  formats: readonly string[];
  key: string;
  token: string;
  strings: CourseStrings;
}): EnquiryFormLocals {
  const summary: { href: string | null; text: string }[] = [];
  if (input.formError) summary.push({ href: null, text: input.formError });
  for (const f of FIELD_ORDER) {
    const message = input.errors[f];
    if (message) summary.push({ href: `#${fieldId(f)}`, text: message });
  }
  return {
    action: input.action,
    values: input.values,
    errors: input.errors,
    summary,
    formats: [
      ...input.formats.map((f) => ({ value: f, label: f, selected: input.values.format === f })),
      { value: NOT_SURE, label: input.strings.notSure, selected: input.values.format === NOT_SURE },
    ],
    key: input.key,
    token: input.token,
    limits: LIMITS,
  };
}
