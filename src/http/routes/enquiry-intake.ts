// The primary's internal intake for enquiries forwarded by replicas: a signed JSON POST, stored once per
// idempotency key and queued for the primary's own targets. Off unless ENQUIRY_FORWARD_SECRET is set;
// nginx never routes /_internal/ from outside (deploy/nginx.conf).
import express, { Router, type Request, type Response } from 'express';
import { createEnquiryStore, type NewEnquiry } from '../../db/enquiries.js';
import { INTAKE_PATH, signatureValid } from '../../enquiries/forward.js';
import { configuredTargets } from '../../enquiries/targets.js';
import { ctaOrNull, hostOrNull, utmFrom } from '../../lib/attribution.js';
import { parseIsoDate } from '../../lib/dates.js';
import { isSlug } from '../../lib/slug.js';
import type { Ctx } from '../context.js';
import { LIMITS } from '../view-models/enquiry-form.js';

const str = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length <= max ? v : null);
const optional = (v: unknown, max: number): string | null | undefined =>
  v === null || v === undefined ? null : (str(v, max) ?? undefined);

/** The forwarded body as a NewEnquiry, or null when any field is missing or out of bounds. */
export function readForwarded(b: Record<string, unknown>): NewEnquiry | null {
  const createdAt = str(b.createdAt, 40);
  const area = str(b.courseArea, 200);
  const slug = str(b.courseSlug, 200);
  const name = str(b.name, LIMITS.name);
  const email = str(b.email, LIMITS.email);
  const message = str(b.message, LIMITS.message);
  const key = str(b.idempotencyKey, 200);
  const phone = optional(b.phone, LIMITS.phone);
  const format = optional(b.format, 200);
  const from = optional(b.fromArticle, 200);
  if (!createdAt || parseIsoDate(createdAt) === null || !area || !slug || !isSlug(area) || !isSlug(slug))
    return null;
  if (!name || !email || message === null || !key || typeof b.consent !== 'boolean') return null;
  if (phone === undefined || format === undefined || from === undefined || (from && !isSlug(from)))
    return null;
  const utm = b.utm && typeof b.utm === 'object' ? utmFrom(b.utm as Record<string, unknown>) : null;
  return {
    createdAt,
    courseArea: area,
    courseSlug: slug,
    name,
    email,
    phone,
    format,
    message,
    consent: b.consent,
    fromArticle: from,
    idempotencyKey: key,
    fromCta: ctaOrNull(b.fromCta),
    utm,
    referrerHost: hostOrNull(b.referrerHost),
  };
}

export function enquiryIntakeRoutes(ctx: Ctx): Router {
  const router = Router();
  const secret = ctx.config.enquiryForwardSecret;
  // A replica forwards; only a primary (secret, no forward URL) takes enquiries in.
  if (!secret || ctx.config.enquiryForwardUrl) return router;
  const store = createEnquiryStore(ctx.db);
  const targets = configuredTargets(ctx.config);
  const raw = express.raw({ type: 'application/json', limit: '32kb' });

  router.post(INTAKE_PATH, raw, (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!signatureValid(body, req.get('x-folio-signature'), secret)) {
      ctx.logger.warn({ path: req.path }, 'forwarded enquiry refused: bad signature');
      res.status(401).json({ error: 'bad signature' });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      parsed = null;
    }
    const e = parsed && typeof parsed === 'object' ? readForwarded(parsed as Record<string, unknown>) : null;
    if (!e) {
      res.status(400).json({ error: 'not an enquiry' });
      return;
    }
    const stored = store.add(e, targets, ctx.now());
    ctx.logger.info(
      { course: `${e.courseArea}/${e.courseSlug}`, duplicate: !stored },
      'forwarded enquiry received',
    );
    res.status(200).json({ stored });
  });
  return router;
}
