// Draft and scheduled articles shown before publication: with a signed `?preview=` link (npm run preview),
// or at their plain URL when the app serves drafts openly (npm run dev). Published articles never come
// through here, so a `?preview=` on them changes nothing; a missing, wrong or expired token leaves the
// request to the normal 404.
import type { Request } from 'express';
import { previewSecret } from '../db/site-secrets.js';
import type { PreviewableRow } from '../db/site-repo.js';
import { verifyPreview } from '../lib/preview-token.js';
import type { Ctx } from './context.js';

export interface PreviewOptions {
  /** Serve drafts and scheduled articles without a token (the development server only). */
  openDrafts: boolean;
}

/** What the banner says: why the article is not public yet, and how long this view lasts. */
export interface PreviewState {
  status: 'draft' | 'scheduled';
  /** When a scheduled article goes public (ms). */
  publishAt: number | null;
  /** When the link stops working (ms); null under `npm run dev`. */
  linkExpiresAt: number | null;
}

export interface Previewable {
  article: PreviewableRow;
  state: PreviewState;
}

export function createPreviews(ctx: Ctx, options: PreviewOptions) {
  let secret: string | null = null;
  // Read (or created) on the first preview request, not at start-up: a read-only database still serves.
  const key = (): string | null => {
    if (secret !== null) return secret;
    try {
      secret = previewSecret(ctx.db, ctx.config.previewSecret);
    } catch (error) {
      ctx.logger.error(
        { reason: error instanceof Error ? error.message : String(error) },
        'preview key unavailable',
      );
    }
    return secret;
  };

  /** The unpublished article this request may see, or null (then it is a 404 like any unknown address). */
  return function find(req: Request, lang: string, slug: string, now: number): Previewable | null {
    const token = req.query.preview;
    if (!options.openDrafts && token === undefined) return null;
    const article = ctx.repo.articleInAnyState(lang, slug);
    if (!article) return null;
    const scheduled = article.draft === 0 && article.published_at > now;
    if (article.draft === 0 && !scheduled) return null;
    const state: PreviewState = {
      status: scheduled ? 'scheduled' : 'draft',
      publishAt: scheduled ? article.published_at : null,
      linkExpiresAt: null,
    };
    if (options.openDrafts) return { article, state };
    const k = key();
    const expiresAt = k === null ? null : verifyPreview(token, { lang, slug }, k, now);
    return expiresAt === null ? null : { article, state: { ...state, linkExpiresAt: expiresAt } };
  };
}
export type FindPreview = ReturnType<typeof createPreviews>;
