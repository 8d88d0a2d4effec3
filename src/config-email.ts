// The enquiry e-mail target's settings (SMTP_URL, ENQUIRY_EMAIL_TO, ENQUIRY_EMAIL_FROM), part of Config.
// Kept apart from config.ts so the SMTP rules (and the care never to echo a password) live in one place.
import { StartupError } from './errors.js';

export interface EmailConfig {
  /** smtp:// or smtps:// URL with credentials (SMTP_URL); null when e-mail is not configured. Never logged. */
  readonly smtpUrl: string | null;
  /** Where enquiries are sent (ENQUIRY_EMAIL_TO, comma-separated). */
  readonly enquiryEmailTo: readonly string[];
  /** The From header (ENQUIRY_EMAIL_FROM); null means `Folio <no-reply@<site host>>`. */
  readonly enquiryEmailFrom: string | null;
}

// Deliberately plain: one @, no spaces or angle brackets, a dot in the domain. The SMTP server has the last word.
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;".]+$/;

export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && ADDRESS.test(text);
}

/** `a@x.org` or `Name <a@x.org>`; the display name may not hold characters that would break the header. */
export function isMailbox(text: string): boolean {
  const m = /^([^<>"\r\n]*)<([^<>]+)>$/.exec(text.trim());
  if (m) return isEmailAddress(m[2] ?? '');
  return isEmailAddress(text.trim());
}

function smtpUrlOf(raw: string | undefined): string | null {
  if (!raw) return null;
  let ok = false;
  try {
    const u = new URL(raw);
    ok = (u.protocol === 'smtp:' || u.protocol === 'smtps:') && u.hostname !== '';
  } catch {
    ok = false;
  }
  // The value is not echoed: it carries the SMTP password.
  if (!ok)
    throw new StartupError(
      'SMTP_URL is not valid: use smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465',
    );
  return raw;
}

export function loadEmailConfig(env: NodeJS.ProcessEnv): EmailConfig {
  const smtpUrl = smtpUrlOf(env.SMTP_URL);
  const toRaw = env.ENQUIRY_EMAIL_TO ?? '';
  const to = toRaw
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  const bad = to.find((a) => !isEmailAddress(a));
  if (bad !== undefined)
    throw new StartupError(
      `ENQUIRY_EMAIL_TO=${toRaw} is not valid: "${bad}" is not an e-mail address (use a@example.com, b@example.com)`,
    );
  if (smtpUrl && to.length === 0)
    throw new StartupError('SMTP_URL is set without ENQUIRY_EMAIL_TO: set the address(es) enquiries go to');
  if (!smtpUrl && to.length > 0)
    throw new StartupError('ENQUIRY_EMAIL_TO is set without SMTP_URL: set the SMTP server to send through');
  const from = env.ENQUIRY_EMAIL_FROM?.trim() || null;
  if (from !== null && !isMailbox(from))
    throw new StartupError(
      `ENQUIRY_EMAIL_FROM=${from} is not valid: use an address like no-reply@example.com or Folio <no-reply@example.com>`,
    );
  return { smtpUrl, enquiryEmailTo: Object.freeze(to), enquiryEmailFrom: from };
}
