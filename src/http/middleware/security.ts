// Security headers: helmet with a strict CSP (no inline script or style); JSON-LD blocks are allowed by hash.
import { createHash } from 'node:crypto';
import helmet from 'helmet';
import type { RequestHandler } from 'express';
import { EMBED_HOSTS } from '../../lib/embeds.js';

export interface CspOptions {
  /** Development adds nothing inline either: the live-reload script is a same-origin file. */
  dev: boolean;
}

export function cspValue(scriptHashes: readonly string[] = []): string {
  const script = ["'self'", ...scriptHashes.map((h) => `'${h}'`)].join(' ');
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${EMBED_HOSTS.map((h) => `https://${h}`).join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The CSP for a rendered page: its JSON-LD blocks are allowed by their sha256. */
export function cspForHtml(html: string): string {
  const hashes: string[] = [];
  const re = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/g;
  for (let m = re.exec(html); m; m = re.exec(html))
    hashes.push(
      `sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}`,
    );
  return cspValue(hashes);
}

export function securityHeaders(options: { https: boolean }): RequestHandler {
  const base = helmet({
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-site' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: options.https ? { maxAge: 31536000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  });
  const csp = cspValue();
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    base(req, res, next);
  };
}
