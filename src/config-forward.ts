// Replica forwarding settings (ENQUIRY_FORWARD_URL, ENQUIRY_FORWARD_SECRET), part of Config. A replica with
// a forward URL sends each enquiry it accepts to the primary; a primary with only the secret accepts them.
import { StartupError } from './errors.js';

export interface ForwardConfig {
  /** The primary's base URL (ENQUIRY_FORWARD_URL), set on replicas only; null on the primary. */
  readonly enquiryForwardUrl: string | null;
  /** Shared secret signing forwarded enquiries (ENQUIRY_FORWARD_SECRET); '' turns the intake off. Never logged. */
  readonly enquiryForwardSecret: string;
}

export function loadForwardConfig(env: NodeJS.ProcessEnv): ForwardConfig {
  const raw = env.ENQUIRY_FORWARD_URL || null;
  let url: string | null = null;
  if (raw) {
    try {
      const u = new URL(raw);
      if (u.protocol === 'http:' || u.protocol === 'https:') url = u.origin + u.pathname.replace(/\/+$/, '');
    } catch {
      url = null;
    }
    if (url === null)
      throw new StartupError(
        'ENQUIRY_FORWARD_URL is not valid: use the primary replica’s base URL, like http://10.0.0.5:3001',
      );
  }
  const secret = env.ENQUIRY_FORWARD_SECRET ?? '';
  // The value is not echoed: it is a secret.
  if (secret !== '' && secret.length < 16)
    throw new StartupError(
      'ENQUIRY_FORWARD_SECRET is too short: use at least 16 characters (e.g. openssl rand -hex 32)',
    );
  if (url && secret === '')
    throw new StartupError(
      'ENQUIRY_FORWARD_URL is set without ENQUIRY_FORWARD_SECRET: set the same secret on every replica and the primary',
    );
  return { enquiryForwardUrl: url, enquiryForwardSecret: secret };
}
