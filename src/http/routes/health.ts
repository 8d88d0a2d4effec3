// /healthz: the content index state and the enquiry outbox (pending, failed) for operators and load balancers.
import { Router } from 'express';
import { createDeliveryStore } from '../../db/deliveries.js';
import type { Ctx } from '../context.js';

export function healthRoutes(ctx: Ctx): Router {
  const router = Router();
  const deliveries = createDeliveryStore(ctx.db);
  router.get('/healthz', (_req, res) => {
    const now = ctx.now();
    const counts = ctx.repo.counts(now);
    const errors = ctx.repo.errorCount();
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      status: 'ok',
      articles: counts.visible,
      articlesIndexed: counts.total,
      lastIndexedAt: ctx.repo.state('last_indexed_at'),
      generation: Number(ctx.repo.state('generation') ?? '0'),
      contentErrors: errors.errors,
      contentWarnings: errors.warnings,
      enquiryDeliveries: { pending: deliveries.counts().pending, failed: deliveries.counts().failed },
    });
  });
  return router;
}
