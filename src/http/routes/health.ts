// /healthz: the content index state for operators and load balancers.
import { Router } from 'express';
import type { Ctx } from '../context.js';

export function healthRoutes(ctx: Ctx): Router {
  const router = Router();
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
    });
  });
  return router;
}
