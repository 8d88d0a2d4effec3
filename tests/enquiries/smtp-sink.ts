// An SMTP server on 127.0.0.1 for tests (smtp-server): requires a login, answers scripted replies to MAIL
// FROM in turn (a 421 is a temporary refusal), and records every accepted message.
import { SMTPServer, type SMTPServerAuthentication } from 'smtp-server';

export interface SinkMessage {
  from: string;
  to: string[];
  raw: string;
  user: string | undefined;
}

export interface SmtpSink {
  /** smtp://user:password@127.0.0.1:<port> */
  url: string;
  messages: SinkMessage[];
  /** Reply codes for the next MAIL FROM commands, in order; after the last one, accept. */
  script: number[];
  /** How many times a client tried to send (accepted or not). */
  attempts: number;
  close(): Promise<void>;
}

export const SMTP_USER = 'folio';
export const SMTP_PASSWORD = 'pa55-w0rd-secret';

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

export async function startSmtpSink(
  options: { password?: string; authReply?: string } = {},
): Promise<SmtpSink> {
  const password = options.password ?? SMTP_PASSWORD;
  const sink = { messages: [] as SinkMessage[], script: [] as number[], attempts: 0 };
  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth: SMTPServerAuthentication, _session, cb) {
      if (auth.username === SMTP_USER && auth.password === password) cb(null, { user: auth.username });
      // Some servers echo what they were sent; the client must not pass that on.
      else cb(smtpError(535, options.authReply ?? `authentication failed for ${String(auth.password)}`));
    },
    onMailFrom(_address, _session, cb) {
      sink.attempts++;
      const code = sink.script.shift();
      if (code === undefined) cb();
      else cb(smtpError(code, code >= 500 ? 'mailbox unavailable' : 'try again later'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        sink.messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: session.user as string | undefined,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(sink, {
    url: `smtp://${SMTP_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** A MIME part's text, quoted-printable or base64 decoded (enough for what nodemailer writes). */
export function mimePart(raw: string, type: 'text/plain' | 'text/html'): string {
  const at = raw.indexOf(`Content-Type: ${type}`);
  if (at === -1) return '';
  const headerEnd = raw.indexOf('\r\n\r\n', at);
  const headers = raw.slice(at, headerEnd);
  const end = raw.indexOf('\r\n--', headerEnd);
  const body = raw.slice(headerEnd + 4, end === -1 ? undefined : end);
  if (/base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(headers)) {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
