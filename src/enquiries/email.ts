// The e-mail target: one message per enquiry through SMTP (nodemailer), its Message-ID derived from the
// enquiry id so a resend after a crash is recognisably the same message. The SMTP password never leaves here.
import nodemailer from 'nodemailer';
import type { EnquiryMessage } from './email-message.js';
import type { SendOutcome } from './webhook.js';

export const EMAIL_TIMEOUT_MS = 10_000;

export interface EmailTarget {
  smtpUrl: string;
  to: readonly string[];
  from: string;
  timeoutMs?: number;
}

/** `<enquiry-<id>@<site host>>`: stable across attempts, unique per enquiry and site. */
export function enquiryMessageId(enquiryId: number, siteHost: string): string {
  return `<enquiry-${enquiryId}@${siteHost}>`;
}

/** The From used when ENQUIRY_EMAIL_FROM is not set. */
export function defaultFrom(siteHost: string): string {
  return `Folio <no-reply@${siteHost}>`;
}

/** Removes the SMTP URL and its password (raw and decoded) from any text that may be logged or stored. */
export function redactSmtp(text: string, smtpUrl: string): string {
  let out = text.split(smtpUrl).join('smtp://***');
  try {
    const u = new URL(smtpUrl);
    for (const secret of [u.password, decodeURIComponent(u.password)])
      if (secret.length > 0) out = out.split(secret).join('***');
  } catch {
    /* config.ts only lets valid URLs through; nothing else to strip */
  }
  return out;
}

interface SmtpError {
  responseCode?: number;
  code?: string;
  response?: string;
  message?: string;
}

/** A 5xx reply is permanent (failed at once); 4xx replies, timeouts and network errors are retried. */
export function outcomeForSmtpError(error: unknown, smtpUrl: string): SendOutcome {
  const e = (error ?? {}) as SmtpError;
  const reply = (e.response ?? e.message ?? '').split('\n')[0]?.slice(0, 200) ?? '';
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const described = code !== null ? `SMTP ${reply || code}` : `${e.code ?? 'error'}: ${reply}`;
  const text = redactSmtp(described, smtpUrl);
  if (code !== null && code >= 500 && code < 600) return { kind: 'failed', error: text };
  return { kind: 'retry', error: text };
}

export async function sendEnquiryEmail(
  target: EmailTarget,
  messageId: string,
  message: EnquiryMessage,
): Promise<SendOutcome> {
  const timeout = target.timeoutMs ?? EMAIL_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    url: target.smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    logger: false,
    debug: false,
  });
  // nodemailer's own timeouts do not cover every stage (a server that never greets); one deadline does.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer within ${timeout} ms`), { code: 'ETIMEDOUT' })),
      timeout,
    );
  });
  try {
    await Promise.race([
      deadline,
      transport.sendMail({
        from: target.from,
        to: [...target.to],
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId,
        // Nothing in the message is fetched from elsewhere; say what it is for filters.
        headers: { 'X-Folio-Enquiry': messageId.slice(1, -1) },
      }),
    ]);
    return { kind: 'delivered' };
  } catch (error) {
    return outcomeForSmtpError(error, target.smtpUrl);
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
