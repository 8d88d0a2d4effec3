// Issues and checks the enquiry form's hidden fields: a random idempotency key per render and a signed,
// expiring token over it. Stateless, so course pages stay cacheable and any replica sharing the secret can check.
import { randomBytes } from 'node:crypto';
import { signFormToken, verifyFormToken, type TokenCheck } from '../lib/csrf.js';

/** Long enough to outlive a shared cache serving a stale page (stale-if-error is one day). */
export const FORM_TOKEN_TTL_MS = 24 * 60 * 60_000;
const KEY_RE = /^[A-Za-z0-9_-]{22}$/;

export interface FormTokens {
  issue(scope: string, now: number): { key: string; token: string };
  check(scope: string, key: string, token: string, now: number): TokenCheck;
}

export function createFormTokens(secret: string): FormTokens {
  return {
    issue(scope, now) {
      const key = randomBytes(16).toString('base64url');
      return { key, token: signFormToken(secret, scope, key, now) };
    },
    check(scope, key, token, now) {
      if (!KEY_RE.test(key)) return 'invalid';
      return verifyFormToken(secret, scope, key, token, now, FORM_TOKEN_TTL_MS);
    },
  };
}
